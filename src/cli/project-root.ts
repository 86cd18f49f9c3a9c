import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The folder holding `.grounded/project.json`, at `start` or above it (as git finds `.git`). */
export function findProjectRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.grounded', 'project.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
