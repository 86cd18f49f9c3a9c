import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { normaliseText } from '../../core/anchoring';
import { isoDate } from '../../core/memos';
import { buildMemoReport } from '../../core/memos/memo-report';
import { memoReportAsHtml, memoReportAsMarkdown } from '../../core/memos/memo-report-render';
import { loadSnapshot } from '../../core/project-index';
import { NodeFileSystem } from '../../node/node-file-system';
import { leftOutOf } from '../../core/validation/left-out';
import { formatOption, warnLeftOut } from '../analysis-input';
import type { CliCommand } from '../cli-command';
import { writeOutput } from '../write-output';
import { projectRootOrExplain } from '../project-root';

export const memosCommand: CliCommand = {
  name: 'memos',
  usage: 'memos [dir] [--format md|html] [--out FILE]   The memo report: memos by kind and date, cited segments quoted in place',
  help: [
    'Writes every memo, grouped by kind (code, theoretical, methodological, reflexive, then memos of',
    'no kind) and in the order they were written (the "date:" of the memo, else the file\'s date),',
    'with the segments each one cites — in its header or as [[s-…]] in its text — quoted where it',
    'cites them: the draft of a findings section. HTML is one file with no script.',
    '',
    'A "date:" that is not YYYY-MM-DD, or not a day on the calendar, is not replaced by the file\'s',
    'date: the memo is marked "undated" with the reason and comes after the dated ones (grounded',
    'validate warns at its line).',
    '',
    'Options:',
    '  --format md|html     (default md)',
    '  --out FILE           write to FILE instead of the terminal',
  ].join('\n'),
  options: { format: { type: 'string' }, out: { type: 'string', short: 'o' } },
  async run([dir], values, io) {
    const format = formatOption(values.format, ['md', 'html'], 'md');
    if (!format) {
      io.err('grounded memos: --format is md or html\n');
      return 2;
    }
    const root = projectRootOrExplain(dir, io);
    if (!root) return 2;
    const fs = new NodeFileSystem(root);
    const snapshot = await loadSnapshot(fs);
    const texts: Record<string, string> = {};
    const fileDates: Record<string, string> = {};
    for (const memo of snapshot.memos) {
      const text = await fs.readFile(memo.path);
      if (text !== undefined) texts[memo.path] = normaliseText(text);
      // Only a memo with no date at all is dated by its file; a date written wrongly leaves it undated.
      if (memo.date === undefined) fileDates[memo.path] = isoDate((await stat(join(root, memo.path))).mtime);
    }
    const report = buildMemoReport(snapshot, texts, fileDates);
    const content = format === 'html' ? memoReportAsHtml(report) : memoReportAsMarkdown(report);
    if (typeof values.out === 'string') {
      const out = resolve(io.cwd, values.out);
      await writeOutput(out, content);
      io.out(`written to ${out}\n`);
    } else io.out(content);
    return warnLeftOut('memos', await leftOutOf(fs, snapshot), io);
  },
};
