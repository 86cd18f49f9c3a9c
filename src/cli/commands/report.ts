import { resolve } from 'node:path';
import { CodeLookupError, formatExpression, runExpression, retrieveSegments } from '../../core/analysis';
import { codeSection, querySection, reportAsHtml, reportAsMarkdown, type ReportSection } from '../../core/analysis/render/report';
import { closingNotes, formatOption, loadAnalysisInput } from '../analysis-input';
import type { CliCommand } from '../cli-command';
import { writeOutput } from '../write-output';
import { loadSavedQuery } from './query';

export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'report [dir] [--code NAME|--query NAME] [--format md|html] [--out FILE]   A report of codes or a saved query: definition, memos, passages by participant',
  help: [
    'Writes a report to paste into a paper draft: for each code (every code when neither --code nor',
    '--query is given) its definition, the memos about it and its passages grouped by participant;',
    'for a saved query, its passages. HTML reports are one file with no script.',
    '',
    'Options:',
    '  --code NAME          one code (name or Parent/Child path), with its sub-codes',
    '  --query NAME         a saved query (.grounded/queries/NAME.json)',
    '  --format md|html     (default md)',
    '  --out FILE           write to FILE instead of the terminal',
  ].join('\n'),
  options: { code: { type: 'string' }, query: { type: 'string' }, format: { type: 'string' }, out: { type: 'string', short: 'o' } },
  async run([dir], values, io) {
    const format = formatOption(values.format, ['md', 'html'], 'md');
    if (!format) {
      io.err('grounded report: --format is md or html\n');
      return 2;
    }
    const input = await loadAnalysisInput(dir, io, { memoBodies: true });
    if (!input) return 2;
    const { context } = input;
    let sections: ReportSection[];
    try {
      if (typeof values.query === 'string') {
        const loaded = await loadSavedQuery(input, values.query, io);
        if (!loaded) return 1;
        const hits = loaded.expression ? runExpression(context, loaded.expression, loaded.query.filter) : retrieveSegments(context, { filter: loaded.query.filter });
        sections = [querySection(loaded.query.title ?? values.query, loaded.query.description, loaded.expression && formatExpression(loaded.expression), hits)];
      } else if (typeof values.code === 'string') {
        sections = [codeSection(context, context.lookup.resolve(values.code))];
      } else {
        const ordered = [...context.project.codes].sort((a, b) => context.lookup.path(a.id).localeCompare(context.lookup.path(b.id)));
        sections = ordered.map((code) => codeSection(context, code.id));
      }
    } catch (error) {
      if (!(error instanceof CodeLookupError)) throw error;
      io.err(`grounded report: ${error.message}\n`);
      return 1;
    }
    const name = input.snapshot.config.name;
    const text = format === 'html' ? reportAsHtml(name, sections) : reportAsMarkdown(name, sections);
    if (typeof values.out === 'string') {
      const out = resolve(io.cwd, values.out);
      await writeOutput(out, text);
      io.out(`written to ${out}\n`);
    } else {
      io.out(text);
    }
    return closingNotes('report', input, io);
  },
};
