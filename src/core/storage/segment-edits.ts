import type { CodeId, QuoteSelector, Segment, SegmentId, TextRange } from '../model';

/**
 * Pure edits of one coder's segment list. Each returns a new, id-sorted list and leaves its input
 * untouched, so the store can compare before and after and tests can check edits in isolation.
 */

export function sortedCodes(codes: Iterable<CodeId>): CodeId[] {
  return [...new Set(codes)].sort();
}

function byId(a: Segment, b: Segment): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Apply codes to a range. A segment of this coder on exactly the same range gains the codes (one
 * segment, several codes, as REFI-QDA's selections do); otherwise a new segment is created.
 */
export function applyCodes(
  segments: readonly Segment[],
  placed: ReadonlyMap<SegmentId, TextRange>,
  target: { range: TextRange; quote: QuoteSelector },
  codes: readonly CodeId[],
  newId: () => SegmentId,
): { segments: Segment[]; segment: Segment } {
  const same = segments.find((s) => {
    const at = placed.get(s.id) ?? s.position;
    return at.start === target.range.start && at.end === target.range.end;
  });
  if (same) {
    const updated: Segment = { ...same, codes: sortedCodes([...same.codes, ...codes]) };
    return { segments: segments.map((s) => (s === same ? updated : s)), segment: updated };
  }
  const segment: Segment = {
    id: newId(),
    codes: sortedCodes(codes),
    quote: target.quote,
    position: { ...target.range },
  };
  return { segments: [...segments, segment].sort(byId), segment };
}

/**
 * Remove codes from the given segments (all their codes when `codes` is undefined). A segment left
 * with no code is removed. Returns how many code applications were taken away.
 */
export function removeCodes(
  segments: readonly Segment[],
  segmentIds: ReadonlySet<SegmentId>,
  codes?: ReadonlySet<CodeId>,
): { segments: Segment[]; removed: number } {
  let removed = 0;
  const out: Segment[] = [];
  for (const segment of segments) {
    if (!segmentIds.has(segment.id)) {
      out.push(segment);
      continue;
    }
    const kept = codes ? segment.codes.filter((c) => !codes.has(c)) : [];
    removed += segment.codes.length - kept.length;
    if (kept.length > 0) out.push(kept.length === segment.codes.length ? segment : { ...segment, codes: kept });
  }
  return { segments: out, removed };
}

/** Every segment that carries one of these codes, wherever it is. */
export function segmentsWithCodes(segments: readonly Segment[], codes: ReadonlySet<CodeId>): Set<SegmentId> {
  return new Set(segments.filter((s) => s.codes.some((c) => codes.has(c))).map((s) => s.id));
}

/** Rewrite a segment's quote and position (its text changed); other records stay byte-identical. */
export function requote(
  segments: readonly Segment[],
  updates: ReadonlyMap<SegmentId, { quote: QuoteSelector; position: TextRange }>,
): Segment[] {
  return segments.map((s) => {
    const u = updates.get(s.id);
    return u ? { ...s, quote: u.quote, position: { ...u.position } } : s;
  });
}

export function setComment(segments: readonly Segment[], id: SegmentId, comment: string | undefined): Segment[] {
  return segments.map((s) => {
    if (s.id !== id) return s;
    const { comment: _old, ...rest } = s;
    return comment ? { ...rest, comment } : rest;
  });
}
