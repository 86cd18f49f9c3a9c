/**
 * Search every transcript for words, a regular expression or a speaker, and widen each hit to the
 * unit a researcher wants to code — the match, its sentence, its paragraph or its speaker turn —
 * for autocoding. Front matter, headings and speaker labels are not searched: they are not what
 * participants said.
 */
import { parseTranscript, paragraphAt, sentenceAt, turnAt, withoutSpeakerLabel } from '../markdown';
import type { TextRange } from '../model';
import { userPattern } from './user-pattern';

export type SearchUnit = 'match' | 'sentence' | 'paragraph' | 'turn';

export interface TextSearch {
  /** Words to find (case-insensitive, whole words at the edges), or a pattern with `regex`. */
  text?: string;
  regex?: boolean;
  /** Only in turns of these speakers (case-insensitive); with no text: their whole turns. */
  speakers?: string[];
  unit: SearchUnit;
}

export interface SearchHit {
  transcript: string;
  /** What to code: the match widened to the unit, overlapping units merged. */
  range: TextRange;
  /** The matched text itself, for the preview. */
  match: string;
  /** Every match inside `range` (several when matches were merged into one passage). */
  matches: TextRange[];
  speaker?: string;
}

export class SearchError extends Error {}

export function compileSearch(search: TextSearch): RegExp | undefined {
  if (!search.text) return undefined;
  if (!search.regex) {
    const words = search.text.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
    return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'giu');
  }
  return userPattern(search.text, 'giu', (message) => new SearchError(message));
}

export function searchTranscript(path: string, text: string, search: TextSearch): SearchHit[] {
  const pattern = compileSearch(search);
  const parsed = parseTranscript(text);
  const speakers = search.speakers?.length ? new Set(search.speakers.map((s) => s.toLocaleLowerCase())) : undefined;
  const bodyStart = parsed.frontMatter?.range.end ?? 0;
  const inScope = parsed.turns.filter((t) => !speakers || speakers.has(t.speaker.toLocaleLowerCase()));
  const regions: TextRange[] = speakers || parsed.turns.length > 0 ? inScope.map((t) => t.textRange) : [{ start: bodyStart, end: text.length }];
  const hits: SearchHit[] = [];
  for (const region of regions) {
    if (!pattern) {
      hits.push({ transcript: path, range: region, match: text.slice(region.start, region.end), matches: [region], speaker: turnAt(parsed, region.start)?.speaker });
      continue;
    }
    pattern.lastIndex = 0;
    const slice = text.slice(region.start, region.end);
    for (const m of slice.matchAll(pattern)) {
      if (m[0].length === 0) continue;
      const start = region.start + m.index;
      const match = { start, end: start + m[0].length };
      hits.push({ transcript: path, range: widen(text, parsed, match, search.unit), match: m[0], matches: [match], speaker: turnAt(parsed, start)?.speaker });
    }
  }
  return mergeOverlaps(hits);
}

function widen(text: string, parsed: ReturnType<typeof parseTranscript>, match: TextRange, unit: SearchUnit): TextRange {
  if (unit === 'match') return match;
  if (unit === 'turn') return turnAt(parsed, match.start)?.textRange ?? match;
  const paragraph = paragraphAt(parsed, match.start);
  const within = paragraph ? withoutSpeakerLabel(parsed, paragraph) : undefined;
  if (unit === 'paragraph') return within ?? match;
  const sentence = sentenceAt(text, match.start, within);
  return { start: Math.min(sentence.start, match.start), end: Math.max(sentence.end, match.end) };
}

/** Two matches in one sentence make one passage to code, not two overlapping segments. */
function mergeOverlaps(hits: SearchHit[]): SearchHit[] {
  const sorted = [...hits].sort((a, b) => a.range.start - b.range.start);
  const merged: SearchHit[] = [];
  for (const hit of sorted) {
    const last = merged[merged.length - 1];
    if (last && hit.range.start < last.range.end) {
      last.range = { start: last.range.start, end: Math.max(last.range.end, hit.range.end) };
      last.matches.push(...hit.matches);
    } else merged.push({ ...hit, range: { ...hit.range }, matches: [...hit.matches] });
  }
  return merged;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
