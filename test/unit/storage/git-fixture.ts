/** A real git repository for tests of what git does with Grounded's files. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function gitEnv(): NodeJS.ProcessEnv {
  // The user's own git configuration (merge styles, hooks, signing) must not change the outcome.
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_NOSYSTEM: '1' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY']) delete env[name];
  return env;
}

export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, env: gitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function hasGit(): boolean {
  return spawnSync('git', ['--version']).status === 0;
}

/** A new repository on branch main, with a committer set. */
export function newRepository(prefix: string): string {
  const repo = mkdtempSync(join(tmpdir(), prefix));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', 'Grounded Test');
  git(repo, 'config', 'user.email', 'test@example.org');
  git(repo, 'config', 'commit.gpgsign', 'false');
  return repo;
}

/** A merge that may stop on a conflict: its exit status and the files left unmerged. */
export function merge(repo: string, branch: string, ...options: string[]): { status: number | null; unmerged: string[] } {
  const result = spawnSync('git', [...options, 'merge', '--no-edit', branch], { cwd: repo, env: gitEnv(), encoding: 'utf8' });
  const unmerged = git(repo, 'diff', '--name-only', '--diff-filter=U').split('\n').filter(Boolean);
  return { status: result.status, unmerged };
}

export function write(repo: string, path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

export function commitAll(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}
