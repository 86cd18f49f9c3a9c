// End to end: the Agreement panel in a real VS Code in Chromium, on a dark and a light theme. The
// table is opened from the command palette, a code's disagreements are opened with the keyboard,
// and a passage is opened in its transcript; each step is photographed.
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { e2eEnvironment } from './e2e-env';
import { painted, runCommand, screenshot, THEMES, useTheme, useWorkbench, webviewShowing } from './workbench';

/** The webview frame showing the Agreement panel, once its table shows `text`. */
async function agreementFrame(page: Page, text: string, timeoutMs = 90_000): Promise<Frame> {
  return webviewShowing(page, 'table.agreement', text, timeoutMs);
}

describe('the Agreement panel', function () {
  this.timeout(300_000);
  const env = e2eEnvironment();
  const workbench = useWorkbench(env.url, env.resultsDir);

  for (const theme of THEMES) {
    it(`shows agreement per code and a code's disagreements, which open in the transcript, on ${theme.name}`, async () => {
      const page = workbench();
      const suffix = theme.name.split(' ')[0].toLowerCase();
      await useTheme(page, env.workspace, theme);
      await runCommand(page, 'Grounded: Show Agreement');
      const frame = await agreementFrame(page, 'All codes (pooled)');
      // A reloaded panel may come back with a code open (its state is restored): start from the table.
      const open = frame.locator('.code-toggle[aria-expanded="true"]');
      if ((await open.count()) > 0) {
        await open.first().click();
        await frame.locator('button.passage').first().waitFor({ state: 'detached', timeout: 60_000 });
      }
      await painted(frame);
      await screenshot(page, join(env.resultsDir, `agreement-table-${suffix}.png`));

      // Keyboard: focus the worst code's toggle and press Enter.
      const toggle = frame.locator('.code-toggle').first();
      await toggle.focus();
      await toggle.press('Enter');
      await frame.locator('button.passage').first().waitFor({ timeout: 60_000 });
      await painted(frame);
      await screenshot(page, join(env.resultsDir, `agreement-passages-${suffix}.png`));

      const passage = frame.locator('button.passage').first();
      const transcript = ((await passage.locator('.meta').textContent()) ?? '').split(' · ')[0].split('/').pop()!;
      await passage.click();
      await page.locator('.tab.active', { hasText: transcript }).first().waitFor({ timeout: 60_000 });
      await painted(page);
      await screenshot(page, join(env.resultsDir, `agreement-revealed-${suffix}.png`));
    });
  }
});
