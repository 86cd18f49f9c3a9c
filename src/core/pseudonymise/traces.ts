/**
 * Where a name still appears: in the transcripts' and memos' text, and in what the coding files
 * keep of that text — each segment's quote (its exact text and the prefix and suffix around it)
 * and comment. A quote's context is cut at a fixed length, so it can end in the first letters of
 * a name or begin with its last ones; those fragments count as traces too.
 */
import { LineIndex } from '../line-index';
import type { QuoteSelector, Segment } from '../model';
import type { TranscriptCoding } from '../storage/coding-repository';
import { codingFilePath } from '../storage/format';
import { readJsonLines } from '../storage/format/json-lines';
import { codeFileTexts, type CodeTextField } from './code-files';
import type { NameMatcher } from './name-matcher';
import type { StudyFile } from './plan';

/** `text` for a transcript's or memo's text (or a code file that cannot be read as a code); a code's field otherwise. */
export type TraceField = 'text' | 'exact' | 'prefix' | 'suffix' | 'comment' | `code ${CodeTextField}`;

export interface Trace {
  path: string;
  /** 1-based. */
  line: number;
  field: TraceField;
  /** What was found: the name as written, or the fragment of it. */
  found: string;
  /** A whole name, or a part of one cut off at the edge of a quote's context. */
  kind: 'name' | 'fragment';
}

export interface CodingFileText {
  coding: Pick<TranscriptCoding, 'transcript' | 'coders'>;
  /** The raw text of each coder's coding file, by coder id: for the line numbers. */
  raw: ReadonlyMap<string, string>;
}

/** Every trace of the matcher's name(s), transcripts, memos and codes first, then the coding files, in file order. */
export function findTraces(matcher: NameMatcher, files: readonly StudyFile[], coding: readonly CodingFileText[]): Trace[] {
  const traces: Trace[] = [];
  for (const file of files) {
    const fields = file.kind === 'code' ? codeFileTexts(file.path, file.text) : undefined;
    if (fields) {
      for (const { field, text, line } of fields) traces.push(...matcher.find(text).map((o) => ({ path: file.path, line, field: `code ${field}` as const, found: o.found, kind: 'name' as const })));
      continue;
    }
    const index = new LineIndex(file.text);
    for (const o of matcher.find(file.text)) traces.push({ path: file.path, line: index.lineOf(o.start) + 1, field: 'text', found: o.found, kind: 'name' });
  }
  for (const { coding: transcriptCoding, raw } of coding) {
    for (const { coder, segments } of transcriptCoding.coders) {
      const path = codingFilePath(transcriptCoding.transcript, coder.id);
      const lines = lineOfSegment(path, raw.get(coder.id) ?? '');
      for (const segment of segments) {
        const line = lines.get(segment.id) ?? 1;
        traces.push(...segmentTraces(matcher, segment).map((t) => ({ path, line, ...t })));
      }
    }
  }
  return traces;
}

/** The traces in one segment's record, by field. Prefix, exact and suffix are one run of text: a name may span them. */
export function segmentTraces(matcher: NameMatcher, segment: Pick<Segment, 'quote' | 'comment'>): Omit<Trace, 'path' | 'line'>[] {
  const { prefix, exact, suffix } = segment.quote;
  const run = prefix + exact + suffix;
  const fieldAt = (offset: number): TraceField => (offset < prefix.length ? 'prefix' : offset < prefix.length + exact.length ? 'exact' : 'suffix');
  const traces: Omit<Trace, 'path' | 'line'>[] = matcher.find(run).map((o) => ({ field: fieldAt(o.start), found: o.found, kind: 'name' as const }));
  const head = matcher.fragmentAtStart(run);
  if (head !== undefined) traces.unshift({ field: fieldAt(0), found: head, kind: 'fragment' });
  const tail = matcher.fragmentAtEnd(run);
  if (tail !== undefined && run.length > 0) traces.push({ field: fieldAt(run.length - 1), found: tail, kind: 'fragment' });
  if (segment.comment !== undefined) traces.push(...matcher.find(segment.comment).map((o) => ({ field: 'comment' as const, found: o.found, kind: 'name' as const })));
  return traces;
}

/** The quote with a fragment of the name cut from the outer ends of its context, where there is context to cut. */
export function withoutEdgeFragments(matcher: NameMatcher, quote: QuoteSelector): QuoteSelector {
  const head = quote.prefix === '' ? undefined : matcher.fragmentAtStart(quote.prefix);
  const tail = quote.suffix === '' ? undefined : matcher.fragmentAtEnd(quote.suffix);
  return {
    exact: quote.exact,
    prefix: head === undefined || head.length > quote.prefix.length ? quote.prefix : quote.prefix.slice(head.length),
    suffix: tail === undefined || tail.length > quote.suffix.length ? quote.suffix : quote.suffix.slice(0, quote.suffix.length - tail.length),
  };
}

function lineOfSegment(path: string, raw: string): Map<string, number> {
  const lines = new Map<string, number>();
  for (const { line, record } of readJsonLines(path, raw).lines) {
    if (typeof record?.id === 'string') lines.set(record.id, line);
  }
  return lines;
}

/** Traces as `path:line: …` lines for a terminal or a log. */
export function describeTraces(traces: readonly Trace[]): string[] {
  return traces.map((t) => {
    const where = t.field === 'text' ? '' : t.field.startsWith('code ') ? ` in the ${t.field.replace(' ', "'s ")}` : ` in the ${t.field === 'comment' ? 'comment' : `quote's ${t.field}`}`;
    // A name wrapped across lines is shown on one, so each trace stays one line of output.
    const found = t.found.replace(/\s+/gu, ' ');
    const what = t.kind === 'name' ? `"${found}"` : `"${found}" (a part of the name cut at the edge of the quote's context)`;
    return `${t.path}:${t.line}: ${what}${where}`;
  });
}
