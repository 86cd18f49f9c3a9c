/**
 * What a transcript's text itself says is wrong: git conflict markers a merge left in it, and lines
 * meant as speaker labels that are not read as labels. The project check (`grounded validate`) and
 * the editor's Problems panel both ask here, the panel through {@link TranscriptTextChecks}, which
 * checks again only the texts that changed.
 */
import type { FileProblem } from '../model';
import { conflictProblems } from '../storage/format/merge-conflict';
import type { Slices } from '../time-slices';
import { speakerLabelProblems } from './speaker-label-check';

/** The problems of one transcript's text (LF, no byte-order mark). */
export function transcriptTextProblems(path: string, text: string): FileProblem[] {
  return [...(conflictProblems(path, text, false, false) ?? []), ...speakerLabelProblems(path, text)];
}

/**
 * The text problems of a project's transcripts, kept as texts change. A check costs a fraction of a
 * millisecond per transcript, a whole study of 1,000 a few hundred: after the first, only a
 * transcript whose text changed is checked again, and every check takes its turn with the editor's
 * other work.
 */
export class TranscriptTextChecks {
  private readonly checked = new Map<string, { text: string; problems: FileProblem[] }>();

  constructor(private readonly slices: Slices) {}

  /** Every problem of these transcripts' texts, in their order. */
  async problemsOf(transcripts: readonly { path: string; exists: boolean; text: string }[]): Promise<FileProblem[]> {
    const present = new Set<string>();
    const problems: FileProblem[] = [];
    for (const { path, exists, text } of transcripts) {
      if (!exists) continue;
      present.add(path);
      let known = this.checked.get(path);
      if (known?.text !== text) {
        known = { text, problems: await this.slices.run(() => transcriptTextProblems(path, text)) };
        this.checked.set(path, known);
      }
      problems.push(...known.problems);
    }
    for (const path of [...this.checked.keys()]) if (!present.has(path)) this.checked.delete(path);
    return problems;
  }
}
