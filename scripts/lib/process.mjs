// Child-process helpers: run a command to completion with streamed output, and start a long-lived
// server in its own process group so that everything it forks can be stopped together.
import { spawn } from 'node:child_process';

/**
 * The environment minus what `npm run` injects: a nested npm would otherwise inherit this
 * project's prefix and package metadata and install into the wrong folder.
 */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    const injectedByNpm = /^npm_(config|package|lifecycle)_/i.test(key)
      || ['npm_command', 'npm_execpath', 'npm_node_execpath', 'INIT_CWD', 'NODE_OPTIONS'].includes(key);
    if (!injectedByNpm) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs a command with inherited stdio; resolves on exit 0, rejects otherwise. */
export function run(command, args, options = {}) {
  const { quiet = false, ...spawnOptions } = options;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...spawnOptions });
    let output = '';
    child.stdout?.on('data', (chunk) => { output += chunk; });
    child.stderr?.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${output.slice(-4000)}`));
    });
  });
}

/** Runs a command and resolves with its exit code (never rejects on a non-zero exit). */
export function runForExitCode(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
      resolvePromise(127);
    });
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

const liveGroups = new Set();

/** Starts a process as the leader of a new process group (killed by `stopGroup`). */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  liveGroups.add(child.pid);
  child.on('exit', () => liveGroups.delete(child.pid));
  return child;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is already gone
  }
}

/** SIGTERM to the whole group, then SIGKILL whatever is still there after a grace period. */
export async function stopGroup(child, graceMs = 3000) {
  if (!child?.pid) return;
  if (!signalGroup(child.pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && signalGroup(child.pid, 0)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  signalGroup(child.pid, 'SIGKILL');
  liveGroups.delete(child.pid);
}

// Whatever way this script ends, no server outlives it: Ctrl+C and kill stop the groups
// gracefully, and a plain exit (or a crash) kills what is left.
process.on('exit', () => {
  for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
});
let stoppingOnSignal = false;

/** True once Ctrl+C (or a kill) has started stopping this script's servers. */
export function isStoppingOnSignal() {
  return stoppingOnSignal;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    stoppingOnSignal = true;
    const stopping = [...liveGroups].map((pid) => stopGroup({ pid }));
    Promise.all(stopping).finally(() => process.exit(130));
  });
}
