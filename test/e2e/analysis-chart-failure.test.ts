// End to end: the Analysis panel when the code that draws its charts cannot be loaded (an install
// that lost a file). The chart tabs show their tables and say what to do; the other tabs go on working.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { e2eEnvironment } from './e2e-env';
import { painted, runCommand, screenshot, THEMES, useTheme, useWorkbench, webviewShowing } from './workbench';

/** The installed extension's chart bundle (the folder name carries the version). */
function chartsBundle(extensions: string | undefined): string {
  if (!extensions) throw new Error('GROUNDED_E2E_EXTENSIONS is not set: run the end-to-end tests with `npm run test:e2e`.');
  const folder = readdirSync(extensions).find((name) => name.startsWith('grounded-qda.grounded-'));
  if (!folder) throw new Error(`Grounded is not installed in ${extensions}`);
  const bundle = join(extensions, folder, 'dist', 'webview', 'charts-bundle.js');
  assert.ok(existsSync(bundle), bundle);
  return bundle;
}

describe('the Analysis panel without its chart code', function () {
  this.timeout(300_000);
  const env = e2eEnvironment();
  // A browser of its own: nothing it loaded before can stand in for the missing file.
  const workbench = useWorkbench(env.url, env.resultsDir);

  it('shows the Frequencies and Saturation tables, says the chart cannot be shown and what to do, and Segments still works', async () => {
    const bundle = chartsBundle(env.extensions);
    renameSync(bundle, `${bundle}.moved`);
    try {
      const page = workbench();
      const theme = THEMES[0];
      await useTheme(page, env.workspace, theme);
      await runCommand(page, 'Grounded: Analyse: Code Frequencies');
      const frame = await webviewShowing(page, '#root', 'The chart cannot be shown');
      const alert = (await frame.locator('[role="alert"]').first().textContent()) ?? '';
      assert.match(alert, /the chart code could not be loaded\. The numbers are in the table below\. Close the Analysis panel and open it again/);
      assert.equal(await frame.locator('canvas').count(), 0);
      // The counts do not depend on the chart: the table is there, every code a row.
      assert.ok((await frame.locator('table.matrix tbody tr').count()) > 5, 'the frequencies table is shown');
      await runCommand(page, 'Grounded: Analyse: Saturation');
      await webviewShowing(page, '#root', 'Codes so far');
      assert.match((await frame.locator('[role="alert"]').first().textContent()) ?? '', /The chart cannot be shown/);
      await painted(frame);
      await screenshot(page, join(env.resultsDir, `analysis-chart-failure-${theme.short}.png`));
      await runCommand(page, 'Grounded: Analyse: Retrieve Segments');
      await webviewShowing(page, '#root', 'passages');
    } finally {
      renameSync(`${bundle}.moved`, bundle);
    }
  });
});
