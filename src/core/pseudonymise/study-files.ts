import { normaliseText } from '../anchoring';
import { listMemos } from '../memos';
import type { ProjectConfig } from '../model';
import { listTranscripts } from '../participants';
import type { FileSystem } from '../ports';
import { codingFilePath } from '../storage/format';
import type { ProjectStore } from '../storage/project-store';
import { listCodeFiles } from './code-files';
import type { NameMatcher } from './name-matcher';
import type { PseudonymiseReport, StudyFile } from './plan';
import { findTraces, type CodingFileText, type Trace } from './traces';

/**
 * Every transcript, memo and code file of the project with its text as the core reads it, and the raw text
 * it came from (to write the new text back with the same line endings). `textOf` lets an editor
 * supply the text of files it has open, unsaved changes included.
 */
export async function readStudyFiles(
  fs: FileSystem,
  config: ProjectConfig,
  textOf: (path: string) => string | undefined = () => undefined,
): Promise<{ file: StudyFile; raw: string }[]> {
  const transcripts = (await listTranscripts(fs, config)).map((path) => ({ path, kind: 'transcript' as const }));
  const memos = (await listMemos(fs, config)).map((m) => ({ path: m.path, kind: 'memo' as const }));
  const codes = (await listCodeFiles(fs)).map((path) => ({ path, kind: 'code' as const }));
  const files: { file: StudyFile; raw: string }[] = [];
  for (const { path, kind } of [...transcripts, ...memos, ...codes]) {
    const raw = textOf(path) ?? (await fs.readFile(path));
    if (raw !== undefined) files.push({ file: { path, kind, text: normaliseText(raw) }, raw });
  }
  return files;
}

/** Every trace of the matcher's names in the project's transcripts, memos, codes and (loaded) coding, as on disk. */
export async function traceProject(fs: FileSystem, store: ProjectStore, matcher: NameMatcher): Promise<Trace[]> {
  const files = await readStudyFiles(fs, store.config);
  const coding: CodingFileText[] = [];
  for (const transcriptCoding of store.loadedCoding()) {
    const raw = new Map<string, string>();
    for (const { coder } of transcriptCoding.coders) raw.set(coder.id, (await fs.readFile(codingFilePath(transcriptCoding.transcript, coder.id))) ?? '');
    coding.push({ coding: transcriptCoding, raw });
  }
  return findTraces(matcher, files.map((f) => f.file), coding);
}

/** The report as lines for a log or a terminal. */
export function describeReport(report: PseudonymiseReport, applied: boolean): string[] {
  const verb = applied ? 'Replaced' : 'Would replace';
  const lines = [`${verb} "${report.name}" with "${report.pseudonym}": ${report.occurrences} occurrence${plural(report.occurrences)} in ${report.files.length} file${plural(report.files.length)}.`];
  for (const file of report.files) lines.push(`  ${file.path}: ${file.occurrences}`);
  const segments = report.segmentsUpdated + report.unplacedSegmentsUpdated;
  lines.push(`${applied ? 'Updated' : 'Would update'} the quotes of ${segments} coded segment${plural(segments)}; every other segment is untouched.`);
  if (report.unplacedSegmentsUpdated > 0) {
    lines.push(`  ${report.unplacedSegmentsUpdated} of them could not be placed exactly before; the name was replaced in their stored quote and they still need review.`);
  }
  if (report.pathsContainingName.length > 0) {
    lines.push(`These file names contain the name and were not renamed: ${report.pathsContainingName.join(', ')}.`);
  }
  for (const c of report.commentsMentioningName) {
    lines.push(`The comment of ${c.coderId} on segment ${c.segmentId} in ${c.transcript} mentions the name: reword it by hand.`);
  }
  if (report.pseudonymAlreadyIn.length > 0) {
    lines.push(`"${report.pseudonym}" already appeared in: ${report.pseudonymAlreadyIn.join(', ')} (is it another participant's pseudonym?).`);
  }
  return lines;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
