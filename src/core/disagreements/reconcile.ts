/**
 * Reconciling: what the consensus coder gets for a disagreement, and which disagreements the
 * consensus coder has settled already.
 */
import type { TextRange } from '../model';
import type { PlacedSegment } from '../placement';
import { intersectRanges, mergeRanges, overlaps } from './ranges';
import type { ConsensusTarget, Disagreement, ReconcileChoice } from './types';

import { CONSENSUS_CODER } from '../consensus-coder';

export { CONSENSUS_CODER };

/**
 * - `coder`: that coder's segments as they are (nothing, for a coder who applied none of the codes:
 *   the passage is left uncoded).
 * - `union`: every code of the disagreement, each over all the text any coder gave it.
 * - `intersection`: every code over the text all coders who applied it agree on; a code whose
 *   coders share no text is dropped.
 * Ranges that come out the same carry their codes together, as one segment.
 */
export function planReconcile(d: Disagreement, choice: ReconcileChoice): ConsensusTarget[] {
  const pieces: { code: string; range: TextRange }[] = [];
  if (choice.kind === 'coder') {
    for (const a of d.applications) if (a.coder === choice.coder) pieces.push({ code: a.code, range: a.range });
  } else {
    for (const code of d.codes) {
      const apps = d.applications.filter((a) => a.code === code);
      let ranges: TextRange[];
      if (choice.kind === 'union') ranges = mergeRanges(apps.map((a) => a.range));
      else {
        const coders = [...new Set(apps.map((a) => a.coder))];
        ranges = coders.map((c) => mergeRanges(apps.filter((a) => a.coder === c).map((a) => a.range))).reduce((acc, r) => intersectRanges(acc, r));
      }
      for (const range of ranges) pieces.push({ code, range });
    }
  }
  const byRange = new Map<string, ConsensusTarget>();
  for (const p of pieces) {
    const key = `${p.range.start}-${p.range.end}`;
    const target = byRange.get(key);
    if (target) target.codes = [...new Set([...target.codes, p.code])].sort();
    else byRange.set(key, { range: { ...p.range }, codes: [p.code] });
  }
  return [...byRange.values()].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** A passage the consensus coder reviewed and left without these codes, placed on the current text. */
export interface UncodedDecision {
  range: TextRange;
  codes: readonly string[];
}

/**
 * The disagreements still open: those the consensus coder has not settled. A disagreement is
 * settled when the consensus coder has a segment with one of its codes over some of its text, or
 * a record that some of its text was reviewed and left without one of its codes (`uncoded`).
 */
export function openDisagreements(all: readonly Disagreement[], consensus: readonly PlacedSegment[], uncoded: readonly UncodedDecision[] = []): Disagreement[] {
  const placed = consensus.filter((p) => p.range && p.coder.id === CONSENSUS_CODER.id);
  const settled = (d: Disagreement): boolean =>
    placed.some((p) => overlaps(p.range!, d.range) && p.segment.codes.some((c) => d.codes.includes(c))) ||
    uncoded.some((u) => overlaps(u.range, d.range) && u.codes.some((c) => d.codes.includes(c)));
  return all.filter((d) => !settled(d));
}
