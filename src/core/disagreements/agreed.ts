/**
 * Reconciling settles where coders disagree; where they agree, the consensus coder has nothing
 * until the agreed coding is copied to it. After both, the consensus coder holds the team's whole
 * coding of a transcript, which analysis can take as one coder.
 */
import { makeQuote } from '../anchoring';
import type { QuoteSelector } from '../model';
import type { PlacedSegment } from '../placement';
import { CONSENSUS_CODER } from '../consensus-coder';
import { agreedPassages, codersOfTranscript } from './compute';
import { overlaps } from './ranges';
import type { ConsensusTarget } from './types';

export interface AgreedPlan {
  /** What the consensus coder gets: agreed passages with the codes it does not have there yet. */
  targets: ConsensusTarget[];
  /** Agreed passages (one per code) the consensus coder has already. */
  already: number;
}

/**
 * The agreed passages of `coders` (see codersOfTranscript) the consensus coder lacks. A code the
 * consensus coder already has over any of the passage's text counts as there: a reconcile or an
 * earlier copy decided it, and is not overwritten.
 */
export function planAgreed(placed: readonly PlacedSegment[], coders: readonly string[]): AgreedPlan {
  const compared = coders.filter((c) => c !== CONSENSUS_CODER.id);
  const consensus = placed.filter((p) => p.coder.id === CONSENSUS_CODER.id && p.range);
  let already = 0;
  const targets: ConsensusTarget[] = [];
  for (const target of agreedPassages(placed, compared)) {
    const has = (code: string): boolean => consensus.some((p) => p.segment.codes.includes(code) && overlaps(p.range!, target.range));
    const missing = target.codes.filter((code) => !has(code));
    already += target.codes.length - missing.length;
    if (missing.length > 0) targets.push({ range: target.range, codes: missing });
  }
  return { targets, already };
}

/** A transcript as the read model holds it, as much as copying agreement needs. */
export interface AgreedSource {
  path: string;
  text: string;
  exists: boolean;
  segments: readonly PlacedSegment[];
  /** Coders who read the transcript without coding anything (see codersOfTranscript). */
  uncodedBy: readonly string[];
}

export interface AgreedCopy {
  /** Transcript by transcript, what the consensus coder gets, each with its quote from the text. */
  transcripts: { transcript: string; targets: (ConsensusTarget & { quote: QuoteSelector })[] }[];
  /** Passages to copy, in all. */
  copied: number;
  /** Agreed passages (one per code) the consensus coder has already, in all. */
  already: number;
}

/**
 * What copying the agreement of `coders` to the consensus coder writes in each transcript: in each,
 * the coders compared are those of them who coded it (a coder absent there agrees with nobody).
 * The editor's command and `grounded consensus` both write this.
 */
export function planAgreedCopy(transcripts: readonly AgreedSource[], coders: readonly string[]): AgreedCopy {
  const out: AgreedCopy = { transcripts: [], copied: 0, already: 0 };
  for (const t of transcripts) {
    if (!t.exists) continue;
    const plan = planAgreed(t.segments, codersOfTranscript(t.segments, coders, t.uncodedBy));
    out.already += plan.already;
    if (plan.targets.length === 0) continue;
    out.transcripts.push({ transcript: t.path, targets: plan.targets.map((x) => ({ ...x, quote: makeQuote(t.text, x.range) })) });
    out.copied += plan.targets.length;
  }
  return out;
}
