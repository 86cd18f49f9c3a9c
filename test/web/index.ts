// Entry the web-worker extension host loads (`extensionTestsPath`, built to dist/test/web.cjs):
// runs the browser suite and reports its counts on the console for scripts/run-web-tests.mjs.
import { runSuites } from './harness/runner';
import './web-host.test';

/** The line scripts/run-web-tests.mjs reads the counts from. */
export const COUNTS_PREFIX = '[web-tests] counts ';

export async function run(): Promise<void> {
  const counts = await runSuites(undefined, (line) => console.log(line));
  console.log(`${COUNTS_PREFIX}${JSON.stringify(counts)}`);
  if (counts.failed > 0) throw new Error(`${counts.failed} web test(s) failed`);
  if (counts.passed === 0) throw new Error('no web test ran');
}
