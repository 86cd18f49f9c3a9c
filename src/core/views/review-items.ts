import type { TextRange } from '../model';
import type { PlacedSegment } from '../transcript-session';

/** A segment a researcher should look at: placed only approximately, or not placed at all. */
export interface ReviewItem {
  transcript: string;
  coderId: string;
  coderName: string;
  segmentId: string;
  status: 'fuzzy' | 'orphan';
  /** The text the segment was coded on (what it is looking for). */
  storedQuote: string;
  /** Where an approximate match put it; absent for an orphan. */
  range?: TextRange;
}

/** The placed segments that need review, in text order (orphans last, by stored position). */
export function reviewItems(transcript: string, placed: readonly PlacedSegment[]): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const p of placed) {
    const status = reviewStatus(p);
    if (!status) continue;
    items.push({
      transcript,
      coderId: p.coder.id,
      coderName: p.coder.name,
      segmentId: p.segment.id,
      status,
      storedQuote: p.segment.quote.exact,
      range: status === 'fuzzy' ? p.range : undefined,
    });
  }
  const at = (i: ReviewItem): number => i.range?.start ?? Number.MAX_SAFE_INTEGER;
  return items.sort((a, b) => at(a) - at(b) || a.segmentId.localeCompare(b.segmentId));
}

/** Fuzzy placements need confirming; orphans — and segments whose text was deleted while typing — re-attaching. */
function reviewStatus(p: PlacedSegment): ReviewItem['status'] | undefined {
  if (p.status === 'fuzzy' && p.range) return 'fuzzy';
  if (p.status === 'orphan' || !p.range || p.range.end <= p.range.start) return 'orphan';
  return undefined;
}
