import type * as vscode from 'vscode';
import { registerCodebookDefinition } from '../codebook/codebook-definition';
import type { CodebookNode } from '../codebook/codebook-tree';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { registerMemoReferences } from './memo-references';

/** References between memos, codes and segments, the codebook's definition fields and the exports. */
export function registerMemoCodebookFeatures(host: ProjectHost, index: IndexHost, codebookView: vscode.TreeView<CodebookNode>): vscode.Disposable[] {
  return [...registerMemoReferences(host, index, codebookView), ...registerCodebookDefinition(host, index, codebookView)];
}
