/**
 * Memos: Markdown files in the project's memos folder, with front matter naming what they are
 * about (`code: c-…` or `transcript: interviews/p01.md`) and optionally `author`, `date`, `title`.
 * In REFI-QDA they are Notes, attached by NoteRef to the code, the source or the project.
 */
import { normaliseText } from '../../anchoring';
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
  code?: string;
  transcript?: string;
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
  const code = stringOf(data.get('code'));
  const transcript = stringOf(data.get('transcript'));
  const author = stringOf(data.get('author'));
  const created = dateTimeOf(data.get('date'));
  if (code !== undefined) memo.code = code;
  if (transcript !== undefined) memo.transcript = transcript;
  if (author !== undefined) memo.author = author;
  if (created !== undefined) memo.created = created;
  return memo;
}

/** The memo file: front matter with what is known, a blank line, the text, a final line break. */
export function renderMemo(memo: Omit<Memo, 'path'>): string {
  const entries: [string, unknown][] = [];
  if (memo.code !== undefined) entries.push(['code', memo.code]);
  if (memo.transcript !== undefined) entries.push(['transcript', memo.transcript]);
  if (memo.author !== undefined) entries.push(['author', memo.author]);
  if (memo.created !== undefined) entries.push(['date', memo.created.endsWith('T00:00:00Z') ? memo.created.slice(0, 10) : memo.created]);
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

function dateTimeOf(value: unknown): string | undefined {
  const type = typeOfValue(value);
  if (value instanceof Date) return value.toISOString().replace(/\.000Z$/, 'Z');
  if (type === 'Date') return `${value as string}T00:00:00Z`;
  if (type === 'DateTime') return value as string;
  return undefined;
}
