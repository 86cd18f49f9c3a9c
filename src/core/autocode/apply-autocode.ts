/**
 * Coding the passages a search found, as the store's current coder, in one undoable step. The
 * editor's Search view and `grounded autocode` both end here, so they decide alike which passages
 * are lost and which segments gain the code instead of being duplicated.
 */
import type { CodeId, SegmentId, TextRange } from '../model';
import { placeSegments } from '../placement';
import type { AppliedAcross } from '../storage/coding-actions';
import type { ProjectStore } from '../storage/project-store';
import { planAutocode, type ChosenPassage, type TranscriptNow } from './apply-plan';

export interface AutocodeOutcome extends AppliedAcross {
  /** Chosen passages whose transcript is gone, or whose words are no longer in it. */
  lost: number;
}

/**
 * `textOf` gives a transcript's text as it is now (an open editor's, say), or undefined when it is
 * gone. The coder's own segments are placed on that text, so a passage one of them already covers
 * exactly gains the code.
 */
export async function applyAutocode(store: ProjectStore, chosen: readonly ChosenPassage[], codes: CodeId[], textOf: (transcript: string) => Promise<string | undefined>): Promise<AutocodeOutcome> {
  const now = new Map<string, TranscriptNow>();
  for (const transcript of new Set(chosen.map((c) => c.transcript))) {
    const text = await textOf(transcript);
    if (text === undefined) continue;
    const mine = (await store.getCoding(transcript)).coders.find((c) => c.coder.id === store.coder.id);
    const placed = new Map<SegmentId, TextRange>();
    if (mine) for (const p of placeSegments(text, mine.segments.map((segment) => ({ coder: mine.coder, segment })))) if (p.range) placed.set(p.segment.id, p.range);
    now.set(transcript, { text, placed });
  }
  const plan = planAutocode(chosen, (t) => now.get(t));
  if (plan.transcripts.length === 0) return { created: 0, extended: 0, unchanged: 0, transcripts: [], segmentIds: [], lost: plan.lost.length };
  return { ...(await store.applyCodesAcross(plan.transcripts, codes)), lost: plan.lost.length };
}
