import type { QuoteSelector, TextRange } from '../model';

/** A stored segment as the anchoring engine sees it: the quote is the authority, the position a hint. */
export interface Anchor {
  id: string;
  quote: QuoteSelector;
  /** Where the quote was when it was last written (offsets in that older text). */
  position: TextRange;
}

/**
 * - `exact`: the hint still holds the quote.
 * - `moved`: the identical quote, found elsewhere and confirmed by its context or position.
 * - `fuzzy`: an approximate match that passed the thresholds; shown as "needs review".
 * - `orphan`: not placed; kept and shown, never dropped.
 */
export type PlacementStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';

export interface Placement {
  id: string;
  status: PlacementStatus;
  /** Where the segment is now; absent for an orphan. */
  range?: TextRange;
  /** Confidence in [0, 1]; 1 for an exact placement, 0 for an orphan. */
  score: number;
}

/**
 * One edit: replace `[start, end)` with `text`. Offsets refer to the text as it is just before this
 * change (a list of changes applies one after another, as VS Code reports them).
 */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

export interface ReanchorOptions {
  /**
   * Lowest score a fuzzy match needs to be placed (default {@link DEFAULT_MIN_FUZZY_SCORE}).
   * Raising it turns more edited segments into orphans; lowering it risks misplacement.
   */
  minFuzzyScore?: number;
}
