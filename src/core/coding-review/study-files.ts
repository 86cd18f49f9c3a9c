/** Memo and participant-attribute changes between two snapshots. */
import type { MemoSummary } from '../memos';
import type { ProjectSnapshot } from '../project-index';
import { compareText } from './codebook';
import type { AttributeChange, MemoChange } from './types';

/**
 * Memos added, removed or edited. With the memo files' texts (by path) an edit anywhere counts;
 * without them only what the summaries hold (title, links, author, date, opening words) is compared.
 */
export function diffMemos(base: readonly MemoSummary[], head: readonly MemoSummary[], texts: { base?: Record<string, string>; head?: Record<string, string> } = {}): MemoChange[] {
  const before = new Map(base.map((m) => [m.path, m]));
  const changes: MemoChange[] = [];
  for (const memo of head) {
    const was = before.get(memo.path);
    before.delete(memo.path);
    if (!was) changes.push({ kind: 'added', path: memo.path, title: memo.title });
    else if (edited(was, memo, texts.base?.[memo.path], texts.head?.[memo.path])) {
      changes.push({ kind: 'edited', path: memo.path, title: memo.title, ...(was.title !== memo.title ? { titleBefore: was.title } : {}) });
    }
  }
  for (const was of before.values()) changes.push({ kind: 'removed', path: was.path, title: was.title });
  return changes.sort((a, b) => compareText(a.path, b.path));
}

function edited(was: MemoSummary, now: MemoSummary, textBefore: string | undefined, textAfter: string | undefined): boolean {
  if (textBefore !== undefined && textAfter !== undefined) return textBefore !== textAfter;
  return JSON.stringify(was) !== JSON.stringify(now);
}

/** Front-matter values changed, added or removed, per transcript (by path) and attribute (in file order). */
export function diffAttributes(base: ProjectSnapshot, head: ProjectSnapshot): AttributeChange[] {
  const before = new Map(base.transcripts.filter((t) => t.exists).map((t) => [t.path, t]));
  const after = new Map(head.transcripts.filter((t) => t.exists).map((t) => [t.path, t]));
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort(compareText);
  const changes: AttributeChange[] = [];
  for (const path of paths) {
    const was = before.get(path)?.participant;
    const now = after.get(path)?.participant;
    if (!was || !now) continue; // a transcript added or removed is listed as such, not value by value
    const keys = [...new Set([...Object.keys(was.values), ...Object.keys(now.values)])];
    for (const key of keys) {
      const a = key in was.values ? JSON.stringify(was.values[key]) : null;
      const b = key in now.values ? JSON.stringify(now.values[key]) : null;
      if (a !== b) changes.push({ transcript: path, participant: now.name, attribute: key, before: a, after: b });
    }
  }
  return changes;
}
