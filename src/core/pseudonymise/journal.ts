/**
 * The journal of a pseudonymisation: every write it will make, recorded (atomically) before the
 * first file is touched. A run that is interrupted part-way — the process killed, the machine shut
 * down — leaves some files with the real name and others with the pseudonym; the journal lets the
 * next run finish exactly the interrupted plan instead of planning again from that mixed state
 * (which cannot rebuild the quotes whose context held a part of the name).
 *
 * The journal never holds the real name: files are identified by hashes of their old content, and
 * only the new content (with the pseudonym) is stored, so a journal left behind leaks nothing more.
 */
import { sha1 } from '../interchange/refi/sha1';
import type { QuoteSelector, SegmentId, TextRange } from '../model';
import { inOriginalForm, type PseudonymisePlan } from './plan';

export const JOURNAL_PATH = '.grounded/pseudonymise.journal.json';
const JOURNAL_FORMAT = 'grounded-pseudonymise-journal';
const JOURNAL_VERSION = 1;

export interface JournalFile {
  path: string;
  /** Hash of the file's content before: only a file still holding it is written. */
  before: string;
  /** Hash of `content`: a file already holding it is done. */
  after: string;
  /** The file's new content, line endings and byte-order mark as the old file had them. */
  content: string;
}

export interface JournalSegment {
  id: SegmentId;
  /** Hash of the segment's quote before: only a segment still carrying it is rewritten. */
  before: string;
  quote: QuoteSelector;
  position: TextRange;
}

export interface JournalQuotes {
  transcript: string;
  coderId: string;
  segments: JournalSegment[];
}

export interface PseudonymiseJournal {
  pseudonym: string;
  files: JournalFile[];
  quotes: JournalQuotes[];
}

/** A hex SHA-1 of the text's UTF-8 bytes: identifies a content without storing it. */
export function contentHash(text: string): string {
  return [...sha1(new TextEncoder().encode(text))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function quoteHash(quote: QuoteSelector): string {
  return contentHash(JSON.stringify([quote.exact, quote.prefix, quote.suffix]));
}

/**
 * The journal of a plan. `disk` is each changed file's content on disk as the plan was made (the
 * state a resumed run compares against); `quotesBefore` each updated segment's stored quote.
 */
export function journalOf(
  plan: PseudonymisePlan,
  disk: ReadonlyMap<string, string>,
  quotesBefore: (transcript: string, coderId: string, id: SegmentId) => QuoteSelector | undefined,
): PseudonymiseJournal {
  const files = plan.changes.map((change) => {
    const raw = disk.get(change.path) ?? '';
    const content = inOriginalForm(raw, change.newText);
    return { path: change.path, before: contentHash(raw), after: contentHash(content), content };
  });
  const quotes = plan.requotes.map((group) => ({
    transcript: group.transcript,
    coderId: group.coderId,
    segments: [...group.updates].map(([id, update]) => {
      const old = quotesBefore(group.transcript, group.coderId, id);
      return { id, before: old ? quoteHash(old) : '', quote: update.quote, position: update.position };
    }),
  }));
  return { pseudonym: plan.report.pseudonym, files, quotes };
}

export function serialiseJournal(journal: PseudonymiseJournal): string {
  return `${JSON.stringify({ format: JOURNAL_FORMAT, version: JOURNAL_VERSION, ...journal }, null, 2)}\n`;
}

export class JournalError extends Error {
  constructor(message: string) {
    super(`${JOURNAL_PATH}: ${message}`);
    this.name = 'JournalError';
  }
}

/** Reads a journal; throws JournalError (naming the file) when it is not one this version wrote. */
export function parseJournal(text: string): PseudonymiseJournal {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new JournalError(`cannot be read (${error instanceof Error ? error.message : String(error)}); it was left by an interrupted pseudonymisation: restore it from a backup or delete it and run the pseudonymisation again`);
  }
  const root = record(value, 'the file');
  if (root.format !== JOURNAL_FORMAT) throw new JournalError(`"format" should be "${JOURNAL_FORMAT}"`);
  if (root.version !== JOURNAL_VERSION) throw new JournalError(`version ${String(root.version)} is not one this version of Grounded can finish (it knows ${JOURNAL_VERSION})`);
  return {
    pseudonym: text_(root.pseudonym, 'pseudonym'),
    files: list(root.files, 'files').map((f, i) => {
      const file = record(f, `files[${i}]`);
      return { path: text_(file.path, `files[${i}].path`), before: text_(file.before, `files[${i}].before`), after: text_(file.after, `files[${i}].after`), content: text_(file.content, `files[${i}].content`) };
    }),
    quotes: list(root.quotes, 'quotes').map((q, i) => {
      const group = record(q, `quotes[${i}]`);
      const where = `quotes[${i}]`;
      return {
        transcript: text_(group.transcript, `${where}.transcript`),
        coderId: text_(group.coderId, `${where}.coderId`),
        segments: list(group.segments, `${where}.segments`).map((s, j) => segmentOf(s, `${where}.segments[${j}]`)),
      };
    }),
  };
}

function segmentOf(value: unknown, where: string): JournalSegment {
  const segment = record(value, where);
  const quote = record(segment.quote, `${where}.quote`);
  const position = record(segment.position, `${where}.position`);
  return {
    id: text_(segment.id, `${where}.id`) as SegmentId,
    before: text_(segment.before, `${where}.before`),
    quote: { exact: text_(quote.exact, `${where}.quote.exact`), prefix: text_(quote.prefix, `${where}.quote.prefix`), suffix: text_(quote.suffix, `${where}.quote.suffix`) },
    position: { start: count(position.start, `${where}.position.start`), end: count(position.end, `${where}.position.end`) },
  };
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new JournalError(`${where} should be an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new JournalError(`${where} should be a list`);
  return value;
}

function text_(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new JournalError(`${where} should be a string`);
  return value;
}

function count(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new JournalError(`${where} should be a whole number ≥ 0`);
  return value;
}
