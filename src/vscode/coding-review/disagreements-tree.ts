import * as vscode from 'vscode';
import { disagreementRow, type Disagreement } from '../../core/disagreements';
import type { ProjectHost } from '../project/project-host';
import { treeItemText, untrustedMarkdown } from '../ui/untrusted';
import type { CoderComparison } from './coder-comparison';

export type DisagreementNode = { kind: 'transcript'; transcript: string } | { kind: 'disagreement'; disagreement: Disagreement };

const ICONS = { only: 'person', boundaries: 'arrow-both', codes: 'git-compare' } as const;

/** "Disagreements": by transcript, each place the compared coders coded differently. */
export class DisagreementsTree implements vscode.TreeDataProvider<DisagreementNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly host: ProjectHost,
    private readonly comparison: CoderComparison,
  ) {
    this.subscription = comparison.onDidChange(() => this.changed.fire());
  }

  getChildren(node?: DisagreementNode): DisagreementNode[] {
    const all = this.comparison.disagreements();
    if (!node) return [...new Set(all.map((d) => d.transcript))].map((transcript) => ({ kind: 'transcript', transcript }));
    if (node.kind === 'transcript') return all.filter((d) => d.transcript === node.transcript).map((disagreement) => ({ kind: 'disagreement', disagreement }));
    return [];
  }

  getParent(node: DisagreementNode): DisagreementNode | undefined {
    return node.kind === 'disagreement' ? { kind: 'transcript', transcript: node.disagreement.transcript } : undefined;
  }

  getTreeItem(node: DisagreementNode): vscode.TreeItem {
    if (node.kind === 'transcript') {
      const item = new vscode.TreeItem(treeItemText(node.transcript), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `disagreements:${node.transcript}`;
      item.description = `${this.comparison.disagreements().filter((d) => d.transcript === node.transcript).length}`;
      item.resourceUri = this.host.project?.fs.uri(node.transcript);
      item.iconPath = vscode.ThemeIcon.File;
      return item;
    }
    const d = node.disagreement;
    const row = this.row(d);
    const item = new vscode.TreeItem(treeItemText(row.label), vscode.TreeItemCollapsibleState.None);
    item.id = `disagreements:${d.id}`;
    item.description = treeItemText(row.description);
    item.iconPath = new vscode.ThemeIcon(ICONS[d.kind]);
    item.contextValue = 'disagreement';
    const tooltip = untrustedMarkdown();
    row.versions.forEach((v, i) => {
      if (i > 0) tooltip.appendMarkdown('  \n');
      tooltip.appendMarkdown('**').appendText(v.coder).appendMarkdown(':** ').appendText(v.text);
    });
    item.tooltip = tooltip;
    item.command = { command: 'grounded.review.revealDisagreement', title: 'Show', arguments: [node] };
    return item;
  }

  row(d: Disagreement): ReturnType<typeof disagreementRow> {
    const project = this.comparison.project;
    const text = project?.transcripts.find((t) => t.path === d.transcript)?.text ?? '';
    const names = {
      code: (id: string) => project?.codes.find((c) => c.id === id)?.name ?? id,
      coder: (id: string) => project?.coders.find((c) => c.id === id)?.name ?? id,
    };
    return disagreementRow(d, text, names, this.comparison.coders ?? []);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
