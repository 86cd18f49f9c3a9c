import { Codebook } from '../codebook';
import type { FileProblem, Segment } from '../model';
import { attributeFileProblems } from '../participants';
import type { PlacementStatus } from '../placement';
import type { FileSource } from '../ports';
import { loadSnapshot, participantsOverview, type ProjectSnapshot, type TranscriptSnapshot } from '../project-index';
import type { TranscriptCoding } from '../storage/coding-repository';
import { unfinishedPseudonymisation } from '../pseudonymise/journal-check';
import { readFileText } from '../storage/file-text';
import { CODING_DIR, codingFilePath, parseCodeFilePath } from '../storage/format';
import { codebookProblems } from './codebook-check';
import { exampleProblems } from './example-check';
import { memoProblems } from './memo-check';
import { queryProblems } from './query-check';
import { transcriptTextProblems } from './transcript-text-check';
import { isStudyFileConflict, transcriptFileProblems, unreadableUncodedTranscripts } from './study-files';

export interface SegmentPlacement {
  transcript: string;
  coderId: string;
  segment: Segment;
  status: PlacementStatus;
}

export interface ProjectCheck {
  snapshot: ProjectSnapshot;
  codebook: Codebook;
  problems: FileProblem[];
  codings: TranscriptCoding[];
  placements: SegmentPlacement[];
}

/**
 * Read a whole project and report everything wrong with it: unreadable files, conflict markers a
 * merge left in any file, codebook inconsistencies, coding that points at missing codes or
 * transcripts, segments that can no longer be placed in their transcript's text, lines meant as
 * speaker labels that are not read as labels, and saved queries that would not run. Reads only;
 * never writes.
 */
export async function checkProject(source: FileSource): Promise<ProjectCheck> {
  const snapshot = await loadSnapshot(source);
  const codebook = new Codebook(snapshot.codes);
  const problems: FileProblem[] = [...snapshot.problems, ...(await codebookProblems(source, codebook, snapshot.config))];
  const unreadableCodes = new Set(problems.filter((p) => p.severity === 'error').map((p) => parseCodeFilePath(p.path)).filter((id) => id !== undefined));
  // Coding files are read again only to name the line of a record that has a problem.
  const linesOf = async (path: string): Promise<Map<string, number>> => {
    const text = await readFileText(source, path);
    return recordLines(typeof text === 'string' ? text : '');
  };
  const codings: TranscriptCoding[] = [];
  const placements: SegmentPlacement[] = [];
  for (const transcript of snapshot.transcripts) {
    const coding = codingOf(transcript);
    codings.push(coding);
    for (const { coder, segments } of coding.coders) {
      const path = codingFilePath(transcript.path, coder.id);
      const references = referenceProblems(path, segments, codebook, unreadableCodes);
      // A missing transcript is one error below, not one warning per segment.
      const placed = transcript.exists
        ? transcript.segments.filter((p) => p.coder.id === coder.id).map((p) => ({ transcript: transcript.path, coderId: coder.id, segment: p.segment, status: p.status }))
        : [];
      placements.push(...placed);
      const found = [...references, ...placementProblems(path, placed)];
      if (found.length > 0) {
        const lines = await linesOf(path);
        problems.push(...found.map(({ id, problem }) => withLine(problem, lines, id)));
      }
    }
    problems.push(...(await transcriptFileProblems(source, transcript)));
    if (transcript.exists) problems.push(...transcriptTextProblems(transcript.path, transcript.text));
  }
  problems.push(...(await unreadableUncodedTranscripts(source, snapshot)));
  problems.push(...attributeFileProblems(participantsOverview(snapshot)));
  problems.push(...(await unfinishedPseudonymisation(source, codings)));
  problems.push(...(await memoProblems(source, snapshot.config, codebook, codings)));
  problems.push(...(await queryProblems(source, snapshot)));
  // With a coding file unread, an example's segment may be in it: nothing is said rather than something wrong.
  if (!snapshot.problems.some((p) => p.severity === 'error' && p.path.startsWith(`${CODING_DIR}/`))) {
    const codesOf = new Map(codings.flatMap((c) => c.coders.flatMap((k) => k.segments.map((s) => [s.id, s.codes] as const))));
    problems.push(...(await exampleProblems(source, codebook, codesOf)));
  }
  return { snapshot, codebook, problems: withoutRepeats(withoutConflictNoise(problems)), codings, placements };
}

/**
 * A transcript or memo holding conflict markers is neither side's file: what its markers break
 * (front matter that is no longer YAML, say) is said by the conflict, not again as its own error.
 */
function withoutConflictNoise(problems: FileProblem[]): FileProblem[] {
  const conflicted = new Set(problems.filter(isStudyFileConflict).map((p) => p.path));
  return problems.filter((p) => !conflicted.has(p.path) || p.kind === 'merge-conflict');
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

/** Segment id → 1-based line of its record, in one pass (a lookup per segment would be quadratic). */
function recordLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const id = /"id":"(s-[0-9a-z]+)"/;
  text.split('\n').forEach((line, i) => {
    const found = id.exec(line);
    if (found !== null && !lines.has(found[1])) lines.set(found[1], i + 1);
  });
  return lines;
}

/** The transcript's coding as stored, coder by coder (the snapshot lists them in that order). */
function codingOf(transcript: TranscriptSnapshot): TranscriptCoding {
  const coders: TranscriptCoding['coders'] = [];
  for (const { coder, segment } of transcript.segments) {
    const last = coders.at(-1);
    if (last?.coder.id === coder.id) (last.segments as Segment[]).push(segment);
    else coders.push({ coder, segments: [segment] });
  }
  return { transcript: transcript.path, coders, problems: [] };
}

type RecordProblem = { id: string; problem: FileProblem };

function referenceProblems(path: string, segments: readonly Segment[], codebook: Codebook, unreadable: ReadonlySet<string>): RecordProblem[] {
  return segments.flatMap((s) =>
    s.codes
      .filter((c) => !codebook.get(c))
      .map((c) => ({
        id: s.id,
        problem: {
          path,
          message: unreadable.has(c)
            ? `segment ${s.id} uses code ${c}, whose file .grounded/codes/${c}.json could not be read (see its error)`
            : `segment ${s.id} uses code ${c}, which is not in the codebook (deleted on another branch?)`,
          severity: 'error' as const,
        },
      })),
  );
}

function placementProblems(path: string, placements: readonly SegmentPlacement[]): RecordProblem[] {
  return placements
    .filter((p) => p.status === 'orphan' || p.status === 'fuzzy')
    .map((p) => ({
      id: p.segment.id,
      problem: {
        path,
        message:
          p.status === 'orphan'
            ? `segment ${p.segment.id} could not be placed in ${p.transcript}: its text ${quoteForMessage(p.segment.quote.exact)} is no longer there (kept, needs review)`
            : `segment ${p.segment.id} was placed by approximate match in ${p.transcript} (needs review): ${quoteForMessage(p.segment.quote.exact)}`,
        severity: 'warning' as const,
      },
    }));
}

/** The problem with the line of the record it is about, when that line is found. */
function withLine(problem: FileProblem, lines: Map<string, number>, id: string): FileProblem {
  const line = lines.get(id);
  return line === undefined ? problem : { path: problem.path, line, message: problem.message, severity: problem.severity };
}

function quoteForMessage(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 57)}…` : flat);
}
