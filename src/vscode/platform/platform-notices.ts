/** What a platform cannot do, said plainly where a researcher meets it. */
import * as vscode from 'vscode';
import type { Coder } from '../../core/model';
import { notice, showInformation, showWarning } from '../ui/notifications';
import type { GitAccess, Platform } from './platform';

/**
 * The platform's git, or undefined after saying that `feature` (e.g. "Compare Coding") needs it:
 * a browser (vscode.dev, github.dev) has no git to read history with.
 */
export function gitOrExplain(platform: Platform, feature: string): GitAccess | undefined {
  if (platform.git) return platform.git;
  void showWarning(notice`${feature} reads the project's git history, and there is no git in a browser (vscode.dev, github.dev). Open the folder in VS Code on your computer to use it; everything else works here.`);
  return undefined;
}

/**
 * In a browser nothing else knows the coder's name, so without the setting everyone would code as
 * the same fallback name and their coding would land in one file. Say so, and offer the setting.
 */
export function explainUnnamedCoder(platform: Platform, coder: Coder): void {
  if (platform.kind !== 'web' || vscode.workspace.getConfiguration('grounded').get<string>('coder', '').trim() !== '') return;
  const open = 'Set My Name';
  void showInformation(notice`You are coding as "${coder.name}": in a browser Grounded cannot ask git or your computer for your name. Set grounded.coder to your name before you code, so your coding is kept apart from your co-coders'.`, open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'grounded.coder');
  });
}
