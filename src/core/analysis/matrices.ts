/**
 * Tables of codes against transcripts, participants' groups and other codes — the Code Matrix
 * Browser, Crosstab and Code Co-occurrence Table of other programs, as plain data. Rows are codes
 * (with their sub-codes unless asked otherwise).
 */
import type { AnalysisContext } from './analysis-context';
import type { AnalysisSegment } from './analysis-model';
import { chiSquareTest, type ChiSquareResult } from './chi-square';
import { KEEP_ALL, segmentPredicate, type SegmentFilter, type SegmentPredicate } from './filters';
import { overlap, totalLength, type Regions } from './regions';

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
  const keep = segmentPredicate(context, options.filter);
  const regions: Regions[] = rows.map((row) => rowRegions(context, row, options, keep));
  const lengths = regions.map(sumLength);
  const counts = rows.map(() => rows.map(() => 0));
  const jaccard = rows.map(() => rows.map(() => 0));
  for (let a = 0; a < rows.length; a++) {
    counts[a][a] = countIntervals(regions[a]);
    jaccard[a][a] = lengths[a] === 0 ? 0 : 1;
    for (let b = a + 1; b < rows.length; b++) {
      // Shared text needs no union: |A ∪ B| = |A| + |B| − |A ∩ B|.
      let count = 0;
      let shared = 0;
      const [small, large] = regions[a].size <= regions[b].size ? [regions[a], regions[b]] : [regions[b], regions[a]];
      for (const [path, set] of small) {
        const other = large.get(path);
        if (!other) continue;
        const both = overlap(set, other);
        count += both.count;
        shared += both.length;
      }
      const either = lengths[a] + lengths[b] - shared;
      counts[a][b] = counts[b][a] = count;
      jaccard[a][b] = jaccard[b][a] = either === 0 ? 0 : shared / either;
    }
  }
  return { rows, counts, jaccard };
}

function countIntervals(regions: Regions): number {
  let n = 0;
  for (const set of regions.values()) n += set.length;
  return n;
}

function sumLength(regions: Regions): number {
  let n = 0;
  for (const set of regions.values()) n += totalLength(set);
  return n;
}

export type { ChiSquareResult };
export { chiSquareTest };
