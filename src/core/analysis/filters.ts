/**
 * Which segments and transcripts a query looks at: coders, transcripts, participants' attributes
 * (a category among values, a number or date within a range), speakers, and words in the coded
 * text. Filters are plain data, as saved in a query file; each is checked against the project
 * before it is run (filter-checks.ts).
 */
import type { AnalysisSegment, AnalysisTranscript } from './analysis-model';
import type { AnalysisContext } from './analysis-context';
import { equalsMatches, foldValue, numberValue } from './attribute-kinds';
import { isMissing } from '../participants/attribute-types';
import { checkFilter, FilterError, roundIds } from './filter-checks';
import { userPattern } from './user-pattern';

export { FilterError };

export type AttributeFilter =
  /** A category or text attribute equal to one of these values (compared without regard to case). */
  | { attribute: string; equals: (string | number)[] }
  /** A number attribute within [min, max]; either bound may be left out. */
  | { attribute: string; min?: number; max?: number }
  /** A date attribute (`YYYY-MM-DD`) within [from, to]; either bound may be left out. */
  | { attribute: string; from?: string; to?: string };

export interface SegmentFilter {
  coders?: string[];
  /** Transcript paths. */
  transcripts?: string[];
  /** All must hold. */
  attributes?: AttributeFilter[];
  /** Segments that touch a turn of one of these speakers (compared without regard to case). */
  speakers?: string[];
  /** Words the coded text contains (without regard to case), or a regular expression with `regex`. */
  text?: string;
  regex?: boolean;
  /**
   * Segments created in one of these coding rounds (by id, or by name as `--round` takes them). A
   * segment keeps the round it was created in when it is gathered into a focused code later; one
   * with no round recorded is left out.
   */
  rounds?: string[];
}

export function transcriptMatches(transcript: AnalysisTranscript, filters: readonly AttributeFilter[] = []): boolean {
  return filters.every((filter) => attributeMatches(transcript.attributes[filter.attribute], filter));
}

function attributeMatches(value: unknown, filter: AttributeFilter): boolean {
  if ('equals' in filter) return filter.equals.some((wanted) => equalsMatches(value, wanted));
  if (isMissing(value)) return false;
  if ('min' in filter || 'max' in filter) {
    // `age: "29"` is 29 here as in groups by edges (attribute-kinds.ts).
    const n = numberValue(value);
    if (n === undefined) return false;
    const f = filter as { min?: number; max?: number };
    return (f.min === undefined || n >= f.min) && (f.max === undefined || n <= f.max);
  }
  const f = filter as { from?: string; to?: string };
  const date = String(value);
  return (f.from === undefined || date >= f.from) && (f.to === undefined || date <= f.to);
}

/** A predicate for the segments a filter keeps, with the transcript-level parts checked once. */
export function segmentPredicate(context: AnalysisContext, filter: SegmentFilter = {}): SegmentPredicate {
  if (isEmptyFilter(filter)) return KEEP_ALL;
  checkFilter(context, filter);
  const coders = filter.coders && filter.coders.length > 0 ? new Set(filter.coders) : undefined;
  const allowed = transcriptsKept(context, filter);
  const speakers = filter.speakers && filter.speakers.length > 0 ? new Set(filter.speakers.map(foldValue)) : undefined;
  const text = textMatcher(filter);
  const rounds = filter.rounds && filter.rounds.length > 0 ? new Set(roundIds(context, filter.rounds)) : undefined;
  return (segment) => {
    if (coders && !coders.has(segment.coder)) return false;
    if (rounds && (segment.round === undefined || !rounds.has(segment.round))) return false;
    if (!allowed.has(segment.transcript)) return false;
    const transcript = context.transcripts.get(segment.transcript)!;
    if (speakers && !transcript.turns.some((t) => speakers.has(foldValue(t.speaker)) && segment.start < t.end && segment.end > t.start)) return false;
    return text === undefined || text(transcript.text.slice(segment.start, segment.end));
  };
}

/**
 * The transcripts the filter's transcript-level conditions (transcripts, attributes) keep: whose
 * participants a query is about, whatever coders, speakers and words then pick among their segments.
 */
export function transcriptsKept(context: AnalysisContext, filter: SegmentFilter = {}): Set<string> {
  const kept = new Set<string>();
  for (const transcript of context.transcripts.values()) {
    if (filter.transcripts && filter.transcripts.length > 0 && !filter.transcripts.includes(transcript.path)) continue;
    if (transcriptMatches(transcript, filter.attributes)) kept.add(transcript.path);
  }
  return kept;
}

export type SegmentPredicate = (segment: AnalysisSegment) => boolean;

/** The predicate of an empty filter: callers can tell it apart and use unfiltered, cached results. */
export const KEEP_ALL: SegmentPredicate = () => true;

function isEmptyFilter(filter: SegmentFilter): boolean {
  return !filter.coders?.length && !filter.transcripts?.length && !filter.attributes?.length && !filter.speakers?.length && !filter.text && !filter.rounds?.length;
}

function textMatcher(filter: SegmentFilter): ((text: string) => boolean) | undefined {
  if (!filter.text) return undefined;
  if (filter.regex) {
    const pattern = userPattern(filter.text, 'iu', (message) => new FilterError(`The text pattern: ${message}`));
    return (text) => pattern.test(text);
  }
  const wanted = foldValue(filter.text);
  return (text) => foldValue(text).includes(wanted);
}
