/**
 * References inside a memo's text: `[[target]]` or `[[target|label]]`, where the target is a code
 * id (`c-…`), a segment id (`s-…`) or a code's name. Ids are what the editor inserts: they survive
 * renaming the code, and the label is only a reminder for a person reading the raw file. A name
 * typed by hand resolves while a code of that name exists; after a rename it is reported broken.
 *
 * Inside the brackets a backslash escapes the next character, so a name holding `]]` or `|` is
 * written `\]\]` or `\|`. A reference never spans lines.
 */
import { controlsAsSpaces } from '../views/untrusted-text';
import type { Code, CodeId, SegmentId } from '../model';

export interface MemoReference {
  /** Offsets of the whole `[[…]]` in the text it was read from. */
  start: number;
  end: number;
  /** Offsets of the target inside it (for completion and links). */
  targetStart: number;
  targetEnd: number;
  /** The target with escapes undone, trimmed. */
  target: string;
  label?: string;
}

export type ResolvedReference =
  | { kind: 'code'; code: CodeId }
  | { kind: 'segment'; segment: SegmentId }
  | { kind: 'broken'; reason: string };

const CODE_ID = /^c-[0-9a-hjkmnp-tv-z]{12}$/;
const SEGMENT_ID = /^s-[0-9a-hjkmnp-tv-z]{12}$/;

export function isCodeId(text: string): boolean {
  return CODE_ID.test(text);
}

export function isSegmentId(text: string): boolean {
  return SEGMENT_ID.test(text);
}

/** Every well-formed reference in `text`, in order. Unclosed `[[` are not references. */
export function parseReferences(text: string): MemoReference[] {
  const found: MemoReference[] = [];
  let at = text.indexOf('[[');
  while (at !== -1) {
    const reference = readReference(text, at);
    if (reference) found.push(reference);
    at = text.indexOf('[[', reference ? reference.end : at + 2);
  }
  return found;
}

/** The reference starting at `start` (which holds `[[`), or undefined when it does not close on its line. */
function readReference(text: string, start: number): MemoReference | undefined {
  let i = start + 2;
  const parts: string[] = [''];
  const bounds: number[] = [i];
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n') return undefined;
    if (ch === '\\' && i + 1 < text.length && text[i + 1] !== '\n') {
      parts[parts.length - 1] += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === ']' && text[i + 1] === ']') {
      bounds.push(i);
      break;
    }
    if (ch === '|' && parts.length === 1) {
      bounds.push(i);
      parts.push('');
    } else parts[parts.length - 1] += ch;
    i++;
  }
  if (i >= text.length) return undefined;
  const target = parts[0].trim();
  if (target === '') return undefined;
  const reference: MemoReference = { start, end: i + 2, targetStart: bounds[0], targetEnd: bounds[1], target };
  const label = parts[1]?.trim();
  if (label) reference.label = label;
  return reference;
}

/** Escape text for the inside of `[[…]]`: backslash, brackets, the bar; line breaks become spaces. */
export function escapeReferenceText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\[\]|]/g, '\\$&');
}

/** `[[id|label]]`, what the editor inserts. */
export function formatReference(id: string, label?: string): string {
  const shown = label === undefined ? '' : escapeReferenceText(label);
  return shown === '' ? `[[${id}]]` : `[[${id}|${shown}]]`;
}

/**
 * What a reference points at. Ids are checked against the codes and the segments that exist; a
 * name must match exactly one code's name (case and spacing ignored).
 */
export function resolveReference(target: string, codes: readonly Code[], segmentExists: (id: SegmentId) => boolean): ResolvedReference {
  if (isCodeId(target)) {
    return codes.some((c) => c.id === target) ? { kind: 'code', code: target } : { kind: 'broken', reason: `code ${target} is not in the codebook (deleted or merged?)` };
  }
  if (isSegmentId(target)) {
    return segmentExists(target) ? { kind: 'segment', segment: target } : { kind: 'broken', reason: `segment ${target} no longer exists` };
  }
  const wanted = comparable(target);
  const matches = codes.filter((c) => comparable(c.name) === wanted);
  if (matches.length === 1) return { kind: 'code', code: matches[0].id };
  if (matches.length > 1) return { kind: 'broken', reason: `${matches.length} codes are named "${target}"; refer to one by its id (${matches.map((c) => c.id).join(', ')})` };
  return { kind: 'broken', reason: `no code is named "${target}" (renamed? references by id survive renaming)` };
}

/** What a reference in a memo stands for once written out: a segment to quote, or a target that leads nowhere. */
export type Cited = { kind: 'segment'; segment: SegmentId } | { kind: 'missing'; target: string; reason: string };

/**
 * A memo's text with its references written out for a reader (the memo report, a code report): a
 * code as its name, a segment as its label (or "(quoted below)"), a reference that leads nowhere
 * as its label or target; and what each cites, in order, for the caller to quote or list. What is
 * written in passes through `literal`: the memo is read as Markdown afterwards, where a code named
 * ``Focused: `code` *star*`` must stay that name, not become code and emphasis.
 */
export function writeOutReferences(text: string, codes: readonly Code[], segmentExists: (id: SegmentId) => boolean, literal: (text: string) => string = markdownLiteral): { text: string; cited: Cited[] } {
  const cited: Cited[] = [];
  let out = '';
  let at = 0;
  for (const reference of parseReferences(text)) {
    out += text.slice(at, reference.start);
    at = reference.end;
    const resolved = resolveReference(reference.target, codes, segmentExists);
    if (resolved.kind === 'code') out += literal(codes.find((c) => c.id === resolved.code)?.name ?? reference.target);
    else if (resolved.kind === 'segment') {
      out += literal(reference.label ?? '(quoted below)');
      cited.push({ kind: 'segment', segment: resolved.segment });
    } else {
      out += literal(reference.label ?? reference.target);
      cited.push({ kind: 'missing', target: reference.target, reason: resolved.reason });
    }
  }
  return { text: out + text.slice(at), cited };
}

/**
 * Text that Markdown reads back as itself: every ASCII punctuation character with a backslash
 * before it (CommonMark reads such a pair as the character alone), line breaks and other control
 * characters as spaces, so a name stays on its line.
 */
export function markdownLiteral(text: string): string {
  return controlsAsSpaces(text)
    .replace(/[\t\n]/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** A memo's title with its references written out as plain text (a title is shown as it is, not read as Markdown). */
export function titleWithReferences(title: string, codes: readonly Code[], segmentExists: (id: SegmentId) => boolean): string {
  return writeOutReferences(title, codes, segmentExists, (text) => text).text;
}

function comparable(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
