/**
 * Passages a coder (the consensus coder, when reconciling) reviewed and left uncoded: adding one,
 * and dropping the codes a later reconcile applied after all.
 */
import type { CodeId, QuoteSelector, SegmentId, TextRange, UncodedPassage } from '../model';

export interface UncodedTarget {
  range: TextRange;
  quote: QuoteSelector;
  codes: readonly CodeId[];
}

/** `list` with `target` recorded: a passage on exactly the same text gains the codes. */
export function withUncoded(list: readonly UncodedPassage[], target: UncodedTarget, newId: () => SegmentId): UncodedPassage[] {
  const codes = (more: readonly CodeId[]): CodeId[] => [...new Set(more)].sort();
  const same = list.find((u) => u.position.start === target.range.start && u.position.end === target.range.end);
  if (same) return list.map((u) => (u === same ? { ...u, uncoded: codes([...u.uncoded, ...target.codes]) } : u));
  return [...list, { id: newId(), uncoded: codes(target.codes), quote: { ...target.quote }, position: { ...target.range } }];
}

/**
 * `list` without the codes that were now applied over a passage left uncoded (a decision taken
 * again the other way); a passage left with no codes goes. The same array when nothing changes.
 */
export function withoutApplied(list: readonly UncodedPassage[], applied: readonly { range: TextRange; codes: readonly CodeId[] }[]): readonly UncodedPassage[] {
  let changed = false;
  const out: UncodedPassage[] = [];
  for (const u of list) {
    const hits = applied.filter((a) => a.range.start < u.position.end && u.position.start < a.range.end);
    const left = u.uncoded.filter((c) => !hits.some((a) => a.codes.includes(c)));
    if (left.length === u.uncoded.length) out.push(u);
    else {
      changed = true;
      if (left.length > 0) out.push({ ...u, uncoded: left });
    }
  }
  return changed ? out : list;
}
