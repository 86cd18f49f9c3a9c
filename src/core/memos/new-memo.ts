import { Document, Scalar } from 'yaml';
import type { MemoLink } from './memo-file';
import { plainQuote } from '../markdown';
import { excerpt } from '../views/markdown-text';
import type { MemoKind } from './memo-kinds';

export interface NewMemo {
  title: string;
  /** What the memo is about; a memo about nothing in particular has no link. */
  link?: MemoLink;
  /** The current coder's name. */
  author?: string;
  /** The day it was written, `YYYY-MM-DD`. */
  date: string;
  kind?: MemoKind;
  /** More codes it is about (after `link`'s), when it was made from several. */
  moreCodes?: string[];
}

/** Longest file name (without `.md`) made from a title. */
const MAX_NAME_LENGTH = 60;
/** Names Windows refuses for a file whatever the extension. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * A new memo's file: front matter (its kind, the link, author and date, recorded once, at creation), a blank
 * line, the title as a heading and an empty line; `cursor` is where writing starts.
 */
export function newMemoText(memo: NewMemo): { text: string; cursor: number } {
  const lines: string[] = [];
  const scalar = (key: string, value: string): void => void lines.push(`${key}: ${yamlScalar(value)}`);
  const link = memo.link;
  if (memo.kind !== undefined) scalar('kind', memo.kind);
  const codes = [...new Set([...(link?.kind === 'code' ? [link.code] : []), ...(memo.moreCodes ?? [])])];
  if (codes.length > 1) lines.push(`code: [${codes.map(yamlScalar).join(', ')}]`);
  else if (codes.length === 1) scalar('code', codes[0]);
  if (link?.kind === 'segment') {
    scalar('segment', link.segment);
    scalar('transcript', link.transcript);
    scalar('coder', link.coder);
  }
  if (link?.kind === 'transcript') scalar('transcript', link.transcript);
  if (memo.author !== undefined && memo.author.trim() !== '') scalar('author', memo.author.trim());
  scalar('date', memo.date);
  const title = memo.title.replace(/\s+/g, ' ').trim() || 'Memo';
  const text = `---\n${lines.map((l) => `${l}\n`).join('')}---\n\n# ${title}\n\n`;
  return { text, cursor: text.length };
}

/**
 * A free path for a memo titled `title` in `folder`: the title in kebab case (accents dropped,
 * letters of any script kept), with `-2`, `-3`… added when a file of that name exists (compared
 * case-insensitively, as macOS and Windows file systems do).
 */
export function memoPath(folder: string, title: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((p) => p.toLowerCase()));
  const base = `${folder.replace(/\/+$/, '')}/${kebabCase(title)}`;
  let path = `${base}.md`;
  for (let n = 2; taken.has(path.toLowerCase()); n++) path = `${base}-${n}.md`;
  return path;
}

export function kebabCase(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  let name = '';
  for (const word of words) {
    const next = name === '' ? word : `${name}-${word}`;
    if (next.length > MAX_NAME_LENGTH) break;
    name = next;
  }
  if (name === '' && words.length > 0) name = words[0].slice(0, MAX_NAME_LENGTH);
  if (name === '') return 'memo';
  return RESERVED_NAMES.test(name) ? `${name}-memo` : name;
}

/** The local calendar day as `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A title to start from; the researcher edits the heading as the memo takes shape. */
export function defaultMemoTitle(link: MemoLink | undefined, names: { code?: string; transcript?: string; quote?: string }): string {
  if (link?.kind === 'code') return names.code ?? link.code;
  if (link?.kind === 'transcript') return names.transcript ?? link.transcript;
  if (link?.kind === 'segment') {
    const where = names.transcript ?? link.transcript;
    return names.quote ? `${where}: “${excerpt(plainQuote(names.quote), 50)}”` : `${where}: segment ${link.segment}`;
  }
  return 'Memo';
}

function yamlScalar(value: string): string {
  return new Document(new Scalar(value)).toString({ lineWidth: 0 }).replace(/\n$/, '');
}
