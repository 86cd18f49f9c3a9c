import * as vscode from 'vscode';
import type { MemoLink, MemoSummary } from '../../core/memos';
import { escapeMarkdown, treeItemText, untrustedMarkdown } from '../ui/untrusted';
import type { ProjectHost } from '../project/project-host';
import type { MemoIndex } from './memo-index';

export type MemoGroup = { kind: 'group'; about: 'code'; code: string } | { kind: 'group'; about: 'transcript'; transcript: string } | { kind: 'group'; about: 'none' };
export type MemoNode = MemoGroup | { kind: 'memo'; path: string; link: MemoLink | undefined };

/**
 * The Memos view: memos grouped by what they are about — each code, each transcript (memos on a
 * segment are listed under its transcript), and memos about nothing in particular. A memo about
 * two things is listed under both. Click a memo to open it.
 */
export class MemosTreeProvider implements vscode.TreeDataProvider<MemoNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<MemoNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly host: ProjectHost,
    private readonly index: MemoIndex,
  ) {
    const refresh = (): void => this.changed.fire(undefined);
    this.disposables.push({ dispose: index.onDidChange(refresh).dispose });
    const attach = (): void => {
      this.disposables.push({ dispose: host.require().store.onDidChangeCodebook(refresh).dispose });
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  getChildren(node?: MemoNode): MemoNode[] {
    const memos = this.index.all();
    if (!node) return this.groups(memos);
    if (node.kind !== 'group') return [];
    return memos.flatMap((memo): MemoNode[] => {
      if (node.about === 'none') return memo.links.length === 0 ? [{ kind: 'memo', path: memo.path, link: undefined }] : [];
      const link = memo.links.find((l) => belongsTo(l, node));
      return link ? [{ kind: 'memo', path: memo.path, link }] : [];
    });
  }

  getTreeItem(node: MemoNode): vscode.TreeItem {
    return node.kind === 'group' ? this.groupItem(node) : this.memoItem(node);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private groups(memos: readonly MemoSummary[]): MemoGroup[] {
    const codes = new Set<string>();
    const transcripts = new Set<string>();
    let unlinked = false;
    for (const memo of memos) {
      if (memo.links.length === 0) unlinked = true;
      for (const link of memo.links) {
        if (link.kind === 'code') codes.add(link.code);
        else transcripts.add(link.transcript);
      }
    }
    const byName = (a: string, b: string): number => this.codeName(a).localeCompare(this.codeName(b));
    return [
      ...[...codes].sort(byName).map((code): MemoGroup => ({ kind: 'group', about: 'code', code })),
      ...[...transcripts].sort().map((transcript): MemoGroup => ({ kind: 'group', about: 'transcript', transcript })),
      ...(unlinked ? [{ kind: 'group', about: 'none' } as const] : []),
    ];
  }

  private groupItem(group: MemoGroup): vscode.TreeItem {
    const label = group.about === 'code' ? this.codeName(group.code) : group.about === 'transcript' ? group.transcript : 'Other memos';
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `memos:${group.about}:${group.about === 'code' ? group.code : group.about === 'transcript' ? group.transcript : ''}`;
    item.contextValue = `memoGroup-${group.about}`;
    if (group.about === 'code') {
      item.iconPath = new vscode.ThemeIcon('tag');
      item.description = 'code';
    } else if (group.about === 'transcript') {
      item.iconPath = vscode.ThemeIcon.File;
      item.resourceUri = this.host.project?.fs.uri(group.transcript);
    } else item.iconPath = new vscode.ThemeIcon('notebook');
    return item;
  }

  private memoItem(node: Extract<MemoNode, { kind: 'memo' }>): vscode.TreeItem {
    const memo = this.index.all().find((m) => m.path === node.path);
    const item = new vscode.TreeItem(treeItemText(memo?.title ?? node.path), vscode.TreeItemCollapsibleState.None);
    item.id = `memo:${node.link ? linkKey(node.link) : 'none'}:${node.path}`;
    item.contextValue = 'memo';
    item.iconPath = new vscode.ThemeIcon(memo?.problem ? 'warning' : 'note');
    item.description = [node.link?.kind === 'segment' ? 'on a segment' : '', memo?.author ?? '', memo?.date ?? ''].filter(Boolean).join(' · ');
    const tooltip = untrustedMarkdown(`**${escapeMarkdown(memo?.title ?? node.path)}**`);
    if (memo?.excerpt) tooltip.appendMarkdown(`\n\n${escapeMarkdown(memo.excerpt)}`);
    if (memo?.problem) tooltip.appendMarkdown(`\n\n⚠ ${escapeMarkdown(memo.problem)}`);
    tooltip.appendMarkdown(`\n\n*${escapeMarkdown(node.path)}*`);
    item.tooltip = tooltip;
    const uri = this.host.project?.fs.uri(node.path);
    if (uri) {
      item.resourceUri = uri;
      item.command = { command: 'vscode.open', title: 'Open Memo', arguments: [uri] };
    }
    return item;
  }

  private codeName(code: string): string {
    return this.host.project?.store.codebook().get(code)?.name ?? `${code} (not in the codebook)`;
  }
}

function belongsTo(link: MemoLink, group: MemoGroup): boolean {
  if (group.about === 'code') return link.kind === 'code' && link.code === group.code;
  if (group.about === 'transcript') return link.kind !== 'code' && link.transcript === group.transcript;
  return false;
}

function linkKey(link: MemoLink): string {
  return link.kind === 'code' ? link.code : link.kind === 'transcript' ? link.transcript : `${link.transcript}#${link.segment}`;
}
