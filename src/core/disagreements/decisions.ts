/**
 * Passages the consensus coder reviewed and left uncoded, found again on the current text. The
 * quote is the authority, as for segments: a decision whose words are gone settles nothing (the
 * disagreement, if it is still there, comes back to be decided again).
 */
import type { UncodedPassage } from '../model';
import { placeSelectors } from '../placement';
import type { UncodedDecision } from './reconcile';

export function placeUncoded(text: string, passages: readonly UncodedPassage[]): UncodedDecision[] {
  const placed = placeSelectors(text, passages);
  return passages.flatMap((p, i) => {
    const range = placed[i].range;
    return range && range.end > range.start ? [{ range, codes: p.uncoded }] : [];
  });
}
