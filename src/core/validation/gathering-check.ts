/**
 * Problems with the records of gathering (docs/grounded-theory.md), each on its line of the code
 * file: a code marked `gatheredInto` a code that is not in the codebook, or into one that has no
 * record of gathering it, and a focused code whose `gathered` record names a code that is marked
 * as gathered elsewhere or not at all. Each is what a git merge that kept one side of a file (or a
 * hand edit) leaves; gathering and un-gathering in Grounded never do. Those are warnings: the
 * codebook still reads. A gathering whose `at` is not an ISO 8601 date-time is an error: it is not
 * what Grounded writes, and the record no longer says when the codes were gathered.
 *
 * A `gathered` record naming a code that no longer exists is not reported: deleting a gathered
 * code is allowed, and un-gathering re-creates it from the record (ids and names are kept there for
 * that), so nothing is lost or inconsistent.
 */
import type { Codebook } from '../codebook';
import type { Code, FileProblem } from '../model';
import type { FileSource } from '../ports';
import { codeFilePath } from '../storage/format';
import { lineOfMember, memberLines } from '../storage/format/json-scanner';
import { normaliseText } from '../storage/format/json-text';
import { readFileText } from '../storage/file-text';
import { gatherDay, gatheredCodeNames } from '../rounds/provenance';

type Found = { pointer: string; message: string; severity?: 'error' };

export async function gatheringProblems(source: FileSource, codebook: Codebook): Promise<FileProblem[]> {
  const problems: FileProblem[] = [];
  for (const code of codebook.all()) {
    const found = [...markProblems(code, codebook), ...recordProblems(code, codebook), ...dateProblems(code)];
    if (found.length > 0) problems.push(...(await placed(source, codeFilePath(code.id), found)));
  }
  return problems;
}

/** What is wrong with the code's own `gatheredInto`. */
function markProblems(code: Code, codebook: Codebook): Found[] {
  if (code.gatheredInto === undefined) return [];
  const pointer = '/gatheredInto';
  const into = codebook.get(code.gatheredInto);
  if (code.gatheredInto === code.id) return [{ pointer, message: `"${code.name}" is marked as gathered into itself; remove "gatheredInto" from its file` }];
  if (!into) {
    return [{ pointer, message: `"${code.name}" is marked as gathered into code ${code.gatheredInto}, which is not in the codebook (lost in a merge?); it is shown as an ordinary code: restore that code, or remove "gatheredInto" from this file` }];
  }
  if (!(into.gathered ?? []).some((r) => r.codes.some((c) => c.id === code.id))) {
    return [{ pointer, message: `"${code.name}" is marked as gathered into "${into.name}", which has no record of gathering it (a merge kept another version of its file?); un-gathering "${into.name}" would leave "${code.name}" marked` }];
  }
  return [];
}

/** Codes a focused code's `gathered` record names that are marked as gathered elsewhere, or not at all. */
function recordProblems(code: Code, codebook: Codebook): Found[] {
  const found: Found[] = [];
  (code.gathered ?? []).forEach((record, r) => {
    record.codes.forEach((entry, c) => {
      const gathered = codebook.get(entry.id);
      if (!gathered || gathered.gatheredInto === code.id) return;
      const where = gathered.gatheredInto === undefined ? undefined : codebook.get(gathered.gatheredInto);
      const now = where ? `is marked as gathered into "${where.name}"` : 'is not marked as gathered';
      found.push({ pointer: `/gathered/${r}/codes/${c}/id`, message: `"${code.name}" records gathering "${gathered.name}" (${entry.id}), but that code ${now} (a merge kept another version of one of the two files?)` });
    });
  });
  return found;
}

/** Gatherings whose `at` is not a date-time (reports say "an unreadable date" where its day would be). */
function dateProblems(code: Code): Found[] {
  return (code.gathered ?? []).flatMap((record, r) =>
    gatherDay(record.at) !== undefined
      ? []
      : [
          {
            pointer: `/gathered/${r}/at`,
            severity: 'error' as const,
            message: `"${code.name}" records gathering ${gatheredCodeNames(record)} at ${JSON.stringify(record.at)}, which is not an ISO 8601 date-time, so the record does not say when the codes were gathered: write the time as Grounded does, e.g. "2024-03-12T14:30:00Z"`,
          },
        ],
  );
}

/** The file is read again only for codes with a problem, to name the line of each. */
async function placed(source: FileSource, path: string, found: Found[]): Promise<FileProblem[]> {
  const text = await readFileText(source, path);
  const lines = memberLines(typeof text === 'string' ? normaliseText(text) : '', found.map((f) => f.pointer));
  return found.map((f) => ({ path, line: lineOfMember(lines, f.pointer), message: f.message, severity: f.severity ?? 'warning' }));
}
