import type { ProjectSnapshot } from '../project-index/snapshot';
import type { PlacedSegment } from '../placement';

/** A segment found by its id: which transcript, and where it sits in that transcript's text. */
export interface FoundSegment {
  transcript: string;
  placed: PlacedSegment;
  /** The text it covers now (its stored quote when it could not be placed). */
  text: string;
}

/** Segment id → where it is, over every coder's coding. Ids are unique in a project; the first wins. */
export function segmentsById(snapshot: Pick<ProjectSnapshot, 'transcripts'>): Map<string, FoundSegment> {
  const found = new Map<string, FoundSegment>();
  for (const transcript of snapshot.transcripts) {
    for (const placed of transcript.segments) {
      if (found.has(placed.segment.id)) continue;
      const text = placed.range ? transcript.text.slice(placed.range.start, placed.range.end) : placed.segment.quote.exact;
      found.set(placed.segment.id, { transcript: transcript.path, placed, text });
    }
  }
  return found;
}
