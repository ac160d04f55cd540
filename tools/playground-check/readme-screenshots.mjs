#!/usr/bin/env node
// The README's Agents Playground screenshots, taken from the real Playground in headless Chromium rather than by hand:
//   docs/playground-first-chat.png  the welcome card, as a new user's first chat opens
//   docs/playground-overdue.png     "what's overdue in finance?": the list card with its owners and Details buttons
//
//   node tools/playground-check/readme-screenshots.mjs PLAYGROUND_URL OUT_DIR
//
// scripts/playground-screenshots.sh starts the bot (sample plan, as at 20 Jan 2020) and the Playground and runs this.
// Exit code 0 when every screenshot was saved, 1 when an answer did not come, 2 for bad arguments.

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ANSWER_TIMEOUT_MS, openPlayground } from './playground-page.mjs';

const [url, outArg] = process.argv.slice(2);
if (!url || !outArg) {
  console.error('usage: readme-screenshots.mjs PLAYGROUND_URL OUT_DIR');
  process.exit(2);
}
const out = resolve(outArg);
mkdirSync(out, { recursive: true });

let opened;
try {
  opened = await openPlayground(url, { width: 1280, height: 1100 });
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const { browser, page, scriptErrors, send } = opened;
let failed = false;
try {
  // Sends a question, waits for the text that shows its answer has arrived, lets the card settle, and saves the page.
  const shoot = async (file, question, answered) => {
    try {
      const answers = page.getByText(answered, { exact: false });
      const before = await answers.count();
      if (question) await send(question);
      await answers.nth(before).waitFor({ timeout: ANSWER_TIMEOUT_MS });
      await page.waitForTimeout(1_000);
      if (scriptErrors.length > 0) throw new Error(`script errors: ${scriptErrors.join(' | ')}`);
      await page.screenshot({ path: join(out, file) });
      console.log(`saved: ${join(out, file)}`);
    } catch (error) {
      failed = true;
      console.log(`FAILED: ${file}: expected "${answered}": ${error.message.split('\n')[0]}`);
    }
  };

  // The welcome card arrives when the Playground installs the bot.
  await shoot('playground-first-chat.png', null, "Hello, I'm PlanBot.");
  // The chat scrolls to its newest message, so the answer fills the view.
  await shoot('playground-overdue.png', "what's overdue in finance?", 'overdue in Finance as at 20 Jan 2020');
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
