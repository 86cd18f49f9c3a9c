/**
 * Memos: Markdown files in the project's memos folder. Front matter says what a memo is about —
 * a code (`code: c-…`), a transcript (`transcript: interviews/p01.md`) or one coded segment
 * (`segment: s-…` with its `transcript:` and `coder:`) — and who wrote it when (`author`, `date`).
 * The first heading is the title. Optional: `kind:` (code, theoretical, methodological, reflexive)
 * and `segments:`, a list of segment ids the memo is about besides the ones above.
 */
import type { CodeId, SegmentId } from '../model';
import { parseTranscript } from '../markdown';
import { excerpt as shorten } from '../views/markdown-text';
import { memoDateProblem } from './memo-date';
import { memoKindOf, type MemoKind } from './memo-kinds';
import { isSegmentId } from './memo-references';
import { conflictProblems } from '../storage/format/merge-conflict';

export type MemoLink =
  | { kind: 'code'; code: CodeId }
  | { kind: 'transcript'; transcript: string }
  | { kind: 'segment'; segment: SegmentId; transcript: string; coder: string };

export interface MemoSummary {
  /** Project-relative path of the memo file. */
  path: string;
  title: string;
  links: MemoLink[];
  author?: string;
  /** As written in the front matter, normally `YYYY-MM-DD`. */
  date?: string;
  /** The start of the memo's text (after the title), on one line. */
  excerpt: string;
  /**
   * What is wrong with the memo as a file — conflict markers a merge left in it, front matter that
   * cannot be read, a `date:` that is not a day — while it is still listed.
   */
  problem?: string;
  /** Where: the line (1-based) of the first conflict or of `date:`, when known. */
  problemLine?: number;
  /** The problem is a merge conflict: both sides' lines are in the memo. */
  conflicted?: true;
  /** The `kind:` of the front matter, when it names one of {@link MEMO_KINDS}. */
  kind?: MemoKind;
  /**
   * Segments the memo is about, by id (`segments:`, a list): ids are unique in a project, so they
   * need no transcript or coder beside them. Entries that are not segment ids are left out here
   * and reported by the project check.
   */
  segmentIds?: SegmentId[];
}

/** Characters of text kept for a memo's excerpt. */
export const MEMO_EXCERPT_LENGTH = 200;

/** Read one memo (LF text, no byte-order mark). Never throws: a broken memo is still a memo. */
export function parseMemo(path: string, text: string): MemoSummary {
  const parsed = parseTranscript(text);
  const data = parsed.frontMatter?.data ?? {};
  const bodyStart = parsed.frontMatter?.range.end ?? 0;
  const heading = parsed.headings.find((h) => h.range.start >= bodyStart);
  const memo: MemoSummary = {
    path,
    title: heading?.text || textOf(data.title) || fileStem(path),
    links: linksOf(data),
    excerpt: excerptOf(text, parsed.paragraphs.filter((p) => p.start >= bodyStart && p.start >= (heading?.range.end ?? 0))),
  };
  const author = textOf(data.author);
  const date = textOf(data.date);
  if (author !== undefined) memo.author = author;
  if (date !== undefined) memo.date = date;
  const conflict = conflictProblems(path, text, false, false)?.[0];
  if (conflict !== undefined) {
    // Said first: what the markers break (the front matter, the date) follows from them.
    memo.problem = conflict.message;
    memo.problemLine = conflict.line;
    memo.conflicted = true;
  } else if (parsed.frontMatter?.error !== undefined) memo.problem = parsed.frontMatter.error;
  else if (date !== undefined) {
    const problem = memoDateProblem(date);
    if (problem !== undefined) {
      memo.problem = problem;
      const line = lineOfKey(text, parsed.frontMatter?.range.end ?? 0, 'date');
      if (line !== undefined) memo.problemLine = line;
    }
  }
  const kind = memoKindOf(data.kind);
  if (kind !== undefined) memo.kind = kind;
  const segmentIds = segmentIdsOf(data);
  if (segmentIds.length > 0) memo.segmentIds = segmentIds;
  return memo;
}

/**
 * What the memo is about. `code` and `transcript` may each be one value or a list; a `segment`
 * takes the (first) transcript and the coder with it, so a segment memo is not also listed as a
 * memo on the whole transcript.
 */
export function linksOf(data: Record<string, unknown>): MemoLink[] {
  const links: MemoLink[] = textsOf(data.code).map((code) => ({ kind: 'code', code }));
  const transcripts = textsOf(data.transcript);
  const segment = textOf(data.segment);
  const coder = textOf(data.coder);
  if (segment !== undefined && transcripts.length > 0 && coder !== undefined) {
    links.push({ kind: 'segment', segment, transcript: transcripts[0], coder });
    transcripts.shift();
  }
  for (const transcript of transcripts) links.push({ kind: 'transcript', transcript });
  return links;
}

/** The ids of the `segments:` list (one id is read as a list of one), without repeats. */
export function segmentIdsOf(data: Record<string, unknown>): SegmentId[] {
  return [...new Set(textsOf(data.segments).filter(isSegmentId))];
}

function excerptOf(text: string, paragraphs: readonly { start: number; end: number }[]): string {
  const joined = paragraphs
    .slice(0, 3)
    .map((p) => plainText(text.slice(p.start, p.end)))
    .join(' ');
  return shorten(joined, MEMO_EXCERPT_LENGTH);
}

/** Markdown emphasis and code marks are noise in a one-line excerpt. */
function plainText(markdown: string): string {
  return markdown.replace(/(\*\*|__|[*_`])(?=\S)|(?<=\S)(\*\*|__|[*_`])/g, '').replace(/\s+/g, ' ').trim();
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

function textsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(textOf).filter((v): v is string => v !== undefined);
  const one = textOf(value);
  return one === undefined ? [] : [one];
}

function fileStem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.md$/i, '');
}

/** The 1-based line of a top-level `key:` in the front matter (which ends at `end`). */
function lineOfKey(text: string, end: number, key: string): number | undefined {
  const found = new RegExp(`^${key}\\s*:`, 'm').exec(text.slice(0, end));
  return found === null ? undefined : text.slice(0, found.index).split('\n').length;
}
