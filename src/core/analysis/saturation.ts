/**
 * Is the codebook still growing? For each transcript in interview order, the codes that appear in it
 * for the first time, and the running total. Interview order is the front-matter date (the first of
 * `interview_date`, `date`, `interviewed`), else file order; transcripts without a date come after
 * dated ones, in file order.
 */
import type { AnalysisContext } from './analysis-context';
import type { AnalysisTranscript } from './analysis-model';
import { segmentPredicate, type SegmentFilter } from './filters';
import { isIsoDate } from '../participants/attribute-types';

export const DATE_ATTRIBUTES = ['interview_date', 'date', 'interviewed'];

export interface SaturationStep {
  transcript: string;
  participant: string;
  /** The date it was ordered by, when it has one. */
  date?: string;
  /** Codes used here for the first time, by id. */
  newCodes: string[];
  /** Codes used so far, this transcript included. */
  cumulative: number;
}

export function interviewOrder(transcripts: readonly AnalysisTranscript[]): AnalysisTranscript[] {
  const dated = transcripts.map((t, index) => ({ t, index, date: dateOf(t) }));
  return dated
    .sort((a, b) => (a.date === undefined ? 1 : 0) - (b.date === undefined ? 1 : 0) || (a.date ?? '').localeCompare(b.date ?? '') || a.t.path.localeCompare(b.t.path) || a.index - b.index)
    .map((d) => d.t);
}

export function dateOf(transcript: AnalysisTranscript): string | undefined {
  for (const name of DATE_ATTRIBUTES) {
    const value = transcript.attributes[name];
    // A date with a time (2024-07-23T10:00) counts by its day; an impossible day (2024-13-45) not at all.
    if (typeof value === 'string' && isIsoDate(value.slice(0, 10))) return value.slice(0, 10);
  }
  return undefined;
}

export function saturation(context: AnalysisContext, filter: SegmentFilter = {}): SaturationStep[] {
  const keep = segmentPredicate(context, filter);
  const codesIn = new Map<string, Set<string>>();
  for (const s of context.project.segments) {
    if (!keep(s)) continue;
    const set = codesIn.get(s.transcript) ?? new Set<string>();
    for (const c of s.codes) set.add(c);
    codesIn.set(s.transcript, set);
  }
  const seen = new Set<string>();
  return context.ordered.map((t) => {
    const fresh = [...(codesIn.get(t.path) ?? [])].filter((c) => !seen.has(c)).sort();
    for (const c of fresh) seen.add(c);
    const date = dateOf(t);
    return { transcript: t.path, participant: t.participant, ...(date ? { date } : {}), newCodes: fresh, cumulative: seen.size };
  });
}

/**
 * The question the chart answers, in one sentence: how many of the latest transcripts brought no
 * new code, since which one; or what the latest one still brought.
 */
export function saturationSummary(steps: readonly SaturationStep[]): string {
  if (steps.length === 0) return 'No transcripts.';
  let lastNew = steps.length - 1;
  while (lastNew >= 0 && steps[lastNew].newCodes.length === 0) lastNew--;
  if (lastNew < 0) return 'No transcript has coding yet.';
  const named = (s: SaturationStep): string => (s.date ? `${s.participant} (${s.date})` : s.participant);
  const quiet = steps.length - 1 - lastNew;
  if (quiet === 0) {
    const n = steps[lastNew].newCodes.length;
    return `The latest transcript, ${named(steps[lastNew])}, still brought ${n} new code${n === 1 ? '' : 's'}: the codebook is still growing.`;
  }
  return `The last ${quiet === 1 ? 'transcript' : `${quiet} transcripts`} brought no new code; the last one that did was ${named(steps[lastNew])}.`;
}

