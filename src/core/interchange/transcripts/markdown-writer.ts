import { Document } from 'yaml';
import { matchLabelAt } from '../../markdown/speaker-label';
import { writtenLabels } from './speaker-labels';
import { formatTurnTimestamp } from './timestamps';
import type { ImportedTranscript, ImportNote } from './types';

export interface WriteOptions {
  /** Start each turn with `[hh:mm:ss]` when the source gave its time. */
  timestamps?: boolean;
}

export interface WrittenTranscript {
  /** The Markdown: front matter, a blank line, one paragraph per turn; LF and a final newline. */
  markdown: string;
  /** The label written for each speaker name in the import (usually the name itself). */
  labels: Map<string, string>;
  /** Labels that had to differ from the speaker's name, and why. */
  notes: ImportNote[];
}

/**
 * Writes an imported transcript as Markdown that `parseTranscript` reads back with the same
 * turns: `**Name:** text` paragraphs, the turn's later paragraphs below it, and text nobody is
 * credited with first. Each paragraph is one line, so only its start can be mistaken for
 * Markdown structure; {@link escapeParagraphStart} takes care of that.
 */
export function writeTranscriptMarkdown(imported: ImportedTranscript, options: WriteOptions = {}): WrittenTranscript {
  const speakers = [...new Set(imported.turns.flatMap((t) => (t.speaker !== undefined ? [t.speaker] : [])))];
  const labels = writtenLabels(speakers);
  const notes: ImportNote[] = [];
  for (const [speaker, label] of labels) {
    if (speaker !== label) notes.push({ message: `speaker "${speaker}" is written as "${label}" (a label is one to four words starting with a capital letter).` });
  }
  const paragraphs: string[] = [];
  for (const turn of imported.turns) {
    const stamp = options.timestamps && turn.start !== undefined ? formatTurnTimestamp(turn.start) : undefined;
    const prefix = stamp !== undefined ? `[${stamp}] ` : '';
    const [first, ...rest] = turn.paragraphs;
    if (turn.speaker !== undefined) {
      const label = `**${labels.get(turn.speaker) ?? turn.speaker}:**`;
      paragraphs.push(`${prefix}${label} ${prefix === '' ? escapeParagraphStart(first, 'after-label') : first}`);
    } else {
      paragraphs.push(`${prefix}${escapeParagraphStart(first, prefix === '' ? 'line-start' : 'after-timestamp')}`);
    }
    for (const paragraph of rest) paragraphs.push(escapeParagraphStart(paragraph, 'line-start'));
  }
  const markdown = `${frontMatter(imported, labels)}\n${paragraphs.join('\n\n')}\n`;
  return { markdown, labels, notes };
}

/** Attributes that name speakers: they name them as the turns' labels do. */
const SPEAKER_ATTRIBUTES = new Set(['participant', 'interviewer']);

/**
 * Attributes are single text values, which is what project validation and the participant
 * overview accept; several names (two participants in one interview) are written as one text,
 * `Lucía, Mei`.
 */
function frontMatter(imported: ImportedTranscript, labels: Map<string, string>): string {
  const relabel = (name: string): string => labels.get(name) ?? name;
  const attributes = Object.fromEntries(
    Object.entries(imported.attributes).map(([key, value]) => {
      const names = Array.isArray(value) ? value : [value];
      return [key, (SPEAKER_ATTRIBUTES.has(key) ? names.map(relabel) : names).join(', ')];
    }),
  );
  const doc = new Document({ source: imported.source, imported_from: imported.format, ...attributes });
  return `---\n${doc.toString({ lineWidth: 0 })}---\n`;
}

/**
 * Escapes, with one backslash, what would make a one-line paragraph read as something else:
 * - `line-start`: a heading (`# `), quote (`>`), list marker (`- `, `+ `, `* `, `1. `, `1) `),
 *   thematic break (`---`, `***`, `___`), code fence, HTML block (`<div`, `<!--`) or link
 *   definition (`[x]: …`), and text that reads as a speaker label (`Amara: …`, `**Amara:**`,
 *   `[00:01:02] Amara:`), which would start a turn: the label's colon is escaped;
 * - `after-timestamp` (text after `[00:01:02] ` that has no label): a speaker label, likewise;
 * - `after-label` (text right after a label without a timestamp): a time in brackets or
 *   parentheses, which the parser would take as the turn's timestamp.
 * Rendered Markdown shows the text unchanged; only the source gains the backslash.
 */
export function escapeParagraphStart(text: string, where: 'line-start' | 'after-timestamp' | 'after-label'): string {
  if (where === 'after-label') return TIMESTAMP_AHEAD.test(text) ? `\\${text}` : text;
  if (where === 'line-start') {
    const ordered = /^\d{1,9}(?=[.)](?:[ \t]|$))/.exec(text);
    if (ordered !== null) return `${ordered[0]}\\${text.slice(ordered[0].length)}`;
    if (BLOCK_START.test(text)) return `\\${text}`;
  }
  const label = matchLabelAt(text, 0);
  if (label === undefined) return text;
  // Escaping the label's colon (`Amara\:`, `**Amara\:**`) keeps the name, and any bold, as written.
  const colon = text.lastIndexOf(':', label.label.end - 1);
  return `${text.slice(0, colon)}\\${text.slice(colon)}`;
}

const BLOCK_START = /^(?:#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$|`{3}|~{3}|<[A-Za-z/!?]|\[[^\]]*\]:)/;
const TIMESTAMP_AHEAD = /^[[(](?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[\])](?=[ \t]|$)/;
