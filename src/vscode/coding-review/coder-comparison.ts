import * as vscode from 'vscode';
import { CONSENSUS_CODER, computeDisagreements, openDisagreements, type Disagreement } from '../../core/disagreements';
import { Emitter } from '../../core/event';
import type { ProjectSnapshot } from '../../core/project-index';
import type { IndexHost } from '../project/index-host';
import type { MarkSource, ReviewMarks, ReviewStyle } from './review-painter';

export const COMPARING_CODERS_CONTEXT = 'grounded.comparingCoders';

/**
 * "Compare Coders": the chosen coders' segments drawn side by side and where they disagree, from
 * the live read model, kept current as coding changes. Disagreements the consensus coder has
 * settled (or that were set aside by leaving the text uncoded) leave the list.
 */
export class CoderComparison implements MarkSource, vscode.Disposable {
  private chosen: string[] | undefined;
  private readonly dismissed = new Set<string>();
  private list: Disagreement[] = [];
  private snapshot: ProjectSnapshot | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly index: IndexHost) {
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

  async start(coders: readonly string[]): Promise<void> {
    this.chosen = [...coders];
    this.dismissed.clear();
    await this.index.settled();
    void vscode.commands.executeCommand('setContext', COMPARING_CODERS_CONTEXT, true);
    this.recompute();
  }

  stop(): void {
    this.chosen = undefined;
    this.list = [];
    void vscode.commands.executeCommand('setContext', COMPARING_CODERS_CONTEXT, false);
    this.changed.fire();
  }

  /** A decision to leave the passage uncoded writes nothing: remembered while comparing. */
  dismiss(d: Disagreement): void {
    this.dismissed.add(d.id);
    this.recompute();
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

  /** Recompute now from the read model as it is (after a reconcile the caller waits for it). */
  recompute(): void {
    this.snapshot = this.index.snapshot();
    if (!this.chosen || !this.snapshot) return;
    const coders = this.chosen;
    const settles = !coders.includes(CONSENSUS_CODER.id);
    this.list = this.snapshot.transcripts.flatMap((t) => {
      const found = computeDisagreements(t.path, t.segments, coders);
      return found.length === 0 ? [] : openDisagreements(found, settles ? t.segments : [], this.dismissed);
    });
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.changed.dispose();
  }
}
