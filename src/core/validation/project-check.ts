import { normaliseText, reanchor } from '../anchoring';
import type { Codebook } from '../codebook';
import type { FileProblem, Segment } from '../model';
import { attributeProblems } from '../participants';
import type { FileSystem } from '../ports';
import { unfinishedPseudonymisation } from '../pseudonymise/journal-check';
import type { TranscriptCoding } from '../storage/coding-repository';
import { codingFilePath, parseCodeFilePath } from '../storage/format';
import { UnreadableFileError, readFileText } from '../storage/file-text';
import { ProjectStore } from '../storage/project-store';
import { isTranscriptPath } from '../transcript-paths';
import type { PlacementStatus } from '../transcript-session';
import { memoProblems } from './memo-check';

export interface SegmentPlacement {
  transcript: string;
  coderId: string;
  segment: Segment;
  status: PlacementStatus;
}

export interface ProjectCheck {
  store: ProjectStore;
  problems: FileProblem[];
  codings: TranscriptCoding[];
  placements: SegmentPlacement[];
}

const READ_ONLY_CODER = { id: 'grounded-cli', name: 'grounded (read-only)' };

/**
 * Read a whole project and report everything wrong with it: unreadable files, codebook
 * inconsistencies, coding that points at missing codes or transcripts, and segments that can no
 * longer be placed in their transcript's text. Reads only; never writes.
 */
export async function checkProject(fs: FileSystem): Promise<ProjectCheck> {
  const store = await ProjectStore.open(fs, { coder: READ_ONLY_CODER });
  await store.loadAllCoding();
  const codebook = store.codebook();
  const codings = store.loadedCoding();
  const problems: FileProblem[] = [...store.problems(), ...codebookProblems(codebook)];
  const unreadableCodes = new Set(problems.filter((p) => p.severity === 'error').map((p) => parseCodeFilePath(p.path)).filter((id) => id !== undefined));
  const placements: SegmentPlacement[] = [];
  for (const coding of codings) {
    const read = await readFileText(fs, coding.transcript);
    if (read instanceof UnreadableFileError) problems.push(read.problem);
    const raw = read instanceof UnreadableFileError ? undefined : read;
    for (const { coder, segments } of coding.coders) {
      const path = codingFilePath(coding.transcript, coder.id);
      const text = await readFileText(fs, path);
      const lines = recordLines(text instanceof UnreadableFileError ? '' : (text ?? ''));
      problems.push(...referenceProblems(path, lines, segments, codebook, unreadableCodes));
      if (raw === undefined) continue;
      const results = reanchor(normaliseText(raw), segments.map((s) => ({ id: s.id, quote: s.quote, position: s.position })));
      const placed = results.map((r, i) => ({ transcript: coding.transcript, coderId: coder.id, segment: segments[i], status: r.status }));
      placements.push(...placed);
      problems.push(...placementProblems(path, lines, placed));
    }
    if (read === undefined) {
      problems.push({ path: coding.transcript, message: `has coding in .grounded/coding/${coding.transcript}/ but the transcript does not exist (renamed or deleted? move its coding folder to match)`, severity: 'error' });
    } else if (!isTranscriptPath(store.config, coding.transcript)) {
      problems.push({ path: coding.transcript, message: 'has coding but is not matched by the "transcripts" globs in .grounded/project.json', severity: 'warning' });
    }
  }
  problems.push(...(await attributeProblems(fs, store.config)));
  problems.push(...(await unfinishedPseudonymisation(fs, store)));
  problems.push(...(await memoProblems(fs, store.config, codebook, codings)));
  return { store, problems: withoutRepeats(problems), codings, placements };
}

/** A file that cannot be read is reported by each reader that tried it: once is enough. */
function withoutRepeats(problems: FileProblem[]): FileProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.line ?? ''}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Segment id → 1-based line of its record, in one pass (a lookup per segment was quadratic). */
function recordLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const id = /"id":"(s-[0-9a-z]+)"/;
  text.split('\n').forEach((line, i) => {
    const found = id.exec(line);
    if (found !== null && !lines.has(found[1])) lines.set(found[1], i + 1);
  });
  return lines;
}

function codebookProblems(codebook: Codebook): FileProblem[] {
  const problems: FileProblem[] = [];
  for (const code of codebook.all()) {
    const path = `.grounded/codes/${code.id}.json`;
    if (code.parent !== null && !codebook.get(code.parent)) {
      problems.push({ path, message: `the parent code ${code.parent} of "${code.name}" does not exist; it is shown at the top level`, severity: 'warning' });
    } else if (code.parent !== null && codebook.effectiveParent(code) === null) {
      problems.push({ path, message: `"${code.name}" is inside its own sub-codes (a cycle of parents); it is shown at the top level`, severity: 'error' });
    }
  }
  for (const parent of [null, ...codebook.all().map((c) => c.id)]) {
    const seen = new Map<string, string>();
    for (const child of codebook.children(parent)) {
      const key = child.name.toLocaleLowerCase();
      const other = seen.get(key);
      if (other) problems.push({ path: `.grounded/codes/${child.id}.json`, message: `has the same name as ${other} under the same parent ("${child.name}")`, severity: 'warning' });
      seen.set(key, child.id);
    }
  }
  return problems;
}

function referenceProblems(path: string, lines: ReadonlyMap<string, number>, segments: readonly Segment[], codebook: Codebook, unreadable: ReadonlySet<string>): FileProblem[] {
  return segments.flatMap((s) =>
    s.codes
      .filter((c) => !codebook.get(c))
      .map((c) => ({
        path,
        line: lines.get(s.id),
        message: unreadable.has(c)
          ? `segment ${s.id} uses code ${c}, whose file .grounded/codes/${c}.json could not be read (see its error)`
          : `segment ${s.id} uses code ${c}, which is not in the codebook (deleted on another branch?)`,
        severity: 'error' as const,
      })),
  );
}

function placementProblems(path: string, lines: ReadonlyMap<string, number>, placements: readonly SegmentPlacement[]): FileProblem[] {
  return placements
    .filter((p) => p.status === 'orphan' || p.status === 'fuzzy')
    .map((p) => ({
      path,
      line: lines.get(p.segment.id),
      message:
        p.status === 'orphan'
          ? `segment ${p.segment.id} could not be placed in ${p.transcript}: its text ${quoteForMessage(p.segment.quote.exact)} is no longer there (kept, needs review)`
          : `segment ${p.segment.id} was placed by approximate match in ${p.transcript} (needs review): ${quoteForMessage(p.segment.quote.exact)}`,
      severity: 'warning' as const,
    }));
}

function quoteForMessage(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 57)}…` : flat);
}
