import * as vscode from 'vscode';
import { normaliseText } from '../../core/anchoring';
import { TranscriptSession } from '../../core/transcript-session';
import { excerpt } from '../../core/views/markdown-text';
import { reviewItems, type ReviewItem } from '../../core/views/review-items';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import type { ProjectHost } from '../project/project-host';

export type NeedsReviewNode = { kind: 'transcript'; transcript: string } | { kind: 'item'; item: ReviewItem };

/**
 * "Needs Review": segments placed only approximately, and segments that could not be placed,
 * grouped by transcript. Open transcripts are live (from the tracker); closed ones are scanned from
 * disk when the project opens, when their coding or their text changes on disk, and on refresh.
 */
export class NeedsReviewTreeProvider implements vscode.TreeDataProvider<NeedsReviewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<NeedsReviewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private scanned = new Map<string, ReviewItem[]>();
  /** Per transcript, the latest scan started: an older scan finishing later must not win. */
  private readonly generations = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly host: ProjectHost,
    private readonly tracker: TranscriptTracker,
  ) {
    this.disposables.push(tracker.onDidChangePlacements(() => this.changed.fire(undefined)));
    const attach = (): void => {
      this.disposables.push(
        { dispose: host.require().store.onDidChangeCoding(({ transcript }) => void this.scanOne(transcript)).dispose },
        { dispose: host.onDidChangeTranscriptFile((transcript) => void this.scanOne(transcript)).dispose },
      );
      void this.scan();
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
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

  /** Re-anchor every coded transcript from disk (closed ones; open ones are live anyway). */
  async scan(): Promise<void> {
    const project = this.host.project;
    if (!project) return;
    await project.store.loadAllCoding();
    this.scanned.clear();
    for (const transcript of project.store.codedTranscripts()) await this.scanOne(transcript, false);
    this.changed.fire(undefined);
  }

  private async scanOne(transcript: string, announce = true): Promise<void> {
    const project = this.host.project;
    if (!project) return;
    const generation = (this.generations.get(transcript) ?? 0) + 1;
    this.generations.set(transcript, generation);
    const coding = await project.store.getCoding(transcript);
    const raw = await project.fs.readFile(transcript);
    if (this.generations.get(transcript) !== generation) return;
    const session = new TranscriptSession(transcript);
    // A missing transcript leaves every segment unplaced: all of them are listed.
    session.setText(raw === undefined ? '' : normaliseText(raw));
    session.setCoding(coding);
    const items = reviewItems(transcript, session.placed());
    if (items.length > 0) this.scanned.set(transcript, items);
    else this.scanned.delete(transcript);
    if (announce) this.changed.fire(undefined);
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
