/**
 * Files one side of a diff could not read: merge-conflict markers, malformed JSON, invalid
 * records, bytes that are not UTF-8. The readers keep such a file out of the snapshot and name it
 * in `problems`; compared as it stands, every segment of a conflicted coding file would read as
 * removed and a conflicted code as deleted. What such a file holds is unknown, not gone, so its
 * records are left out of the comparison on both sides and the file is listed instead.
 */
import type { FileProblem } from '../model';
import type { ProjectSnapshot } from '../project-index';
import { parseCodeFilePath, parseCodingFilePath } from '../storage/format';
import { compareText } from './codebook';
import type { UnreadableFile } from './types';

export interface Unreadable {
  problems: UnreadableFile[];
  /** Codes whose file could not be read on one side or both. */
  codes: Set<string>;
  /** Per transcript path: coders whose coding file of it could not be read on one side or both. */
  coders: Map<string, Set<string>>;
}

export function unreadableFiles(base: ProjectSnapshot, head: ProjectSnapshot): Unreadable {
  const problems = [...sideProblems('base', base), ...sideProblems('head', head)];
  const codes = new Set<string>();
  const coders = new Map<string, Set<string>>();
  for (const p of problems) {
    const code = parseCodeFilePath(p.path);
    if (code !== undefined) codes.add(code);
    const coding = parseCodingFilePath(p.path);
    if (coding !== undefined) {
      let set = coders.get(coding.transcript);
      if (!set) coders.set(coding.transcript, (set = new Set()));
      set.add(coding.coderId);
    }
  }
  return { problems, codes, coders };
}

/** Only errors: a file with warnings alone was read, and its records are in the snapshot. */
function sideProblems(side: UnreadableFile['side'], snapshot: ProjectSnapshot): UnreadableFile[] {
  const errors = [...snapshot.problems, ...snapshot.attributes.problems].filter((p) => p.severity === 'error');
  return errors.map((p) => toEntry(side, p)).sort((a, b) => compareText(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0));
}

function toEntry(side: UnreadableFile['side'], p: FileProblem): UnreadableFile {
  const line = p.line === undefined ? {} : { line: p.line };
  return { side, path: p.path, ...line, kind: p.kind === 'merge-conflict' ? 'merge-conflict' : 'invalid', message: p.message };
}
