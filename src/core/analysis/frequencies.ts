/**
 * How much of the material each code holds. Segments are counted one by one (two coders' segments on
 * the same text are two segments); words are counted over the text the code covers, so text coded
 * twice — by two coders, or by a code and its sub-code — counts once.
 */
import type { AnalysisContext } from './analysis-context';
import type { AnalysisSegment } from './analysis-model';
import { segmentPredicate, type SegmentFilter } from './filters';

export interface CodeCounts {
  segments: number;
  words: number;
  transcripts: number;
  participants: number;
}

export interface CodeFrequency {
  code: string;
  name: string;
  /** `Parent/Child`. */
  path: string;
  /** The code's own segments. */
  own: CodeCounts;
  /** Its segments and those of every code below it. */
  withSubcodes: CodeCounts;
}

export function codeFrequencies(context: AnalysisContext, filter: SegmentFilter = {}): CodeFrequency[] {
  const keep = segmentPredicate(context, filter);
  return context.project.codes.map((code) => ({
    code: code.id,
    name: code.name,
    path: context.lookup.path(code.id),
    own: countsOf(context, context.segmentsOf([code.id]).filter(keep)),
    withSubcodes: countsOf(context, context.segmentsOf(context.lookup.withDescendants(code.id, true)).filter(keep)),
  }));
}

export function countsOf(context: AnalysisContext, segments: AnalysisSegment[]): CodeCounts {
  let words = 0;
  for (const [path, intervals] of context.regionsOf(segments)) {
    const index = context.words(path);
    for (const { start, end } of intervals) words += index.wordsIn(start, end);
  }
  const transcripts = new Set(segments.map((s) => s.transcript));
  const participants = new Set([...transcripts].map((p) => context.transcripts.get(p)?.participant ?? p));
  return { segments: segments.length, words, transcripts: transcripts.size, participants: participants.size };
}
