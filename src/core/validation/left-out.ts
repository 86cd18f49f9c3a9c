/**
 * What anything made from the whole project (counts, queries, reports, exports) cannot be trusted
 * to hold: files whose content it lacks, and transcripts or memos it shows with both sides of a
 * merge conflict. Only errors count here; warnings (a segment placed approximately, a memo's link
 * to a deleted code) leave the output whole.
 */
import type { FileProblem } from '../model';
import type { FileSource } from '../ports';
import { loadSnapshot, type ProjectSnapshot } from '../project-index';
import { conflictProblems } from '../storage/format/merge-conflict';
import { isStudyFileConflict, memoFileProblems, missingTranscript, unreadableFile, unreadableUncodedTranscripts } from './study-files';

export interface LeftOut {
  /** Code, coding, transcript and memo files that could not be read. */
  unread: FileProblem[];
  /** Transcripts that are gone (renamed or deleted) though their coding is not. */
  missing: FileProblem[];
  /** Conflicts in transcripts and memos: their text, markers and both sides, is in the output as it is. */
  conflicted: FileProblem[];
}

/** Read from `source`; `snapshot` is the one the output was made from, when the caller has it. */
export async function leftOutOf(source: FileSource, snapshot?: ProjectSnapshot): Promise<LeftOut> {
  const read = snapshot ?? (await loadSnapshot(source));
  const left: LeftOut = { unread: read.problems.filter((p) => p.severity === 'error'), missing: [], conflicted: [] };
  for (const transcript of read.transcripts) {
    if (transcript.exists) left.conflicted.push(...(conflictProblems(transcript.path, transcript.text, false, false) ?? []));
    else {
      const unreadable = await unreadableFile(source, transcript.path);
      if (unreadable) left.unread.push(unreadable);
      else left.missing.push(missingTranscript(transcript.path));
    }
  }
  left.unread.push(...(await unreadableUncodedTranscripts(source, read)));
  for (const problem of await memoFileProblems(source, read.config)) (isStudyFileConflict(problem) ? left.conflicted : left.unread).push(problem);
  return left;
}
