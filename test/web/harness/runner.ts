/**
 * A small BDD runner for the tests run in the web-worker extension host. mocha's own runner needs
 * Node (its browser build needs a page), and a worker has neither; this keeps mocha's shape
 * (describe, it, before, after, this.timeout) for what the web suite uses, runs tests one after
 * another, and reports each result on the console, which the workbench relays to the test script.
 */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

type Body = () => unknown;

interface Test {
  title: string;
  body: Body;
}

interface Suite {
  title: string;
  tests: Test[];
  before: Body[];
  after: Body[];
  timeoutMs: number;
}

const suites: Suite[] = [];
let current: Suite | undefined;

export function describe(title: string, define: (this: { timeout(ms: number): void }) => void): void {
  const suite: Suite = { title, tests: [], before: [], after: [], timeoutMs: 300_000 };
  current = suite;
  define.call({ timeout: (ms: number) => (suite.timeoutMs = ms) });
  current = undefined;
  suites.push(suite);
}

function open(): Suite {
  if (!current) throw new Error('it/before/after must be called inside describe');
  return current;
}

export function it(title: string, body: Body): void {
  open().tests.push({ title, body });
}

export function before(body: Body): void {
  open().before.push(body);
}

export function after(body: Body): void {
  open().after.push(body);
}

/** Runs `body`, failing it when it takes longer than the suite's limit (a backstop, not a wait). */
async function withLimit(body: Body, ms: number, what: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([Promise.resolve().then(body), limit]);
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function runSuite(suite: Suite, grep: RegExp | undefined, counts: TestCounts, log: (line: string) => void): Promise<void> {
  const tests = suite.tests.filter((t) => !grep || grep.test(`${suite.title} ${t.title}`));
  if (tests.length === 0) return;
  log(suite.title);
  try {
    for (const hook of suite.before) await withLimit(hook, suite.timeoutMs, `"before all" of ${suite.title}`);
  } catch (error) {
    counts.failed += tests.length;
    log(`  ✗ "before all" failed, ${tests.length} test(s) not run: ${describeError(error)}`);
    return;
  }
  for (const test of tests) {
    const started = Date.now();
    try {
      await withLimit(test.body, suite.timeoutMs, `"${test.title}"`);
      counts.passed++;
      log(`  ✓ ${test.title} (${Date.now() - started} ms)`);
    } catch (error) {
      counts.failed++;
      log(`  ✗ ${test.title}\n${describeError(error)}`);
    }
  }
  for (const hook of suite.after) await withLimit(hook, suite.timeoutMs, `"after all" of ${suite.title}`).catch((error: unknown) => log(`  after all: ${describeError(error)}`));
}

/** Runs every suite defined so far, in order. */
export async function runSuites(grep: RegExp | undefined, log: (line: string) => void): Promise<TestCounts> {
  const counts: TestCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const suite of suites.splice(0)) await runSuite(suite, grep, counts, log);
  return counts;
}
