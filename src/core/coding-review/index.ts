export { diffSnapshots, type DiffOptions } from './diff';
export { renderMarkdown, type MarkdownOptions } from './render-markdown';
export { escapeMarkdown, inline } from './escape';
export type * from './types';
export { SEGMENT_CHANGE_KINDS } from './types';
export { codingChanges, type ChangeRow, type ChangeSign, type CodeChanges, type TranscriptChanges } from './changes-tree';
export { RevisionFileSource, parseTreeListing, type RevisionReader } from './revision-source';
export { baseCandidates, pullRequestBase, type BaseCandidate, type RefSummary } from './revision-choice';
