import type { ConsensusTarget } from '../../../src/core/disagreements';
import type { PlacedSegment } from '../../../src/core/placement';

let serial = 0;

/** A coder's segment placed exactly at [start, end) of the current text, with a fresh id. */
export function at(coder: string, start: number, end: number, codes: string[]): PlacedSegment {
  serial++;
  return { coder: { id: coder, name: coder }, segment: { id: `s-${serial}`, codes, quote: { exact: '', prefix: '', suffix: '' }, position: { start, end } }, status: 'exact', range: { start, end } };
}

/** Targets as `codes@start-end`, easy to compare with a hand-worked list. */
export const show = (targets: ConsensusTarget[]): string[] => targets.map((t) => `${t.codes.join('+')}@${t.range.start}-${t.range.end}`);
