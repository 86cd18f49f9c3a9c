import type { CodeId, QuoteSelector, RoundId, Segment, SegmentId, TextRange } from '../model';
import { applyCodes, sortedCodes } from './segment-edits';

export interface ManyApplied {
  segments: Segment[];
  /** New segments made. */
  created: number;
  /** Existing segments on exactly a target's range that gained the codes. */
  extended: number;
  /** Targets where a segment on the same range had every code already. */
  unchanged: number;
  /** The segment each target is on now, in the targets' order. */
  ids: SegmentId[];
}

/**
 * Apply codes to many ranges of one coder's segments, as applying them one by one would, counting
 * what happened: a segment on exactly a target's range gains the codes (none is duplicated), one
 * that has them all already is left as it is, elsewhere a new segment is made, in `round`.
 */
export function applyCodesToRanges(
  segments: readonly Segment[],
  placed: ReadonlyMap<SegmentId, TextRange>,
  targets: readonly { range: TextRange; quote: QuoteSelector }[],
  codes: readonly CodeId[],
  newId: () => SegmentId,
  round?: RoundId,
): ManyApplied {
  let current: Segment[] = [...segments];
  let created = 0;
  let extended = 0;
  let unchanged = 0;
  const ids: SegmentId[] = [];
  const wanted = sortedCodes(codes);
  for (const target of targets) {
    const same = current.find((s) => {
      const at = placed.get(s.id) ?? s.position;
      return at.start === target.range.start && at.end === target.range.end;
    });
    if (same && wanted.every((c) => same.codes.includes(c))) {
      unchanged++;
      ids.push(same.id);
      continue;
    }
    if (same) extended++;
    else created++;
    const applied = applyCodes(current, placed, target, wanted, newId, round);
    current = applied.segments;
    ids.push(applied.segment.id);
  }
  return { segments: current, created, extended, unchanged, ids };
}
