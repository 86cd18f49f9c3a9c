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
  round?: string,
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
  // The round the segment is created in; a segment gaining codes later keeps its first round.
  if (round !== undefined) segment.round = round;
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

/**
 * Replace the `from` codes with `to` in every segment, then collapse segments that now cover the
 * same text (same range and quote) into one carrying all their codes: merging "Trust" into
 * "Trust in services" must not leave two identical segments behind.
 */
export function mergeCodesInSegments(
  segments: readonly Segment[],
  from: ReadonlySet<CodeId>,
  to: CodeId,
): { segments: Segment[]; collapsed: number } {
  const renamed = segments.map((s) =>
    s.codes.some((c) => from.has(c)) ? { ...s, codes: sortedCodes(s.codes.map((c) => (from.has(c) ? to : c))) } : s,
  );
  const byText = new Map<string, Segment>();
  const out: Segment[] = [];
  let collapsed = 0;
  for (const s of [...renamed].sort(byId)) {
    const key = `${s.position.start}:${s.position.end}:${s.quote.exact}`;
    const first = byText.get(key);
    if (!first || !s.codes.includes(to) || !first.codes.includes(to)) {
      if (!first) byText.set(key, s);
      out.push(s);
      continue;
    }
    collapsed++;
    const merged: Segment = { ...first, codes: sortedCodes([...first.codes, ...s.codes]) };
    const comment = [first.comment, s.comment].filter(Boolean).join(' / ');
    if (comment) merged.comment = comment;
    out[out.indexOf(first)] = merged;
    byText.set(key, merged);
  }
  return { segments: out, collapsed };
}

/** Move one code's application on the chosen segments to another code. */
export function moveCodeOnSegments(segments: readonly Segment[], ids: ReadonlySet<SegmentId>, from: CodeId, to: CodeId): Segment[] {
  return segments.map((s) => (ids.has(s.id) && s.codes.includes(from) ? { ...s, codes: sortedCodes(s.codes.map((c) => (c === from ? to : c))) } : s));
}
