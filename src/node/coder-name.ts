import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';

// The choice between the sources is the core's; this file supplies the Node ones.
export { coderName, type CoderNameSources } from '../core/project/coder-name';

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
