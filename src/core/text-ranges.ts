import type { TextRange } from './model';

/** Shrink a range so it neither starts nor ends with white space (a sloppy selection is common). */
export function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
