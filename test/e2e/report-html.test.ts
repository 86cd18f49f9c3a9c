// End to end: the HTML report a researcher opens in a browser (and pastes from into a paper draft),
// made from the demo by `grounded report`, shown in Chromium under its own Content-Security-Policy.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { reportCommand } from '../../src/cli/commands/report';
import { e2eEnvironment } from './e2e-env';
import { launchBrowser } from './workbench';

describe('the HTML report of a code', function () {
  this.timeout(120_000);
  const env = e2eEnvironment();
  let browser: Browser | undefined;
  after(async () => browser?.close());

  it('shows the definition, the memo as its author wrote it, and the passages by participant', async () => {
    mkdirSync(env.resultsDir, { recursive: true });
    const out = join(env.resultsDir, 'report-invalidation.html');
    const errors: string[] = [];
    const io = { out: () => undefined, err: (text: string) => void errors.push(text), cwd: env.workspace };
    assert.equal(await reportCommand.run([env.workspace], { code: 'Invalidation', format: 'html', out }, io), 0, errors.join(''));

    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(pathToFileURL(out).href);
    const memo = page.locator('.memo');
    // The memo's own emphasis and numbered list, not its asterisks.
    await memo.locator('strong', { hasText: 'validated' }).first().waitFor();
    assert.equal(await memo.locator('ol > li').count(), 4);
    assert.doesNotMatch(await memo.innerText(), /\*\*/);
    // Its style is the report's own, allowed by its hash: the memo has its background.
    assert.equal(await memo.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(253, 248, 232)');
    assert.deepEqual(refused, []);
    assert.equal(await page.locator('a, img, script').count(), 0);
    await page.screenshot({ path: join(env.resultsDir, 'report-html.png'), fullPage: true });
  });
});
