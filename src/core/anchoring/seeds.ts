/**
 * Seeds for finding a quote anywhere in a text: places where pieces of the quote occur unchanged,
 * each giving where the quote would begin. The first few searches of a re-anchoring run scan the
 * text for a handful of pieces; when many segments need searching everywhere (a transcript swapped
 * for another), an index of the text's word starts is built once and used for the rest.
 */

export interface Seed {
  /** Where the quote would begin if this piece is where the quote is. */
  start: number;
  /** Which piece of the quote (its offset in the quote). */
  piece: number;
}

/** Pieces a quote is cut into when scanning; a match with (pieces − 2) errors keeps two intact. */
export const SCANNED_PIECES = 6;
/** Characters of a word start used as the index key (a word and the start of the next, usually). */
const WORD_KEY_LENGTH = 8;
/** Quotes searched by scanning before the word index pays for itself. */
const SCANS_BEFORE_INDEX = 32;
/** A piece occurring more often than this says nothing about where the quote is, and is ignored. */
const MAX_PIECE_OCCURRENCES = 8;

export class SeedFinder {
  private scans = 0;
  private wordStarts: Map<number, number[]> | undefined;

  constructor(private readonly text: string) {}

  seeds(exact: string): Seed[] {
    if (this.wordStarts === undefined && this.scans < SCANS_BEFORE_INDEX) {
      this.scans++;
      return this.scan(exact);
    }
    this.wordStarts ??= indexWordStarts(this.text);
    return this.lookUp(exact, this.wordStarts);
  }

  private scan(exact: string): Seed[] {
    const size = Math.floor(exact.length / SCANNED_PIECES);
    const seeds: Seed[] = [];
    if (size === 0) return seeds;
    for (let p = 0; p < SCANNED_PIECES; p++) {
      const piece = exact.slice(p * size, (p + 1) * size);
      const found: number[] = [];
      for (let i = this.text.indexOf(piece); i !== -1 && found.length <= MAX_PIECE_OCCURRENCES; i = this.text.indexOf(piece, i + 1)) found.push(i);
      if (found.length <= MAX_PIECE_OCCURRENCES) for (const at of found) seeds.push({ start: at - p * size, piece: p * size });
    }
    return seeds;
  }

  private lookUp(exact: string, wordStarts: Map<number, number[]>): Seed[] {
    const seeds: Seed[] = [];
    for (let w = 1; w + WORD_KEY_LENGTH <= exact.length; w++) {
      if (!beginsWord(exact, w)) continue;
      const found = wordStarts.get(hashAt(exact, w)) ?? [];
      if (found.length <= MAX_PIECE_OCCURRENCES) for (const at of found) seeds.push({ start: at - w, piece: w });
    }
    return seeds;
  }
}

function beginsWord(text: string, offset: number): boolean {
  return !isSpace(text.charCodeAt(offset)) && (offset === 0 || isSpace(text.charCodeAt(offset - 1)));
}

function indexWordStarts(text: string): Map<number, number[]> {
  const starts = new Map<number, number[]>();
  for (let i = 0; i + WORD_KEY_LENGTH <= text.length; i++) {
    if (!beginsWord(text, i)) continue;
    const key = hashAt(text, i);
    const list = starts.get(key);
    if (list) list.push(i);
    else starts.set(key, [i]);
  }
  return starts;
}

/**
 * A 52-bit hash of the WORD_KEY_LENGTH characters at `offset`. A collision only adds a seed that
 * the full search then rejects.
 */
function hashAt(text: string, offset: number): number {
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (let k = 0; k < WORD_KEY_LENGTH; k++) {
    const code = text.charCodeAt(offset + k);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x5bd1e995);
  }
  return (low >>> 6) * 0x4000000 + (high >>> 6);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}
