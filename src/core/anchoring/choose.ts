/**
 * Choosing one place among the candidates found for a quote, or none.
 */
import type { QuoteSelector } from '../model';
import { AMBIGUITY_MARGIN, decisiveness, isAcceptable, type Candidate } from './scoring';

/**
 * Candidates that overlap are readings of the same place (see {@link bestReading}). Different places
 * compete by score. The best acceptable place is taken only if no other place comes close to it,
 * acceptable or not: a rival that fits about as well means the quote cannot be told apart.
 */
export function choose(candidates: readonly Candidate[], quote: QuoteSelector, minFuzzyScore: number): Candidate | undefined {
  const acceptable = (c: Candidate): boolean => isAcceptable(c, quote, minFuzzyScore);
  const places = groupOverlapping(candidates).map((group) => bestReading(group, acceptable));
  places.sort((a, b) => b.score - a.score);
  const best = places.find(acceptable);
  if (!best) return undefined;
  const rival = places.some((place) => place !== best && place.score > best.score - AMBIGUITY_MARGIN);
  return rival ? undefined : best;
}

/** Whether the search can stop: some acceptable candidate is decisive enough (see decisiveness). */
export function isSettled(candidates: readonly Candidate[], quote: QuoteSelector, minFuzzyScore: number, oneSideSuffices: boolean): boolean {
  return candidates.some((c) => {
    const how = decisiveness(c, quote);
    return (how === 'both-sides' || (how === 'one-side' && oneSideSuffices)) && isAcceptable(c, quote, minFuzzyScore);
  });
}

/**
 * The best of several readings of one place: an acceptable one if there is any, and an exact
 * occurrence before any approximate reading around it, since the extra text an approximate reading
 * takes in is its neighbours' (text typed at the edge, or context resembling the quote's ends).
 */
function bestReading(group: readonly Candidate[], acceptable: (c: Candidate) => boolean): Candidate {
  const usable = group.filter(acceptable);
  const pool = usable.length > 0 ? usable : group;
  const exact = pool.filter((c) => c.quoteErrors === 0);
  return (exact.length > 0 ? exact : pool).reduce((best, c) => {
    const difference = totalErrors(c) - totalErrors(best);
    if (difference !== 0) return difference < 0 ? c : best;
    if (c.quoteErrors !== best.quoteErrors) return c.quoteErrors < best.quoteErrors ? c : best;
    return c.score > best.score ? c : best;
  });
}

function totalErrors(c: Candidate): number {
  return c.quoteErrors + c.prefixErrors + c.suffixErrors;
}

/** Groups of candidates whose ranges overlap (or coincide when empty), in order of start. */
function groupOverlapping(candidates: readonly Candidate[]): Candidate[][] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: Candidate[][] = [];
  let groupEnd = -1;
  for (const c of sorted) {
    const current = groups[groups.length - 1];
    if (current && c.start < groupEnd) {
      current.push(c);
      groupEnd = Math.max(groupEnd, c.end);
    } else {
      groups.push([c]);
      groupEnd = c.end;
    }
  }
  return groups;
}
