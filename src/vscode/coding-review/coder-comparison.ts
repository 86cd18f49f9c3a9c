import * as vscode from 'vscode';
import { CONSENSUS_CODER, codersOfTranscript, computeDisagreements, openDisagreements, placeUncoded, type Disagreement } from '../../core/disagreements';
import { Emitter } from '../../core/event';
import type { UncodedPassage } from '../../core/model';
import type { ProjectSnapshot } from '../../core/project-index';
import type { IndexHost } from '../project/index-host';
import type { MarkSource, ReviewMarks, ReviewStyle } from './review-painter';

export const COMPARING_CODERS_CONTEXT = 'grounded.comparingCoders';

/** The consensus coder's passages reviewed and left uncoded, per transcript (from the store). */
export interface UncodedSource {
  /** Reads every coding file not read yet. */
  load(): Promise<void>;
  passages(): ReadonlyMap<string, readonly UncodedPassage[]>;
}

const NO_UNCODED: UncodedSource = { load: () => Promise.resolve(), passages: () => new Map() };

/**
 * "Compare Coders": the chosen coders' segments drawn side by side and where they disagree, from
 * the live read model, kept current as coding changes. Disagreements the consensus coder has
 * settled (coded, or recorded as reviewed and left uncoded) leave the list.
 */
export class CoderComparison implements MarkSource, vscode.Disposable {
  private chosen: string[] | undefined;
  private list: Disagreement[] = [];
  private settledCount = 0;
  private snapshot: ProjectSnapshot | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly index: IndexHost,
    private readonly uncoded: UncodedSource = NO_UNCODED,
  ) {
    this.disposables.push(index.onDidChange(() => this.recompute()));
  }

  get coders(): readonly string[] | undefined {
    return this.chosen;
  }

  get project(): ProjectSnapshot | undefined {
    return this.snapshot;
  }

  /** Open disagreements, in transcript order, each in text order. */
  disagreements(): readonly Disagreement[] {
    return this.list;
  }

  /** How many disagreements the consensus coder has settled (they are not in the list). */
  get settled(): number {
    return this.settledCount;
  }

  async start(coders: readonly string[]): Promise<void> {
    this.chosen = [...coders];
    await Promise.all([this.index.settled(), this.uncoded.load()]);
    void vscode.commands.executeCommand('setContext', COMPARING_CODERS_CONTEXT, true);
    this.recompute();
  }

  stop(): void {
    this.chosen = undefined;
    this.list = [];
    void vscode.commands.executeCommand('setContext', COMPARING_CODERS_CONTEXT, false);
    this.changed.fire();
  }

  marks(transcript: string): ReviewMarks | undefined {
    const t = this.chosen && this.snapshot?.transcripts.find((x) => x.path === transcript);
    if (!t || !this.chosen) return undefined;
    const layers = this.chosen.slice(0, 4).map((coder, i) => ({
      style: `coder${i}` as ReviewStyle,
      ranges: t.segments.filter((p) => p.coder.id === coder && p.range).map((p) => p.range!),
    }));
    return { text: t.text, layers };
  }

  /** Waits until the read model has every change made so far, then recomputes from it. */
  async settle(): Promise<void> {
    await this.index.settled();
    this.recompute();
  }

  /** Recompute now from the read model as it is (after a reconcile the caller waits for it). */
  recompute(): void {
    this.snapshot = this.index.snapshot();
    if (!this.chosen || !this.snapshot) return;
    const coders = this.chosen;
    // Compared itself, the consensus coder is one coder among others: it settles nothing.
    const settles = !coders.includes(CONSENSUS_CODER.id);
    const uncoded = settles ? this.uncoded.passages() : new Map<string, readonly UncodedPassage[]>();
    let settled = 0;
    this.list = this.snapshot.transcripts.flatMap((t) => {
      // A chosen coder who did not code this transcript is missing here, not a coder of nothing.
      const found = computeDisagreements(t.path, t.segments, codersOfTranscript(t.segments, coders, t.uncodedBy));
      if (found.length === 0) return [];
      const open = settles ? openDisagreements(found, t.segments, placeUncoded(t.text, uncoded.get(t.path) ?? [])) : found;
      settled += found.length - open.length;
      return open;
    });
    this.settledCount = settled;
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.changed.dispose();
  }
}
