// Opens the Microsoft 365 Agents Playground's web client in headless Chromium (Debian's, driven by playwright-core),
// for the scripts beside this one: the button check and the README's screenshots.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';
export const ANSWER_TIMEOUT_MS = 60_000;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Launches Chromium on the Playground at `url`. Returns the browser, the page, the script errors seen so far (a live
 * array) and `send(text)`, which types a message into the compose box and sends it.
 */
export async function openPlayground(url, viewport = { width: 1280, height: 1000 }) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing; run scripts/install-tools.sh.`);
  const { chromium } = await import(join(repoRoot, 'node_modules', 'playwright-core', 'index.mjs'));
  // The flags this machine needs: no sandbox as root, and no background networking (the network is closed).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const scriptErrors = [];
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  page.on('console', (message) => {
    // The Playground asks Microsoft's CDN for fonts and animations; those fail offline and are not ours.
    if (message.type() === 'error' && !/Failed to load|ERR_NAME_NOT_RESOLVED|worklet/i.test(message.text())) scriptErrors.push(message.text());
  });
  await page.goto(url);
  const send = async (text) => {
    // The Playground's compose box is a rich-text editor (a contenteditable textbox), not an input.
    const box = page.locator('[role="textbox"][data-lexical-editor="true"]');
    await box.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  return { browser, page, scriptErrors, send };
}
