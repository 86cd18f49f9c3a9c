import { CodeLookupError, codeByTranscript, coOccurrence, crosstab, type MatrixOptions } from '../../core/analysis';
import { coOccurrenceTable, crosstabTable, matrixTable, renderTable } from '../../core/analysis/render/render-results';
import { closingNotes, formatOption, loadAnalysisInput } from '../analysis-input';
import type { CliCommand } from '../cli-command';

export const matrixCommand: CliCommand = {
  name: 'matrix',
  usage: 'matrix [dir] [--cols ATTRIBUTE|transcripts|codes] [--format md|csv|json]   Codes against transcripts, a participant attribute, or each other',
  help: [
    'Rows are codes (each with its sub-codes unless --own). Columns:',
    '  transcripts (default)  segments per transcript, in interview order',
    '  ATTRIBUTE              a crosstab by the values of a participant attribute (e.g. sector, lens):',
    '                         segments and participants per group, the share of each group\'s',
    '                         participants with the code, and a χ² test on participants where the',
    '                         counts allow it (it says why not where they do not)',
    '  codes                  co-occurrence: passages coded with both codes, and Jaccard (shared text',
    '                         ÷ text coded with either)',
    '',
    'Options:',
    '  --codes A,B,…        only these codes (names or Parent/Child paths), in this order',
    '  --coder ID           only this coder\'s segments (repeatable)',
    '  --edges 30,45        group a number attribute: ≤30, 31–45, >45',
    '  --own                count each code\'s own segments only',
    '  --format md|csv|json (default md)',
  ].join('\n'),
  options: { cols: { type: 'string' }, format: { type: 'string' }, codes: { type: 'string' }, coder: { type: 'string', multiple: true }, edges: { type: 'string' }, own: { type: 'boolean' } },
  async run([dir], values, io) {
    const format = formatOption(values.format, ['md', 'csv', 'json'], 'md') as 'md' | 'csv' | 'json' | undefined;
    if (!format) {
      io.err('grounded matrix: --format is md, csv or json\n');
      return 2;
    }
    const edges = typeof values.edges === 'string' ? values.edges.split(',').map(Number) : undefined;
    if (edges?.some((e) => !Number.isFinite(e))) {
      io.err('grounded matrix: --edges takes numbers separated by commas, e.g. --edges 30,45\n');
      return 2;
    }
    const input = await loadAnalysisInput(dir, io);
    if (!input) return 2;
    const coders = Array.isArray(values.coder) ? values.coder.map(String) : [];
    const options: MatrixOptions = {
      ...(coders.length > 0 ? { filter: { coders } } : {}),
      ...(values.own ? { ownOnly: true } : {}),
      ...(typeof values.codes === 'string' ? { codes: values.codes.split(',').map((c) => c.trim()).filter(Boolean) } : {}),
    };
    const cols = typeof values.cols === 'string' ? values.cols : 'transcripts';
    try {
      if (cols === 'transcripts') {
        const matrix = codeByTranscript(input.context, options);
        io.out(renderTable(matrixTable(matrix), format, matrix));
      } else if (cols === 'codes') {
        const table = coOccurrence(input.context, options);
        io.out(renderTable(coOccurrenceTable(table), format, table));
      } else {
        const known = new Set(input.context.project.transcripts.flatMap((t) => Object.keys(t.attributes)));
        if (!known.has(cols)) {
          io.err(`grounded matrix: no transcript records the attribute "${cols}" (recorded: ${[...known].sort().join(', ') || 'none'})\n`);
          return 1;
        }
        const table = crosstab(input.context, cols, { ...options, ...(edges ? { edges } : {}) });
        io.out(format === 'csv' ? renderTable(crosstabLong(table), 'csv', table) : renderTable(crosstabTable(table), format, table));
      }
    } catch (error) {
      if (!(error instanceof CodeLookupError)) throw error;
      io.err(`grounded matrix: ${error.message}\n`);
      return 1;
    }
    return closingNotes('matrix', input, io);
  },
};

/** The crosstab in long form for R and Python: one row per code and group. */
function crosstabLong(table: ReturnType<typeof crosstab>) {
  return {
    header: ['code', table.attribute, 'segments', 'participants', 'group_participants', 'participants_pct', 'segments_row_pct', 'segments_col_pct', 'chi_square', 'df', 'p', 'fisher_p'],
    rows: table.rows.flatMap((row) =>
      table.columns.map((column, c) => [
        row.path,
        column.value,
        row.segments[c],
        row.participants[c],
        column.participants,
        round(row.participantsColumnPercent[c]),
        round(row.segmentsRowPercent[c]),
        round(row.segmentsColumnPercent[c]),
        row.test.computed ? round(row.test.chiSquare, 4) : '',
        row.test.computed ? row.test.df : '',
        row.test.computed ? significant(row.test.p) : '',
        row.exact?.computed ? significant(row.exact.p) : '',
      ]),
    ),
  };
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}

/**
 * A p-value to four significant digits, not four decimals: 2e-7 written as 0 would read as
 * certainty in R, and a reader sorting or thresholding the column needs the small ones told apart.
 */
function significant(p: number): number {
  return Number(p.toPrecision(4));
}
