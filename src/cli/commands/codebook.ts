import { resolve } from 'node:path';
import { buildCodebookDocument, codebookAsDocx, codebookAsHtml, codebookAsMarkdown } from '../../core/codebook-export';
import { loadSnapshot } from '../../core/project-index';
import { NodeFileSystem } from '../../node/node-file-system';
import { leftOutOf } from '../../core/validation/left-out';
import { formatOption, warnLeftOut } from '../analysis-input';
import type { CliCommand } from '../cli-command';
import { writeOutput } from '../write-output';
import { projectRootOrExplain } from '../project-root';

export const codebookCommand: CliCommand = {
  name: 'codebook',
  usage: 'codebook [dir] [--format md|html|docx] [--out FILE]   The codebook: definitions, criteria, examples and counts',
  help: [
    'Writes the codebook as a deliverable: every code in the Codebook\'s order with its definition,',
    'when to include and exclude it, its example quote, and how many segments, transcripts and',
    'coders use it. HTML is one file with no script; docx opens in Word and LibreOffice.',
    '',
    'Options:',
    '  --format md|html|docx   (default md)',
    '  --out FILE              write to FILE instead of the terminal (required for docx)',
  ].join('\n'),
  options: { format: { type: 'string' }, out: { type: 'string', short: 'o' } },
  async run([dir], values, io) {
    const format = formatOption(values.format, ['md', 'html', 'docx'], 'md');
    if (!format) {
      io.err('grounded codebook: --format is md, html or docx\n');
      return 2;
    }
    const out = typeof values.out === 'string' ? resolve(io.cwd, values.out) : undefined;
    if (format === 'docx' && out === undefined) {
      io.err('grounded codebook: a Word document needs --out FILE\n');
      return 2;
    }
    const root = projectRootOrExplain(dir, io);
    if (!root) return 2;
    const fs = new NodeFileSystem(root);
    const snapshot = await loadSnapshot(fs);
    const document = buildCodebookDocument(snapshot);
    // The Word library is loaded only when a Word document is asked for.
    const content = format === 'docx' ? await codebookAsDocx(document, await import('docx')) : format === 'html' ? codebookAsHtml(document) : codebookAsMarkdown(document);
    if (out === undefined) io.out(content as string);
    else {
      await writeOutput(out, content);
      io.out(`written to ${out}\n`);
    }
    return warnLeftOut('codebook', await leftOutOf(fs, snapshot), io);
  },
};
