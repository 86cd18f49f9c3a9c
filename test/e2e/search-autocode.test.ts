// End to end: the Analysis panel's Search tab in a real VS Code in Chromium, dark and light. A
// phrase is searched in every transcript, a code chosen, two passages unticked and the code applied
// to the rest; the preview then marks the passages that have the code. Photographed for a person
// to look at.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { e2eEnvironment } from './e2e-env';
import { painted, publishScreenshot, runCommand, screenshot, useTheme, useWorkbench, webviewShowing } from './workbench';

async function panelShowing(page: Page, text: string, timeoutMs = 60_000): Promise<Frame> {
  return webviewShowing(page, '#root', text, timeoutMs);
}

/**
 * Types the phrase and presses Enter until the panel lists its passages. The panel brought forward
 * by the command redraws once it has the extension's answer; typing that lands in the page it
 * replaces is typed again.
 */
async function search(frame: Frame, phrase: string): Promise<void> {
  const field = frame.locator('vscode-textfield[aria-label="Search for"] input');
  const found = frame.locator('.search-hit mark', { hasText: new RegExp(phrase, 'i') }).first();
  const deadline = Date.now() + 60_000;
  for (;;) {
    await field.fill(phrase);
    if ((await field.inputValue()) === phrase) {
      await field.press('Enter');
      // The new search's passages, not the ones the panel showed before.
      if (await found.waitFor({ timeout: 15_000 }).then(() => true, () => false)) return;
    }
    if (Date.now() > deadline) throw new Error(`the panel never listed the passages of "${phrase}"`);
  }
}

describe('search and autocode in the Analysis panel', function () {
  this.timeout(300_000);
  const env = e2eEnvironment();
  const workbench = useWorkbench(env.url, env.resultsDir);

  for (const theme of [
    { name: 'Dark Modern', setting: 'Default Dark Modern', workbenchClass: '.monaco-workbench.vs-dark', phrase: 'police' },
    { name: 'Light Modern', setting: 'Default Light Modern', workbenchClass: '.monaco-workbench.vs', phrase: 'lawyer' },
  ]) {
    it(`previews the passages of "${theme.phrase}", applies a code to the ticked ones and marks them, on ${theme.name}`, async () => {
      const page = workbench();
      await useTheme(page, env.workspace, theme);
      await runCommand(page, 'Grounded: Analyse: Search Transcripts');
      let frame = await panelShowing(page, 'Code to apply');
      await search(frame, theme.phrase);
      frame = await panelShowing(page, 'ticked');
      // "New Code…" with an existing code's path chooses that code.
      await frame.getByText('New Code…').click();
      await page.locator('.quick-input-widget input').fill('Barriers/Bureaucracy');
      await page.keyboard.press('Enter');
      frame = await panelShowing(page, 'Apply Barriers/Bureaucracy to');
      // Passages this coder already coded (by the tests before, on the same workspace) start unticked.
      const boxes = frame.locator('.search-hit input[type=checkbox]');
      const ticked = frame.locator('.search-hit input[type=checkbox]:checked');
      const total = await boxes.count();
      const tickedBefore = await ticked.count();
      const codedBefore = await frame.locator('.search-hit.is-coded').count();
      assert.ok(tickedBefore >= 4, `${tickedBefore} of ${total} passages ticked`);
      // Untick two with the keyboard: Space on a focused checkbox.
      for (const left of [tickedBefore - 1, tickedBefore - 2]) {
        await ticked.nth(1).focus();
        await page.keyboard.press('Space');
        await panelShowing(page, `Apply Barriers/Bureaucracy to ${left} passages`);
      }
      // A change on disk draws the panel again; the passage being ticked keeps the keyboard focus.
      const keyBefore = await frame.evaluate(() => document.activeElement?.getAttribute('data-focus-key') ?? null);
      assert.match(keyBefore ?? '', /^tick /);
      const drawnBefore = await frame.locator('.search-hit').first().elementHandle();
      writeFileSync(join(env.workspace, 'memos', `redraw-on-${theme.phrase}.md`), `A memo written while ${theme.phrase} passages were being ticked.\n`);
      await frame.waitForFunction((row) => !row?.isConnected, drawnBefore, { timeout: 60_000 });
      await frame.waitForFunction((key) => document.activeElement?.getAttribute('data-focus-key') === key, keyBefore, { timeout: 10_000 });
      await frame.getByText(`Apply Barriers/Bureaucracy to ${tickedBefore - 2} passages`).click();
      const codedAfter = codedBefore + tickedBefore - 2;
      frame = await panelShowing(page, 'already coded');
      await frame.locator('.search-hit.is-coded').nth(codedAfter - 1).waitFor();
      assert.equal(await frame.locator('.search-hit.is-coded').count(), codedAfter);
      assert.equal(await frame.locator('mark', { hasText: new RegExp(theme.phrase, 'i') }).count() >= total, true);
      await painted(frame);
      const shot = join(env.resultsDir, `analysis-search-${theme.name.split(' ')[0].toLowerCase()}.png`);
      await screenshot(page, shot);
      publishScreenshot(shot, env.updateDocsImages);
    });
  }
});
