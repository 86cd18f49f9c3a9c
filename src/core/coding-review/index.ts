export { diffSnapshots, type DiffOptions } from './diff';
export { renderMarkdown, type MarkdownOptions } from './render-markdown';
export { escapeMarkdown, inline } from './escape';
export type * from './types';
export { SEGMENT_CHANGE_KINDS } from './types';
