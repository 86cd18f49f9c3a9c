export { normaliseText, createOffsetMap, toNormalisedOffset, toRawOffset, splitsSurrogatePair, type OffsetMap } from './text';
export { canonicalText, isNfc, type CanonicalText } from './canonical';
export { makeQuote } from './quote';
export { reanchor, isUnchanged } from './reanchor';
export { shiftRanges } from './shift';
export { DEFAULT_MIN_FUZZY_SCORE } from './scoring';
export type { Anchor, Placement, PlacementStatus, ReanchorOptions, TextChange } from './types';
