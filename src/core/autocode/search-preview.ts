/**
 * The preview of a search before autocoding: every passage the search would code, in every
 * transcript, with the matches marked and whether the chosen code is already there. Plain JSON, so
 * the panel, the quick pick and the CLI show the same list.
 */
import { searchTranscript, type TextSearch } from '../analysis/text-search';
import type { CodeId, TextRange } from '../model';

/** A transcript to search: its current text and every segment placed on it. */
export interface SearchableTranscript {
  path: string;
  /** Current text (LF line endings, no BOM). */
  text: string;
  participant: string;
  segments: readonly { coderId: string; codes: readonly CodeId[]; range: TextRange | undefined }[];
}

/** A piece of the preview text; `mark` is a match. */
export interface PreviewPiece {
  text: string;
  mark?: true;
}

export interface AutocodeHit {
  /** Stable while the text does not change: `transcript@start-end`. */
  id: string;
  transcript: string;
  participant: string;
  speaker?: string;
  start: number;
  end: number;
  /** The passage to code, shortened around its matches when long, matches marked. */
  preview: PreviewPiece[];
  /** The current coder already has a segment with the chosen code covering this passage. */
  coded: boolean;
}

export interface AutocodePreview {
  hits: AutocodeHit[];
  /** Hits found in all (the list may be cut at `limit`). */
  total: number;
  transcripts: number;
}

export interface PreviewOptions {
  /** The code to be applied, to mark passages that already have it. */
  code?: CodeId;
  /** Whose segments count as "already coded": the coder who is about to apply. */
  coderId: string;
  /** Hits listed at most; the rest are counted. */
  limit?: number;
}

/** Throws SearchError for a pattern that cannot or must not be run. */
export function previewSearch(transcripts: readonly SearchableTranscript[], search: TextSearch, options: PreviewOptions): AutocodePreview {
  const hits: AutocodeHit[] = [];
  let total = 0;
  const found = new Set<string>();
  for (const transcript of transcripts) {
    for (const hit of searchTranscript(transcript.path, transcript.text, search)) {
      total++;
      found.add(transcript.path);
      if (options.limit !== undefined && hits.length >= options.limit) continue;
      const { start, end } = hit.range;
      hits.push({
        id: hitId(transcript.path, hit.range),
        transcript: transcript.path,
        participant: transcript.participant,
        ...(hit.speaker ? { speaker: hit.speaker } : {}),
        start,
        end,
        preview: previewPieces(transcript.text, hit.range, hit.matches),
        coded: options.code !== undefined && covered(transcript, hit.range, options.code, options.coderId),
      });
    }
  }
  return { hits, total, transcripts: found.size };
}

export function hitId(transcript: string, range: TextRange): string {
  return `${transcript}@${range.start}-${range.end}`;
}

function covered(transcript: SearchableTranscript, range: TextRange, code: CodeId, coderId: string): boolean {
  return transcript.segments.some((s) => s.coderId === coderId && s.range !== undefined && s.codes.includes(code) && s.range.start <= range.start && s.range.end >= range.end);
}

/** Unmarked stretches longer than this are shortened to their ends with "…" between. */
const KEEP = 80;

/** The passage as pieces, each match marked; long unmarked stretches elided in the middle. */
export function previewPieces(text: string, range: TextRange, matches: readonly TextRange[]): PreviewPiece[] {
  const pieces: PreviewPiece[] = [];
  let at = range.start;
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  for (const match of sorted) {
    if (match.start < at) continue;
    plain(pieces, text.slice(at, match.start), at === range.start ? 'start' : 'middle');
    // A match that is the whole passage (a speaker's turn) is not worth marking.
    if (match.start === range.start && match.end === range.end && sorted.length === 1) plain(pieces, text.slice(match.start, match.end), 'whole');
    else pieces.push({ text: text.slice(match.start, match.end), mark: true });
    at = match.end;
  }
  plain(pieces, text.slice(at, range.end), 'end');
  return pieces;
}

function plain(pieces: PreviewPiece[], text: string, where: 'start' | 'middle' | 'end' | 'whole'): void {
  if (text === '') return;
  const limit = where === 'middle' || where === 'whole' ? 2 * KEEP : KEEP;
  if (text.length <= limit + 1) {
    pieces.push({ text });
    return;
  }
  if (where === 'start') pieces.push({ text: `…${safeSlice(text, text.length - KEEP)}` });
  else if (where === 'end') pieces.push({ text: `${safeSlice(text, 0, KEEP)}…` });
  else pieces.push({ text: `${safeSlice(text, 0, KEEP)} … ${safeSlice(text, text.length - KEEP)}` });
}

/** A slice that never cuts a surrogate pair (an emoji) in half. */
function safeSlice(text: string, start: number, end = text.length): string {
  const isLow = (i: number) => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
  let s = start;
  let e = end;
  if (isLow(s)) s++;
  if (isLow(e)) e--;
  return text.slice(s, e);
}
