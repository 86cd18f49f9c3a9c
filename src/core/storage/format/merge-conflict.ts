/**
 * Git's conflict markers. When two branches change the same lines of a file, `git merge` writes
 * both versions into it between marker lines:
 *
 *     <<<<<<< HEAD
 *     (this branch's lines)
 *     ||||||| base          (only with merge.conflictStyle diff3 / zdiff3)
 *     (the common ancestor's lines)
 *     =======
 *     (the other branch's lines)
 *     >>>>>>> other-branch
 *
 * Such a file is neither side's file, so readers say what it is instead of reporting each marker
 * as a syntax error, and the file is never rewritten until the conflict is resolved.
 */
import type { FileProblem } from '../../model';
import { fileError } from './problems';

export type ConflictChunk =
  | { kind: 'common'; lines: string[] }
  | {
      kind: 'conflict';
      line: number;
      ours: string[];
      theirs: string[];
      /** The common ancestor's lines, when git wrote them (merge.conflictStyle diff3 or zdiff3). */
      base?: string[];
      oursLabel: string;
      theirsLabel: string;
    };

/** The file split at its conflicts, or a description of markers that do not pair up. */
export type ConflictSplit = { ok: true; chunks: ConflictChunk[]; conflicts: number } | { ok: false; line: number; message: string };

const OPEN = '<<<<<<<';
const BASE = '|||||||';
const SEPARATOR = '=======';
const CLOSE = '>>>>>>>';

function isMarker(line: string, marker: string): boolean {
  return line.startsWith(marker) && (line.length === marker.length || line[marker.length] === ' ');
}

/** Is this line (without its line break) one of git's four conflict marker lines? */
export function isConflictMarkerLine(line: string): boolean {
  return isMarker(line, OPEN) || isMarker(line, BASE) || isMarker(line, SEPARATOR) || isMarker(line, CLOSE);
}

/** Does the text hold a conflict-opening line? A cheap test before any splitting. */
export function hasConflictMarkers(text: string): boolean {
  return (text.startsWith(OPEN) || text.includes(`\n${OPEN}`)) && text.split('\n').some((l) => isMarker(l.replace(/\r$/, ''), OPEN));
}

/** Lines (LF, no final empty line) split into common stretches and conflicts. */
export function splitConflicts(text: string): ConflictSplit {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const chunks: ConflictChunk[] = [];
  let common: string[] = [];
  let conflicts = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!isMarker(lines[i], OPEN)) {
      common.push(lines[i]);
      continue;
    }
    const read = readConflict(lines, i);
    if (!read.ok) return read;
    chunks.push({ kind: 'common', lines: common });
    common = [];
    chunks.push(read.chunk);
    conflicts++;
    i = read.end;
  }
  chunks.push({ kind: 'common', lines: common });
  return { ok: true, chunks, conflicts };
}

function readConflict(lines: string[], open: number): { ok: true; chunk: ConflictChunk; end: number } | { ok: false; line: number; message: string } {
  const ours: string[] = [];
  const theirs: string[] = [];
  let base: string[] | undefined;
  let part: 'ours' | 'base' | 'theirs' = 'ours';
  for (let i = open + 1; i < lines.length; i++) {
    const line = lines[i];
    if (isMarker(line, OPEN)) return { ok: false, line: i + 1, message: `a second "${OPEN}" before the conflict opened on line ${open + 1} was closed` };
    if (part === 'ours' && isMarker(line, BASE)) {
      part = 'base';
      base = [];
    }
    else if (part !== 'theirs' && line === SEPARATOR) part = 'theirs';
    else if (part === 'theirs' && isMarker(line, CLOSE)) {
      const label = (marker: string, l: string): string => l.slice(marker.length).trim();
      const chunk: ConflictChunk = { kind: 'conflict', line: open + 1, ours, theirs, oursLabel: label(OPEN, lines[open]) || 'HEAD', theirsLabel: label(CLOSE, line) || 'the other branch' };
      if (base !== undefined) chunk.base = base;
      return { ok: true, end: i, chunk };
    } else if (part === 'ours') ours.push(line);
    else if (part === 'base') base!.push(line);
    else theirs.push(line);
  }
  return { ok: false, line: open + 1, message: `the conflict opened here is never closed (no "${SEPARATOR}" and "${CLOSE}" lines after it)` };
}

/** One side of the file: common lines plus that side of every conflict. */
export function conflictSide(chunks: readonly ConflictChunk[], side: 'ours' | 'theirs'): string {
  return chunks.flatMap((c) => (c.kind === 'common' ? c.lines : c[side])).join('\n');
}

/**
 * The common ancestor's file as far as the conflicts go, when every conflict carries its base
 * lines (diff3 style). The common lines are what git has already merged, the same in all three
 * versions: only the conflicts are left to merge against this base.
 */
export function conflictBase(chunks: readonly ConflictChunk[]): string | undefined {
  const lines: string[] = [];
  for (const c of chunks) {
    if (c.kind === 'common') lines.push(...c.lines);
    else if (c.base === undefined) return undefined;
    else lines.push(...c.base);
  }
  return lines.join('\n');
}

/**
 * The problems of a file holding conflict markers, one per conflict, or undefined when it holds
 * none. `resolvable` says whether Grounded can merge it (coding and code files); `guarded`, whether
 * Grounded refuses to write it meanwhile (false for transcripts and memos, which the researcher
 * edits and Grounded reads as they are).
 */
export function conflictProblems(path: string, text: string, resolvable: boolean, guarded = true): FileProblem[] | undefined {
  if (!hasConflictMarkers(text)) return undefined;
  const split = splitConflicts(text);
  const advice = resolvable
    ? 'run "Grounded: Resolve Coding Conflict" (or `grounded resolve`) to keep the records of both sides, or edit the file by hand'
    : 'edit the file to keep the lines you want and remove the marker lines';
  if (!split.ok) return [conflictProblem(path, split.line, `unresolved git merge conflict with damaged markers: ${split.message}; edit the file by hand`)];
  return split.chunks.flatMap((c) =>
    c.kind === 'conflict'
      ? [conflictProblem(path, c.line, `unresolved git merge conflict between "${c.oursLabel}" and "${c.theirsLabel}" (from this line)${guarded ? '; Grounded will not change this file until it is resolved' : ''}: ${advice}`)]
      : [],
  );
}

function conflictProblem(path: string, line: number, message: string): FileProblem {
  return { ...fileError(path, line, message), kind: 'merge-conflict' };
}
