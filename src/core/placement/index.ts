export { PlacementCache, placeSegments, placeSelectors } from './placement-cache';
export { currentText, NO_OPEN_DOCUMENTS, type OpenDocuments } from './text-source';
export type { CoderSegments, PlacedSegment, PlacementStatus } from './types';
