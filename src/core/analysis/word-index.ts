/**
 * Where words start in a text, to count words in a stretch and the words between two stretches in
 * O(log n). A word is a run of letters, digits, apostrophes or hyphens (so "don't" and "co-worker"
 * are one word each); speaker labels and timestamps count like any other text.
 */
import { countBelow } from '../sorted-numbers';

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
    return end <= start ? 0 : countBelow(this.starts, end) - countBelow(this.starts, start);
  }
}
