/**
 * The coding diff as the editor shows it: per transcript and code, each code applied (+) or taken
 * away (−) and each segment re-bounded (~), with where it is on the current text. Removed segments
 * are placed on the current text by their quote where it can still be found, so the reviewer sees
 * where coding was taken away.
 */
import type { TextRange } from '../model';
import { placeSegments } from '../placement';
import type { ProjectSnapshot } from '../project-index';
import { compareText } from './codebook';
import type { CodingDiff, SegmentChange } from './types';

export type ChangeSign = '+' | '-' | '~';

export interface ChangeRow {
  sign: ChangeSign;
  code: string;
  coder: string;
  segment: string;
  quote: string;
  /** On the current (head) text; null when it cannot be placed there. */
  range: TextRange | null;
}

export interface CodeChanges {
  code: string;
  name: string;
  added: number;
  removed: number;
  rebounded: number;
  rows: ChangeRow[];
}

export interface TranscriptChanges {
  path: string;
  added: number;
  removed: number;
  rebounded: number;
  /** By code name. */
  codes: CodeChanges[];
}

/** `base` is needed to place removed segments on `head`'s text. */
export function codingChanges(diff: CodingDiff, base: ProjectSnapshot, head: ProjectSnapshot): TranscriptChanges[] {
  const out: TranscriptChanges[] = [];
  for (const t of diff.transcripts) {
    const headText = head.transcripts.find((x) => x.path === t.path)?.text ?? '';
    // A transcript moved on the way was at its old path in base.
    const baseSegments = base.transcripts.find((x) => x.path === (t.renamedFrom ?? t.path))?.segments ?? [];
    const rows: ChangeRow[] = [];
    for (const change of t.changes) rows.push(...rowsOf(change, headText, baseSegments));
    if (rows.length === 0) continue;
    const byCode = new Map<string, CodeChanges>();
    for (const row of rows) {
      let entry = byCode.get(row.code);
      if (!entry) byCode.set(row.code, (entry = { code: row.code, name: diff.codeNames[row.code] ?? row.code, added: 0, removed: 0, rebounded: 0, rows: [] }));
      entry.rows.push(row);
      entry[row.sign === '+' ? 'added' : row.sign === '-' ? 'removed' : 'rebounded']++;
    }
    const codes = [...byCode.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.code, b.code));
    for (const c of codes) c.rows.sort((a, b) => (a.range?.start ?? Number.MAX_SAFE_INTEGER) - (b.range?.start ?? Number.MAX_SAFE_INTEGER));
    const sum = (k: 'added' | 'removed' | 'rebounded'): number => codes.reduce((n, c) => n + c[k], 0);
    out.push({ path: t.path, added: sum('added'), removed: sum('removed'), rebounded: sum('rebounded'), codes });
  }
  return out;
}

function rowsOf(change: SegmentChange, headText: string, baseSegments: ProjectSnapshot['transcripts'][number]['segments']): ChangeRow[] {
  const row = (sign: ChangeSign, code: string, range: TextRange | null): ChangeRow => ({ sign, code, coder: change.coder, segment: change.segment, quote: change.quote, range });
  if (change.kinds.includes('added')) return change.codes.map((c) => row('+', c, change.range));
  if (change.kinds.includes('removed')) {
    const range = placeRemoved(change, headText, baseSegments);
    return change.codes.map((c) => row('-', c, range));
  }
  const rows: ChangeRow[] = [];
  if (change.codesBefore) {
    for (const c of change.codes) if (!change.codesBefore.includes(c)) rows.push(row('+', c, change.range));
    for (const c of change.codesBefore) if (!change.codes.includes(c)) rows.push(row('-', c, change.range));
  }
  if (change.kinds.includes('rebounded')) for (const c of change.codes) rows.push(row('~', c, change.range));
  return rows;
}

/** Where the removed segment's quote is in the current text, if it is still there. */
function placeRemoved(change: SegmentChange, headText: string, baseSegments: ProjectSnapshot['transcripts'][number]['segments']): TextRange | null {
  const was = baseSegments.find((p) => p.coder.id === change.coder && p.segment.id === change.segment);
  if (!was || headText === '') return null;
  const [placed] = placeSegments(headText, [{ coder: was.coder, segment: was.segment }]);
  return placed.range && placed.status !== 'orphan' ? { ...placed.range } : null;
}
