/** JSON Lines: one compact JSON object per line, LF-separated, with a final newline. */
import type { FileProblem } from '../../model';
import { type JsonObject, isJsonObject, normaliseText, parseJson, writeCompactJson } from './json-text';
import { fileError, fileWarning, quoteValue } from './problems';

/** A line's record, or undefined when the line could not be read (its problem is reported). */
export interface JsonLine {
  line: number;
  record: JsonObject | undefined;
  /** The reader's `vouch` accepted the record: its schema needs no checking again. */
  vouched?: true;
}

/**
 * `vouch`, when given, is tried on each line's JSON.parse result first: a record it accepts is
 * taken as it is (the reader promises it is valid and shallow, so the nesting scan is skipped);
 * every other line is read the careful way, which finds and words its problem.
 */
export function readJsonLines(path: string, text: string, vouch?: (value: unknown) => boolean): { lines: JsonLine[]; problems: FileProblem[] } {
  const rawLines = normaliseText(text).split('\n');
  // The final newline ends the last record; it does not start an empty one.
  if (rawLines[rawLines.length - 1] === '') rawLines.pop();

  const lines: JsonLine[] = [];
  const problems: FileProblem[] = [];
  rawLines.forEach((raw, index) => {
    const line = index + 1;
    const quick = vouch === undefined ? undefined : quickParse(raw);
    if (quick !== undefined && vouch?.(quick) === true) {
      lines.push({ line, record: quick as JsonObject, vouched: true });
      return;
    }
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

/** JSON.parse's value, or undefined where it throws (the careful reading says why). */
function quickParse(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

export function writeJsonLines(records: readonly unknown[]): string {
  return records.map((record) => `${writeCompactJson(record)}\n`).join('');
}
