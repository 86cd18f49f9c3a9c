/** JSON Lines: one compact JSON object per line, LF-separated, with a final newline. */
import type { FileProblem } from '../../model';
import { type JsonObject, isJsonObject, normaliseText, parseJson, writeCompactJson } from './json-text';
import { fileError, fileWarning, quoteValue } from './problems';

/** A line's record, or undefined when the line could not be read (its problem is reported). */
export interface JsonLine {
  line: number;
  record: JsonObject | undefined;
}

export function readJsonLines(path: string, text: string): { lines: JsonLine[]; problems: FileProblem[] } {
  const rawLines = normaliseText(text).split('\n');
  // The final newline ends the last record; it does not start an empty one.
  if (rawLines[rawLines.length - 1] === '') rawLines.pop();

  const lines: JsonLine[] = [];
  const problems: FileProblem[] = [];
  rawLines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') {
      problems.push(fileWarning(path, line, 'blank line ignored'));
      return;
    }
    const parsed = parseJson(raw);
    if (!parsed.ok) {
      problems.push(fileError(path, line, parsed.message));
      lines.push({ line, record: undefined });
    } else if (!isJsonObject(parsed.value)) {
      problems.push(fileError(path, line, `expected a JSON object ({…}) on this line, not ${quoteValue(parsed.value)}`));
      lines.push({ line, record: undefined });
    } else {
      lines.push({ line, record: parsed.value });
    }
  });
  return { lines, problems };
}

export function writeJsonLines(records: readonly unknown[]): string {
  return records.map((record) => `${writeCompactJson(record)}\n`).join('');
}
