/**
 * Resolving a git merge conflict in a coding or code file. Both sides are whole files once the
 * markers are taken out, so each is read as its own file and the two are merged record by record:
 * - a coding file keeps every segment of both sides (segments are independent lines); a segment
 *   changed on both sides is taken from the preferred side, since records carry no time of change;
 * - a code file keeps each field both sides agree on and takes the preferred side's value where
 *   they differ; its relations are the union of both sides' (the same relation with different notes:
 *   the preferred side's note). A relation removed on one side only comes back: with no common
 *   ancestor at hand, a removal cannot be told from an addition on the other side.
 * The preferred side is `ours` (the branch merged into, `<<<<<<<`) unless the caller says otherwise,
 * and every choice made is listed in `notes`.
 */
import { ROUND_KEYS_OF_CODE } from './format/round-fields';
import type { Code, CodeRelation, CodingFile, Segment } from '../model';
import { normaliseRelations, relationKey } from './format/code-relations';
import {
  parseCodeFile,
  parseCodeFilePath,
  parseCodingFile,
  parseCodingFilePath,
  serializeCodeFile,
  serializeCodingFile,
  type ParseResult,
} from './format';
import { normaliseText } from './format/json-text';
import { type ConflictChunk, conflictSide, hasConflictMarkers, splitConflicts } from './format/merge-conflict';
import { describeProblem } from './format/problems';

export type ConflictSide = 'ours' | 'theirs';

/**
 * `contested`: segment ids (coding) or field names (code) whose two sides differ, where the
 * preferred side decided; `labels`: how the markers name the two sides.
 */
export type ConflictResolution =
  | { ok: true; text: string; notes: string[]; contested: string[]; labels: Record<ConflictSide, string> }
  | { ok: false; message: string };

/** The resolved text of a conflicted coding or code file, or why it cannot be resolved. */
export function resolveConflictedFile(path: string, raw: string, prefer: ConflictSide = 'ours'): ConflictResolution {
  const text = normaliseText(raw);
  if (!hasConflictMarkers(text)) return { ok: false, message: `${path} holds no git conflict markers: nothing to resolve` };
  const split = splitConflicts(text);
  if (!split.ok) return { ok: false, message: `${path}:${split.line}: the conflict markers are damaged (${split.message}); resolve it by hand` };
  const labels = sideLabels(split.chunks);
  if (parseCodingFilePath(path) !== undefined) return resolveCoding(path, split.chunks, labels, prefer);
  if (parseCodeFilePath(path) !== undefined) return resolveCode(path, split.chunks, labels, prefer);
  return { ok: false, message: `${path}: only coding files (.grounded/coding/…/<coder>.jsonl) and code files (.grounded/codes/<id>.json) are resolved by Grounded; edit this one by hand` };
}

type Labels = Record<ConflictSide, string>;

function sideLabels(chunks: readonly ConflictChunk[]): Labels {
  const first = chunks.find((c) => c.kind === 'conflict');
  return first?.kind === 'conflict' ? { ours: first.oursLabel, theirs: first.theirsLabel } : { ours: 'HEAD', theirs: 'the other branch' };
}

function readSides<T>(path: string, chunks: readonly ConflictChunk[], labels: Labels, parse: (path: string, text: string) => ParseResult<T>): { ok: true; ours: T; theirs: T } | { ok: false; message: string } {
  const read = { ours: parse(path, conflictSide(chunks, 'ours')), theirs: parse(path, conflictSide(chunks, 'theirs')) };
  for (const side of ['ours', 'theirs'] as const) {
    const result = read[side];
    if (!result.ok) {
      const first = result.problems[0];
      const why = first === undefined ? 'it is malformed' : describeProblem({ ...first, path: `${labels[side]}'s side` });
      return { ok: false, message: `${path}: cannot be resolved automatically, because ${labels[side]}'s version does not read as a valid file (${why}); resolve it by hand` };
    }
  }
  return { ok: true, ours: (read.ours as { value: T }).value, theirs: (read.theirs as { value: T }).value };
}

function resolveCoding(path: string, chunks: readonly ConflictChunk[], labels: Labels, prefer: ConflictSide): ConflictResolution {
  const sides = readSides<CodingFile>(path, chunks, labels, parseCodingFile);
  if (!sides.ok) return sides;
  const preferred = sides[prefer];
  const other = sides[prefer === 'ours' ? 'theirs' : 'ours'];
  const merged = new Map(other.segments.map((s) => [s.id, s]));
  const otherById = new Map(merged);
  const changedOnBoth: string[] = [];
  for (const segment of preferred.segments) {
    const theirs = otherById.get(segment.id);
    if (theirs !== undefined && segmentText(preferred, theirs) !== segmentText(preferred, segment)) changedOnBoth.push(segment.id);
    merged.set(segment.id, segment);
  }
  const ids = { ours: new Set(sides.ours.segments.map((s) => s.id)), theirs: new Set(sides.theirs.segments.map((s) => s.id)) };
  const only = (side: ConflictSide, otherSide: ConflictSide): number => [...ids[side]].filter((id) => !ids[otherSide].has(id)).length;
  const notes = [`kept ${merged.size} segment(s): ${only('ours', 'theirs')} only in ${labels.ours}, ${only('theirs', 'ours')} only in ${labels.theirs}, the rest in both`];
  if (changedOnBoth.length > 0) {
    notes.push(
      `${changedOnBoth.length} segment(s) differ between the two sides (${changedOnBoth.join(', ')}): kept ${labels[prefer]}'s version, ` +
        'since segments record no time of change (choose the other side to keep its version instead)',
    );
  }
  // Passages left uncoded (reconciling) are independent lines too: both sides' are kept.
  const uncoded = new Map([...(other.uncoded ?? []), ...(preferred.uncoded ?? [])].map((u) => [u.id, u]));
  const text = serializeCodingFile({ ...preferred, segments: [...merged.values()], uncoded: uncoded.size > 0 ? [...uncoded.values()] : undefined });
  return { ok: true, text, notes, contested: changedOnBoth, labels };
}

/** A segment's canonical line, for telling whether the two sides hold the same record. */
function segmentText(file: CodingFile, segment: Segment): string {
  return serializeCodingFile({ ...file, segments: [segment], uncoded: undefined });
}

const CODE_FIELDS = ['name', 'parent', 'color', 'description'] as const;

function resolveCode(path: string, chunks: readonly ConflictChunk[], labels: Labels, prefer: ConflictSide): ConflictResolution {
  const sides = readSides<Code>(path, chunks, labels, parseCodeFile);
  if (!sides.ok) return sides;
  const preferred = sides[prefer];
  const other = sides[prefer === 'ours' ? 'theirs' : 'ours'];
  const differing: string[] = CODE_FIELDS.filter((field) => preferred[field] !== other[field]);
  // Rounds and gathering records are lists and objects: compared by value, and listed like the rest.
  differing.push(...ROUND_KEYS_OF_CODE.filter((field) => JSON.stringify(preferred[field]) !== JSON.stringify(other[field])));
  const merged: Code = { ...preferred };
  const extra = { ...(other.extra ?? {}), ...(preferred.extra ?? {}) };
  if (Object.keys(extra).length > 0) merged.extra = extra;
  const relations = unionOfRelations(preferred.relations ?? [], other.relations ?? []);
  if (relations.length > 0) merged.relations = relations;
  const notes =
    differing.length === 0
      ? ['both sides hold the same code']
      : [`the sides differ in ${differing.map((f) => `"${f}"`).join(', ')}: kept ${labels[prefer]}'s value (choose the other side to keep its value instead)`];
  const added = relations.length - (preferred.relations ?? []).length;
  if (added > 0) notes.push(`kept ${relations.length} relation(s): ${added} only in ${labels[prefer === 'ours' ? 'theirs' : 'ours']}, added to ${labels[prefer]}'s`);
  return { ok: true, text: serializeCodeFile(merged), notes, contested: [...differing], labels };
}

/** Both sides' relations, one per target and type; where both have one, the preferred side's. */
function unionOfRelations(preferred: readonly CodeRelation[], other: readonly CodeRelation[]): CodeRelation[] {
  const keys = new Set(preferred.map(relationKey));
  return normaliseRelations([...preferred, ...other.filter((r) => !keys.has(relationKey(r)))]);
}
