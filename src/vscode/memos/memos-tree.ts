import * as vscode from 'vscode';
import { isoDate, memoDay, MEMO_KIND_LABELS, memoKindHeading, memosByKind, memosByMonth, type FileDates, type MemoKind, type MemoLink, type MemoSummary } from '../../core/memos';
import { escapeMarkdown, treeItemText, untrustedMarkdown } from '../ui/untrusted';
import type { ProjectHost } from '../project/project-host';
import type { MemoIndex } from './memo-index';

export type MemoGroup =
  | { kind: 'group'; about: 'code'; code: string }
  | { kind: 'group'; about: 'transcript'; transcript: string }
  | { kind: 'group'; about: 'none' }
  | { kind: 'group'; about: 'kind'; memoKind: MemoKind | undefined }
  | { kind: 'group'; about: 'month'; month: string | undefined };

/** How the view groups memos: by what they are about, by kind, or by month written (a timeline). */
export type MemoGrouping = 'about' | 'kind' | 'timeline';
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
  private grouping: MemoGrouping = 'about';
  /** The files' modification days of memos whose front matter has no date, read in the background. */
  private fileDates: Record<string, string> = {};

  constructor(
    private readonly host: ProjectHost,
    private readonly index: MemoIndex,
  ) {
    const refresh = (): void => this.changed.fire(undefined);
    this.disposables.push({ dispose: index.onDidChange(refresh).dispose });
    this.disposables.push({ dispose: index.onDidChange(() => void this.readFileDates()).dispose });
    const attach = (): void => {
      this.disposables.push({ dispose: host.require().store.onDidChangeCodebook(refresh).dispose });
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  get groupedBy(): MemoGrouping {
    return this.grouping;
  }

  groupBy(grouping: MemoGrouping): void {
    this.grouping = grouping;
    void vscode.commands.executeCommand('setContext', 'grounded.memosGrouping', grouping);
    if (grouping === 'timeline') void this.readFileDates();
    this.changed.fire(undefined);
  }

  /** Days from the memo files themselves (never git), for memos whose front matter has none. */
  async readFileDates(): Promise<void> {
    const fs = this.host.project?.fs;
    if (!fs || this.grouping !== 'timeline') return;
    const undated = this.index.all().filter((m) => memoDay(m) === undefined && this.fileDates[m.path] === undefined);
    if (undated.length === 0) return;
    await Promise.all(
      undated.map(async (memo) => {
        const stat = await Promise.resolve(vscode.workspace.fs.stat(fs.uri(memo.path))).catch(() => undefined);
        if (stat) this.fileDates[memo.path] = isoDate(new Date(stat.mtime));
      }),
    );
    this.changed.fire(undefined);
  }

  getChildren(node?: MemoNode): MemoNode[] {
    const memos = this.index.all();
    if (!node) return this.grouping === 'about' ? this.groups(memos) : this.otherGroups(memos);
    if (node.kind !== 'group') return [];
    if (node.about === 'kind' || node.about === 'month') return this.inGroup(memos, node);
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

  private otherGroups(memos: readonly MemoSummary[]): MemoGroup[] {
    if (this.grouping === 'kind') return memosByKind(memos).map(({ kind }) => ({ kind: 'group', about: 'kind', memoKind: kind }));
    return memosByMonth(memos, this.fileDates).map(({ month }) => ({ kind: 'group', about: 'month', month }));
  }

  private inGroup(memos: readonly MemoSummary[], group: Extract<MemoGroup, { about: 'kind' | 'month' }>): MemoNode[] {
    const dates: FileDates = this.fileDates;
    const list = group.about === 'kind' ? memosByKind(memos, dates).find((g) => g.kind === group.memoKind)?.memos : memosByMonth(memos, dates).find((g) => g.month === group.month)?.memos;
    return (list ?? []).map((memo) => ({ kind: 'memo', path: memo.path, link: memo.links[0] }));
  }

  private sortedGroupItem(group: Extract<MemoGroup, { about: 'kind' | 'month' }>): vscode.TreeItem {
    const label = group.about === 'kind' ? memoKindHeading(group.memoKind) : (group.month ?? 'Undated');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `memos:${group.about}:${group.about === 'kind' ? (group.memoKind ?? '') : (group.month ?? '')}`;
    item.contextValue = `memoGroup-${group.about}`;
    item.iconPath = new vscode.ThemeIcon(group.about === 'kind' ? 'symbol-class' : 'calendar');
    if (group.about === 'kind' && group.memoKind) item.tooltip = MEMO_KIND_LABELS[group.memoKind].detail;
    return item;
  }

  private groupItem(group: MemoGroup): vscode.TreeItem {
    if (group.about === 'kind' || group.about === 'month') return this.sortedGroupItem(group);
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
    const kind = this.grouping !== 'kind' && memo?.kind ? MEMO_KIND_LABELS[memo.kind].label.replace(/ memo$/, '') : '';
    const day = memo ? (memoDay(memo, this.fileDates) ?? memo.date) : undefined;
    item.description = [kind, node.link?.kind === 'segment' ? 'on a segment' : '', memo?.author ?? '', day ?? ''].filter(Boolean).join(' · ');
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
