import * as vscode from 'vscode';
import type { Coder } from '../../core/model';
import { coderName } from '../../core/project/coder-name';
import { coderIdFromName } from '../../core/storage/format';
import type { Platform } from '../platform/platform';

/**
 * Who is coding: the `grounded.coder` setting, else git's `user.name` in the project folder (what
 * teams already set; only in a trusted workspace, and only where git can run), else the
 * operating-system account name.
 */
export async function resolveCoder(root: vscode.Uri, platform: Platform): Promise<Coder> {
  const name = await coderName({
    configured: vscode.workspace.getConfiguration('grounded').get<string>('coder', ''),
    trusted: vscode.workspace.isTrusted,
    gitUserName: () => platform.gitUserName(root),
    accountName: () => platform.accountName(),
  });
  return { id: coderIdFromName(name), name };
}
