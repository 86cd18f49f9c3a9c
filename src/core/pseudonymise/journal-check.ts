/**
 * What an interrupted pseudonymisation left undone, as problems for `grounded validate` and the
 * Problems panel: the journal itself, each file still holding its text from before (it may still
 * hold the real name), and each coded segment whose quote was not yet rewritten.
 */
import type { FileProblem } from '../model';
import type { FileSource } from '../ports';
import type { TranscriptCoding } from '../storage/coding-repository';
import { codingFilePath } from '../storage/format';
import { readJsonLines } from '../storage/format/json-lines';
import { contentHash, JOURNAL_PATH, JournalError, parseJournal, quoteHash } from './journal';

const FINISH = 'run `grounded pseudonymise --resume`, or open the project in VS Code, to finish it';

/** Problems of an unfinished pseudonymisation; none when there is no journal. Needs every transcript's coding. */
export async function unfinishedPseudonymisation(fs: FileSource, codings: readonly TranscriptCoding[]): Promise<FileProblem[]> {
  const text = await fs.readFile(JOURNAL_PATH);
  if (text === undefined) return [];
  let journal;
  try {
    journal = parseJournal(text);
  } catch (error) {
    if (!(error instanceof JournalError)) throw error;
    return [{ path: JOURNAL_PATH, message: error.message.slice(JOURNAL_PATH.length + 2), severity: 'error' }];
  }
  const problems: FileProblem[] = [];
  for (const file of journal.files) {
    const raw = await fs.readFile(file.path);
    if (raw !== undefined && contentHash(raw) === file.before) {
      problems.push({ path: file.path, line: 1, message: `still holds its text from before an interrupted pseudonymisation (to "${journal.pseudonym}"): the real name may still be in it; ${FINISH}`, severity: 'error' });
    }
  }
  const coding = new Map(codings.map((c) => [c.transcript, c]));
  for (const group of journal.quotes) {
    const segments = coding.get(group.transcript)?.coders.find((c) => c.coder.id === group.coderId)?.segments ?? [];
    const path = codingFilePath(group.transcript, group.coderId);
    const pending = new Set(group.segments.filter((s) => segments.some((stored) => stored.id === s.id && quoteHash(stored.quote) === s.before)).map((s) => s.id));
    if (pending.size === 0) continue;
    const lines = readJsonLines(path, (await fs.readFile(path)) ?? '').lines;
    for (const { line, record } of lines) {
      if (typeof record?.id === 'string' && pending.has(record.id as never)) {
        problems.push({ path, line, message: `the quote of segment ${record.id} is still the one from before an interrupted pseudonymisation; ${FINISH}`, severity: 'error' });
      }
    }
  }
  problems.unshift({ path: JOURNAL_PATH, message: `a pseudonymisation (to "${journal.pseudonym}") was interrupted and is unfinished (${problems.length} file(s) or segment(s) still to change); ${FINISH}`, severity: 'error' });
  return problems;
}
