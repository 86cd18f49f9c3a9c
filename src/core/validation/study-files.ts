/**
 * Transcripts and memos as files: one that cannot be read, coding left for a transcript that is
 * gone, and git conflict markers a merge left in them. These are the researcher's own files, which
 * Grounded cannot merge, so a conflict is reported (one error per conflict, at its line) for the
 * researcher to resolve by hand; until then every reader sees both sides' lines.
 */
import { normaliseText } from '../anchoring';
import { listFiles } from '../interchange/refi/project-files';
import { memosFolder, type MemoSummary } from '../memos';
import type { FileProblem, ProjectConfig } from '../model';
import type { FileSource } from '../ports';
import type { ProjectSnapshot, TranscriptSnapshot } from '../project-index';
import { UnreadableFileError, readFileText } from '../storage/file-text';
import { conflictProblems } from '../storage/format/merge-conflict';
import { isTranscriptPath } from '../transcript-paths';

/** One transcript of the snapshot as a file: unreadable or missing though coded, or unlisted (its text: transcript-text-check.ts). */
export async function transcriptFileProblems(source: FileSource, transcript: TranscriptSnapshot): Promise<FileProblem[]> {
  const { path } = transcript;
  if (!transcript.exists) return [(await unreadableFile(source, path)) ?? missingTranscript(path)];
  return transcript.listed ? [] : [{ path, message: 'has coding but is not matched by the "transcripts" globs in .grounded/project.json', severity: 'warning' }];
}

/** Why a file that is there has no text (invalid UTF-8, too large), or undefined when it reads or is not there. */
export async function unreadableFile(source: FileSource, path: string): Promise<FileProblem | undefined> {
  const read = await readFileText(source, path);
  return read instanceof UnreadableFileError ? read.problem : undefined;
}

/** Coding left for a transcript that is not there. */
export function missingTranscript(path: string): FileProblem {
  return { path, message: `has coding in .grounded/coding/${path}/ but the transcript does not exist (renamed or deleted? move its coding folder to match)`, severity: 'error' };
}

/**
 * Transcripts the project's globs select that could not be read and have no coding: the snapshot
 * holds only transcripts with text or coding, so without this they would vanish without a word.
 */
export async function unreadableUncodedTranscripts(source: FileSource, snapshot: ProjectSnapshot): Promise<FileProblem[]> {
  const known = new Set(snapshot.transcripts.map((t) => t.path));
  const absent = (await listFiles(source, '', (path) => isTranscriptPath(snapshot.config, path))).filter((path) => !known.has(path));
  const problems: FileProblem[] = [];
  for (const path of absent) {
    const problem = await unreadableFile(source, path);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Memos that cannot be read or hold conflict markers, sorted by path. */
export async function memoFileProblems(source: FileSource, config: ProjectConfig): Promise<FileProblem[]> {
  const problems: FileProblem[] = [];
  for (const path of await listFiles(source, memosFolder(config), (p) => p.toLowerCase().endsWith('.md'))) {
    const read = await readFileText(source, path);
    if (read instanceof UnreadableFileError) problems.push(read.problem);
    else if (read !== undefined) problems.push(...(memoConflicts(path, read) ?? []));
  }
  return problems;
}

/** A memo's conflicts, or undefined when it holds none. */
export function memoConflicts(path: string, text: string): FileProblem[] | undefined {
  return conflictProblems(path, normaliseText(text), false, false);
}

/** Is this problem a conflict in a transcript or memo (read with both sides' lines), not in a file of Grounded's own? */
export function isStudyFileConflict(problem: FileProblem): boolean {
  return problem.kind === 'merge-conflict' && !problem.path.startsWith('.grounded/');
}

/** The problem each memo of the index carries (conflict markers, front matter, date) as a file problem at its line. */
export function memoSummaryProblems(memos: readonly MemoSummary[]): FileProblem[] {
  return memos.flatMap((m): FileProblem[] =>
    m.problem === undefined ? [] : [{ path: m.path, ...(m.problemLine !== undefined ? { line: m.problemLine } : {}), message: m.problem, severity: m.conflicted ? 'error' : 'warning' }],
  );
}
