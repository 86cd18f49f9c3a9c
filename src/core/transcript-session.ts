import { makeQuote, shiftRanges, type TextChange } from './anchoring';
import type { Coder, QuoteSelector, Segment, SegmentId, TextRange } from './model';
import { PlacementCache, placeSegments, placeSelectors, type PlacedSegment } from './placement';
import type { TranscriptCoding } from './storage/coding-repository';

export type { PlacedSegment, PlacementStatus } from './placement';

type Key = string;

/**
 * A passage a command is about to code, followed through edits until the command is done: the
 * researcher chooses codes in a picker while the text can still change (a reload from disk, a
 * keystroke that reached the editor first), and the codes must land on the words that were chosen.
 */
export interface HeldPassage {
  /** Where the passage is now; undefined once its text was deleted or could not be found again. */
  readonly range: TextRange | undefined;
  release(): void;
}

interface Hold {
  range: TextRange | undefined;
  readonly quote: QuoteSelector;
  readonly position: TextRange;
}
const keyOf = (coderId: string, segmentId: SegmentId): Key => `${coderId}\u0000${segmentId}`;

/**
 * One transcript's text and coding, and where every coded segment sits in that text right now.
 * Stored positions are hints; this is where they are resolved (re-anchoring on load and external
 * change, shifting on live edits), so views never compute positions themselves.
 */
export class TranscriptSession {
  private text = '';
  private coding: TranscriptCoding;
  private readonly placements = new Map<Key, PlacedSegment>();
  private readonly holds = new Set<Hold>();
  /**
   * Live positions of segments not in the coding right now: removed ones (an undo may bring them
   * back) and those brought from the same text under its old name, until its coding arrives here.
   * They follow edits like the others; a new text forgets them.
   */
  private readonly carried = new Map<Key, PlacedSegment>();
  /** The words a segment had before an edit made it shorter, until it has that many again. */
  private readonly uncut = new Map<Key, string>();

  /** `placements` is the shared owner of placement: a text it has placed already costs nothing. */
  constructor(
    readonly transcript: string,
    private readonly owner: PlacementCache = new PlacementCache(),
  ) {
    this.coding = { transcript, coders: [], problems: [] };
  }

  get currentText(): string {
    return this.text;
  }

  /** New text from outside (opened, reverted, changed on disk): re-anchor every segment. */
  setText(text: string): void {
    this.text = text;
    this.placements.clear();
    this.carried.clear();
    this.uncut.clear();
    this.placeMissing();
    this.placeHolds();
  }

  /**
   * The transcript was renamed or moved with this very text (unsaved edits and all): its segments
   * keep the live positions they had under the old name once its coding follows it here, instead
   * of being found again from quotes that the unsaved edits have outdated.
   */
  carryOver(from: { text: string; placed: readonly PlacedSegment[] }): void {
    if (from.text !== this.text) return;
    for (const p of from.placed) {
      const key = keyOf(p.coder.id, p.segment.id);
      this.carried.set(key, { ...p, range: p.range && { ...p.range } });
      this.placements.delete(key);
    }
    this.setCoding(this.coding);
  }

  /** Follows `range` of the current text through every change until released. */
  hold(range: TextRange): HeldPassage {
    const hold: Hold = { range: { ...range }, quote: makeQuote(this.text, range), position: { ...range } };
    this.holds.add(hold);
    return {
      get range() {
        return hold.range && hold.range.end > hold.range.start ? { ...hold.range } : undefined;
      },
      release: () => this.holds.delete(hold),
    };
  }

  /** A new text: a held passage is where its words are found exactly, or nowhere. */
  private placeHolds(): void {
    const holds = [...this.holds];
    if (holds.length === 0) return;
    placeSelectors(this.text, holds).forEach((r, i) => {
      holds[i].range = (r.status === 'exact' || r.status === 'moved') && r.range ? { ...r.range } : undefined;
    });
  }

  /** New coding from the store: segments already tracked keep their live position. */
  setCoding(coding: TranscriptCoding): void {
    this.coding = coding;
    const live = new Set<Key>();
    for (const { coder, segments } of coding.coders) {
      for (const segment of segments) {
        const key = keyOf(coder.id, segment.id);
        const known = this.placements.get(key);
        const carried = known ? undefined : this.carried.get(key);
        if (known && sameQuote(known.segment.quote, segment.quote)) {
          this.placements.set(key, { ...known, segment, coder });
          live.add(key);
        } else if (carried && carried.range && carried.range.end > carried.range.start && sameQuote(carried.segment.quote, segment.quote)) {
          this.placements.set(key, { ...carried, segment, coder });
          this.carried.delete(key);
          live.add(key);
        }
      }
    }
    for (const [key, p] of [...this.placements]) {
      if (live.has(key)) continue;
      this.placements.delete(key);
      // Removed: kept in step with the text, in case an undo brings it back.
      if (p.range && (p.status === 'exact' || p.status === 'moved')) this.carried.set(key, p);
    }
    this.placeMissing();
  }

  /** Live edit in the editor: shift ranges with the changes (offsets in the text before them). */
  applyChanges(changes: readonly TextChange[], newText: string): void {
    const entries = [...this.placements.values(), ...this.carried.values()].filter((p) => p.range !== undefined);
    const shifted = shiftRanges(
      entries.map((p) => p.range!),
      changes,
    );
    entries.forEach((p, i) => {
      const was = p.range!;
      const now = shifted[i];
      if (now.end - now.start < was.end - was.start) {
        const key = keyOf(p.coder.id, p.segment.id);
        if (!this.uncut.has(key)) this.uncut.set(key, this.text.slice(was.start, was.end));
      }
      p.range = now;
    });
    const holds = [...this.holds].filter((h) => h.range !== undefined);
    shiftRanges(
      holds.map((h) => h.range!),
      changes,
    ).forEach((r, i) => (holds[i].range = r.end > r.start ? r : undefined));
    this.text = newText;
    this.restoreCollapsed();
    this.restoreCut();
  }

  /**
   * A deletion across a segment's edge cuts the segment short; putting the words back (undo, redo,
   * a paste) inserts them at its edge, which typing there never joins. When the words it had before
   * the cut (or its stored words) are whole again around what is left of it, it covers them again,
   * so a cut that was undone is not kept, even when it was saved (auto save) in between.
   */
  private restoreCut(): void {
    for (const p of this.placements.values()) {
      const range = p.range;
      // An approximate placement is left for review; a collapsed one is restoreCollapsed's.
      if (!range || range.end <= range.start || (p.status !== 'exact' && p.status !== 'moved')) continue;
      const key = this.uncut.size > 0 ? keyOf(p.coder.id, p.segment.id) : undefined;
      const exact = (key !== undefined ? this.uncut.get(key) : undefined) ?? p.segment.quote.exact;
      // Only a cut segment is shorter than its words.
      if (range.end - range.start >= exact.length) {
        if (key !== undefined) this.uncut.delete(key);
        continue;
      }
      const from = Math.max(0, range.end - exact.length);
      const window = this.text.slice(from, range.start + exact.length);
      for (let at = window.indexOf(exact); at !== -1 && from + at <= range.start; at = window.indexOf(exact, at + 1)) {
        if (from + at + exact.length < range.end) continue;
        p.range = { start: from + at, end: from + at + exact.length };
        if (key !== undefined) this.uncut.delete(key);
        break;
      }
    }
  }

  /**
   * A segment whose text was deleted collapses to an empty range. When its exact text comes back
   * where it was (undo, redo, a paste), it is placed again; approximate matches are left for
   * review rather than guessed while the researcher types.
   */
  private restoreCollapsed(): void {
    const collapsed = [...this.placements.values()].filter((p) => p.range !== undefined && p.range.end <= p.range.start);
    if (collapsed.length === 0) return;
    const results = placeSelectors(
      this.text,
      collapsed.map((p) => {
        const at = p.range?.start ?? p.segment.position.start;
        return { quote: p.segment.quote, position: { start: at, end: at + p.segment.quote.exact.length } };
      }),
    );
    results.forEach((r, i) => {
      const p = collapsed[i];
      if ((r.status === 'exact' || r.status === 'moved') && r.range) {
        p.range = r.range;
        p.status = r.status;
      }
    });
  }

  placed(): PlacedSegment[] {
    return [...this.placements.values()];
  }

  /** Segments covering an offset (inclusive of both ends, so a cursor at a segment's edge finds it). */
  at(offset: number): PlacedSegment[] {
    return this.placed().filter((p) => p.range !== undefined && p.range.start <= offset && offset <= p.range.end);
  }

  /** Where one coder's segments are now, for "same range" checks when applying codes. */
  rangesOf(coderId: string): Map<SegmentId, TextRange> {
    const out = new Map<SegmentId, TextRange>();
    for (const p of this.placements.values()) if (p.coder.id === coderId && p.range) out.set(p.segment.id, p.range);
    return out;
  }

  quoteFor(range: TextRange): QuoteSelector {
    return makeQuote(this.text, range);
  }

  /**
   * Segments whose text was edited in place (tracked live, non-empty, text differs from the stored
   * quote): their records need the new quote. Everything else stays byte-identical on disk.
   */
  editedQuotes(): Map<string, Map<SegmentId, { quote: QuoteSelector; position: TextRange }>> {
    const out = new Map<string, Map<SegmentId, { quote: QuoteSelector; position: TextRange }>>();
    for (const p of this.placements.values()) {
      if (!p.range || p.range.end <= p.range.start || p.status === 'fuzzy' || p.status === 'orphan') continue;
      if (this.text.slice(p.range.start, p.range.end) === p.segment.quote.exact) continue;
      const perCoder = out.get(p.coder.id) ?? new Map();
      perCoder.set(p.segment.id, { quote: makeQuote(this.text, p.range), position: { ...p.range } });
      out.set(p.coder.id, perCoder);
    }
    return out;
  }

  private placeMissing(): void {
    const missing: { coder: Coder; segment: Segment }[] = [];
    for (const { coder, segments } of this.coding.coders) {
      for (const segment of segments) if (!this.placements.has(keyOf(coder.id, segment.id))) missing.push({ coder, segment });
    }
    if (missing.length === 0) return;
    // Nothing tracked yet (a new text): the whole transcript, as the shared owner may have placed
    // it already. Otherwise only the segments new since, among the live-shifted rest.
    const placed = this.placements.size === 0 ? this.owner.place(this.transcript, this.text, this.coding.coders) : placeSegments(this.text, missing);
    for (const p of placed) this.placements.set(keyOf(p.coder.id, p.segment.id), { ...p });
  }
}

function sameQuote(a: QuoteSelector, b: QuoteSelector): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
}
