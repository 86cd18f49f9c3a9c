#!/usr/bin/env node
// `npm test`: every check, in order — typecheck, lint, unit, integration (real extension host),
// end to end (packaged extension in code-server), web (the browser's web-worker extension host).
// Output is streamed; every level runs even when an earlier one failed, so one run shows
// everything that is wrong. The last line is the whole
// run's count, `N passed, N failed` (plus `, N skipped`); the exit code is non-zero if anything
// failed or a level crashed.
//
//   npm test [-- --skip=e2e,integration]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTS_ENV, addCounts, emptyCounts, formatCounts, readCounts } from './lib/counts.mjs';
import { repoRoot } from './lib/paths.mjs';
import { runForExitCode } from './lib/process.mjs';

const node = process.execPath;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// `counted` levels report test counts; the others are single checks that pass or fail.
const LEVELS = [
  { name: 'typecheck', command: npm, args: ['run', '--silent', 'typecheck'], counted: false },
  { name: 'lint', command: npm, args: ['run', '--silent', 'lint'], counted: false },
  {
    name: 'unit',
    command: node,
    args: [join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--reporter', join(repoRoot, 'scripts', 'lib', 'counting-reporter.mjs')],
    counted: true,
  },
  { name: 'integration', command: node, args: [join(repoRoot, 'scripts', 'run-integration.mjs')], counted: true },
  { name: 'e2e', command: node, args: [join(repoRoot, 'scripts', 'run-e2e.mjs')], counted: true },
  // The extension in a browser's web-worker extension host (vscode.dev, github.dev).
  { name: 'web', command: node, args: [join(repoRoot, 'scripts', 'run-web-tests.mjs')], counted: true },
];

function skippedLevels(argv) {
  const flag = argv.find((a) => a.startsWith('--skip='));
  return new Set(flag ? flag.slice('--skip='.length).split(',') : []);
}

/**
 * What a level adds to the total. A failed check counts as one failure; a test level that exits
 * non-zero without reporting a failed test (a crash, a build error, no tests) counts as one more.
 */
function levelCounts(level, exitCode, reported) {
  if (!level.counted) return { ...emptyCounts(), failed: exitCode === 0 ? 0 : 1 };
  const counts = reported ?? emptyCounts();
  const crashed = exitCode !== 0 && counts.failed === 0;
  const ranNothing = exitCode === 0 && counts.passed + counts.failed === 0;
  return { ...counts, failed: counts.failed + (crashed || ranNothing ? 1 : 0) };
}

function describeLevel(level, exitCode, reported, seconds) {
  const status = exitCode === 0 ? 'ok' : `FAILED (exit ${exitCode})`;
  const counts = !level.counted ? '' : reported ? `  ${formatCounts(reported)}` : '  (no test counts reported)';
  return `${level.name.padEnd(12)} ${status}${counts}  ${seconds.toFixed(1)} s`;
}

async function runLevel(level, workDir) {
  const countsFile = join(workDir, `${level.name}.json`);
  const env = { ...process.env, [COUNTS_ENV]: countsFile };
  console.log(`\n━━━ ${level.name} ━━━`);
  const started = performance.now();
  const exitCode = await runForExitCode(level.command, level.args, { cwd: repoRoot, env });
  const seconds = (performance.now() - started) / 1000;
  const reported = readCounts(countsFile);
  const counts = levelCounts(level, exitCode, reported);
  return { line: describeLevel(level, exitCode, reported, seconds), counts, ok: exitCode === 0 };
}

async function main() {
  const skip = skippedLevels(process.argv.slice(2));
  const workDir = mkdtempSync(join(tmpdir(), 'grounded-test-counts-'));
  const summary = [];
  let total = emptyCounts();
  let allOk = true;
  try {
    for (const level of LEVELS.filter((l) => !skip.has(l.name))) {
      const result = await runLevel(level, workDir);
      summary.push(result.line);
      total = addCounts(total, result.counts);
      allOk &&= result.ok;
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  console.log(`\n━━━ summary ━━━\n${summary.join('\n')}`);
  console.log(formatCounts(total));
  return allOk && total.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.stack ?? error.message);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
