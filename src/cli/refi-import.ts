/**
 * `grounded import` of REFI-QDA files: reads a .qdpx, .qdc or .qde and writes a new Grounded project
 * into a folder. Nothing is written unless the whole file could be read and no file of the new
 * project already exists there.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { type ExternalReference, type RefiImportReport, RefiImportError, importRefi, writeImportedProject } from '../core/interchange/refi';
import { NodeFileSystem } from '../node/node-file-system';
import type { CliIo } from './cli-command';

/** Largest plain-text file read from outside the archive. */
const MAX_EXTERNAL_BYTES = 50 * 1024 * 1024;

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
    result = importRefi(bytes, { fallbackName: basename(source, extname(source)), readExternal: externalReader(source) });
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

/**
 * Sources outside the archive (`relative://`, `absolute://`): only plain-text files are read, so a
 * crafted project file cannot pull arbitrary files of this computer into the new project.
 */
function externalReader(archive: string): (reference: ExternalReference) => Uint8Array | undefined {
  return (reference) => {
    const path = reference.path.replace(/^\/+(?=[A-Za-z]:)/, '');
    const candidates = reference.scheme === 'absolute'
      ? [isAbsolute(path) ? path : `/${path}`]
      : [reference.basePath ? join(reference.basePath, path) : undefined, join(dirname(archive), path)];
    for (const candidate of candidates) {
      if (candidate === undefined || extname(candidate).toLowerCase() !== '.txt') continue;
      try {
        const stat = statSync(candidate);
        if (stat.isFile() && stat.size <= MAX_EXTERNAL_BYTES) return new Uint8Array(readFileSync(candidate));
      } catch {
        // not there: try the next place
      }
    }
    return undefined;
  };
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
