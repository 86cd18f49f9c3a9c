import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { RefiExportError, exportCodebook, exportProject, type RefiExport } from '../../core/interchange/refi';
import { StoreError } from '../../core/storage/errors';
import { NodeFileSystem } from '../../node/node-file-system';
import { tidyCsv } from '../../core/analysis/render/tidy-csv';
import { leftOutOf } from '../../core/validation/left-out';
import { closingNotes, loadAnalysisInput, warnLeftOut } from '../analysis-input';
import type { CliCommand, CliIo } from '../cli-command';
import { writeOutput } from '../write-output';
import { projectRootOrExplain } from '../project-root';

const FORMATS = ['qdc', 'qdpx', 'csv'] as const;

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export qdc|qdpx|csv [dir] [--out file] [--force] [--utf16] [--crlf]   Export the codebook (.qdc) or the whole project (.qdpx) as REFI-QDA, or the coding as tidy CSV for R and Python',
  help: [
    'Writes the export to --out FILE, else to <project folder>.qdc|.qdpx|.csv in the current folder.',
    'That default file is not overwritten: when it exists, give --force to replace it or --out to',
    'write elsewhere. A file named with --out is written over, as report, codebook and memos do.',
    '',
    'Options:',
    '  --out FILE           where to write',
    '  --force              replace <project folder>.<format> when it exists',
    '  --utf16              positions as NVivo for Windows counts them (qdc, qdpx)',
    '  --crlf               CR LF line breaks in the sources (qdpx)',
  ].join('\n'),
  options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' }, utf16: { type: 'boolean' }, crlf: { type: 'boolean' } },
  async run([format, dir], values, io) {
    if (!FORMATS.includes(format as (typeof FORMATS)[number])) {
      io.err(`grounded export: say what to export: "qdc" (the codebook), "qdpx" (the whole project) or "csv" (one row per segment and code)\n`);
      return 2;
    }
    const root = projectRootOrExplain(dir, io);
    if (!root) return 2;
    const named = typeof values.out === 'string';
    const out = resolve(io.cwd, named ? (values.out as string) : `${basename(root)}.${format}`);
    const refusal = targetProblem(out, named, values.force === true);
    if (refusal !== undefined) {
      io.err(`grounded export: ${refusal}\n`);
      return 1;
    }
    if (format === 'csv') return exportCsv(root, out, io);
    const options = { positions: values.utf16 === true ? ('utf-16' as const) : ('code-points' as const), lineEndings: values.crlf === true ? ('crlf' as const) : ('lf' as const), now: new Date() };
    let result: RefiExport;
    const fs = new NodeFileSystem(root);
    try {
      result = format === 'qdc' ? await exportCodebook(fs, options) : await exportProject(fs, options);
    } catch (error) {
      if (!(error instanceof RefiExportError || error instanceof StoreError)) throw error;
      io.err(`grounded export: ${error.message}\n`);
      return 1;
    }
    await writeOutput(out, result.bytes);
    for (const warning of result.warnings) io.out(`warning: ${warning}\n`);
    io.out(`${summary(format as 'qdc' | 'qdpx', result)}\nwritten to ${out}\n`);
    // The codebook alone needs the code files only, and the export refuses one it cannot read.
    return format === 'qdpx' ? warnLeftOut('export', await leftOutOf(fs), io) : 0;
  },
};

async function exportCsv(root: string, out: string, io: CliIo): Promise<number> {
  const input = await loadAnalysisInput(root, io);
  if (!input) return 2;
  const csv = tidyCsv(input.context);
  await writeOutput(out, csv);
  const rows = csv.split('\r\n').length - 2;
  io.out(`${rows} row(s): one per segment and code, ${input.context.project.transcripts.length} transcript(s)\nwritten to ${out}\n`);
  return closingNotes('export', input, io);
}

/**
 * Why the export must not be written to `out`. The default name is one the researcher never typed,
 * so an existing file of that name (last month's export, or someone else's) is kept unless --force
 * says otherwise; a file named with --out was chosen, and is written over.
 */
function targetProblem(out: string, named: boolean, force: boolean): string | undefined {
  if (!existsSync(out)) return undefined;
  if (statSync(out).isDirectory()) return `${out} is a folder; give --out a file name`;
  if (named || force) return undefined;
  return `${out} already exists; use --force to overwrite it, or --out FILE to write elsewhere`;
}

function summary(format: 'qdc' | 'qdpx', { counts }: RefiExport): string {
  if (format === 'qdc') return `${counts.codes} code(s)`;
  return (
    `${counts.codes} code(s), ${counts.sources} source(s), ${counts.selections} coded selection(s) with ${counts.codings} coding(s), ` +
    `${counts.notes} memo(s), ${counts.links} code relation(s), ${counts.cases} case(s) with ${counts.variables} variable(s), ${counts.users} user(s)`
  );
}
