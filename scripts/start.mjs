#!/usr/bin/env node
// `npm start`: opens the demo project in a real VS Code with the extension loaded.
// - With a desktop `code` on PATH: a development window on a copy of demo/.
// - Otherwise: VS Code in the browser (code-server from `.vscode-test/`) with the packaged
//   extension, served on 127.0.0.1; prints the address and runs until Ctrl+C.
// The copy lives in `.vscode-test/demo-workspace` and is kept between runs, so coding done in
// the demo persists; `--fresh` starts over from demo/.
//
//   npm start [-- --fresh] [-- --port 8080] [-- --browser]
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ensureRuntime } from './vscode-runtime.mjs';
import { cacheDir, repoRoot } from './lib/paths.mjs';
import { isStoppingOnSignal, run } from './lib/process.mjs';
import { findFreePort, installVsix, startCodeServer } from './lib/server.mjs';
import { packageExtension } from './lib/vsix.mjs';
import { prepareProfile } from './lib/vscode-profile.mjs';
import { copyDemoWorkspace } from './lib/workspace.mjs';

const DEFAULT_PORT = 8080;

function parseArgs(argv) {
  const portAt = argv.indexOf('--port');
  return {
    fresh: argv.includes('--fresh'),
    browser: argv.includes('--browser'),
    port: portAt >= 0 ? Number(argv[portAt + 1]) : DEFAULT_PORT,
  };
}

/** The desktop `code` command, if one is on PATH. */
function findDesktopCode() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'code');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

function demoWorkspace(fresh) {
  const target = join(cacheDir, 'demo-workspace');
  if (fresh || !existsSync(target)) {
    copyDemoWorkspace(target);
    console.log(`[start] copied demo/ to ${target}`);
  }
  return target;
}

async function openInDesktop(code, workspace) {
  await run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot });
  await run(code, [`--extensionDevelopmentPath=${repoRoot}`, workspace], { cwd: repoRoot });
  console.log(`[start] opened ${workspace} in VS Code with the extension from ${repoRoot}`);
}

async function serveInBrowser(workspace, port) {
  const vsix = await packageExtension();
  const runtime = await ensureRuntime();
  const profile = prepareProfile('demo', { fresh: false });
  await installVsix(runtime, profile, vsix);
  const server = await startCodeServer(runtime, profile, workspace, { port: await findFreePort(port) });
  console.log(`\nGrounded demo is running in VS Code for the browser.\n\n    Open ${server.url}\n\nProject folder: ${workspace}\nPress Ctrl+C to stop.\n`);
  await new Promise((resolveExit) => server.child.once('exit', resolveExit));
  if (isStoppingOnSignal()) {
    console.log('[start] stopped');
    return;
  }
  throw new Error(`code-server stopped unexpectedly (exit ${server.child.exitCode})`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const workspace = demoWorkspace(options.fresh);
  const code = options.browser ? undefined : findDesktopCode();
  if (code) await openInDesktop(code, workspace);
  else await serveInBrowser(workspace, options.port);
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  process.exit(1);
});
