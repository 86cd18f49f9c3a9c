/**
 * Memos in time: the day each was written (its front matter `date`, else a date the caller read
 * from the file itself — never from git, which a copied or freshly cloned project does not keep)
 * and groupings by kind and by month.
 */
import { memoDateDay } from './memo-date';
import { MEMO_KINDS, type MemoKind } from './memo-kinds';
import type { MemoSummary } from './memo-file';

/** Path → `YYYY-MM-DD` from the file system, for memos whose front matter has no date. */
export type FileDates = Readonly<Record<string, string>>;

/**
 * The memo's day as `YYYY-MM-DD`, or undefined when it has none. The file's day stands in only for
 * a memo with no `date:` at all: a date written wrongly (`2024-5-7`, `2024-02-30`) makes the memo
 * undated, not dated today by a file that was just copied or saved.
 */
export function memoDay(memo: MemoSummary, fileDates: FileDates = {}): string | undefined {
  return memo.date === undefined ? fileDates[memo.path] : memoDateDay(memo.date);
}

/** Oldest first (the order the analysis grew in); undated memos last, then by path. */
export function inTimelineOrder(memos: readonly MemoSummary[], fileDates: FileDates = {}): MemoSummary[] {
  const day = (m: MemoSummary): string => memoDay(m, fileDates) ?? '\uffff';
  return [...memos].sort((a, b) => day(a).localeCompare(day(b)) || a.path.localeCompare(b.path));
}

/** Memos by kind in {@link MEMO_KINDS} order, memos of no kind last; each group in timeline order. */
export function memosByKind(memos: readonly MemoSummary[], fileDates: FileDates = {}): { kind: MemoKind | undefined; memos: MemoSummary[] }[] {
  const ordered = inTimelineOrder(memos, fileDates);
  const kinds: (MemoKind | undefined)[] = [...MEMO_KINDS, undefined];
  return kinds.map((kind) => ({ kind, memos: ordered.filter((m) => m.kind === kind) })).filter((g) => g.memos.length > 0);
}

/** Memos by month (`YYYY-MM`), newest month first and newest memo first, undated last. */
export function memosByMonth(memos: readonly MemoSummary[], fileDates: FileDates = {}): { month: string | undefined; memos: MemoSummary[] }[] {
  const ordered = inTimelineOrder(memos, fileDates).reverse();
  const groups = new Map<string | undefined, MemoSummary[]>();
  for (const memo of ordered) {
    const month = memoDay(memo, fileDates)?.slice(0, 7);
    groups.set(month, [...(groups.get(month) ?? []), memo]);
  }
  const undated = groups.get(undefined);
  groups.delete(undefined);
  return [...[...groups].map(([month, list]) => ({ month, memos: list })), ...(undated ? [{ month: undefined, memos: undated.reverse() }] : [])];
}
