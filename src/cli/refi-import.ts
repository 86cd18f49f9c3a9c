/**
 * `grounded import` of REFI-QDA files: reads a .qdpx, .qdc or .qde and writes a new Grounded project
 * into a folder. Nothing is written unless the whole file could be read and no file of the new
 * project already exists there.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { type RefiImportReport, RefiImportError, importRefi, writeImportedProject } from '../core/interchange/refi';
import { NodeFileSystem } from '../node/node-file-system';
import type { CliIo } from './cli-command';

/** Exit code: 0 imported, 1 the file cannot be imported, 2 the file or folder cannot be used. */
export async function importRefiFile(file: string, outDir: string, io: CliIo): Promise<number> {
  const source = resolve(io.cwd, file);
  const target = resolve(io.cwd, outDir);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(source));
  } catch (error) {
    io.err(`grounded import: cannot read ${source}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let result;
  try {
    result = importRefi(bytes, { fallbackName: basename(source, extname(source)) });
  } catch (error) {
    if (!(error instanceof RefiImportError)) throw error;
    io.err(`grounded import: ${basename(source)} cannot be imported: ${error.message}\nNothing was written.\n`);
    return 1;
  }
  try {
    await writeImportedProject(new NodeFileSystem(target), result);
  } catch (error) {
    if (!(error instanceof RefiImportError)) throw error;
    io.err(`grounded import: ${target}: ${error.message}\n`);
    return 2;
  }
  io.out(printReport(result.report, target));
  return 0;
}

export function printReport(report: RefiImportReport, target: string): string {
  const { counts } = report;
  const lines = [
    `Imported "${report.projectName}"${report.origin ? ` (from ${report.origin})` : ''} into ${target}:`,
    `  ${counts.codes} code(s), ${counts.transcripts} transcript(s), ${counts.segments} segment(s) by ${counts.coders} coder(s), ${counts.memos} memo(s), ${counts.transcriptsWithAttributes} transcript(s) with attributes`,
  ];
  for (const source of report.sources) {
    if (source.transcript === undefined) continue;
    lines.push(`  ${source.transcript}: ${source.selections} selection(s), positions read as ${source.reading} (decided by ${source.basis}); ${source.fitting} fit, ${source.skipped} skipped`);
  }
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}
