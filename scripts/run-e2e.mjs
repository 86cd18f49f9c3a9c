#!/usr/bin/env node
// End-to-end tests: the extension packaged as a .vsix, installed into code-server (VS Code in a
// browser), driven by playwright-core in headless Chromium like a researcher would use it.
//   production build → vsce package → runtime → install .vsix → fresh copy of demo/ →
//   code-server on 127.0.0.1 → mocha runs test/e2e/**/*.test.ts against it.
//
//   npm run test:e2e [-- --verbose]
//   npm run screenshots     the same, and copies the screenshots the docs show into docs/images/
//                           (a plain run writes them only under test-results/e2e/, git-ignored)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureRuntime } from './vscode-runtime.mjs';
import { repoRoot, testResultsDir } from './lib/paths.mjs';
import { runForExitCode } from './lib/process.mjs';
import { installVsix, startCodeServer } from './lib/server.mjs';
import { packageExtension } from './lib/vsix.mjs';
import { finishRunProfile, prepareRunProfile } from './lib/vscode-profile.mjs';
import { copyDemoWorkspace } from './lib/workspace.mjs';

// A backstop for a hung run, not a speed target: on a busy machine a whole run takes many minutes.
const OVERALL_TIMEOUT_MS = 30 * 60_000;

// A fixed coder name keeps the e2e coding files apart from the demo coders' files.
const E2E_SETTINGS = { 'grounded.coder': 'E2E Researcher' };

function mochaArgs() {
  // `npm run test:e2e -- --grep <pattern>` runs only the matching tests.
  const grepAt = process.argv.indexOf('--grep');
  return [
    join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--config', join(repoRoot, 'test', 'e2e', '.mocharc.json'),
    '--reporter', join(repoRoot, 'scripts', 'lib', 'counting-reporter.mjs'),
    ...(grepAt >= 0 && process.argv[grepAt + 1] ? ['--grep', process.argv[grepAt + 1]] : []),
  ];
}

async function main() {
  const verbose = process.argv.includes('--verbose');
  const updateScreenshots = process.argv.includes('--update-screenshots') || process.env.UPDATE_SCREENSHOTS === '1';
  const started = Date.now();
  const runtime = await ensureRuntime();
  const profile = prepareRunProfile('e2e', { settings: E2E_SETTINGS });
  const vsix = await packageExtension(join(profile.root, 'grounded.vsix'));
  await installVsix(runtime, profile, vsix);
  const workspace = copyDemoWorkspace(join(profile.root, 'workspace'));
  const resultsDir = join(testResultsDir, 'e2e');
  mkdirSync(resultsDir, { recursive: true });

  const server = await startCodeServer(runtime, profile, workspace, { verbose });
  console.log(`[e2e] code-server at ${server.url} (ready ${((Date.now() - started) / 1000).toFixed(1)} s after start)`);
  const watchdog = setTimeout(() => {
    console.error(`[e2e] did not finish within ${OVERALL_TIMEOUT_MS / 1000} s`);
    process.exit(1);
  }, OVERALL_TIMEOUT_MS);
  let code = 1;
  try {
    const env = {
      ...process.env,
      GROUNDED_E2E_URL: server.url,
      GROUNDED_E2E_WORKSPACE: workspace,
      GROUNDED_E2E_RESULTS: resultsDir,
      GROUNDED_E2E_EXTENSIONS: profile.extensions,
      UPDATE_SCREENSHOTS: updateScreenshots ? '1' : '0',
    };
    code = await runForExitCode(process.execPath, mochaArgs(), { cwd: repoRoot, env });
    console.log(`[e2e] finished with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    clearTimeout(watchdog);
    await server.stop();
    finishRunProfile(profile, code === 0);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
