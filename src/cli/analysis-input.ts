/**
 * What every analysis command starts from: the project found from a folder, read once through the
 * read model (segments placed on the current text), as the analysis view plus a context to query,
 * and what the warnings after the output say about it.
 */
import { resolve } from 'node:path';
import { AnalysisContext } from '../core/analysis';
import { analysisProjectOf } from '../core/analysis/from-snapshot';
import { normaliseText } from '../core/anchoring';
import { findFrontMatter } from '../core/markdown';
import { loadSnapshot, type ProjectSnapshot } from '../core/project-index';
import { formatProblem } from '../core/storage/errors';
import { leftOutOf, type LeftOut } from '../core/validation/left-out';
import { NodeFileSystem } from '../node/node-file-system';
import type { CliIo } from './cli-command';
import { findProjectRoot } from './project-root';

export interface AnalysisInput {
  root: string;
  fs: NodeFileSystem;
  snapshot: ProjectSnapshot;
  context: AnalysisContext;
  unplaced: number;
  leftOut: LeftOut;
}

/** Undefined (after saying why on stderr) when there is no project at or above `dir`. */
export async function loadAnalysisInput(dir: string | undefined, io: CliIo, options: { memoBodies?: boolean } = {}): Promise<AnalysisInput | undefined> {
  const start = resolve(io.cwd, dir ?? '.');
  const root = findProjectRoot(start);
  if (!root) {
    io.err(`grounded: no Grounded project at ${start} or above it (looked for .grounded/project.json)\n`);
    return undefined;
  }
  const fs = new NodeFileSystem(root);
  const snapshot = await loadSnapshot(fs);
  const bodies: Record<string, string> = {};
  if (options.memoBodies) {
    for (const memo of snapshot.memos) {
      const text = await fs.readFile(memo.path);
      if (text === undefined) continue;
      const normalised = normaliseText(text);
      bodies[memo.path] = normalised.slice(findFrontMatter(normalised)?.range.end ?? 0).replace(/^\s*#[^\n]*\n/, '').trim();
    }
  }
  const view = analysisProjectOf(snapshot, bodies);
  return { root, fs, snapshot, context: new AnalysisContext(view.project), unplaced: view.unplaced, leftOut: await leftOutOf(fs, snapshot) };
}

/** What an analysis command says after its output, on stderr; returns its exit code (see {@link warnLeftOut}). */
export function closingNotes(command: string, input: AnalysisInput, io: CliIo): number {
  warnUnplaced(input, io);
  warnUnreadAttributes(input, io);
  return warnLeftOut(command, input.leftOut, io);
}

/**
 * A transcript whose front matter cannot be read is still in every figure, but named after its file
 * and in no attribute's group: a participant who moved from their sector's column to "(not
 * recorded)" would otherwise go unnoticed.
 */
export function warnUnreadAttributes(input: AnalysisInput, io: CliIo): void {
  for (const transcript of input.snapshot.transcripts) {
    if (!transcript.listed || !transcript.exists) continue;
    const issue = transcript.participant.issues.find((i) => i.kind === 'front-matter');
    if (!issue) continue;
    const where = `${transcript.path}${issue.line === undefined ? '' : `:${issue.line}`}`;
    io.err(`note: ${where}: the front matter cannot be read (${issue.message}): this transcript's participant is named "${transcript.participant.name}" after the file, and its attributes are "not recorded" (see grounded validate)\n`);
  }
}

/** Said on stderr so output piped into a file stays clean. */
export function warnUnplaced(input: AnalysisInput, io: CliIo): void {
  if (input.unplaced > 0) io.err(`note: ${input.unplaced} segment(s) could not be placed in their transcript's current text and are left out (see grounded validate)\n`);
}

/**
 * Every command that reads the whole project names, after its output, each file the output lacks
 * or shows conflicted, and exits 1: an output made without a coder's file looks complete, and
 * agreement, counts and exports quietly differ from the project's. The output itself is still made
 * from what could be read. Returns the exit code: 1 when anything was named, else 0.
 */
export function warnLeftOut(command: string, leftOut: LeftOut, io: CliIo): number {
  const { unread, missing, conflicted } = leftOut;
  for (const p of [...unread, ...missing, ...conflicted]) io.err(`${formatProblem(p)}\n`);
  const files = (problems: readonly { path: string }[]): number => new Set(problems.map((p) => p.path)).size;
  const say = (text: string): void => io.err(`grounded ${command}: ${text} (see above; grounded validate lists every problem)\n`);
  if (unread.length > 0) say(`${files(unread)} file(s) could not be read and are left out of this output`);
  if (missing.length > 0) say(`the coding of ${files(missing)} transcript(s) that do not exist is left out of this output`);
  if (conflicted.length > 0) say(`${files(conflicted)} transcript(s) or memo(s) hold unresolved git merge conflicts and are in this output with both sides' lines`);
  return unread.length + missing.length + conflicted.length > 0 ? 1 : 0;
}

export function formatOption(value: unknown, allowed: readonly string[], fallback: string): string | undefined {
  const format = typeof value === 'string' ? value : fallback;
  return allowed.includes(format) ? format : undefined;
}
