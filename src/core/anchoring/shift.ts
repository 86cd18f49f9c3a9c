/**
 * Live tracking while the transcript is edited: moving segment ranges with each change, without
 * looking at the text.
 */
import type { TextRange } from '../model';
import type { TextChange } from './types';

/**
 * The ranges after applying `changes` one after another (each change's offsets refer to the text
 * left by the changes before it). Inputs are not modified; the result has one range per input range,
 * in the same order.
 *
 * - Typing at a segment's edge does not extend it; typing strictly inside does.
 * - Replacing text that starts at the segment's start (or ends at its end) from inside keeps the
 *   new text in the segment, so selecting a word of a segment and retyping it keeps it coded.
 * - A segment whose text is deleted entirely collapses to an empty range where the deletion was;
 *   the caller decides what that means (an undo restores it through re-anchoring).
 *
 * Boundaries only ever land on a change's edges or on shifted old boundaries, so a surrogate pair
 * is never split unless a change itself splits one.
 *
 * Ranges that no change touches come back as the very objects passed in (treat ranges as values:
 * replace them, do not modify them); typing near the end of a long transcript then allocates almost
 * nothing.
 */
export function shiftRanges(ranges: readonly TextRange[], changes: readonly TextChange[]): TextRange[] {
  const out = ranges.slice();
  for (const change of changes) applyChange(out, ranges, change);
  return out;
}

function applyChange(out: TextRange[], inputs: readonly TextRange[], change: TextChange): void {
  const { start, end } = change;
  const inserted = change.text.length;
  const delta = inserted - (end - start);
  for (let i = 0; i < out.length; i++) {
    const range = out[i];
    if (range.end < start) continue;
    let newStart: number;
    let newEnd: number;
    if (range.start > end) {
      newStart = range.start + delta;
      newEnd = range.end + delta;
    } else {
      newStart = mapStart(range.start, start, end, inserted, delta);
      newEnd = Math.max(newStart, mapEnd(range.end, start, end, inserted, delta));
    }
    if (newStart === range.start && newEnd === range.end) continue;
    if (range === inputs[i]) out[i] = { start: newStart, end: newEnd };
    else {
      range.start = newStart;
      range.end = newEnd;
    }
  }
}

/** A start boundary: text inserted exactly at it goes before the segment. */
function mapStart(offset: number, start: number, end: number, inserted: number, delta: number): number {
  if (offset < start) return offset;
  if (offset > end) return offset + delta;
  if (offset === start && end > start) return offset; // the replaced text began at the segment's start
  return start + inserted; // an insertion at the edge, or the start itself deleted
}

/** An end boundary: text inserted exactly at it goes after the segment. */
function mapEnd(offset: number, start: number, end: number, inserted: number, delta: number): number {
  if (offset < start) return offset;
  if (offset > end) return offset + delta;
  if (offset === end && end > start) return start + inserted; // the replaced text ended at the segment's end
  return start; // an insertion at the edge, or the end itself deleted
}
