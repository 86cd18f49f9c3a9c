/** The coding diff of a whole project: segments per transcript, codebook, memos and attributes. */
import type { Code } from '../model';
import type { ProjectSnapshot, TranscriptSnapshot } from '../project-index';
import { compareText, diffCodebook, type CodeMoves } from './codebook';
import { diffTranscript } from './segments';
import { diffAttributes, diffMemos } from './study-files';
import { unreadableFiles } from './unreadable';
import { SEGMENT_CHANGE_KINDS, type CodingDiff, type SegmentChange, type SegmentChangeKind, type SummaryRow, type TranscriptDiff } from './types';

export interface DiffOptions {
  /** Memo files' full texts by path, so an edit past a memo's opening words is seen too. */
  memoTexts?: { base?: Record<string, string>; head?: Record<string, string> };
}

/**
 * What changed from `base` to `head`. Plain data, in a stable order. A code or coding file that
 * either side could not read is listed in `problems` and its records are not compared.
 */
export function diffSnapshots(base: ProjectSnapshot, head: ProjectSnapshot, options: DiffOptions = {}): CodingDiff {
  const unreadable = unreadableFiles(base, head);
  const before = new Map(base.transcripts.map((t) => [t.path, t]));
  const after = new Map(head.transcripts.map((t) => [t.path, t]));
  const renamed = renamedTranscripts(before, after);
  const paths = [...new Set([...before.keys(), ...after.keys()])].filter((p) => !renamed.from.has(p)).sort(compareText);
  const transcripts: TranscriptDiff[] = [];
  for (const path of paths) {
    const from = renamed.to.get(path);
    const [was, now] = [before.get(from ?? path), after.get(path)];
    if (was === now) continue; // the same object: an index that did not touch it
    const diff = diffTranscript(was, now, unreadable.coders.get(path));
    if (from !== undefined) transcripts.push({ ...(diff ?? { path, status: 'changed', textChanged: false, changes: [] }), renamedFrom: from });
    else if (diff) transcripts.push(diff);
  }
  const moves = codeMoves(transcripts);
  const counted = changedCodes(base.codes, head.codes);
  const baseCounts = codeCounts(base.transcripts, counted);
  const headCounts = codeCounts(head.transcripts, counted);
  const codebook = diffCodebook({ base: base.codes, head: head.codes, baseCounts, headCounts, moves, unreadable: unreadable.codes });
  return {
    summary: summarise(transcripts, base.codes, head.codes),
    transcripts,
    codebook,
    memos: diffMemos(base.memos, head.memos, options.memoTexts),
    attributes: diffAttributes(base, head),
    codeNames: Object.fromEntries([...base.codes, ...head.codes].map((c) => [c.id, c.name])),
    totals: totals(transcripts),
    problems: unreadable.problems,
  };
}

/**
 * Transcripts moved or renamed (`git mv interviews/p01.md wave-1/p01.md`): a path with text only in
 * base and one only in head whose texts are the same, and no other such pair has that text. Compared
 * as one transcript, a move is one line of the review, not every segment removed and added again.
 */
function renamedTranscripts(before: ReadonlyMap<string, TranscriptSnapshot>, after: ReadonlyMap<string, TranscriptSnapshot>): { to: Map<string, string>; from: Set<string> } {
  const gone = new Map<string, string[]>();
  // Nothing left at the old path, nothing at the new one before: the coding moved with the text.
  for (const [path, t] of before) if (t.exists && !after.has(path)) gone.set(t.text, [...(gone.get(t.text) ?? []), path]);
  const arrived = new Map<string, string[]>();
  for (const [path, t] of after) if (t.exists && !before.has(path) && gone.has(t.text)) arrived.set(t.text, [...(arrived.get(t.text) ?? []), path]);
  const to = new Map<string, string>();
  for (const [text, paths] of arrived) {
    const from = gone.get(text)!;
    // Two copies of one text on either side: which went where cannot be told.
    if (paths.length === 1 && from.length === 1 && text !== '') to.set(paths[0], from[0]);
  }
  return { to, from: new Set(to.values()) };
}

/** Codes added, deleted or changed: the only ones whose segments the codebook section counts. */
function changedCodes(base: readonly Code[], head: readonly Code[]): Set<string> {
  const before = new Map(base.map((c) => [c.id, JSON.stringify(c)]));
  const changed = new Set<string>();
  for (const c of head) {
    if (before.get(c.id) !== JSON.stringify(c)) changed.add(c.id);
    before.delete(c.id);
  }
  for (const id of before.keys()) changed.add(id);
  return changed;
}

function codeCounts(transcripts: readonly TranscriptSnapshot[], only: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  if (only.size === 0) return counts;
  for (const t of transcripts) for (const p of t.segments) for (const code of p.segment.codes) if (only.has(code)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

/**
 * Which codes' segments went to which codes: recoded segments, and a segment removed and added
 * again (a new id) by the same coder with the same quote.
 */
function codeMoves(transcripts: readonly TranscriptDiff[]): CodeMoves {
  const moves: CodeMoves = new Map();
  const count = (from: readonly string[], to: readonly string[]): void => {
    const lost = from.filter((c) => !to.includes(c));
    const gained = to.filter((c) => !from.includes(c));
    for (const l of lost) {
      let row = moves.get(l);
      if (!row) moves.set(l, (row = new Map()));
      for (const g of gained) row.set(g, (row.get(g) ?? 0) + 1);
    }
  };
  for (const t of transcripts) {
    const removed = new Map<string, SegmentChange[]>();
    for (const c of t.changes) if (c.kinds.includes('removed')) push(removed, `${c.coder}\u0000${c.quote}`, c);
    for (const c of t.changes) {
      if (c.codesBefore) count(c.codesBefore, c.codes);
      const twin = c.kinds.includes('added') ? removed.get(`${c.coder}\u0000${c.quote}`)?.shift() : undefined;
      if (twin) count(twin.codes, c.codes);
    }
  }
  return moves;
}

function summarise(transcripts: readonly TranscriptDiff[], baseCodes: readonly Code[], headCodes: readonly Code[]): SummaryRow[] {
  const names = new Map([...baseCodes, ...headCodes].map((c) => [c.id, c.name]));
  const rows = new Map<string, SummaryRow>();
  const bump = (coder: string, code: string, field: 'added' | 'removed'): void => {
    const key = `${coder}\u0000${code}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { coder, code, codeName: names.get(code) ?? code, added: 0, removed: 0 }));
    row[field]++;
  };
  for (const t of transcripts) {
    for (const c of t.changes) {
      if (c.kinds.includes('added')) for (const code of c.codes) bump(c.coder, code, 'added');
      if (c.kinds.includes('removed')) for (const code of c.codes) bump(c.coder, code, 'removed');
      if (c.codesBefore) {
        for (const code of c.codes) if (!c.codesBefore.includes(code)) bump(c.coder, code, 'added');
        for (const code of c.codesBefore) if (!c.codes.includes(code)) bump(c.coder, code, 'removed');
      }
    }
  }
  return [...rows.values()].sort((a, b) => compareText(a.coder, b.coder) || compareText(a.codeName, b.codeName) || compareText(a.code, b.code));
}

function totals(transcripts: readonly TranscriptDiff[]): Record<SegmentChangeKind, number> {
  const out = Object.fromEntries(SEGMENT_CHANGE_KINDS.map((k) => [k, 0])) as Record<SegmentChangeKind, number>;
  for (const t of transcripts) for (const c of t.changes) for (const k of c.kinds) out[k]++;
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
