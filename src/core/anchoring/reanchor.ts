/**
 * Re-anchoring: finding every stored segment in the current text of its transcript. See
 * docs/anchoring.md for the stages, thresholds and measured figures.
 */
import type { QuoteSelector, TextRange } from '../model';
import { canonicalText, toNfc, type CanonicalText } from './canonical';
import { bracketed, bracketedAnywhere } from './bracketed';
import { checkEdges } from './edges';
import { coversWholeText, exactAtExpected, exactOccurrences, intactAtExpected } from './exact-candidates';
import { fuzzyAnywhere, fuzzyNear } from './fuzzy-candidates';
import { LOCAL_RADIUS, type QuoteSearch } from './quote-search';
import { choose, isSettled } from './choose';
import { DEFAULT_MIN_FUZZY_SCORE, isAcceptable, type Candidate } from './scoring';
import { endsAt, occursAt } from './text';
import type { Anchor, Placement, ReanchorOptions } from './types';
import { SeedFinder } from './seeds';

/**
 * Where each anchor's quote is in `text` (LF line endings, no BOM), in the order of `anchors`.
 * Never places a segment on text it is not sure about: such segments come back as orphans.
 */
export function reanchor(text: string, anchors: readonly Anchor[], options: ReanchorOptions = {}): Placement[] {
  const minFuzzyScore = options.minFuzzyScore ?? DEFAULT_MIN_FUZZY_SCORE;
  const view = canonicalText(text);
  const quotes = anchors.map((a) => (view.identity ? a.quote : canonicalQuote(a.quote)));
  const hints = anchors.map((a) => ({ start: view.toCanonical(a.position.start), end: view.toCanonical(a.position.end) }));
  const order = inHintOrder(anchors);
  const found: (Candidate | undefined)[] = new Array(anchors.length);
  const shifts = new RecentShifts();
  const seeds = new SeedFinder(view.text);
  for (const index of order) {
    const hint = hints[index];
    found[index] = locate({ text: view.text, quote: quotes[index], expected: shifts.predict(hint.start), seeds }, minFuzzyScore);
    const placed = found[index];
    if (placed) shifts.remember(placed.start - hint.start, placed.end - hint.end);
  }
  // A segment right after an edit is predicted from the segment before it, shifted the old way;
  // the segment after it already shifted the new way. Give the unplaced a second look with both.
  forEachBetweenPlaced(order, found, (index, before, after) => {
    const expected = [before, after].flatMap((i) => (i === undefined ? [] : shiftsOf(found[i]!, hints[i]))).map((shift) => hints[index].start + shift);
    if (expected.length === 0) return;
    found[index] = locateNearPrediction({ text: view.text, quote: quotes[index], expected: [...new Set(expected)], seeds }, minFuzzyScore);
  });
  // Edges are checked last: a word left out at an edge says nothing about how the text around it
  // shifted, so predictions follow where the search found each quote.
  return anchors.map((anchor, i) => toPlacement(view, anchor, found[i] && checkEdges(view.text, quotes[i], found[i])));
}

/**
 * True when every anchor's quote, with its stored context, is still exactly at its hint: nothing
 * to re-anchor (reanchor would place every segment `exact`).
 */
export function isUnchanged(text: string, anchors: readonly Pick<Anchor, 'quote' | 'position'>[]): boolean {
  for (const { quote, position } of anchors) {
    if (position.end - position.start !== quote.exact.length) return false;
    if (!occursAt(text, position.start, quote.exact)) return false;
    if (!endsAt(text, position.start, quote.prefix) || !occursAt(text, position.end, quote.suffix)) return false;
  }
  return true;
}

/**
 * The cheap stages run first and the search stops as soon as a candidate settles it (context intact
 * on both sides; or, once the neighbourhood has been searched, an exact quote at a predicted start
 * with one side intact). Otherwise everything found competes in {@link choose}; the expensive
 * searches run only when nothing acceptable was found.
 */
function locate(search: QuoteSearch, minFuzzyScore: number): Candidate | undefined {
  const { quote } = search;
  if (quote.exact.length === 0) return undefined;
  const intact = intactAtExpected(search);
  if (intact) return intact;
  // Each stage, and whether a one-sided match may end the search after it (see decisiveness).
  const stages: [() => Candidate[], boolean][] = [
    [() => exactAtExpected(search), false],
    [() => bracketed(search), false],
    [() => exactOccurrences(search, LOCAL_RADIUS), true],
    [() => (coversWholeText(search, LOCAL_RADIUS) ? [] : exactOccurrences(search, Infinity)), true],
    [() => fuzzyNear(search, 'few'), true],
  ];
  const found: Candidate[] = [];
  for (const [stage, oneSideSuffices] of stages) {
    found.push(...stage());
    if (isSettled(found, quote, minFuzzyScore, oneSideSuffices)) return choose(found, quote, minFuzzyScore);
  }
  // The expensive searches only when nothing acceptable turned up.
  const lastResorts: (() => Candidate[])[] = [() => fuzzyNear(search, 'all'), () => bracketedAnywhere(search), () => fuzzyAnywhere(search)];
  for (const stage of lastResorts) {
    if (found.some((c) => isAcceptable(c, quote, minFuzzyScore))) break;
    found.push(...stage());
  }
  return choose(found, quote, minFuzzyScore);
}

/** The cheap stages only, for a second look at a segment with better predictions. */
function locateNearPrediction(search: QuoteSearch, minFuzzyScore: number): Candidate | undefined {
  if (search.quote.exact.length === 0) return undefined;
  return choose([...exactAtExpected(search), ...bracketed(search)], search.quote, minFuzzyScore);
}

function shiftsOf(placed: Candidate, hint: TextRange): number[] {
  return [placed.start - hint.start, placed.end - hint.end];
}

/** Calls `visit` for every unplaced anchor with its nearest placed neighbours in hint order. */
function forEachBetweenPlaced(order: readonly number[], found: readonly (Candidate | undefined)[], visit: (index: number, before: number | undefined, after: number | undefined) => void): void {
  const after: (number | undefined)[] = new Array(order.length);
  let next: number | undefined;
  for (let k = order.length - 1; k >= 0; k--) {
    after[k] = next;
    if (found[order[k]]) next = order[k];
  }
  let previous: number | undefined;
  for (let k = 0; k < order.length; k++) {
    const index = order[k];
    if (found[index]) previous = index;
    else visit(index, previous, after[k]);
  }
}

function toPlacement(view: CanonicalText, anchor: Anchor, found: Candidate | undefined): Placement {
  if (!found) return { id: anchor.id, status: 'orphan', score: 0 };
  const range: TextRange = { start: view.startToOriginal(found.start), end: view.endToOriginal(found.end) };
  const score = Math.round(found.score * 1000) / 1000;
  if (found.quoteErrors > 0) return { id: anchor.id, status: 'fuzzy', range, score };
  const atHint = range.start === anchor.position.start && range.end === anchor.position.end;
  return { id: anchor.id, status: atHint ? 'exact' : 'moved', range, score };
}

function canonicalQuote(quote: QuoteSelector): QuoteSelector {
  return { exact: toNfc(quote.exact), prefix: toNfc(quote.prefix), suffix: toNfc(quote.suffix) };
}

/** Anchor indexes by hint start. Sorting packed numbers natively beats a comparator callback. */
function inHintOrder(anchors: readonly Anchor[]): number[] {
  const slots = 2 ** Math.ceil(Math.log2(anchors.length + 1));
  const keys = new Float64Array(anchors.length);
  for (let i = 0; i < anchors.length; i++) keys[i] = Math.max(0, anchors[i].position.start) * slots + i;
  keys.sort();
  return Array.from(keys, (key) => key % slots);
}

/**
 * Edits shift whole runs of segments by the same amount, so the shifts of the segments placed last
 * predict where the next one is. A few recent shifts are kept: after a moved paragraph the shift
 * from before it applies again.
 */
class RecentShifts {
  private static readonly KEPT = 6;
  private readonly shifts: number[] = [];

  /** Predicted starts: shifted like the last segment placed, then the hint itself, then older shifts. */
  predict(hintStart: number): number[] {
    const starts: number[] = [];
    for (const shift of this.shifts.length > 0 ? [this.shifts[0], 0, ...this.shifts] : [0]) {
      if (!starts.includes(hintStart + shift)) starts.push(hintStart + shift);
    }
    return starts;
  }

  remember(startShift: number, endShift: number): void {
    if (startShift === endShift && this.shifts[0] === startShift) return;
    for (const shift of [endShift, startShift]) {
      const at = this.shifts.indexOf(shift);
      if (at !== -1) this.shifts.splice(at, 1);
      this.shifts.unshift(shift);
    }
    this.shifts.length = Math.min(this.shifts.length, RecentShifts.KEPT);
  }
}
