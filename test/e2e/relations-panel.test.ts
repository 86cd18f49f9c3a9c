// End to end: the Relations panel in a real VS Code in Chromium, on a dark and a light theme. It is
// opened from the command palette, a node is focused and moved from with the keyboard, and the
// panel is photographed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { e2eEnvironment } from './e2e-env';
import { runCommand, screenshot, THEMES, useTheme, useWorkbench, webviewShowing } from './workbench';

/** The webview frame showing the Relations panel's drawing. */
async function relationsFrame(page: Page, timeoutMs = 60_000): Promise<Frame> {
  return webviewShowing(page, 'svg.relations g.node', undefined, timeoutMs);
}

describe('the Relations panel', function () {
  this.timeout(300_000);
  const env = e2eEnvironment();
  const workbench = useWorkbench(env.url, env.resultsDir);

  for (const theme of THEMES) {
    it(`draws the demo study's relations, reachable by keyboard, on ${theme.name}`, async () => {
      const page = workbench();
      await useTheme(page, env.workspace, theme);
      await runCommand(page, 'Grounded: Open Relations Panel');
      const frame = await relationsFrame(page);
      assert.equal(await frame.locator('svg.relations g.edge').count(), 11);
      assert.equal(await frame.locator('svg.relations script').count(), 0);
      const nodes = frame.locator('svg.relations g.node');
      const next = await nodes.nth(1).getAttribute('aria-label');
      // The panel redraws when the theme changes, and a redraw drops focus: focus the first node and
      // press the key again until the next node has the focus.
      const deadline = Date.now() + 60_000;
      for (;;) {
        await nodes.first().focus();
        await page.keyboard.press('ArrowRight');
        const moved = await frame.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, next, { timeout: 2_000 }).then(() => true, () => false);
        if (moved) break;
        assert.ok(Date.now() < deadline, 'the arrow key moves focus to the next node');
      }
      await screenshot(page, join(env.resultsDir, `relations-${theme.name.split(' ')[0].toLowerCase()}.png`));
    });
  }
});
