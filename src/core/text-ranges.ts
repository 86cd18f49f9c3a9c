import type { TextRange } from './model';

/** Shrink a range so it neither starts nor ends with white space (a sloppy selection is common). */
export function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * The passages several selections (multiple cursors) select, in their order: each trimmed, those
 * left empty dropped, and one that repeats an earlier one (two cursors in one passage) once.
 */
export function selectedPassages(text: string, selections: readonly TextRange[]): TextRange[] {
  const out: TextRange[] = [];
  for (const selection of selections) {
    const range = trimRange(text, selection);
    if (range.end > range.start && !out.some((r) => r.start === range.start && r.end === range.end)) out.push(range);
  }
  return out;
}
