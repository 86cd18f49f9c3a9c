import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';

export interface CoderNameSources {
  /** The `grounded.coder` setting (in an untrusted workspace VS Code gives only the user's own value). */
  configured: string;
  /** Is the workspace trusted? Only then is git run in it. */
  trusted: boolean;
  /** git's `user.name` in the project folder. */
  gitUserName(): Promise<string | undefined>;
  /** The operating-system account name. */
  accountName(): string | undefined;
}

/**
 * Who is coding: the setting, else git's `user.name` (what teams already set), else the account.
 * git is run only in a trusted workspace: in a folder from anywhere, running `git` there would
 * obey that repository's own configuration, and on Windows could start a `git.exe` planted in
 * the folder — the reason VS Code's own git support waits for trust too.
 */
export async function coderName(sources: CoderNameSources): Promise<string> {
  const configured = sources.configured.trim();
  if (configured) return configured;
  const fromGit = sources.trusted ? await sources.gitUserName() : undefined;
  return fromGit || sources.accountName() || 'Coder';
}

/** `git config user.name` in a folder; undefined when git is missing, slow or has none. */
export function gitUserName(folder: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd: folder, timeout: 3000 }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}

export function accountName(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}
