import type { Placement } from '../anchoring';
import type { Coder, Segment, TextRange } from '../model';

export type PlacementStatus = Placement['status'];

/** A stored segment with where it is in the transcript's current text. */
export interface PlacedSegment {
  segment: Segment;
  coder: Coder;
  status: PlacementStatus;
  /** Undefined for an orphan. */
  range: TextRange | undefined;
}

/** One coder's stored segments of a transcript. */
export interface CoderSegments {
  coder: Coder;
  segments: readonly Segment[];
}
