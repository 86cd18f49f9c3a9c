// The memo report (memo-report.ts, memo-report-render.ts) is imported from its files: it reads the
// analysis renderers, which the project index (an importer of this module) must not pull in.
export { linksOf, MEMO_EXCERPT_LENGTH, parseMemo, segmentIdsOf, type MemoLink, type MemoSummary } from './memo-file';
export { defaultMemoTitle, isoDate, kebabCase, memoPath, newMemoText, type NewMemo } from './new-memo';
export { isMemoPath, listMemos, memosFolder, memosForCode } from './list-memos';
export { MEMO_KIND_LABELS, MEMO_KINDS, memoKindHeading, memoKindOf, type MemoKind } from './memo-kinds';
export { escapeReferenceText, formatReference, isCodeId, isSegmentId, lineAndColumn, parseReferences, resolveReference, type MemoReference, type ResolvedReference } from './memo-references';
export { inTimelineOrder, memoDay, memosByKind, memosByMonth, type FileDates } from './memo-timeline';
export { segmentsById, type FoundSegment } from './segment-lookup';
