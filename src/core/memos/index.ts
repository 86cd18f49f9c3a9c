export { linksOf, MEMO_EXCERPT_LENGTH, parseMemo, type MemoLink, type MemoSummary } from './memo-file';
export { defaultMemoTitle, isoDate, kebabCase, memoPath, newMemoText, type NewMemo } from './new-memo';
export { isMemoPath, listMemos, memosFolder, memosForCode } from './list-memos';
