/**
 * Memos: Markdown files in the project's memos folder, with front matter naming what they are
 * about (`code: c-…` or `transcript: interviews/p01.md`, each one value or a list) and optionally
 * `author`, `date`, `title`. In REFI-QDA they are Notes, attached by NoteRef to every code and
 * source they are about, or else to the project.
 */
import { normaliseText } from '../../anchoring';
import { linksOf, segmentIdsOf } from '../../memos/memo-file';
import type { FileSource } from '../../ports';
import { typeOfValue } from './attributes';
import { fileStem, listFiles } from './project-files';
import { frontMatterBlock, splitTranscript } from './transcript-text';

export interface Memo {
  /** Project-relative path of the memo file. */
  path: string;
  title: string;
  /** The Markdown after the front matter. */
  text: string;
  /** The codes the memo is about, in the order written. */
  codes?: string[];
  /** The transcripts the memo is about, a segment's transcript included. */
  transcripts?: string[];
  /** A `segment:` link (with its `coder:`): REFI-QDA notes cannot name it, so the export warns. */
  segment?: { segment: string; coder: string; transcript: string };
  /** The `segments:` list of a memo: also not kept. */
  segments?: string[];
  author?: string;
  /** xsd:dateTime, from the `date` attribute. */
  created?: string;
}

export async function readMemos(fs: FileSource, memosFolder: string): Promise<Memo[]> {
  const paths = await listFiles(fs, memosFolder, (path) => path.endsWith('.md'));
  const memos: Memo[] = [];
  for (const path of paths) {
    const raw = await fs.readFile(path);
    if (raw !== undefined) memos.push(parseMemo(path, normaliseText(raw)));
  }
  return memos;
}

export function parseMemo(path: string, text: string): Memo {
  const { attributes, body } = splitTranscript(text);
  const data = new Map(attributes);
  const memo: Memo = { path, title: headingOf(body) ?? stringOf(data.get('title')) ?? fileStem(path), text: body };
  const links = linksOf(Object.fromEntries(attributes));
  const codes = links.flatMap((link) => (link.kind === 'code' ? [link.code] : []));
  const transcripts = links.flatMap((link) => (link.kind === 'code' ? [] : [link.transcript]));
  const segment = links.find((link) => link.kind === 'segment');
  const segments = segmentIdsOf(Object.fromEntries(attributes));
  const author = stringOf(data.get('author'));
  const created = dateTimeOf(data.get('date'));
  if (codes.length > 0) memo.codes = codes;
  if (transcripts.length > 0) memo.transcripts = transcripts;
  if (segment !== undefined) memo.segment = { segment: segment.segment, coder: segment.coder, transcript: segment.transcript };
  if (segments.length > 0) memo.segments = segments;
  if (author !== undefined) memo.author = author;
  if (created !== undefined) memo.created = created;
  return memo;
}

/** The memo file: front matter with what is known, a blank line, the text, a final line break. */
export function renderMemo(memo: Omit<Memo, 'path'>): string {
  const entries: [string, unknown][] = [];
  const oneOrList = (key: string, values: readonly string[] | undefined): void => {
    if (values !== undefined && values.length > 0) entries.push([key, values.length === 1 ? values[0] : [...values]]);
  };
  oneOrList('code', memo.codes);
  oneOrList('transcript', memo.transcripts);
  if (memo.author !== undefined) entries.push(['author', memo.author]);
  if (memo.created !== undefined) entries.push(['date', memoDate(memo.created)]);
  if (headingOf(memo.text) !== memo.title) entries.push(['title', memo.title]);
  const text = memo.text.endsWith('\n') || memo.text === '' ? memo.text : `${memo.text}\n`;
  return entries.length === 0 ? text : `${frontMatterBlock(entries)}\n${text}`;
}

/** The text of the first line when it is a Markdown heading. */
export function headingOf(text: string): string | undefined {
  const firstLine = text.trimStart().split('\n', 1)[0];
  const match = /^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/.exec(firstLine);
  return match ? match[1] : undefined;
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A note's date as a memo writes it: a day alone at midnight UTC, a time without zero seconds (`2024-06-02T10:30`). */
function memoDate(created: string): string {
  if (created.endsWith('T00:00:00Z')) return created.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/.test(created) ? created.slice(0, 16) : created;
}

/** xsd:dateTime from a memo's `date`; a time without seconds (`2024-06-02T10:30`, as memos write it) gets `:00`. */
function dateTimeOf(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value.trim())) value = `${value.trim()}:00`;
  const type = typeOfValue(value);
  if (value instanceof Date) return value.toISOString().replace(/\.000Z$/, 'Z');
  if (type === 'Date') return `${value as string}T00:00:00Z`;
  if (type === 'DateTime') return value as string;
  return undefined;
}
