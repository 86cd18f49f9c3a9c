import * as vscode from 'vscode';
import { excerpt } from '../../core/views/markdown-text';
import { reviewItems, type ReviewItem } from '../../core/views/review-items';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';

export type NeedsReviewNode = { kind: 'transcript'; transcript: string } | { kind: 'item'; item: ReviewItem };

/**
 * "Needs Review": segments placed only approximately, and segments that could not be placed,
 * grouped by transcript. Open transcripts are live (from the tracker); closed ones come from the
 * project index, which keeps their placement current.
 */
export class NeedsReviewTreeProvider implements vscode.TreeDataProvider<NeedsReviewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NeedsReviewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private scanned = new Map<string, ReviewItem[]>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly host: ProjectHost,
    private readonly tracker: TranscriptTracker,
    private readonly index: IndexHost,
  ) {
    this.disposables.push(tracker.onDidChangePlacements(() => this.changed.fire(undefined)));
    this.disposables.push({ dispose: index.onDidChange(() => this.readIndex()).dispose });
  }

  /** Every item to review, open transcripts live, closed ones as last scanned. */
  items(): ReviewItem[] {
    const live = new Map(this.tracker.all().map((t) => [t.transcript, reviewItems(t.transcript, t.session.placed())]));
    const all = new Map(this.scanned);
    for (const [transcript, items] of live) all.set(transcript, items);
    return [...all.values()].flat();
  }

  itemsOf(transcript: string): ReviewItem[] {
    return this.items().filter((i) => i.transcript === transcript);
  }

  /** Bring the list up to date with every change made so far (closed transcripts from the index). */
  async scan(): Promise<void> {
    await this.index.settled();
    this.readIndex();
  }

  private readIndex(): void {
    this.scanned.clear();
    for (const t of this.index.snapshot()?.transcripts ?? []) {
      const items = reviewItems(t.path, t.segments);
      if (items.length > 0) this.scanned.set(t.path, items);
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: NeedsReviewNode): NeedsReviewNode[] {
    const items = this.items();
    if (!node) return [...new Set(items.map((i) => i.transcript))].sort().map((transcript) => ({ kind: 'transcript', transcript }));
    if (node.kind === 'transcript') return items.filter((i) => i.transcript === node.transcript).map((item) => ({ kind: 'item', item }));
    return [];
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
    const tree = new vscode.TreeItem(excerpt(review.storedQuote, 70), vscode.TreeItemCollapsibleState.None);
    tree.id = `review:${review.transcript}:${review.coderId}:${review.segmentId}`;
    tree.description = `${review.status === 'fuzzy' ? 'approximate match' : 'not placed'} · ${review.coderName}`;
    tree.tooltip = new vscode.MarkdownString().appendText(review.storedQuote);
    tree.iconPath = new vscode.ThemeIcon(review.status === 'fuzzy' ? 'question' : 'debug-disconnect');
    tree.contextValue = review.status === 'fuzzy' ? 'reviewFuzzy' : 'reviewOrphan';
    tree.command = { command: 'grounded.needsReview.reveal', title: 'Show', arguments: [node] };
    return tree;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
