import type { TextRange } from '../../src/core/model';

/**
 * Origin of a character written in place of original text (a name replaced by a pseudonym): it
 * belongs where the text it replaced began, `REPLACING - origin`. Plain insertions are -1.
 */
const REPLACING = -2;

/** One replacement of {@link TrackedText.rewrite}. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** Replaced characters pass their identity on to the new ones, position by position. */
  substitute?: boolean;
}

/** Where a segment's original characters ended up after a series of edits. */
export interface GroundTruth {
  /** From the first to the last surviving character of the segment; absent when none survived. */
  core?: TextRange;
  /** Share of the segment's characters that survived. */
  survived: number;
}

/**
 * A text under edit that remembers, for every character, which character of the original text it
 * is (or that it was inserted): the ground truth against which re-anchoring is judged.
 */
export class TrackedText {
  text: string;
  /** For each character of `text`: its offset in the original text, or -1 when inserted. */
  private origins: number[];
  private positions: Int32Array | undefined;
  /** For text written in place of original text: first replaced origin → [first, last + 1). */
  private readonly replaced = new Map<number, [number, number]>();

  constructor(readonly original: string) {
    this.text = original;
    this.origins = Array.from({ length: original.length }, (_, i) => i);
  }

  /**
   * Replace [start, end) with `insert`. With `substitute`, replaced characters pass their identity
   * on to the new ones position by position (a corrected letter is the same letter of the quote).
   */
  replace(start: number, end: number, insert: string, substitute = false): void {
    const replaced = this.origins.slice(start, end);
    const inherited = Array.from({ length: insert.length }, (_, i) => (substitute && i < replaced.length ? replaced[i] : -1));
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.origins.splice(start, end - start, ...inherited);
    this.positions = undefined;
  }

  /**
   * Many replacements at once, in one pass (a whole re-transcription touches thousands of places):
   * `edits` do not overlap and are sorted by start, offsets in the current text. `substitute` as in
   * {@link replace}.
   */
  rewrite(edits: readonly TextEdit[]): void {
    const pieces: string[] = [];
    const origins: number[] = [];
    let at = 0;
    for (const edit of edits) {
      if (edit.start < at || edit.end < edit.start) throw new Error(`edits overlap or are unsorted at ${edit.start}`);
      pieces.push(this.text.slice(at, edit.start), edit.text);
      for (let i = at; i < edit.start; i++) origins.push(this.origins[i]);
      const heir = this.heirOf(edit.start, edit.end);
      for (let i = 0; i < edit.text.length; i++) origins.push(edit.substitute && edit.start + i < edit.end ? this.origins[edit.start + i] : heir);
      at = edit.end;
    }
    pieces.push(this.text.slice(at));
    for (let i = at; i < this.text.length; i++) origins.push(this.origins[i]);
    this.text = pieces.join('');
    this.origins = origins;
    this.positions = undefined;
  }

  /** The origin of text written in place of [start, end): see {@link REPLACING}. */
  private heirOf(start: number, end: number): number {
    let first = Infinity;
    let last = -1;
    for (let i = start; i < end; i++) {
      const origin = this.origins[i];
      const [from, to] = origin <= REPLACING ? (this.replaced.get(REPLACING - origin) ?? [REPLACING - origin, REPLACING - origin + 1]) : [origin, origin + 1];
      if (from < 0) continue;
      first = Math.min(first, from);
      last = Math.max(last, to - 1);
    }
    if (last < 0) return -1;
    this.replaced.set(first, [first, Math.max(last + 1, this.replaced.get(first)?.[1] ?? 0)]);
    return REPLACING - first;
  }

  /** Move [start, end) so that it begins at `to` (an offset in the text without the moved piece). */
  move(start: number, end: number, to: number): void {
    const piece = this.text.slice(start, end);
    const pieceOrigins = this.origins.slice(start, end);
    this.text = this.text.slice(0, start) + this.text.slice(end);
    this.origins.splice(start, end - start);
    this.text = this.text.slice(0, to) + piece + this.text.slice(to);
    this.origins.splice(to, 0, ...pieceOrigins);
    this.positions = undefined;
  }

  /** Current offset of an original character, or -1 when it was deleted. */
  positionOf(originalOffset: number): number {
    if (!this.positions) {
      this.positions = new Int32Array(this.original.length).fill(-1);
      this.origins.forEach((origin, i) => {
        if (origin >= 0) this.positions![origin] = i;
      });
    }
    return this.positions[originalOffset];
  }

  originAt(offset: number): number {
    return this.origins[offset];
  }

  groundTruth(range: TextRange): GroundTruth {
    let first = Infinity;
    let last = -1;
    let survived = 0;
    for (let i = range.start; i < range.end; i++) {
      const at = this.positionOf(i);
      if (at < 0) continue;
      survived++;
      first = Math.min(first, at);
      last = Math.max(last, at);
    }
    const share = range.end > range.start ? survived / (range.end - range.start) : 0;
    if (survived === 0) return { survived: 0 };
    // Text written in place of the segment's own first or last words (a pseudonym) is its text.
    const replacesOwn = (at: number): boolean => {
      const origin = this.origins[at];
      return origin !== undefined && origin <= REPLACING && range.start <= REPLACING - origin && REPLACING - origin < range.end;
    };
    while (first > 0 && replacesOwn(first - 1)) first--;
    while (replacesOwn(last + 1)) last++;
    return { core: { start: first, end: last + 1 }, survived: share };
  }

  /**
   * Whether a placement lies on the segment's own text: it covers at least one surviving character
   * of the segment and no surviving character from outside it (other than text moved in between
   * the segment's own characters). For a segment with nothing left it may only cover text inserted
   * where the segment was (between its nearest surviving neighbours).
   */
  isOnOwnText(original: TextRange, placed: TextRange): boolean {
    const core = this.groundTruth(original).core;
    let own = 0;
    for (let i = placed.start; i < placed.end; i++) {
      const stored = this.origins[i];
      if (stored === -1) continue;
      // Text written in place of other text stands for it: a pseudonym of a neighbour's name is
      // foreign, a phrase reworded across the segment's edge is partly its own (neither).
      const [from, to] = stored <= REPLACING ? this.replaced.get(REPLACING - stored)! : [stored, stored + 1];
      const straddles = from < original.start ? to > original.start : to > original.end && from < original.end;
      if (straddles) continue;
      const origin = from;
      const foreign = origin < original.start || origin >= original.end;
      if (foreign && !(core && core.start <= i && i < core.end)) return false;
      if (!foreign) own++;
    }
    if (own > 0) return true;
    const gap = this.gapWhere(original);
    return gap.start <= placed.start && placed.end <= gap.end;
  }

  /**
   * Where a range's text is (or was, when deleted): from just after its nearest surviving
   * neighbour before it to its nearest surviving neighbour after it.
   */
  gapWhere(original: TextRange): TextRange {
    let before = original.start - 1;
    while (before >= 0 && this.positionOf(before) < 0) before--;
    let after = original.end;
    while (after < this.original.length && this.positionOf(after) < 0) after++;
    const start = before < 0 ? 0 : this.positionOf(before) + 1;
    const end = after >= this.original.length ? this.text.length : this.positionOf(after);
    return { start, end };
  }
}
