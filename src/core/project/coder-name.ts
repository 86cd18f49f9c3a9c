/** Where a coder's name can come from, in the order `coderName` asks them. */
export interface CoderNameSources {
  /** The `grounded.coder` setting (in an untrusted workspace VS Code gives only the user's own value). */
  configured: string;
  /** Is the workspace trusted? Only then is git run in it. */
  trusted: boolean;
  /** git's `user.name` in the project folder (undefined where there is no git, as in a browser). */
  gitUserName(): Promise<string | undefined>;
  /** The operating-system account name (undefined in a browser). */
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
