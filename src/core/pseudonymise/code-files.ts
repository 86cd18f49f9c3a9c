/**
 * Code files name people too: an in-vivo code `Kwabena's farm`, a description quoting what
 * Kwabena said. Their name, description and definition fields are exported with the codebook, so
 * a name in them is found and replaced as in a transcript. The new file is written as the store
 * writes a code, so the store reads back the same code with only those texts changed.
 */
import type { Code } from '../model';
import type { FileSource } from '../ports';
import { CODES_DIR, parseCodeFile, parseCodeFilePath, serializeCodeFile } from '../storage/format';
import { readPrettyJsonFile } from '../storage/format/pretty-json-file';
import { applyOccurrences, type NameMatcher, type Occurrence } from './name-matcher';

/** The fields of a code that hold prose: where a name may be. */
export const CODE_TEXT_FIELDS = ['name', 'description', 'inclusion', 'exclusion', 'example'] as const;
export type CodeTextField = (typeof CODE_TEXT_FIELDS)[number];

/** The project's code files, in path order. */
export async function listCodeFiles(fs: FileSource): Promise<string[]> {
  const entries = await fs.readDirectory(CODES_DIR);
  return entries
    .filter((e) => e.kind === 'file')
    .map((e) => `${CODES_DIR}/${e.name}`)
    .filter((path) => parseCodeFilePath(path) !== undefined)
    .sort();
}

/** Each text field of a code file with the line of its key; undefined when the file cannot be read as a code. */
export function codeFileTexts(path: string, text: string): { field: CodeTextField; text: string; line: number }[] | undefined {
  const read = readPrettyJsonFile(path, text, 'code', 'code');
  if (!read.ok) return undefined;
  return CODE_TEXT_FIELDS.flatMap((field) => {
    // The example is the text of a segment, kept with the segment's id.
    const pointer = field === 'example' ? '/example/text' : `/${field}`;
    const value = field === 'example' ? (read.record.example as { text?: unknown } | undefined)?.text : read.record[field];
    return typeof value === 'string' ? [{ field, text: value, line: read.lineOf(pointer) }] : [];
  });
}

/** The code file's new text with the name replaced in its text fields, or undefined when none holds it (or it cannot be read). */
export function codeFileChange(path: string, text: string, matcher: NameMatcher): { newText: string; occurrences: Occurrence[] } | undefined {
  const parsed = parseCodeFile(path, text);
  if (!parsed.ok) return undefined;
  const code: Code = { ...parsed.value };
  const occurrences: Occurrence[] = [];
  const replaced = (value: string): string => {
    const found = matcher.find(value);
    occurrences.push(...found);
    return applyOccurrences(value, found);
  };
  code.name = replaced(code.name);
  code.description = replaced(code.description);
  if (code.inclusion !== undefined) code.inclusion = replaced(code.inclusion);
  if (code.exclusion !== undefined) code.exclusion = replaced(code.exclusion);
  if (code.example !== undefined) code.example = { ...code.example, text: replaced(code.example.text) };
  if (occurrences.length === 0) return undefined;
  const newText = serializeCodeFile(code);
  return { newText, occurrences: editsBetween(text, newText) };
}

/**
 * The occurrences as edits of the file's text (what an editor applies, and what the report
 * counts): on each line that changed, the part between what it keeps at either end; the whole
 * differing stretch when the writer laid the file out differently.
 */
function editsBetween(oldText: string, newText: string): Occurrence[] {
  const oldLines = oldText.split('\n');
  const newLines = newText.split('\n');
  if (oldLines.length !== newLines.length) return [edit(oldText, newText, 0)];
  const edits: Occurrence[] = [];
  let offset = 0;
  oldLines.forEach((line, i) => {
    if (line !== newLines[i]) edits.push(edit(line, newLines[i], offset));
    offset += line.length + 1;
  });
  return edits;
}

function edit(before: string, after: string, offset: number): Occurrence {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const found = before.slice(head, before.length - tail);
  return { start: offset + head, end: offset + before.length - tail, found, replacement: after.slice(head, after.length - tail) };
}
