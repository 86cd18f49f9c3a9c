/**
 * Retrieval: the passages a query selects, each with its transcript, participant, speaker, the
 * segments (codes and coders) on it, and a little context — what a researcher reads to analyse.
 */
import type { AnalysisContext } from './analysis-context';
import type { AnalysisSegment } from './analysis-model';
import type { CodeExpression } from './code-expression';
import { evaluateExpression } from './evaluate-expression';
import { segmentPredicate, type SegmentFilter } from './filters';
import { passageText, turnAt } from './passage-text';
import type { Regions } from './regions';

export interface Hit {
  transcript: string;
  participant: string;
  start: number;
  end: number;
  /** The speaker of the turn the passage starts in, when there is one. */
  speaker?: string;
  /** The passage as it is quoted: that speaker's label left out, later labels written plainly (see passage-text.ts). */
  text: string;
  /** Up to {@link CONTEXT_CHARS} characters before and after, cut at a word. */
  before: string;
  after: string;
  /** The line (or the turn's words) goes on beyond `before` / `after`: a reader shows an ellipsis. */
  beforeCut: boolean;
  afterCut: boolean;
  words: number;
  /** The codes on this passage (of the segments the filter keeps), by id. */
  codes: string[];
  coders: string[];
  /** The segments overlapping this passage. */
  segments: { id: string; coder: string; codes: readonly string[] }[];
}

const CONTEXT_CHARS = 80;

/**
 * Every segment the filter keeps, optionally only those of a code (and its sub-codes), one hit each.
 * With `limit`, only the first that many hits are made (a panel shows a page of 100,000).
 */
export function retrieveSegments(context: AnalysisContext, options: { code?: string; subcodes?: boolean; filter?: SegmentFilter; limit?: number } = {}): Hit[] {
  const keep = segmentPredicate(context, options.filter);
  const pool = options.code === undefined
    ? context.project.segments
    : context.segmentsOf(context.lookup.withDescendants(context.lookup.resolve(options.code), options.subcodes === true));
  const kept = firstPassages(context, pool.filter(keep), options.limit);
  return kept.map((segment) => hitFor(context, segment.transcript, segment.start, segment.end, [segment]));
}

/** The passages a code expression selects among the segments the filter keeps (with `limit`, the first so many). */
export function runExpression(context: AnalysisContext, expression: CodeExpression, filter: SegmentFilter = {}, limit?: number): Hit[] {
  const keep = segmentPredicate(context, filter);
  return hitsOfRegions(context, evaluateExpression(context, expression, keep), keep, limit);
}

export function hitsOfRegions(context: AnalysisContext, regions: Regions, keep: (s: AnalysisSegment) => boolean, limit?: number): Hit[] {
  const passages: { transcript: string; start: number; end: number }[] = [];
  for (const [transcript, intervals] of regions) for (const { start, end } of intervals) passages.push({ transcript, start, end });
  const kept = new Map<string, AnalysisSegment[]>();
  return firstPassages(context, passages, limit).map(({ transcript, start, end }) => {
    let segments = kept.get(transcript);
    if (!segments) kept.set(transcript, (segments = context.segmentsIn(transcript).filter(keep)));
    return hitFor(context, transcript, start, end, segments.filter((s) => s.start < end && s.end > start));
  });
}

function hitFor(context: AnalysisContext, path: string, start: number, end: number, segments: AnalysisSegment[]): Hit {
  const transcript = context.transcripts.get(path);
  const text = transcript?.text ?? '';
  const turns = transcript?.turns ?? [];
  const turn = turnAt(turns, start);
  // One pass over the segments for codes, coders and the list: a query can make thousands of hits.
  const codes = new Set<string>();
  const coders = new Set<string>();
  const listed: Hit['segments'] = new Array(segments.length);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    for (const code of s.codes) codes.add(code);
    coders.add(s.coder);
    listed[i] = { id: s.id, coder: s.coder, codes: s.codes };
  }
  return {
    transcript: path,
    participant: transcript?.participant ?? path,
    start,
    end,
    ...(turn ? { speaker: turn.speaker } : {}),
    text: passageText(text, start, end, turns),
    ...contextBefore(text, start, turn && start >= turn.textStart ? turn.textStart : 0),
    ...contextAfter(text, end),
    words: context.words(path).wordsIn(start, end),
    codes: [...codes].sort(),
    coders: [...coders].sort(),
    segments: listed,
  };
}

/**
 * Context stays on the passage's own line (the line before is another turn or paragraph) and after
 * its turn's label: the speaker is named beside the quote, not shown as the Markdown it is written in.
 */
function contextBefore(text: string, start: number, turnTextStart: number): Pick<Hit, 'before' | 'beforeCut'> {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, turnTextStart);
  const from = Math.max(lineStart, start - CONTEXT_CHARS);
  const slice = text.slice(from, start);
  const beforeCut = from > lineStart;
  const word = beforeCut ? slice.search(/\s/) : -1;
  return { before: word >= 0 ? slice.slice(word + 1) : slice, beforeCut };
}

function contextAfter(text: string, end: number): Pick<Hit, 'after' | 'afterCut'> {
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  const to = Math.min(lineEnd, end + CONTEXT_CHARS);
  const slice = text.slice(end, to);
  const afterCut = to < lineEnd;
  const word = afterCut ? slice.search(/\s\S*$/) : -1;
  return { after: word >= 0 ? slice.slice(0, word) : slice, afterCut };
}

/**
 * The first `limit` passages (all without one) in interview order, then by position in the
 * transcript; ties keep their order. Passages are put into one bucket per transcript and only the
 * buckets that reach the first `limit` are sorted: a panel's first rows out of 200,000 segments
 * cost one pass, not a sort of them all.
 */
export function firstPassages<T extends { transcript: string; start: number; end: number }>(context: AnalysisContext, passages: readonly T[], limit = Infinity): T[] {
  const buckets: T[][] = [];
  for (const passage of passages) {
    const order = context.orderOf(passage.transcript);
    const bucket = buckets[order];
    if (bucket) bucket.push(passage);
    else buckets[order] = [passage];
  }
  const out: T[] = [];
  for (let order = 0; order < buckets.length && out.length < limit; order++) {
    const bucket = buckets[order];
    if (!bucket) continue;
    // Array.prototype.sort is stable, and a bucket keeps the passages' own order.
    bucket.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 0; i < bucket.length && out.length < limit; i++) out.push(bucket[i]);
  }
  return out;
}
