/**
 * Where words start in a text, to count words in a stretch and the words between two stretches in
 * O(log n). A word is a run of letters, digits, apostrophes or hyphens (so "don't" and "co-worker"
 * are one word each); speaker labels and timestamps count like any other text.
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;

export class WordIndex {
  private readonly starts: number[] = [];

  constructor(text: string) {
    for (const match of text.matchAll(WORD)) this.starts.push(match.index);
  }

  get total(): number {
    return this.starts.length;
  }

  /** Words that start within [start, end). */
  wordsIn(start: number, end: number): number {
    return end <= start ? 0 : lowerBound(this.starts, end) - lowerBound(this.starts, start);
  }
}

function lowerBound(values: number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
