import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import type { Coder } from '../../core/model';
import { coderIdFromName } from '../../core/storage/format';

/**
 * Who is coding: the `grounded.coder` setting, else git's `user.name` in the project folder (what
 * teams already set), else the operating-system account name.
 */
export async function resolveCoder(root: vscode.Uri): Promise<Coder> {
  const configured = vscode.workspace.getConfiguration('grounded').get<string>('coder', '').trim();
  const name = configured || (await gitUserName(root)) || safeUserName() || 'Coder';
  return { id: coderIdFromName(name), name };
}

function gitUserName(root: vscode.Uri): Promise<string | undefined> {
  if (root.scheme !== 'file') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd: root.fsPath, timeout: 3000 }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim() || undefined);
    });
  });
}

function safeUserName(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}
