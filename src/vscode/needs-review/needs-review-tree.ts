import * as vscode from 'vscode';
import type { TranscriptSnapshot } from '../../core/project-index';
import { reviewItems, reviewRow, type ReviewItem, type ReviewRow } from '../../core/views/review-items';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { untrustedMarkdown } from '../ui/untrusted';

export type NeedsReviewNode = { kind: 'transcript'; transcript: string } | { kind: 'item'; item: ReviewItem };

/**
 * "Needs Review": segments placed only approximately, and segments that could not be placed,
 * grouped by transcript. Open transcripts are live (from the tracker); the others are as the
 * project index placed them, so nothing is read or placed here. Items are worked out per
 * transcript only when VS Code asks (the view is visible), and kept while that transcript's
 * snapshot is the same object; a change redraws only the transcripts whose items changed.
 */
export class NeedsReviewTreeProvider implements vscode.TreeDataProvider<NeedsReviewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NeedsReviewNode | NeedsReviewNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Review items of a transcript as the index placed it: an unchanged transcript keeps its snapshot. */
  private readonly ofSnapshot = new WeakMap<TranscriptSnapshot, ReviewItem[]>();
  /** What each transcript row showed last, by path; the same node object, so VS Code can redraw one row. */
  private readonly shown = new Map<string, { node: NeedsReviewNode; items: readonly ReviewItem[] }>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** The view showing this list, once made: while it is hidden, a change computes nothing. */
  private view: vscode.TreeView<NeedsReviewNode> | undefined;
  /** Resolves once the list can be answered after the project opened (the index is built). */
  readonly firstScan: Promise<void>;

  constructor(
    private readonly host: ProjectHost,
    private readonly tracker: TranscriptTracker,
    private readonly index: IndexHost,
  ) {
    this.disposables.push(
      tracker.onDidChangePlacements(() => this.announce()),
      { dispose: index.onDidChange(() => this.announce()).dispose },
    );
    let opened: () => void = () => undefined;
    this.firstScan = new Promise<void>((resolve) => (opened = resolve)).then(async () => void (await index.settled()));
    if (host.project) opened();
    else this.disposables.push({ dispose: host.onDidOpenProject(() => opened()).dispose });
  }

  /** Every item to review, open transcripts live, the others as the index has them. */
  items(): ReviewItem[] {
    const paths = new Set([...(this.index.snapshot()?.transcripts ?? []).map((t) => t.path), ...this.tracker.all().map((t) => t.transcript)]);
    return [...paths].flatMap((path) => this.itemsOf(path));
  }

  itemsOf(transcript: string): ReviewItem[] {
    const live = this.tracker.all().find((t) => t.transcript === transcript);
    if (live) return reviewItems(transcript, live.session.placed(), live.session.currentText);
    const snapshot = this.index.index?.transcript(transcript);
    if (!snapshot) return [];
    let items = this.ofSnapshot.get(snapshot);
    if (!items) {
      // A missing transcript has the text '': every segment is unplaced, and all of them are listed.
      items = reviewItems(transcript, snapshot.segments, snapshot.text);
      this.ofSnapshot.set(snapshot, items);
    }
    return items;
  }

  /**
   * Read the transcripts with coding again now (a researcher's refresh, or a file changed a moment
   * ago whose watcher event is still on its way); resolves when the list has them.
   */
  async scan(): Promise<void> {
    const project = this.host.project;
    if (!project) return;
    await project.store.loadAllCoding();
    await this.index.refreshStudyFiles(project.store.codedTranscripts());
    this.changed.fire(undefined);
  }

  getChildren(node?: NeedsReviewNode): NeedsReviewNode[] {
    if (!node) {
      const rows = this.items().reduce((seen, i) => seen.add(i.transcript), new Set<string>());
      return [...rows].sort().map((transcript) => this.row(transcript).node);
    }
    if (node.kind === 'transcript') return this.row(node.transcript).items.map((item) => ({ kind: 'item', item }));
    return [];
  }

  /** The row of a transcript, the same node object while it is listed; remembers what it showed. */
  private row(transcript: string): { node: NeedsReviewNode; items: readonly ReviewItem[] } {
    const items = this.itemsOf(transcript);
    const row = { node: this.shown.get(transcript)?.node ?? { kind: 'transcript' as const, transcript }, items };
    this.shown.set(transcript, row);
    return row;
  }

  /** The view that shows this list: while it is hidden, changes only mark the list for redrawing. */
  showIn(view: vscode.TreeView<NeedsReviewNode>): vscode.TreeView<NeedsReviewNode> {
    this.view = view;
    return view;
  }

  /**
   * After a change: when the same transcripts are listed, redraw only those whose items changed
   * (a coding change in one transcript does not make VS Code ask again for every row); otherwise,
   * or while the view is hidden or was never drawn, the whole list (VS Code asks for it when shown).
   */
  private announce(): void {
    if (this.shown.size === 0 || this.view?.visible === false) {
      this.shown.clear();
      return this.changed.fire(undefined);
    }
    const now = new Map([...this.shown.keys()].map((path) => [path, this.itemsOf(path)] as const));
    const listedBefore = [...this.shown].filter(([, row]) => row.items.length > 0).map(([path]) => path);
    const listedNow = new Set(this.items().map((i) => i.transcript));
    if (listedBefore.length !== listedNow.size || listedBefore.some((path) => !listedNow.has(path))) {
      this.shown.clear();
      return this.changed.fire(undefined);
    }
    const redraw = [...this.shown].filter(([path, row]) => !sameItems(now.get(path)!, row.items)).map(([, row]) => row.node);
    if (redraw.length > 0) this.changed.fire(redraw);
  }

  getTreeItem(node: NeedsReviewNode): vscode.TreeItem {
    if (node.kind === 'transcript') {
      const item = new vscode.TreeItem(node.transcript, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = vscode.ThemeIcon.File;
      item.resourceUri = this.host.project?.fs.uri(node.transcript);
      item.description = `${this.itemsOf(node.transcript).length} to review`;
      item.contextValue = 'reviewTranscript';
      return item;
    }
    const { item: review } = node;
    const codebook = this.host.project?.store.codebook();
    const row = reviewRow(review, (id) => codebook?.get(id)?.name);
    const tree = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    tree.id = `review:${review.transcript}:${review.coderId}:${review.segmentId}`;
    tree.description = row.description;
    tree.tooltip = reviewTooltip(row);
    tree.iconPath = new vscode.ThemeIcon(review.status === 'fuzzy' ? 'question' : 'debug-disconnect');
    tree.contextValue = review.status === 'fuzzy' ? 'reviewFuzzy' : 'reviewOrphan';
    tree.command = { command: 'grounded.needsReview.reveal', title: 'Show', arguments: [node] };
    return tree;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The same items: the same array (a transcript the index did not touch), or equal ones (an open transcript's, made afresh). */
function sameItems(a: readonly ReviewItem[], b: readonly ReviewItem[]): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Codes, coder, and the stored text beside what is there now; every untrusted string escaped. */
function reviewTooltip(row: ReviewRow): vscode.MarkdownString {
  const tooltip = untrustedMarkdown();
  tooltip.appendMarkdown('**Codes:** ').appendText(row.codes);
  tooltip.appendMarkdown('  \n**Coder:** ').appendText(row.coder);
  tooltip.appendMarkdown('  \n**Why listed:** ').appendText(row.status);
  tooltip.appendMarkdown('\n\n**Coded on:** ').appendText(row.stored);
  if (row.now !== undefined) tooltip.appendMarkdown('\n\n**Now at this place:** ').appendText(row.now);
  return tooltip;
}
