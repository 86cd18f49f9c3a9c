import search from 'approx-string-match';
import type { TextRange } from '../../src/core/model';
import type { Anchor } from '../../src/core/anchoring';

/**
 * The straightforward approach, for comparison: for every segment, search the whole text for the
 * quote allowing up to half its length in errors (as Hypothesis does) and take the match with the
 * fewest errors, then the one nearest the stored position.
 */
export function referenceReanchor(text: string, anchors: readonly Anchor[]): (TextRange | undefined)[] {
  return anchors.map(({ quote, position }) => {
    const maxErrors = Math.min(256, Math.floor(quote.exact.length / 2));
    let best: { start: number; end: number; errors: number } | undefined;
    for (const match of search(text, quote.exact, maxErrors)) {
      const closer = best && Math.abs(match.start - position.start) < Math.abs(best.start - position.start);
      if (!best || match.errors < best.errors || (match.errors === best.errors && closer)) best = match;
    }
    return best && { start: best.start, end: best.end };
  });
}
