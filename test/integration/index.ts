// Entry the VS Code extension host loads (`extensionTestsPath`): runs every
// test/integration/**/*.test.ts with mocha's BDD interface (describe/it, as in the unit tests).
// Output goes through console.log, which the extension host forwards to the test runner.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Mocha from 'mocha';
import { testModules } from 'grounded:integration-tests';
import { TEST_MS } from './harness/wait-for';

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

function createMocha(): Mocha {
  const grep = process.env.GROUNDED_TEST_GREP;
  return new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: TEST_MS,
    ...(grep ? { grep } : {}),
  });
}

/** Mirrors Mocha#loadFiles for modules that are already bundled: set up globals, then load. */
async function loadTests(mocha: Mocha): Promise<void> {
  for (const { file, load } of testModules) {
    const path = resolve(__dirname, '..', '..', 'test', 'integration', file);
    mocha.suite.emit('pre-require', globalThis, path, mocha);
    const loaded = await load();
    mocha.suite.emit('require', loaded, path, mocha);
    mocha.suite.emit('post-require', globalThis, path, mocha);
  }
}

function runMocha(mocha: Mocha): Promise<TestCounts> {
  return new Promise((resolveCounts) => {
    const runner = mocha.run(() => {
      const stats = runner.stats;
      resolveCounts({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, skipped: stats?.pending ?? 0 });
    });
  });
}

export async function run(): Promise<void> {
  const mocha = createMocha();
  await loadTests(mocha);
  const counts = await runMocha(mocha);
  // The runner adds these to the other levels' counts (see scripts/run-integration.mjs).
  const countsFile = process.env.GROUNDED_TEST_COUNTS;
  if (countsFile) writeFileSync(countsFile, `${JSON.stringify(counts)}\n`);
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
  if (counts.passed === 0) throw new Error('no integration test ran');
}
