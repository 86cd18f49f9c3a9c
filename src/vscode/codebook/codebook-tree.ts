import * as vscode from 'vscode';
import type { CodeId, RoundId, SegmentId } from '../../core/model';
import { type RoundView, keptByRound, parentInView, subcodesInView } from '../../core/views/round-groups';
import { roundChildren, roundGroupItem, roundTooltip } from '../rounds/codebook-rounds';
import { CodeCounter, type CodeCounts } from '../../core/views/code-counts';
import { plainQuote } from '../../core/markdown';
import { excerpt } from '../../core/views/markdown-text';
import { escapeMarkdown, treeItemText, untrustedMarkdown } from '../ui/untrusted';
import { relationLines, type RelationLine } from '../../core/relations';
import type { ProjectHost } from '../project/project-host';
import type { ProjectStore } from '../../core/storage/project-store';
import type { SwatchIcons } from './swatch-icons';
import { codeUri } from './unused-code-decorations';
import { memoExcerptForCode, onDidChangeMemos } from '../memos';

export type CodebookNode =
  | { kind: 'code'; id: CodeId }
  | { kind: 'segment'; code: CodeId; transcript: string; coderId: string; segmentId: SegmentId; exact: string; coderName: string }
  /** A coding round's group, when the view is grouped by round (null: codes with no round recorded). */
  | { kind: 'round'; round: RoundId | null };

/** The code a node stands for: the code itself, or a segment's code; none for a round's group. */
export function codeOfNode(node: CodebookNode): CodeId | undefined {
  return node.kind === 'code' ? node.id : node.kind === 'segment' ? node.code : undefined;
}

/**
 * The Codebook view: the code hierarchy with colours and segment counts; a code's children are its
 * sub-codes and then its segments (click one to open the transcript at it).
 */
export class CodebookTreeProvider implements vscode.TreeDataProvider<CodebookNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CodebookNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Recomputed on demand after any change, so an item is never shown with a stale count. */
  private counts: Map<CodeId, CodeCounts> | undefined;
  /** Keeps each transcript's tally between counts: after a coding action only its transcript is counted again. */
  private counter = new CodeCounter();
  private loaded = false;
  /** How many times the counts were dropped: a count that took a while is kept only if none was meanwhile. */
  private refreshes = 0;
  private loading: Promise<void> | undefined;
  /** Lower-cased text the view is filtered by (codes whose name or description contains it). */
  private filterText = '';
  /** Grouping and filtering by coding round (see rounds/round-commands.ts). */
  private roundView: RoundView = { group: false };
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly host: ProjectHost,
    private readonly swatches: SwatchIcons,
  ) {
    const attach = (): void => {
      const { store } = host.require();
      this.counter = new CodeCounter();
      this.disposables.push(
        { dispose: store.onDidChangeCodebook(() => this.refresh()).dispose },
        { dispose: store.onDidChangeCoding(() => this.refresh()).dispose },
        { dispose: onDidChangeMemos(() => this.refresh()).dispose },
      );
      this.refresh();
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  refresh(): void {
    this.counts = undefined;
    this.refreshes++;
    this.changed.fire(undefined);
  }

  get filter(): string {
    return this.filterText;
  }

  /** Show only codes matching `text` (with the codes above them, so the hierarchy stays readable). */
  setFilter(text: string): void {
    this.filterText = text.trim().toLocaleLowerCase();
    void vscode.commands.executeCommand('setContext', 'grounded.codebookFiltered', this.filterText !== '');
    this.refresh();
  }

  get rounds(): RoundView {
    return this.roundView;
  }

  setRoundView(view: RoundView): void {
    this.roundView = view;
    this.refresh();
  }

  /** Is this code used by no segment of any coder? (False until all coding is loaded.) */
  isUnused(id: CodeId): boolean {
    return this.loaded && (this.countsNow().get(id)?.segmentsWithChildren ?? 0) === 0;
  }

  private visible(id: CodeId): boolean {
    const codebook = this.host.require().store.codebook();
    if (!keptByRound(codebook, id, this.roundView)) return false;
    if (this.filterText === '') return true;
    return codebook.descendantsAndSelf(id).some((d) => {
      const code = codebook.get(d)!;
      return code.name.toLocaleLowerCase().includes(this.filterText) || code.description.toLocaleLowerCase().includes(this.filterText);
    });
  }

  private countsNow(): Map<CodeId, CodeCounts> {
    const store = this.host.require().store;
    this.counts ??= this.counter.countsNow(store.codebook(), store.loadedCoding());
    return this.counts;
  }

  /**
   * Every transcript's coding loaded and counted. Counting a large project's segments takes tens of
   * milliseconds: in the host's slices, not in the turn where everything else that waited for the
   * coding goes on.
   */
  private async firstCounts(store: ProjectStore): Promise<void> {
    await store.loadAllCoding();
    const refreshes = this.refreshes;
    const counts = await this.counter.countsInSlices(() => store.codebook(), () => store.loadedCoding(), this.host.slices);
    // A change meanwhile made these counts stale: the next item counts afresh.
    if (this.refreshes === refreshes) this.counts = counts;
    this.loaded = true;
  }

  async getChildren(node?: CodebookNode): Promise<CodebookNode[]> {
    const project = this.host.project;
    if (!project) return [];
    const { store } = project;
    if (!this.loaded) {
      // One first count for the calls that come together; after a failure the next call tries again.
      this.loading ??= this.firstCounts(store).finally(() => (this.loading = undefined));
      await this.loading;
    }
    const codebook = store.codebook();
    if (!node && this.roundView.group) return roundChildren(store, this.roundView);
    if (node?.kind === 'round') return roundChildren(store, this.roundView, node.round).filter((n) => n.kind !== 'code' || this.visible(n.id));
    if (!node) return codebook.children(null).filter((c) => this.visible(c.id)).map((c) => ({ kind: 'code', id: c.id }));
    if (node.kind !== 'code') return [];
    const codes: CodebookNode[] = subcodesInView(codebook, node.id, this.roundView).filter((c) => this.visible(c.id)).map((c) => ({ kind: 'code', id: c.id }));
    const segments: CodebookNode[] = store.loadedCoding().flatMap((coding) =>
      coding.coders.flatMap(({ coder, segments: list }) =>
        list
          .filter((s) => s.codes.includes(node.id))
          .map((s) => ({ kind: 'segment' as const, code: node.id, transcript: coding.transcript, coderId: coder.id, coderName: coder.name, segmentId: s.id, exact: plainQuote(s.quote.exact) })),
      ),
    );
    return [...codes, ...segments];
  }

  getParent(node: CodebookNode): CodebookNode | undefined {
    const codebook = this.host.project?.store.codebook();
    if (!codebook) return undefined;
    if (node.kind === 'segment') return { kind: 'code', id: node.code };
    if (node.kind === 'round') return undefined;
    const code = codebook.get(node.id);
    const parent = code ? parentInView(codebook, code, this.roundView) : undefined;
    if (parent === undefined) return undefined;
    return 'code' in parent ? { kind: 'code', id: parent.code } : { kind: 'round', round: parent.round };
  }

  getTreeItem(node: CodebookNode): vscode.TreeItem {
    if (node.kind === 'round') return roundGroupItem(this.host.require().store, node.round);
    return node.kind === 'code' ? this.codeItem(node.id) : segmentItem(node);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private codeItem(id: CodeId): vscode.TreeItem {
    const codebook = this.host.require().store.codebook();
    const code = codebook.get(id);
    const counts = this.countsNow().get(id);
    const item = new vscode.TreeItem(treeItemText(code?.name ?? id), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `code:${id}`;
    item.contextValue = 'code';
    item.resourceUri = codeUri(id);
    const own = counts?.segments ?? 0;
    const all = counts?.segmentsWithChildren ?? 0;
    item.description = all === own ? `${own}` : `${own} · ${all} with sub-codes`;
    const into = code?.gatheredInto === undefined ? undefined : codebook.get(code.gatheredInto);
    if (into) item.description = treeItemText(`${item.description} · gathered into ${into.name}`);
    if (code) {
      item.iconPath = this.swatches.get(code.color, () => this.refresh()) ?? new vscode.ThemeIcon('circle-filled');
      const tooltip = untrustedMarkdown(`**${escapeMarkdown(codebook.path(id).join(' / '))}**`);
      if (code.description) tooltip.appendMarkdown(`\n\n${escapeMarkdown(code.description)}`);
      const memo = memoExcerptForCode(id);
      if (memo) tooltip.appendMarkdown(`\n\n📝 ${escapeMarkdown(memo)}`);
      tooltip.appendMarkdown(`\n\n${own} segments in ${counts?.transcripts ?? 0} transcripts`);
      tooltip.appendMarkdown(roundTooltip(this.host.require().store, code));
      appendRelations(tooltip, relationLines(codebook, this.host.require().store.relationTypes(), id));
      item.tooltip = tooltip;
    }
    return item;
  }
}

function segmentItem(node: Extract<CodebookNode, { kind: 'segment' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(excerpt(node.exact, 70), vscode.TreeItemCollapsibleState.None);
  item.id = `segment:${node.code}:${node.transcript}:${node.coderId}:${node.segmentId}`;
  item.contextValue = 'segment';
  item.description = treeItemText(`${node.transcript.split('/').pop()} · ${node.coderName}`);
  item.tooltip = untrustedMarkdown(`${escapeMarkdown(excerpt(node.exact, 400))}\n\n*${escapeMarkdown(node.transcript)} — ${escapeMarkdown(node.coderName)}*`);
  item.iconPath = new vscode.ThemeIcon('quote');
  item.command = {
    command: 'grounded.codebook.revealSegment',
    title: 'Open segment',
    arguments: [{ transcript: node.transcript, coderId: node.coderId, segmentId: node.segmentId }],
  };
  return item;
}

/** The code's relations, one line each: "→ leads to **Mistrust**", "← **Fear of authorities** leads to". */
function appendRelations(tooltip: vscode.MarkdownString, lines: readonly RelationLine[]): void {
  if (lines.length === 0) return;
  const text = lines.map((l) => {
    const other = `**${escapeMarkdown(l.otherName)}**`;
    const note = l.note ? ` — ${escapeMarkdown(l.note)}` : '';
    return l.direction === 'out' ? `→ ${escapeMarkdown(l.label)} ${other}${note}` : `← ${other} ${escapeMarkdown(l.label)}${note}`;
  });
  tooltip.appendMarkdown(`\n\nRelations:\n\n${text.join('  \n')}`);
}
