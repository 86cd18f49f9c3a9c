import * as vscode from 'vscode';
import type { ChangeRow, CodeChanges, TranscriptChanges } from '../../core/coding-review';
import type { ProjectHost } from '../project/project-host';
import { treeItemText, untrustedMarkdown } from '../ui/untrusted';
import type { RevisionComparison } from './revision-comparison';

export type CodingChangeNode =
  | { kind: 'transcript'; transcript: TranscriptChanges }
  | { kind: 'code'; transcript: string; code: CodeChanges }
  | { kind: 'row'; transcript: string; row: ChangeRow; codeName: string };

const SIGN_WORDS = { '+': 'applied', '-': 'taken away', '~': 're-bounded' } as const;
const SIGN_ICONS = { '+': 'diff-added', '-': 'diff-removed', '~': 'diff-modified' } as const;

/** "Coding Changes": by transcript and code, what the comparison found; a row reveals its passage. */
export class CodingChangesTree implements vscode.TreeDataProvider<CodingChangeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly host: ProjectHost,
    private readonly comparison: RevisionComparison,
  ) {
    this.subscription = comparison.onDidChange(() => this.changed.fire());
  }

  getChildren(node?: CodingChangeNode): CodingChangeNode[] {
    const state = this.comparison.state;
    if (!state) return [];
    if (!node) return state.changes.map((transcript) => ({ kind: 'transcript', transcript }));
    if (node.kind === 'transcript') return node.transcript.codes.map((code) => ({ kind: 'code', transcript: node.transcript.path, code }));
    if (node.kind === 'code') return node.code.rows.map((row) => ({ kind: 'row', transcript: node.transcript, row, codeName: node.code.name }));
    return [];
  }

  getTreeItem(node: CodingChangeNode): vscode.TreeItem {
    if (node.kind === 'transcript') {
      const item = new vscode.TreeItem(treeItemText(node.transcript.path), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `changes:${node.transcript.path}`;
      item.description = counts(node.transcript);
      item.resourceUri = this.host.project?.fs.uri(node.transcript.path);
      item.iconPath = vscode.ThemeIcon.File;
      return item;
    }
    if (node.kind === 'code') {
      const item = new vscode.TreeItem(treeItemText(node.code.name), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `changes:${node.transcript}:${node.code.code}`;
      item.description = counts(node.code);
      item.iconPath = new vscode.ThemeIcon('tag');
      return item;
    }
    const { row } = node;
    const coder = this.comparison.state?.head.coders.find((c) => c.id === row.coder)?.name ?? this.comparison.state?.base.coders.find((c) => c.id === row.coder)?.name ?? row.coder;
    const item = new vscode.TreeItem(treeItemText(`${row.sign === '-' ? '−' : row.sign} ${node.codeName}: “${excerpt(row.quote)}”`), vscode.TreeItemCollapsibleState.None);
    item.id = `changes:${node.transcript}:${row.code}:${row.coder}:${row.segment}:${row.sign}`;
    item.description = treeItemText(row.range ? coder : `${coder} · no longer in the text`);
    item.iconPath = new vscode.ThemeIcon(SIGN_ICONS[row.sign]);
    const tooltip = untrustedMarkdown();
    tooltip.appendMarkdown(`**${SIGN_WORDS[row.sign]}** · `).appendText(`${node.codeName} · ${coder}`);
    tooltip.appendMarkdown('\n\n').appendText(row.quote);
    item.tooltip = tooltip;
    item.command = { command: 'grounded.review.revealChange', title: 'Show', arguments: [node] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** `+2 −1`, and `~1` for re-bounded segments. */
export function counts(c: { added: number; removed: number; rebounded: number }): string {
  return [`+${c.added}`, `−${c.removed}`, ...(c.rebounded > 0 ? [`~${c.rebounded}`] : [])].join(' ');
}

function excerpt(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
