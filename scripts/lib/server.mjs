// Starts VS Code servers from the runtime in `.vscode-test/`: the raw VS Code server (for the
// extension-host integration tests) and code-server (for the end-to-end tests and the demo).
import { createServer } from 'node:net';
import { join } from 'node:path';
import { node24Env } from '../vscode-runtime.mjs';
import { run, spawnGroup, stopGroup } from './process.mjs';
import { profileEnv } from './vscode-profile.mjs';

/** A port that is free on 127.0.0.1 now, starting the search at `preferred` (0: any). */
export async function findFreePort(preferred = 0) {
  for (let port = preferred; port < preferred + 50; port += 1) {
    const found = await new Promise((resolvePort) => {
      const probe = createServer();
      probe.once('error', () => resolvePort(undefined));
      probe.listen(port, '127.0.0.1', () => {
        const { port: bound } = probe.address();
        probe.close(() => resolvePort(bound));
      });
    });
    if (found) return found;
    if (preferred === 0) break;
  }
  throw new Error(`no free port found from ${preferred}`);
}

/** Polls `url` until it answers with a non-5xx status or the server process dies. */
export async function waitForHttp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early (code ${child.exitCode})`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer at ${url} within ${timeoutMs} ms`);
}

/** Prints the server's output with --verbose; always keeps the last lines for error messages. */
function relayOutput(child, prefix, { verbose }) {
  const recent = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (text) => {
      for (const line of text.split('\n').filter((l) => l.trim())) {
        if (verbose) console.log(`${prefix} ${line}`);
        recent.push(line);
        if (recent.length > 40) recent.shift();
      }
    });
  }
  return recent;
}

async function startAndWait(command, args, { env, url, label, verbose }) {
  const child = spawnGroup(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const recentOutput = relayOutput(child, `[${label}]`, { verbose });
  try {
    await waitForHttp(url, child);
  } catch (error) {
    await stopGroup(child);
    throw new Error(`${error.message}; last output:\n${recentOutput.join('\n')}`, { cause: error });
  }
  return { child, url, stop: () => stopGroup(child) };
}

/**
 * The raw VS Code server with the smoke-test driver, which lets a page pass
 * `extensionDevelopmentPath` / `extensionTestsPath` and reports the tests' exit code.
 * `env` is visible to the extension host, which the server forks.
 */
export async function startVsCodeServer(runtime, profile, { env = {}, verbose = false } = {}) {
  const port = await findFreePort();
  const args = [
    runtime.serverMain,
    '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-workspace-trust', '--disable-telemetry',
    '--server-data-dir', profile.serverData,
    '--user-data-dir', profile.userData,
    '--extensions-dir', profile.extensions,
  ];
  const fullEnv = node24Env({ ...profileEnv(profile), ...env });
  const server = await startAndWait(runtime.node24, args, {
    env: fullEnv, url: `http://127.0.0.1:${port}/`, label: 'server', verbose,
  });
  return { ...server, port };
}

function codeServerCli(runtime) {
  return join(runtime.codeServerDir, 'out', 'node', 'entry.js');
}

function codeServerProfileArgs(profile) {
  return [
    '--user-data-dir', profile.userData,
    '--extensions-dir', profile.extensions,
  ];
}

/** Installs a .vsix into the profile's extensions folder with code-server's CLI. */
export async function installVsix(runtime, profile, vsix) {
  const args = [codeServerCli(runtime), ...codeServerProfileArgs(profile), '--force', '--install-extension', vsix];
  await run(runtime.node24, args, { env: node24Env(profileEnv(profile)), quiet: true });
}

/** code-server serving `workspace` without authentication on 127.0.0.1 only. */
export async function startCodeServer(runtime, profile, workspace, { port, verbose = false } = {}) {
  const boundPort = port ?? (await findFreePort());
  const args = [
    codeServerCli(runtime),
    '--bind-addr', `127.0.0.1:${boundPort}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    ...codeServerProfileArgs(profile),
    workspace,
  ];
  const env = node24Env(profileEnv(profile));
  const server = await startAndWait(runtime.node24, args, {
    env, url: `http://127.0.0.1:${boundPort}/healthz`, label: 'code-server', verbose,
  });
  return { ...server, port: boundPort, url: `http://127.0.0.1:${boundPort}/` };
}
