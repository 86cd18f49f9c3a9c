#!/usr/bin/env node
// Runs test/integration/**/*.test.ts inside a real VS Code extension host:
// build → runtime → fresh copy of demo/ → VS Code server with the smoke-test driver →
// headless Chromium opens the workbench with the extension under development and the tests.
// The extension host's console is relayed here; the exit code is the tests' exit code.
//
//   npm run test:integration [-- --grep <pattern>] [-- --verbose]
//   [-- --bench-project <transcripts>]  open a generated study of that size instead of demo/
//                                       (the host benchmarks in test/integration/host-bench.test.ts)
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { ensureRuntime } from './vscode-runtime.mjs';
import { launchChromium } from './lib/browser.mjs';
import { COUNTS_ENV } from './lib/counts.mjs';
import { integrationEntry, repoRoot } from './lib/paths.mjs';
import { run } from './lib/process.mjs';
import { startVsCodeServer } from './lib/server.mjs';
import { finishRunProfile, prepareRunProfile } from './lib/vscode-profile.mjs';
import { copyDemoWorkspace } from './lib/workspace.mjs';

// A backstop for a hung run, not a speed target: on a busy machine a whole run takes many minutes.
const OVERALL_TIMEOUT_MS = 30 * 60_000;

function parseArgs(argv) {
  const grepAt = argv.indexOf('--grep');
  return {
    grep: grepAt >= 0 ? argv[grepAt + 1] : undefined,
    verbose: argv.includes('--verbose'),
    skipBuild: argv.includes('--no-build'),
    benchProject: argv.includes('--bench-project') ? Number(argv[argv.indexOf('--bench-project') + 1]) : undefined,
  };
}

function workbenchUrl(port, workspace) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(integrationEntry)],
  ];
  const query = new URLSearchParams({ folder: workspace, payload: JSON.stringify(payload) });
  return `http://127.0.0.1:${port}/?${query}`;
}

// Workbench chatter that says nothing about the tests on an offline machine; shown with --verbose.
const HARMLESS_LOG_LINES = [
  /ENOTFOUND open-vsx\.org/, /\[Service Worker\]/, /authentication provider '\w+' to register/,
  /connection token|Creating a socket|reconnection-grace-time|additional builtin extensions cache/,
  /^\[(AccountPolicyGate|AgentHost:remote|DefaultAccount)\]/, /^Creation of workbench contribution/,
  /^Canceled: Canceled/, /^No search provider registered for scheme/,
];

/** Prints one log call of the workbench and extension host (console-style format arguments). */
function relayLog(level, args, verbose) {
  const text = Array.isArray(args) ? format(...args) : String(args);
  if (!verbose && HARMLESS_LOG_LINES.some((pattern) => pattern.test(text))) return;
  if (level === 'error' || level === 'warn') console.error(text);
  else console.log(text);
}

/** Opens the workbench and resolves with the exit code the extension host reports. */
async function runTestsInBrowser(url, { verbose }) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let reportExit;
    const exitCode = new Promise((resolveExit) => { reportExit = resolveExit; });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    await page.exposeFunction('codeAutomationLog', (level, args) => relayLog(level, args, verbose));
    if (verbose) page.on('console', (message) => console.log(`[page:${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    // Loading the workbench on a busy machine takes long; the overall limit is the backstop.
    await page.goto(url, { timeout: 10 * 60_000 });
    return await exitCode;
  } finally {
    await browser.close().catch(() => {});
  }
}

function timeout(ms) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`integration tests did not finish within ${ms / 1000} s`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** A generated study of `transcripts` transcripts (bench/lib/write-workspace.ts) at `target`. */
async function writeBenchWorkspace(target, transcripts) {
  rmSync(target, { recursive: true, force: true });
  await run(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench', 'lib', 'write-workspace.ts'), target, String(transcripts)], { cwd: repoRoot });
  return target;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!options.skipBuild) await run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot });
  if (!existsSync(integrationEntry)) throw new Error(`${integrationEntry} was not built`);
  const runtime = await ensureRuntime();
  const profile = prepareRunProfile('integration');
  const workspace = options.benchProject
    ? await writeBenchWorkspace(join(profile.root, 'workspace'), options.benchProject)
    : copyDemoWorkspace(join(profile.root, 'workspace'));
  const testEnv = { GROUNDED_TEST_WORKSPACE: workspace };
  if (options.benchProject) testEnv.GROUNDED_BENCH_TRANSCRIPTS = String(options.benchProject);
  if (process.env[COUNTS_ENV]) testEnv[COUNTS_ENV] = process.env[COUNTS_ENV];
  if (options.grep) testEnv.GROUNDED_TEST_GREP = options.grep;

  const started = Date.now();
  const server = await startVsCodeServer(runtime, profile, { env: testEnv, verbose: options.verbose });
  const limit = timeout(OVERALL_TIMEOUT_MS);
  let code = 1;
  try {
    code = await Promise.race([runTestsInBrowser(workbenchUrl(server.port, workspace), options), limit.promise]);
    console.log(`[integration] extension host exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    limit.cancel();
    await server.stop();
    finishRunProfile(profile, code === 0);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[integration] ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
