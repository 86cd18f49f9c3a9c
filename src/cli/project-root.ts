import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The folder holding `.grounded/project.json`, at `start` or above it (as git finds `.git`). */
export function findProjectRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.grounded', 'project.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The project `dir` (default: the working folder) is in; undefined after saying so on stderr. */
export function projectRootOrExplain(dir: string | undefined, io: { cwd: string; err(text: string): void }): string | undefined {
  const start = resolve(io.cwd, dir ?? '.');
  const root = findProjectRoot(start);
  if (!root) io.err(`grounded: no Grounded project at ${start} or above it (looked for .grounded/project.json)\n`);
  return root;
}
