import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import {
  applySpeakerMapping,
  importDocxHtml,
  importFormatOf,
  importTranscriptBytes,
  readSpeakerMapping,
  SPEAKER_ROLES,
  speakerMappingProblems,
  TranscriptImportError,
  writeTranscriptMarkdown,
  type ImportedTranscript,
  type SpeakerMapping,
  type SpeakerRole,
} from '../../core/interchange/transcripts';
import { MAX_CONFIG_FILE_BYTES, UnreadableFileError, decodeFileText } from '../../core/storage/file-text';
import { lineOfMember, memberLines } from '../../core/storage/format/json-scanner';
import { normaliseText, parseJson } from '../../core/storage/format/json-text';
import { docxToHtml } from '../../node/docx-to-html';
import type { CliCommand, CliIo } from '../cli-command';
import { importRefiFile } from '../refi-import';

type OptionValues = Parameters<CliCommand['run']>[1];

/** A transcript read, converted and ready to be written. */
interface Prepared {
  input: string;
  target: string;
  markdown: string;
  imported: ImportedTranscript;
  /** Speaker labels as the source wrote them, before the mapping renamed any. */
  sourceLabels: string[];
  notes: string[];
}

// Kept reachable from here for the code (and tests) that import it with the command.
export { docxToHtml };

/** REFI-QDA projects (.qdpx), codebooks (.qdc) and bare project files (.qde). */
const REFI_EXTENSIONS = new Set(['.qdpx', '.qdc', '.qde']);

export const importCommand: CliCommand = {
  name: 'import',
  usage:
    'import <files…> [--out dir] [--timestamps] [--map "Label=Name:role"]… [--speakers-file f.json] [--force]  ' +
    'Convert WebVTT, SRT, text and .docx transcripts (and REFI-QDA .qdpx/.qdc/.qde files) to Markdown',
  options: {
    out: { type: 'string', short: 'o' },
    timestamps: { type: 'boolean' },
    map: { type: 'string', multiple: true },
    'speakers-file': { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(files, values, io) {
    if (files.length === 0) {
      io.err('grounded import: name at least one file to import (.vtt, .srt, .txt, .docx, .qdpx, .qdc, .qde)\n');
      return 2;
    }
    const mapping = await mappingFromOptions(values, io.cwd);
    if ('error' in mapping) {
      io.err(`grounded import: ${mapping.error}\n`);
      return 'invalid' in mapping ? 1 : 2;
    }
    const outDir = resolve(io.cwd, typeof values.out === 'string' ? values.out : '.');
    const refiFiles = files.filter((f) => REFI_EXTENSIONS.has(extname(f).toLowerCase()));
    const transcriptFiles = files.filter((f) => !REFI_EXTENSIONS.has(extname(f).toLowerCase()));

    // Read and convert everything before writing anything: one bad file writes nothing at all.
    const results = await Promise.all(transcriptFiles.map((f) => prepare(f, outDir, mapping.mapping, values.timestamps === true, io.cwd)));
    const failures = results.flatMap((r) => ('error' in r ? [r.error] : []));
    if (failures.length > 0) {
      for (const failure of failures) io.err(`${failure}\n`);
      io.err(`grounded import: nothing written (${failures.length} of ${files.length} file(s) could not be imported)\n`);
      return 1;
    }
    const prepared = results.flatMap((r) => ('error' in r ? [] : [r]));
    const conflict = await checkTargets(prepared, values.force === true, io.cwd);
    if (conflict !== undefined) {
      io.err(`${conflict.message}\ngrounded import: nothing written\n`);
      return conflict.code;
    }
    warnUnusedMappings(values, prepared, io);

    for (const file of refiFiles) {
      const code = await importRefiFile(resolve(io.cwd, file), outDir, io);
      if (code !== 0) return code;
    }
    for (const file of prepared) {
      await writeAtomically(file.target, file.markdown);
      for (const note of file.notes) io.err(`${note}\n`);
      io.out(`wrote ${shown(file.target, io.cwd)} (${describe(file.imported)})\n`);
    }
    return 0;
  },
};

async function prepare(input: string, outDir: string, mapping: SpeakerMapping, timestamps: boolean, cwd: string): Promise<Prepared | { error: string }> {
  const path = resolve(cwd, input);
  const name = basename(path);
  const format = importFormatOf(name);
  if (format === undefined) return { error: `${input}: cannot import this kind of file (expected .vtt, .srt, .txt, .docx, .qdpx, .qdc or .qde)` };
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: `${input}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${String(error)})`}` };
  }
  try {
    const raw = format === 'docx' ? importDocxHtml(await docxToHtml(bytes, name), name) : importTranscriptBytes(bytes, name);
    const imported = applySpeakerMapping(raw, mapping);
    const written = writeTranscriptMarkdown(imported, { timestamps });
    const notes = [...imported.notes, ...written.notes].map((n) => `${input}${n.line !== undefined ? `:${n.line}` : ''}: ${n.warning ? 'warning' : 'note'}: ${n.message}`);
    const target = join(outDir, `${name.slice(0, name.length - extname(name).length)}.md`);
    // In NFC, as the mapping compares them, so a decomposed `Lucía` is listed as it is typed.
    const sourceLabels = raw.turns.flatMap((t) => (t.speaker !== undefined ? [t.speaker.normalize('NFC')] : []));
    return { input, target, markdown: written.markdown, imported, sourceLabels, notes };
  } catch (error) {
    if (!(error instanceof TranscriptImportError)) throw error;
    return { error: `${input}${error.line !== undefined ? `:${error.line}` : ''}: ${error.reason}` };
  }
}

async function mappingFromOptions(values: OptionValues, cwd: string): Promise<{ mapping: SpeakerMapping } | { error: string; invalid?: true }> {
  let mapping: SpeakerMapping = {};
  const file = values['speakers-file'];
  if (typeof file === 'string') {
    const fromFile = await readMappingFile(resolve(cwd, file), file);
    if ('error' in fromFile) return fromFile;
    mapping = fromFile.mapping;
  }
  for (const entry of mapEntries(values)) {
    const parsed = parseMapEntry(entry);
    if ('error' in parsed) return parsed;
    mapping[parsed.label] = { name: parsed.name, role: parsed.role };
  }
  const problems = speakerMappingProblems(mapping);
  return problems.length > 0 ? { error: `the speaker mapping cannot be used:\n  ${problems.join('\n  ')}` } : { mapping };
}

/** A speakers file that cannot be used is an invalid input (exit 1), named with its line. */
async function readMappingFile(path: string, shownPath: string): Promise<{ mapping: SpeakerMapping } | { error: string; invalid?: true }> {
  let bytes: Uint8Array;
  try {
    if ((await fs.stat(path)).size > MAX_CONFIG_FILE_BYTES) {
      return { error: `--speakers-file ${shownPath}: larger than ${MAX_CONFIG_FILE_BYTES / 1024 / 1024} MB; not read`, invalid: true };
    }
    bytes = await fs.readFile(path);
  } catch (error) {
    return { error: `--speakers-file ${shownPath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  let text: string;
  try {
    text = normaliseText(decodeFileText(shownPath, bytes));
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return { error: `--speakers-file ${error.message}`, invalid: true };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return { error: `--speakers-file ${shownPath}:${parsed.line}: ${parsed.message}`, invalid: true };
  const read = readSpeakerMapping(parsed.value);
  if (!('error' in read)) return read;
  const line = read.label === undefined ? 1 : lineOfMember(memberLines(text, [`/${escapePointer(read.label)}`]), `/${escapePointer(read.label)}`);
  return { error: `--speakers-file ${shownPath}:${line}: ${read.error}`, invalid: true };
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function mapEntries(values: OptionValues): string[] {
  const map = values.map;
  return Array.isArray(map) ? map.filter((m): m is string => typeof m === 'string') : [];
}

/** `Zoom Name=Amara:participant`; without `:role` the speaker is renamed with the role `other`. */
export function parseMapEntry(entry: string): { label: string; name: string; role: SpeakerRole } | { error: string } {
  const equals = entry.indexOf('=');
  if (equals <= 0) return { error: `--map "${entry}": expected "Label=Name:role", e.g. "Zoom Name=Amara:participant"` };
  const label = entry.slice(0, equals).trim();
  const right = entry.slice(equals + 1).trim();
  const colon = right.lastIndexOf(':');
  if (colon === -1) return { label, name: right, role: 'other' };
  const role = right.slice(colon + 1).trim();
  if (!(SPEAKER_ROLES as readonly string[]).includes(role)) {
    return { error: `--map "${entry}": the role must be one of ${SPEAKER_ROLES.join(', ')}, not "${role}"` };
  }
  return { label, name: right.slice(0, colon).trim(), role: role as SpeakerRole };
}

/** Two inputs writing one file is a usage mistake (2); overwriting without --force is refused (1). */
async function checkTargets(prepared: Prepared[], force: boolean, cwd: string): Promise<{ message: string; code: number } | undefined> {
  const seen = new Map<string, string>();
  for (const file of prepared) {
    const other = seen.get(file.target);
    if (other !== undefined) {
      return { code: 2, message: `grounded import: ${other} and ${file.input} would both be written to ${shown(file.target, cwd)}; import them separately or rename one` };
    }
    seen.set(file.target, file.input);
  }
  if (force) return undefined;
  const existing: string[] = [];
  for (const file of prepared) if (await exists(file.target)) existing.push(shown(file.target, cwd));
  if (existing.length === 0) return undefined;
  return { code: 1, message: `grounded import: ${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'}; use --force to overwrite` };
}

/** A `--map` label found in no input is most likely a typo: say so, with the labels there are. */
function warnUnusedMappings(values: OptionValues, prepared: Prepared[], io: CliIo): void {
  if (prepared.length === 0) return;
  const labels = new Set(prepared.flatMap((p) => p.sourceLabels));
  for (const entry of mapEntries(values)) {
    const parsed = parseMapEntry(entry);
    if ('error' in parsed || labels.has(parsed.label.normalize('NFC'))) continue;
    io.err(`grounded import: note: --map "${entry}" matched no speaker (speakers: ${[...labels].join(', ') || 'none'})\n`);
  }
}

async function writeAtomically(target: string, content: string): Promise<void> {
  await fs.mkdir(resolve(target, '..'), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}

function describe(imported: ImportedTranscript): string {
  const turns = imported.turns.filter((t) => t.speaker !== undefined).length;
  const speakers = new Set(imported.turns.flatMap((t) => (t.speaker !== undefined ? [t.speaker] : []))).size;
  return `${turns} turn(s), ${speakers} speaker(s)`;
}

function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}
