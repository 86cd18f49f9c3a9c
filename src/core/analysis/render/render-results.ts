/**
 * Query and table results as text for a terminal, a pull request or a paper draft (Markdown), for
 * R and Python (CSV), and for programs (JSON). Every value from the project is escaped for the
 * format it goes into.
 */
import type { AnalysisContext } from '../analysis-context';
import type { Crosstab, CrosstabRow } from '../crosstab';
import type { CodeFrequency } from '../frequencies';
import type { CoOccurrence, CodeTranscriptMatrix } from '../matrices';
import type { GroupBy } from '../query-file';
import type { Hit } from '../retrieval';
import { csvTable, escapeMarkdown, escapeMarkdownLine, formatNumber, markdownTable, type Cell } from './table-text';

export type ResultFormat = 'md' | 'csv' | 'json';

export function hitsAsMarkdown(context: AnalysisContext, hits: Hit[], groupBy: GroupBy = 'transcript'): string {
  if (hits.length === 0) return '_No passages._\n';
  const groups = new Map<string, Hit[]>();
  for (const hit of hits) {
    const keys = groupBy === 'code' ? (hit.codes.length > 0 ? hit.codes.map((c) => context.lookup.path(c) || c) : ['(no code)']) : [groupBy === 'participant' ? hit.participant : hit.transcript];
    for (const key of keys) groups.set(key, [...(groups.get(key) ?? []), hit]);
  }
  const parts: string[] = [];
  for (const [key, list] of groups) {
    parts.push(`### ${escapeMarkdownLine(key)} (${list.length})\n`);
    for (const hit of list) {
      const where = [hit.transcript, hit.speaker ? `${hit.speaker}` : undefined, `${hit.words} words`].filter(Boolean).join(' · ');
      const codes = hit.codes.map((c) => context.lookup.path(c) || c).join(', ');
      parts.push(`${hit.text.split('\n').map((line) => `> ${escapeMarkdown(line)}`).join('\n')}\n\n— ${escapeMarkdown(where)}${codes ? ` · ${escapeMarkdown(codes)}` : ''} · ${escapeMarkdown(hit.coders.join(', '))}\n`);
    }
  }
  return parts.join('\n');
}

const HIT_HEADER = ['transcript', 'participant', 'speaker', 'start', 'end', 'words', 'codes', 'coders', 'text'];

export function hitsAsCsv(context: AnalysisContext, hits: Hit[]): string {
  return csvTable(HIT_HEADER, hits.map((h) => [h.transcript, h.participant, h.speaker ?? '', h.start, h.end, h.words, h.codes.map((c) => context.lookup.path(c) || c).join('; '), h.coders.join('; '), h.text]));
}

export function frequenciesTable(frequencies: CodeFrequency[]): { header: Cell[]; rows: Cell[][] } {
  return {
    header: ['code', 'segments', 'words', 'transcripts', 'participants', 'segments (with sub-codes)', 'words (with sub-codes)', 'participants (with sub-codes)'],
    rows: frequencies.map((f) => [f.path, f.own.segments, f.own.words, f.own.transcripts, f.own.participants, f.withSubcodes.segments, f.withSubcodes.words, f.withSubcodes.participants]),
  };
}

export function matrixTable(matrix: CodeTranscriptMatrix): { header: Cell[]; rows: Cell[][] } {
  return { header: ['code', ...matrix.columns.map((c) => c.transcript)], rows: matrix.rows.map((row, r) => [row.path, ...matrix.segments[r]]) };
}

export function coOccurrenceTable(table: CoOccurrence): { header: Cell[]; rows: Cell[][] } {
  return {
    header: ['code', ...table.rows.map((r) => r.path)],
    rows: table.rows.map((row, a) => [row.path, ...table.rows.map((_, b) => (a === b ? table.counts[a][b] : `${table.counts[a][b]} (J ${table.jaccard[a][b].toFixed(2)})`))]),
  };
}

export function crosstabTable(table: Crosstab): { header: Cell[]; rows: Cell[][]; notes: string[] } {
  const header: Cell[] = ['code', ...table.columns.map((c) => `${c.value} (n=${c.participants})`), 'test (participants)'];
  const rows = table.rows.map((row) => [
    row.path,
    ...row.segments.map((n, c) => `${n} seg · ${row.participants[c]} part. (${formatNumber(row.participantsColumnPercent[c])}%)`),
    groupTestText(row),
  ]);
  const notes = [
    `Columns: groups of "${table.attribute}"; n = participants in the group. Each cell: segments, participants with the code, and that as a share of the group's participants.`,
    "Test: Pearson's χ² on participants with and without the code in each group where the counts allow; where they are too few, Fisher's exact test (Freeman–Halton for more than two groups).",
  ];
  return { header, rows, notes };
}

/** A row's test of independence in words: χ², else Fisher's exact test, else why neither. */
export function groupTestText(row: Pick<CrosstabRow, 'test' | 'exact'>): string {
  const { test, exact } = row;
  if (test.computed) return `χ²=${test.chiSquare.toFixed(2)}, df=${test.df}, ${pValue(test.p)}`;
  if (exact?.computed) return `Fisher's exact ${pValue(exact.p)} (χ² not computed: too few observations)`;
  return `not computed: ${test.reason}${exact ? `; exact test: ${exact.reason}` : ''}`;
}

/** `p=0.042`, or `p<0.001` where three decimals would show 0. */
function pValue(p: number): string {
  return p < 0.001 ? 'p<0.001' : `p=${p.toFixed(3)}`;
}

export function renderTable(table: { header: Cell[]; rows: Cell[][]; notes?: string[] }, format: ResultFormat, json: unknown): string {
  if (format === 'json') return `${JSON.stringify(json, null, 2)}\n`;
  if (format === 'csv') return csvTable(table.header, table.rows);
  const notes = (table.notes ?? []).map((n) => `\n${escapeMarkdown(n)}\n`).join('');
  return markdownTable(table.header, table.rows, table.header.map((_, i) => (i === 0 ? 'left' : 'right'))) + notes;
}
