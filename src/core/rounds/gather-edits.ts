/**
 * Pure edits of one coder's segments for gathering initial codes into a focused code and for
 * undoing that. Each segment records, under the focused code's id, exactly which of its codes the
 * gathering replaced, so un-gathering restores every segment as it was — whichever coder made it,
 * whatever other codes it carries — without any record outside the segment's own line.
 */
import type { CodeId, Segment } from '../model';

function sortedUnique(codes: Iterable<CodeId>): CodeId[] {
  return [...new Set(codes)].sort();
}

/** Record the gathered-into entry on a segment, keeping other focused codes' entries. */
function withEntry(segment: Segment, category: CodeId, replaced: CodeId[] | undefined): Segment {
  const entries: Record<CodeId, CodeId[]> = { ...(segment.gathered ?? {}) };
  if (replaced === undefined) delete entries[category];
  else entries[category] = replaced;
  const { gathered: _old, ...rest } = segment;
  return Object.keys(entries).length > 0 ? { ...rest, gathered: entries } : rest;
}

/**
 * Replace the `from` codes with `category` on every segment carrying one of them. A segment that
 * already carries `category` keeps it and records that too, so un-gathering leaves it on.
 */
export function gatherSegments(
  segments: readonly Segment[],
  from: ReadonlySet<CodeId>,
  category: CodeId,
): { segments: Segment[]; gathered: number } {
  let gathered = 0;
  const out = segments.map((segment) => {
    const replaced = segment.codes.filter((c) => from.has(c));
    if (replaced.length === 0) return segment;
    gathered++;
    const had = segment.codes.includes(category) ? [category] : [];
    const earlier = segment.gathered?.[category] ?? [];
    const codes = sortedUnique([...segment.codes.filter((c) => !from.has(c)), category]);
    return withEntry({ ...segment, codes }, category, sortedUnique([...earlier, ...had, ...replaced]));
  });
  return { segments: out, gathered };
}

/**
 * Put back what gathering into `category` replaced. A segment that still carries the category gets
 * its recorded codes back (and loses the category unless it carried it before); one whose coder
 * took the category off since keeps its current codes — that removal was a decision made after
 * the gathering. Segments coded with the category directly have no entry and are left alone.
 */
export function ungatherSegments(segments: readonly Segment[], category: CodeId): { segments: Segment[]; restored: number } {
  let restored = 0;
  const out = segments.map((segment) => {
    const replaced = segment.gathered?.[category];
    if (replaced === undefined) return segment;
    if (!segment.codes.includes(category)) return withEntry(segment, category, undefined);
    restored++;
    const codes = sortedUnique([...segment.codes.filter((c) => c !== category), ...replaced]);
    return withEntry({ ...segment, codes }, category, undefined);
  });
  return { segments: out, restored };
}
