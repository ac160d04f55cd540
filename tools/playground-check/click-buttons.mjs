#!/usr/bin/env node
// Drives the Microsoft 365 Agents Playground's web client in headless Chromium and presses PlanBot's card buttons the
// way a person would: Help on the welcome card, Show more under a long list, a list row's Details button, and a choice
// button after an ambiguous name. Each press must bring the bot's answer into the chat, and the page must log no script error.
//
//   node tools/playground-check/click-buttons.mjs PLAYGROUND_URL SCREENSHOT_DIR
//
// The Playground must already be pointed at a PlanBot host with the sample plan (ODKM) as at 20 Jan 2020.
// Prints one line per step; exit code 0 when every button answered, 1 when one did not, 2 for bad arguments.

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ANSWER_TIMEOUT_MS, openPlayground } from './playground-page.mjs';

const [url, screenshotArg] = process.argv.slice(2);
if (!url || !screenshotArg) {
  console.error('usage: click-buttons.mjs PLAYGROUND_URL SCREENSHOT_DIR');
  process.exit(2);
}
const screenshots = resolve(screenshotArg);
mkdirSync(screenshots, { recursive: true });

let opened;
try {
  opened = await openPlayground(url);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const { browser, page, scriptErrors, send } = opened;
let failed = false;
try {
  const step = async (name, press, expected) => {
    const errorsBefore = scriptErrors.length;
    const answers = page.getByText(expected, { exact: false });
    const before = await answers.count();
    try {
      await press();
      // A new occurrence, so text already in the chat cannot pass for the answer.
      await answers.nth(before).waitFor({ timeout: ANSWER_TIMEOUT_MS });
      const newErrors = scriptErrors.slice(errorsBefore);
      if (newErrors.length > 0) throw new Error(`script errors: ${newErrors.join(' | ')}`);
      console.log(`ok: ${name} -> "${expected}"`);
    } catch (error) {
      failed = true;
      console.log(`FAILED: ${name}: expected "${expected}": ${error.message.split('\n')[0]}`);
    }
    await page.screenshot({ path: join(screenshots, `${name}.png`) });
  };
  // The welcome card arrives when the Playground installs the bot.
  await page.getByRole('button', { name: 'Help', exact: true }).last().waitFor({ timeout: ANSWER_TIMEOUT_MS });
  await step('help', () => page.getByRole('button', { name: 'Help', exact: true }).last().click(), 'Here is what I can do.');
  // The help card's own button.
  await step('show-plans', () => page.getByRole('button', { name: 'Show plans', exact: true }).last().click(), 'imported');
  await send('list all milestones');
  await page.getByRole('button', { name: 'Show more', exact: true }).last().waitFor({ timeout: ANSWER_TIMEOUT_MS });
  await step('show-more', () => page.getByRole('button', { name: 'Show more', exact: true }).last().click(), 'Showing 11–20 of 55.');
  // The first row's own button in a fresh list: #36 is the first of Finance's overdue milestones.
  const details = page.getByRole('button', { name: 'Details', exact: true });
  const detailsBefore = await details.count();
  await send("what's overdue in finance?");
  await details.nth(detailsBefore).waitFor({ timeout: ANSWER_TIMEOUT_MS });
  await step('row-details', () => details.nth(detailsBefore).click(), 'Negotiate 20/21 CT with regulators and system: delayed');
  await send('what does mark own?');
  await page.getByRole('button', { name: 'Mark Balaam', exact: true }).last().waitFor({ timeout: ANSWER_TIMEOUT_MS });
  await step('choice', () => page.getByRole('button', { name: 'Mark Balaam', exact: true }).last().click(), 'owned by Mark Balaam');
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
