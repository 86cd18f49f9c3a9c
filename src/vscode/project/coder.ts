import * as vscode from 'vscode';
import type { Coder } from '../../core/model';
import { coderIdFromName } from '../../core/storage/format';
import { accountName, coderName, gitUserName } from '../../node/coder-name';

/**
 * Who is coding: the `grounded.coder` setting, else git's `user.name` in the project folder (what
 * teams already set; only in a trusted workspace), else the operating-system account name.
 */
export async function resolveCoder(root: vscode.Uri): Promise<Coder> {
  const name = await coderName({
    configured: vscode.workspace.getConfiguration('grounded').get<string>('coder', ''),
    trusted: vscode.workspace.isTrusted,
    gitUserName: () => (root.scheme === 'file' ? gitUserName(root.fsPath) : Promise.resolve(undefined)),
    accountName,
  });
  return { id: coderIdFromName(name), name };
}
