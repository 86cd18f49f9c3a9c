/**
 * The memo report: every memo, by kind and in the order it was written, with the segments it cites
 * quoted where it cites them — the draft of a findings section. Built as plain data, then written
 * as Markdown or as one HTML file that loads and runs nothing (every value escaped).
 */
import { findFrontMatter } from '../markdown';
import type { Code } from '../model';
import type { ProjectSnapshot } from '../project-index/snapshot';
import { memoKindHeading, type MemoKind } from './memo-kinds';
import type { MemoSummary } from './memo-file';
import { titleWithReferences, writeOutReferences } from './memo-references';
import { readMemoDate } from './memo-date';
import { memoDay, memosByKind, type FileDates } from './memo-timeline';
import { segmentsById, type FoundSegment } from './segment-lookup';

export type MemoBlock =
  | { kind: 'text'; text: string }
  | { kind: 'quote'; text: string; where: string }
  | { kind: 'missing'; text: string };

export interface MemoReportEntry {
  path: string;
  title: string;
  day?: string;
  /** Why the memo's `date:` gives no day (the memo is then undated, listed after the dated ones). */
  dateProblem?: string;
  author?: string;
  /** What the front matter says the memo is about, in words. */
  about: string[];
  blocks: MemoBlock[];
}

export interface MemoReport {
  project: string;
  groups: { kind: MemoKind | undefined; heading: string; memos: MemoReportEntry[] }[];
}

/** `texts`: each memo's whole text (LF, no BOM) by path; a memo without one shows its excerpt. */
export function buildMemoReport(snapshot: ProjectSnapshot, texts: Readonly<Record<string, string>>, fileDates: FileDates = {}): MemoReport {
  const segments = segmentsById(snapshot);
  const context: Context = { codes: snapshot.codes, segments, participants: participantsOf(snapshot) };
  return {
    project: snapshot.config.name,
    groups: memosByKind(snapshot.memos, fileDates).map(({ kind, memos }) => ({
      kind,
      heading: memoKindHeading(kind),
      memos: memos.map((memo) => entryOf(memo, texts[memo.path], memoDay(memo, fileDates), context)),
    })),
  };
}

interface Context {
  codes: readonly Code[];
  segments: Map<string, FoundSegment>;
  participants: Map<string, string>;
}

function participantsOf(snapshot: ProjectSnapshot): Map<string, string> {
  return new Map(snapshot.transcripts.map((t) => [t.path, t.participant.name]));
}

function entryOf(memo: MemoSummary, text: string | undefined, day: string | undefined, context: Context): MemoReportEntry {
  const title = titleWithReferences(memo.title, context.codes, (id) => context.segments.has(id));
  const entry: MemoReportEntry = { path: memo.path, title, about: aboutOf(memo, context), blocks: [] };
  if (day !== undefined) entry.day = day;
  const written = memo.date === undefined ? undefined : readMemoDate(memo.date);
  if (written?.ok === false) entry.dateProblem = written.reason;
  if (memo.author !== undefined) entry.author = memo.author;
  const linked = [...memo.links.flatMap((l) => (l.kind === 'segment' ? [l.segment] : [])), ...(memo.segmentIds ?? [])];
  for (const id of new Set(linked)) entry.blocks.push(quoteOf(id, context));
  const body = text === undefined ? memo.excerpt : bodyOf(text);
  for (const paragraph of body.split(/\n[ \t]*\n/).map((p) => p.trim()).filter((p) => p !== '')) entry.blocks.push(...paragraphBlocks(paragraph, context));
  return entry;
}

function aboutOf(memo: MemoSummary, context: Context): string[] {
  return memo.links.flatMap((link) => {
    if (link.kind === 'code') return [`code ${context.codes.find((c) => c.id === link.code)?.name ?? `${link.code} (${codeIdForName(context.codes, link.code) ?? 'not in the codebook'})`}`];
    if (link.kind === 'transcript') return [link.transcript];
    return [];
  });
}

/**
 * When a memo's `code:` is no code's id but a code's name (case aside): `code: Cycle A` is the
 * usual slip, and "not in the codebook" would send the researcher looking for a deleted code.
 * Validate says the same.
 */
export function codeIdForName(codes: readonly Pick<Code, 'id' | 'name'>[], written: string): string | undefined {
  const wanted = written.trim().toLocaleLowerCase();
  const named = codes.filter((c) => c.name.trim().toLocaleLowerCase() === wanted);
  if (named.length === 0) return undefined;
  return `\`code:\` takes a code id; did you mean ${named.map((c) => `${c.id} (${c.name})`).join(' or ')}?`;
}

/** The memo's text without its front matter and its title heading. */
function bodyOf(text: string): string {
  const start = findFrontMatter(text)?.range.end ?? 0;
  return text.slice(start).replace(/^\s*#[^\n]*\n/, '').trim();
}

/** A paragraph with its references named, followed by the segments it cites, quoted in full. */
function paragraphBlocks(paragraph: string, context: Context): MemoBlock[] {
  const { text, cited } = writeOutReferences(paragraph, context.codes, (id) => context.segments.has(id));
  const quotes = cited.map((c): MemoBlock => (c.kind === 'segment' ? quoteOf(c.segment, context) : { kind: 'missing', text: `${c.target}: ${c.reason}` }));
  return [{ kind: 'text', text }, ...quotes];
}

function quoteOf(id: string, context: Context): MemoBlock {
  const found = context.segments.get(id);
  if (!found) return { kind: 'missing', text: `segment ${id} no longer exists` };
  // Words no longer in the transcript (reworded, or removed on purpose: a name redacted) are not
  // quoted in a report that leaves the project; the code report says the same.
  if (!found.placed.range) return { kind: 'missing', text: `segment ${id} is not in the current text of ${found.transcript} (its words were changed or removed; see grounded validate)` };
  const who = context.participants.get(found.transcript);
  return { kind: 'quote', text: found.text, where: [who, found.transcript].filter(Boolean).join(', ') };
}
