import type * as vscode from 'vscode';
import type { CodebookNode, CodebookTreeProvider } from '../codebook/codebook-tree';
import type { ProjectHost } from '../project/project-host';
import { registerRoundCommands } from './round-commands';
import { RoundStatus } from './round-status';

export interface RoundsApi {
  /** The status bar text of the current coding round. */
  roundStatusText(): string;
}

/** Coding rounds and focused coding: the status bar and the commands. */
export function registerRounds(context: vscode.ExtensionContext, host: ProjectHost, tree: CodebookTreeProvider, view: vscode.TreeView<CodebookNode>): RoundsApi {
  const status = new RoundStatus(host, context.workspaceState);
  context.subscriptions.push(status, status.onDidChange(() => tree.refresh()), ...registerRoundCommands(host, status, tree, view));
  return { roundStatusText: () => status.text };
}
