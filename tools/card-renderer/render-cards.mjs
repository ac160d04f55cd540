#!/usr/bin/env node
// Renders Adaptive Card JSON files with the official adaptivecards JS renderer in headless Chromium, the way Teams'
// web and desktop clients do, and saves a screenshot of each card.
//
//   node tools/card-renderer/render-cards.mjs INPUT_DIR OUTPUT_DIR
//
// For every INPUT_DIR/NAME.json it writes OUTPUT_DIR/NAME.png (the rendered card) and OUTPUT_DIR/NAME.render.json
// (size, errors, warnings, and the text and markup of every rendered TextBlock, so tests can check escaping), and
// prints one line per card. Exit codes: 0 every card rendered cleanly; 1 at least one card has parse or validation
// errors or rendered nothing; 2 bad arguments or a missing tool (Chromium, node_modules).
//
// Everything is local: the page, the renderer bundle and markdown-it come from a loopback HTTP server over
// node_modules, and Chromium runs with networking features off, because this machine has no internet.

import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const CARD_WIDTH_PX = 500;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nodeModules = join(repoRoot, 'node_modules');

function fail(message) {
  console.error(`render-cards: ${message}`);
  process.exit(2);
}

const [inputArg, outputArg] = process.argv.slice(2);
if (!inputArg || !outputArg || process.argv.length > 4) {
  fail('usage: render-cards.mjs INPUT_DIR OUTPUT_DIR');
}
const inputDir = resolve(inputArg);
const outputDir = resolve(outputArg);
if (!existsSync(inputDir)) fail(`input directory ${inputDir} does not exist`);
if (!existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing; run scripts/install-tools.sh (it installs Debian's chromium).`);

const adaptiveCardsBundle = join(nodeModules, 'adaptivecards', 'dist', 'adaptivecards.min.js');
if (!existsSync(adaptiveCardsBundle)) fail(`${adaptiveCardsBundle} is missing; run scripts/install-tools.sh.`);

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  fail('playwright-core is not installed; run scripts/install-tools.sh.');
}

// Teams' clients run card markdown through a CommonMark processor; the adaptivecards renderer uses window.markdownit
// when present. Without markdown-it the renderer shows text raw (backslash escapes visible), which is not what Teams
// shows, so we say so loudly rather than silently producing misleading screenshots.
const esModules = await esModuleGraph('markdown-it');
if (!esModules) {
  console.warn('render-cards: markdown-it is not in node_modules; rendering WITHOUT markdown processing (escapes will show).');
}

const cardFiles = (await readdir(inputDir)).filter((name) => extname(name) === '.json' && !name.endsWith('.render.json')).sort();
if (cardFiles.length === 0) fail(`no *.json cards in ${inputDir}`);
await mkdir(outputDir, { recursive: true });

const server = await startServer();
const userDataDir = await mkdtemp(join(tmpdir(), 'card-renderer-chromium-'));
let failed = 0;
let context;
try {
  // A persistent context is how Playwright takes a --user-data-dir; a fresh one per run keeps state out.
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: CARD_WIDTH_PX + 40, height: 800 },
    deviceScaleFactor: 1,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => window.rendererReady === true, null, { timeout: 15_000 });

  for (const file of cardFiles) {
    const name = basename(file, '.json');
    const text = await readFile(join(inputDir, file), 'utf8');
    const sizeBytes = Buffer.byteLength(text, 'utf16le');
    let result;
    try {
      result = await page.evaluate((json) => window.renderCard(json), text);
    } catch (error) {
      result = { errors: [`renderer crashed: ${error.message}`], warnings: [], textBlocks: [], empty: true };
    }
    if (pageErrors.length > 0) result.errors.push(...pageErrors.splice(0).map((e) => `page error: ${e}`));
    if (result.empty && result.errors.length === 0) result.errors.push('the card rendered to an empty element');

    if (!result.empty) {
      await page.locator('#card-host').screenshot({ path: join(outputDir, `${name}.png`) });
    }
    await writeFile(
      join(outputDir, `${name}.render.json`),
      JSON.stringify({ card: name, sizeBytes, markdown: Boolean(esModules), ...result }, null, 2),
    );

    const ok = result.errors.length === 0;
    if (!ok) failed++;
    const warnings = result.warnings.length ? `, ${result.warnings.length} warning(s)` : '';
    console.log(`${name}  ${sizeBytes} bytes (UTF-16)  ${ok ? 'OK' : 'ERRORS'}${warnings}`);
    for (const error of result.errors) console.log(`  error: ${error}`);
    for (const warning of result.warnings) console.log(`  warning: ${warning}`);
  }
} catch (error) {
  console.error(`render-cards: could not run Chromium: ${error.message}`);
  process.exitCode = 2;
} finally {
  await context?.close();
  server.close();
  await rm(userDataDir, { recursive: true, force: true });
}

if (process.exitCode !== 2) {
  if (failed > 0) console.error(`render-cards: ${failed} of ${cardFiles.length} card(s) failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

// The ES module files markdown-it needs (itself and its dependencies), keyed by package name, or null if missing.
async function esModuleGraph(rootPackage) {
  const graph = new Map();
  const pending = [rootPackage];
  while (pending.length > 0) {
    const pkg = pending.pop();
    if (graph.has(pkg)) continue;
    const manifestPath = join(nodeModules, pkg, 'package.json');
    if (!existsSync(manifestPath)) return null;
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    const entry = esEntry(manifest);
    if (!entry || !existsSync(join(nodeModules, pkg, entry))) return null;
    graph.set(pkg, entry);
    pending.push(...Object.keys(manifest.dependencies ?? {}));
  }
  return graph;
}

// A package's browser-loadable ES module entry: exports["."] import/default, else "module".
function esEntry(manifest) {
  const root = manifest.exports?.['.'] ?? manifest.exports;
  const pick = (target) => (typeof target === 'string' ? target : target?.default ?? (typeof target?.import === 'string' ? target.import : undefined));
  const fromExports = typeof root === 'object' && root !== null ? pick(root.import) ?? pick(root) : undefined;
  return normalize(fromExports ?? manifest.module ?? '').replace(/^\.\//, '') || null;
}

function startServer() {
  const importMap = { imports: {} };
  for (const [pkg, entry] of esModules ?? []) importMap.imports[pkg] = `/modules/${pkg}/${entry.split(sep).join('/')}`;
  const page = pageHtml(importMap);

  const httpServer = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    try {
      if (path === '/') return send(response, 200, 'text/html; charset=utf-8', page);
      if (path === '/adaptivecards.min.js') return send(response, 200, 'text/javascript', await readFile(adaptiveCardsBundle));
      const match = /^\/modules\/([^/]+)\/(.+)$/.exec(path);
      if (match && esModules?.has(match[1])) {
        const packageDir = join(nodeModules, match[1]);
        const file = normalize(join(packageDir, match[2]));
        if (file.startsWith(packageDir + sep) && existsSync(file)) {
          return send(response, 200, 'text/javascript', await readFile(file));
        }
      }
      send(response, 404, 'text/plain', 'not found');
    } catch (error) {
      send(response, 500, 'text/plain', String(error));
    }
  });
  return new Promise((resolvePromise, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => {
      const { port } = httpServer.address();
      resolvePromise({ url: `http://127.0.0.1:${port}`, close: () => httpServer.close() });
    });
  });
}

function send(response, status, contentType, body) {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

function pageHtml(importMap) {
  const markdownScript = esModules
    ? `<script type="module">import markdownit from 'markdown-it'; window.markdownit = markdownit; window.markdownReady = true;</script>`
    : `<script>window.markdownReady = true;</script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>PlanBot card renderer</title>
<style>
  body { margin: 0; padding: 20px; background: #f5f5f5; }
  #card-host { width: ${CARD_WIDTH_PX}px; background: #ffffff; border: 1px solid #e0e0e0; border-radius: 4px; overflow: hidden; }
</style>
<script type="importmap">${JSON.stringify(importMap)}</script>
<script src="/adaptivecards.min.js"></script>
${markdownScript}
<script>
${rendererScript()}
</script>
</head>
<body><div id="card-host"></div></body>
</html>`;
}

// Runs in the page. Kept as a function so it is real, lintable JavaScript rather than a string.
function rendererInPage(cardWidthPx) {
  const AC = window.AdaptiveCards;
  // Teams shows choice labels and input labels as plain text; only TextBlock and Fact text go through markdown.
  AC.GlobalSettings.useMarkdownInRadioButtonAndCheckbox = false;

  // Teams' light-theme text colours, shared by the default and emphasis container styles.
  const teamsLightForegroundColors = {
    default: { default: '#242424', subtle: '#616161' },
    dark: { default: '#252423', subtle: '#484644' },
    light: { default: '#FFFFFF', subtle: '#F3F2F1' },
    accent: { default: '#6264A7', subtle: '#8B8CC7' },
    good: { default: '#237B4B', subtle: '#3D8C61' },
    warning: { default: '#C4620A', subtle: '#D4823A' },
    attention: { default: '#C4314B', subtle: '#D05C70' },
  };

  const segoe = "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', 'Noto Sans', 'DejaVu Sans', sans-serif, 'Noto Color Emoji'";
  // A light, Teams-like host config (Teams does not publish its own; these follow its look: Segoe UI, 14px text,
  // its purple accent and its status colours).
  const hostConfig = new AC.HostConfig({
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#E1DFDD' },
    fontTypes: {
      default: {
        fontFamily: segoe,
        fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
      monospace: {
        fontFamily: "Consolas, 'Courier New', 'DejaVu Sans Mono', monospace",
        fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
    },
    containerStyles: {
      default: {
        backgroundColor: '#FFFFFF',
        foregroundColors: teamsLightForegroundColors,
      },
      emphasis: {
        backgroundColor: '#F5F5F5',
        foregroundColors: teamsLightForegroundColors,
      },
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      showCard: { actionMode: 'inline', inlineTopMargin: 16 },
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
    },
    factSet: {
      title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
      value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
      spacing: 8,
    },
  });

  const host = document.getElementById('card-host');
  host.style.fontFamily = segoe;
  host.style.width = `${cardWidthPx}px`;

  window.renderCard = (jsonText) => {
    const errors = [];
    const warnings = [];
    const note = (event) => {
      const kind = AC.ValidationEvent[event.event] ?? String(event.event);
      const phase = AC.ValidationPhase[event.phase] ?? String(event.phase);
      const source = event.source?.getJsonTypeName?.() ?? 'card';
      const line = `${phase} ${kind} (${source}): ${event.message}`;
      // Only Hint and Deprecated events are advice; anything else the renderer reports is an error in the card.
      (['Hint', 'Deprecated'].includes(kind) ? warnings : errors).push(line);
    };

    host.replaceChildren();
    let json;
    try {
      json = JSON.parse(jsonText);
    } catch (error) {
      return { errors: [`not JSON: ${error.message}`], warnings, textBlocks: [], empty: true };
    }

    const card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    const context = new AC.SerializationContext();
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) note(context.getEventAt(i));
    for (const event of card.validateProperties().validationEvents) note(event);

    const rendered = card.render();
    if (rendered) host.appendChild(rendered);
    const empty = !rendered || rendered.childElementCount === 0 || rendered.getBoundingClientRect().height === 0;

    // What each TextBlock (and Fact title/value) shows, and any markup markdown produced inside it.
    const textBlocks = [...host.querySelectorAll('.ac-textBlock')].map((element) => ({
      text: element.innerText,
      markup: [...element.querySelectorAll('*')].map((child) => child.tagName.toLowerCase()).filter((tag) => tag !== 'p'),
    }));
    return { errors, warnings, textBlocks, empty };
  };
  window.rendererReady = true;
}

function rendererScript() {
  // Waits for the markdown-it module (if any) before the renderer is used.
  return `(function start() {
    if (!window.markdownReady || !window.AdaptiveCards) { setTimeout(start, 10); return; }
    (${rendererInPage.toString()})(${CARD_WIDTH_PX});
  })();`;
}
