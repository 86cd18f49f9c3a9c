/**
 * Tables of codes against transcripts, participants' groups and other codes — the Code Matrix
 * Browser, Crosstab and Code Co-occurrence Table of other programs, as plain data. Rows are codes
 * (with their sub-codes unless asked otherwise).
 */
import type { AnalysisContext } from './analysis-context';
import type { AnalysisSegment } from './analysis-model';
import { chiSquareTest, type ChiSquareResult } from './chi-square';
import { KEEP_ALL, segmentPredicate, type SegmentFilter, type SegmentPredicate } from './filters';
import type { Regions } from './regions';
import { sweepCoOccurrence } from './co-occurrence-sweep';

export interface MatrixOptions {
  filter?: SegmentFilter;
  /** Count each code's own segments only (default: with its sub-codes). */
  ownOnly?: boolean;
  /** Only these codes (ids or names), in this order; default every code. */
  codes?: string[];
}

export interface MatrixRow {
  code: string;
  path: string;
}

export interface CodeTranscriptMatrix {
  rows: MatrixRow[];
  columns: { transcript: string; participant: string }[];
  /** segments[row][column] */
  segments: number[][];
  words: number[][];
}

export function codeRows(context: AnalysisContext, options: MatrixOptions): MatrixRow[] {
  if (options.codes) return options.codes.map((c) => context.lookup.resolve(c)).map((id) => ({ code: id, path: context.lookup.path(id) }));
  // Every code: in the Codebook's order, parents before their children.
  return context.project.codes.map((c) => ({ code: c.id, path: context.lookup.path(c.id) })).sort((a, b) => a.path.localeCompare(b.path));
}

/** The segments a row counts; `keep` is the options' filter, made once per table. */
export function rowSegments(context: AnalysisContext, row: MatrixRow, options: MatrixOptions, keep: SegmentPredicate): AnalysisSegment[] {
  const all = context.segmentsOf(context.lookup.withDescendants(row.code, !options.ownOnly));
  return keep === KEEP_ALL ? all : all.filter(keep);
}

function rowRegions(context: AnalysisContext, row: MatrixRow, options: MatrixOptions, keep: SegmentPredicate): Regions {
  return keep === KEEP_ALL ? context.regionsOfCode(row.code, !options.ownOnly) : context.regionsOf(rowSegments(context, row, options, keep));
}

export function codeByTranscript(context: AnalysisContext, options: MatrixOptions = {}): CodeTranscriptMatrix {
  const rows = codeRows(context, options);
  const columns = context.ordered.map((t) => ({ transcript: t.path, participant: t.participant }));
  const columnIndex = new Map(columns.map((c, i) => [c.transcript, i]));
  const segments = rows.map(() => columns.map(() => 0));
  const words = rows.map(() => columns.map(() => 0));
  const keep = segmentPredicate(context, options.filter);
  rows.forEach((row, r) => {
    for (const s of rowSegments(context, row, options, keep)) segments[r][columnIndex.get(s.transcript) ?? 0]++;
    for (const [path, intervals] of rowRegions(context, row, options, keep)) {
      const index = context.words(path);
      words[r][columnIndex.get(path) ?? 0] = intervals.reduce((sum, i) => sum + index.wordsIn(i.start, i.end), 0);
    }
  });
  return { rows, columns, segments, words };
}

export interface CoOccurrence {
  rows: MatrixRow[];
  /** Passages coded with both codes (count of separate overlapping stretches); the diagonal is each code's own passages. */
  counts: number[][];
  /** Characters coded with both ÷ characters coded with either (1 on the diagonal; 0 when neither is used). */
  jaccard: number[][];
}

export function coOccurrence(context: AnalysisContext, options: MatrixOptions = {}): CoOccurrence {
  const rows = codeRows(context, options);
  const rowsOfCode = new Map<string, number[]>();
  rows.forEach((row, r) => {
    for (const code of context.lookup.withDescendants(row.code, !options.ownOnly)) {
      const list = rowsOfCode.get(code) ?? [];
      list.push(r);
      rowsOfCode.set(code, list);
    }
  });
  const keep = segmentPredicate(context, options.filter);
  const { stretches: counts, shared } = sweepCoOccurrence(context.segmentGroups(), rows.length, (code) => rowsOfCode.get(code), keep);
  // Shared text needs no union: |A ∪ B| = |A| + |B| − |A ∩ B|.
  const jaccard = rows.map((_, a) =>
    rows.map((__, b) => {
      if (a === b) return shared[a][a] === 0 ? 0 : 1;
      const either = shared[a][a] + shared[b][b] - shared[a][b];
      return either === 0 ? 0 : shared[a][b] / either;
    }),
  );
  return { rows, counts, jaccard };
}

export type { ChiSquareResult };
export { chiSquareTest };
