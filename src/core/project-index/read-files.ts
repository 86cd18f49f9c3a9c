/**
 * Reading a project's own files from a FileSource, with nothing to write and no coder: the config,
 * the codes and every coder's coding. What cannot be read becomes a problem naming file and line.
 */
import type { Code, FileProblem, ProjectConfig } from '../model';
import type { DirectoryEntry, FileSource } from '../ports';
import type { TranscriptCoding } from '../storage/coding-repository';
import { StoreError, formatProblem } from '../storage/errors';
import { UnreadableFileError, readFileText } from '../storage/file-text';
import { CODES_DIR, CODING_DIR, PROJECT_FILE, parseCodeFile, parseCodingFile, parseProjectFile } from '../storage/format';

export async function readConfig(source: FileSource): Promise<ProjectConfig> {
  const text = await source.readFile(PROJECT_FILE);
  if (text === undefined) throw new StoreError(`No Grounded project here: ${PROJECT_FILE} is missing.`);
  const parsed = parseProjectFile(PROJECT_FILE, text);
  if (!parsed.ok) throw new StoreError(parsed.problems.map(formatProblem).join('\n'), parsed.problems);
  return parsed.value;
}

export async function readCodes(source: FileSource): Promise<{ codes: Code[]; problems: FileProblem[] }> {
  const entries = (await source.readDirectory(CODES_DIR)).filter((e) => e.kind === 'file' && e.name.endsWith('.json'));
  const codes: Code[] = [];
  const problems: FileProblem[] = [];
  const texts = await Promise.all(entries.map((e) => readFileText(source, `${CODES_DIR}/${e.name}`)));
  entries.forEach((e, i) => {
    const text = texts[i];
    if (text instanceof UnreadableFileError) return void problems.push(text.problem);
    if (text === undefined) return;
    const result = parseCodeFile(`${CODES_DIR}/${e.name}`, text);
    if (result.ok) codes.push(result.value);
    problems.push(...(result.ok ? result.warnings : result.problems));
  });
  return { codes: codes.sort((a, b) => compare(a.id, b.id)), problems };
}

/** Every transcript's coding, sorted by transcript path. */
export async function readAllCoding(source: FileSource): Promise<TranscriptCoding[]> {
  const found = await codingFolders(source, CODING_DIR, '');
  found.sort((a, b) => compare(a.transcript, b.transcript));
  return Promise.all(found.map(({ transcript, files }) => readCodingFiles(source, transcript, files)));
}

/** All coders' coding of one transcript: one entry per readable file, sorted by coder id. */
export async function readCoding(source: FileSource, transcript: string): Promise<TranscriptCoding> {
  return readCodingFiles(source, transcript, codingFiles(await source.readDirectory(`${CODING_DIR}/${transcript}`)));
}

async function readCodingFiles(source: FileSource, transcript: string, files: string[]): Promise<TranscriptCoding> {
  const dir = `${CODING_DIR}/${transcript}`;
  const texts = await Promise.all(files.map((f) => readFileText(source, `${dir}/${f}`)));
  const coding: TranscriptCoding = { transcript, coders: [], problems: [] };
  files.forEach((f, i) => {
    const text = texts[i];
    if (text instanceof UnreadableFileError) return void coding.problems.push(text.problem);
    if (text === undefined) return;
    const result = parseCodingFile(`${dir}/${f}`, text);
    if (result.ok) {
      const { coder, segments, uncoded } = result.value;
      coding.coders.push(uncoded ? { coder, segments, uncoded } : { coder, segments });
    }
    coding.problems.push(...(result.ok ? result.warnings : result.problems));
  });
  return coding;
}

function codingFiles(entries: readonly DirectoryEntry[]): string[] {
  return entries.filter((e) => e.kind === 'file' && e.name.endsWith('.jsonl')).map((e) => e.name).sort(compare);
}

/** Transcript paths are the folders under `.grounded/coding/` that hold `.jsonl` files. */
async function codingFolders(source: FileSource, dir: string, rel: string): Promise<{ transcript: string; files: string[] }[]> {
  const entries = await source.readDirectory(dir);
  const files = codingFiles(entries);
  const found = rel !== '' && files.length > 0 ? [{ transcript: rel, files }] : [];
  const nested = await Promise.all(
    entries.filter((e) => e.kind === 'directory').map((e) => codingFolders(source, `${dir}/${e.name}`, rel === '' ? e.name : `${rel}/${e.name}`)),
  );
  return found.concat(...nested);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
