import * as vscode from 'vscode';
import { normaliseText } from '../../core/anchoring';
import type { PlacementCache } from '../../core/placement';
import { TranscriptSession } from '../../core/transcript-session';
import { reviewItems, reviewRow, type ReviewItem, type ReviewRow } from '../../core/views/review-items';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import type { ProjectHost } from '../project/project-host';
import { untrustedMarkdown } from '../ui/untrusted';

/** Transcripts read at the same time by a full scan. */
const SCANS_AT_ONCE = 8;

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
  /** Resolves when the first scan after the project opened is done. */
  readonly firstScan: Promise<void>;

  constructor(
    private readonly host: ProjectHost,
    private readonly tracker: TranscriptTracker,
    /** The shared owner of placement: a transcript placed before with the same text and coding costs nothing. */
    private readonly placements?: PlacementCache,
  ) {
    this.disposables.push(tracker.onDidChangePlacements(() => this.changed.fire(undefined)));
    let scanned: () => void = () => undefined;
    this.firstScan = new Promise((resolve) => (scanned = resolve));
    const attach = (): void => {
      this.disposables.push(
        { dispose: host.require().store.onDidChangeCoding(({ transcript }) => void this.scanOne(transcript)).dispose },
        { dispose: host.onDidChangeTranscriptFile((transcript) => void this.scanOne(transcript)).dispose },
      );
      void this.scan().finally(scanned);
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  /** Every item to review, open transcripts live, closed ones as last scanned. */
  items(): ReviewItem[] {
    const live = new Map(this.tracker.all().map((t) => [t.transcript, reviewItems(t.transcript, t.session.placed(), t.session.currentText)]));
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
    // A few at a time: one by one, a thousand transcripts wait a thousand times for the disk.
    const queue = project.store.codedTranscripts();
    const scanner = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) await this.scanOne(next, false);
    };
    await Promise.all(Array.from({ length: SCANS_AT_ONCE }, scanner));
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
    const session = new TranscriptSession(transcript, this.placements);
    // A missing transcript leaves every segment unplaced: all of them are listed.
    const text = raw === undefined ? '' : normaliseText(raw);
    session.setText(text);
    session.setCoding(coding);
    const items = reviewItems(transcript, session.placed(), text);
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
