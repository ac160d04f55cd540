// Renders the Teams app icons from their SVG sources in headless Chromium (playwright-core with Debian's
// /usr/bin/chromium; no browser download): color.svg → manifest/color.png (192×192, opaque) and outline.svg →
// manifest/outline.png (32×32, white on transparent). The PNGs are committed; run this after changing an SVG:
//   node manifest/icons/render-icons.mjs
// Each SVG is drawn on a canvas of the icon's exact size. Every visible pixel of the outline icon is then set to pure
// white, keeping its alpha (anti-aliased edges stay smooth), because Teams wants only white on transparent.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
const manifestDir = join(here, '..');

const icons = [
  { source: 'color.svg', target: 'color.png', size: 192, outline: false },
  { source: 'outline.svg', target: 'outline.png', size: 32, outline: true },
];

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  for (const icon of icons) {
    const svg = await readFile(join(here, icon.source), 'utf8');
    const dataUrl = await page.evaluate(async ({ svg, size, outline }) => {
      const image = new Image(size, size);
      image.src = 'data:image/svg+xml;base64,' + btoa(svg);
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, size, size);
      const pixels = context.getImageData(0, 0, size, size);
      const data = pixels.data;
      for (let i = 0; i < data.length; i += 4) {
        if (outline) {
          if (data[i + 3] === 0) data[i] = data[i + 1] = data[i + 2] = 0;
          else data[i] = data[i + 1] = data[i + 2] = 255;
        } else if (data[i + 3] !== 255) {
          throw new Error('the colour icon must be opaque: its SVG should fill the whole square');
        }
      }
      context.putImageData(pixels, 0, 0);
      return canvas.toDataURL('image/png');
    }, { svg, size: icon.size, outline: icon.outline });
    const png = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    await writeFile(join(manifestDir, icon.target), png);
    console.log(`${icon.source} → manifest/${icon.target} (${icon.size}×${icon.size}, ${png.length} bytes)`);
  }
} finally {
  await browser.close();
}
