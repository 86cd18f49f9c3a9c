// End to end: the Analysis panel in a real VS Code in Chromium, on a dark and a light theme. Each tab
// is opened from the command palette, its content waited for inside the webview, and photographed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { e2eEnvironment } from './e2e-env';
import { painted, pickQuickInput, runCommand, screenshot, THEMES, useTheme, useWorkbench, webviewShowing } from './workbench';

/** The webview frame showing the panel, once it shows `text`. */
async function panelShowing(page: Page, text: string, timeoutMs = 60_000): Promise<Frame> {
  return webviewShowing(page, '#root', text, timeoutMs);
}

const TABS = [
  { command: 'Grounded: Analyse: Retrieve Segments', shows: 'passages', file: 'segments' },
  { command: 'Grounded: Analyse: Code Matrix and Crosstab', shows: 'Columns', file: 'matrix' },
  { command: 'Grounded: Analyse: Code Frequencies', shows: 'Segments with sub-codes', file: 'frequencies' },
  { command: 'Grounded: Analyse: Saturation', shows: 'brought no new code; the last one that did was', file: 'saturation' },
];

describe('the Analysis panel', function () {
  this.timeout(300_000);
  const env = e2eEnvironment();
  const workbench = useWorkbench(env.url, env.resultsDir);

  for (const theme of THEMES) {
    it(`shows segments, a matrix, frequencies and saturation on ${theme.name}`, async () => {
      const page = workbench();
      // The workspace's settings are read again when they change: the theme switches without a picker.
      await useTheme(page, env.workspace, theme);
      for (const tab of TABS) {
        await runCommand(page, tab.command);
        const frame = await panelShowing(page, tab.shows);
        // The page carries its own script (the chart code comes later, by address): its first
        // paint did not wait for the script to be fetched.
        const scripts = await frame.locator('script').evaluateAll((found) => found.map((s) => ({ src: s.getAttribute('src'), length: (s.textContent ?? '').length })));
        assert.ok(scripts.some((s) => s.src === null && s.length > 10_000) && !scripts.some((s) => s.src?.includes('analysis-main')), JSON.stringify(scripts));
        // Charts draw on the next frame; wait for the canvas where there is one.
        if (tab.file === 'frequencies' || tab.file === 'saturation') await frame.locator('canvas').first().waitFor();
        await painted(frame);
        await screenshot(page, join(env.resultsDir, `analysis-${tab.file}-${theme.name.split(' ')[0].toLowerCase()}.png`));
      }
      // Codes by sector, by keyboard: participants per group, and an exact test where χ² cannot say.
      await runCommand(page, 'Grounded: Analyse: Crosstab Codes by Attribute…');
      await pickQuickInput(page, 'sector', 'sector');
      const crosstab = await panelShowing(page, 'exact p=');
      await painted(crosstab);
      await screenshot(page, join(env.resultsDir, `analysis-crosstab-${theme.name.split(' ')[0].toLowerCase()}.png`));
      // A parent code typed without /** finds nothing of its own: the panel says how to include its sub-codes.
      await runCommand(page, TABS[0].command);
      const frame = await panelShowing(page, TABS[0].shows);
      const expression = frame.locator('vscode-textfield.expression input');
      await expression.fill('Support');
      await expression.press('Enter');
      await frame.getByText('write Support/** to include them').waitFor();
      await painted(frame);
      await screenshot(page, join(env.resultsDir, `analysis-segments-note-${theme.name.split(' ')[0].toLowerCase()}.png`));
    });
  }
});
