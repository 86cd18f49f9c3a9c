/** Coding rounds and gathering initial codes into focused codes (docs/grounded-theory.md). */
export { DEFAULT_ROUNDS, NO_ROUND_LABEL, ROUND_ID_PATTERN, duplicateRoundIds, effectiveRound, findRound, noSuchRound, projectRounds, roundLabel } from './rounds';
export { gatherSegments, ungatherSegments } from './gather-edits';
export { describeGather, gatherDay, gatheredCodeNames, UNREADABLE_DAY } from './provenance';
