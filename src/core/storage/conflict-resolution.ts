/**
 * Resolving a git merge conflict in a coding or code file. Both sides are whole files once the
 * markers are taken out, so each is read as its own file and the two are merged record by record
 * (segments and passages left uncoded by id, a code's fields by name, its relations by target and
 * type), against the common ancestor when it is known (see three-way.ts):
 * - a record changed, added or deleted on one side only is taken from that side;
 * - a record both sides changed differently is taken from the preferred side, since records carry
 *   no time of change; one deleted on one side and changed on the other is kept, changed;
 * - without the ancestor, every record either side holds is kept, and the notes say so.
 * The ancestor comes from the markers themselves (git's diff3 and zdiff3 styles write it) or from
 * the caller (git keeps it as stage 1 of a conflicted path). The preferred side is `ours` (the branch
 * merged into, `<<<<<<<`) unless the caller says otherwise, and every choice made is in `notes`.
 */
import type { CodingFile, Segment, UncodedPassage } from '../model';
import { parseCodeFile, parseCodeFilePath, parseCodingFile, parseCodingFilePath, serializeCodingFile, type ParseResult } from './format';
import { normaliseText } from './format/json-text';
import { type ConflictChunk, conflictBase, conflictSide, hasConflictMarkers, splitConflicts } from './format/merge-conflict';
import { describeProblem } from './format/problems';
import { mergeCode } from './code-conflict';
import { type Base, type ConflictSide, type KeyedMerge, type Labels, byKey, list, mergeKeyed, possessive } from './three-way';

export type { ConflictSide } from './three-way';

/** The common ancestor's version of a conflicted file: its text, or absent (both sides added it). */
export type AncestorFile = { text: string } | { absent: true };

/**
 * `contested`: segment ids (coding) or field names (code) both sides changed differently, where the
 * preferred side decided; `labels`: how the markers name the two sides.
 */
export type ConflictResolution =
  | { ok: true; text: string; notes: string[]; contested: string[]; labels: Record<ConflictSide, string> }
  | { ok: false; message: string };

/** The resolved text of a conflicted coding or code file, or why it cannot be resolved. */
export function resolveConflictedFile(path: string, raw: string, prefer: ConflictSide = 'ours', ancestor?: AncestorFile): ConflictResolution {
  const text = normaliseText(raw);
  if (!hasConflictMarkers(text)) return { ok: false, message: `${path} holds no git conflict markers: nothing to resolve` };
  const split = splitConflicts(text);
  if (!split.ok) return { ok: false, message: `${path}:${split.line}: the conflict markers are damaged (${split.message}); resolve it by hand` };
  const labels = sideLabels(split.chunks);
  if (parseCodingFilePath(path) !== undefined) {
    const sides = readSides(path, split.chunks, labels, parseCodingFile);
    return sides.ok ? resolveCoding(sides, readBase(path, split.chunks, ancestor, parseCodingFile), labels, prefer) : sides;
  }
  if (parseCodeFilePath(path) !== undefined) {
    const sides = readSides(path, split.chunks, labels, parseCodeFile);
    return sides.ok ? { ok: true, labels, ...mergeCode(sides, readBase(path, split.chunks, ancestor, parseCodeFile), labels, prefer) } : sides;
  }
  return { ok: false, message: `${path}: only coding files (.grounded/coding/…/<coder>.jsonl) and code files (.grounded/codes/<id>.json) are resolved by Grounded; edit this one by hand` };
}

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
      const why = first === undefined ? 'it is malformed' : describeProblem({ ...first, path: `${possessive(labels[side])} side` });
      return { ok: false, message: `${path}: cannot be resolved automatically, because ${possessive(labels[side])} version does not read as a valid file (${why}); resolve it by hand` };
    }
  }
  return { ok: true, ours: (read.ours as { value: T }).value, theirs: (read.theirs as { value: T }).value };
}

/** The ancestor from the markers' base sections, else from the caller; an empty one means the file is new on both sides. */
function readBase<T>(path: string, chunks: readonly ConflictChunk[], ancestor: AncestorFile | undefined, parse: (path: string, text: string) => ParseResult<T>): Base<T> {
  const text = conflictBase(chunks) ?? (ancestor === undefined || 'absent' in ancestor ? undefined : ancestor.text);
  if (text === undefined) return ancestor !== undefined && 'absent' in ancestor ? { known: true, file: undefined } : { known: false };
  if (normaliseText(text).trim() === '') return { known: true, file: undefined };
  const read = parse(path, normaliseText(text));
  if (read.ok) return { known: true, file: read.value };
  const first = read.problems[0];
  return { known: false, unreadable: first === undefined ? 'it is malformed' : describeProblem({ ...first, path: 'the common version' }) };
}

function resolveCoding(sides: { ours: CodingFile; theirs: CodingFile }, base: Base<CodingFile>, labels: Labels, prefer: ConflictSide): ConflictResolution {
  const preferred = sides[prefer];
  const known = base.known ? (base.file ?? { ...preferred, segments: [], uncoded: undefined, extra: undefined }) : undefined;
  const line = (record: { segments?: Segment[]; uncoded?: UncodedPassage[] }): string => serializeCodingFile({ ...preferred, extra: undefined, segments: record.segments ?? [], uncoded: record.uncoded });
  const segments = mergeKeyed(
    { ours: byKey(sides.ours.segments, (s) => s.id), theirs: byKey(sides.theirs.segments, (s) => s.id), ...(known ? { base: byKey(known.segments, (s) => s.id) } : {}) },
    (a, b) => a === b || line({ segments: [a] }) === line({ segments: [b] }),
    prefer,
  );
  // Passages left uncoded (reconciling) are independent lines too.
  const uncoded = mergeKeyed(
    { ours: byKey(sides.ours.uncoded ?? [], (u) => u.id), theirs: byKey(sides.theirs.uncoded ?? [], (u) => u.id), ...(known ? { base: byKey(known.uncoded ?? [], (u) => u.id) } : {}) },
    (a, b) => a === b || line({ uncoded: [a] }) === line({ uncoded: [b] }),
    prefer,
  );
  // The header (the coder's name, fields of other tools) by field, like a code's.
  const header = (file: CodingFile): Map<string, string> => new Map(Object.entries({ name: file.coder.name, ...(file.extra ?? {}) }).map(([k, v]) => [k, JSON.stringify(v)]));
  const fields = mergeKeyed({ ours: header(sides.ours), theirs: header(sides.theirs), ...(known ? { base: header(known) } : {}) }, (a, b) => a === b, prefer);
  const { name, ...extra } = Object.fromEntries([...fields.merged].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  const merged: CodingFile = { ...preferred, coder: { id: preferred.coder.id, name: typeof name === 'string' ? name : preferred.coder.name }, segments: [...segments.merged.values()], uncoded: uncoded.merged.size > 0 ? [...uncoded.merged.values()] : undefined };
  if (Object.keys(extra).length > 0) merged.extra = extra as CodingFile['extra'];
  else delete merged.extra;
  const notes = codingNotes(segments, uncoded, base, labels, prefer);
  if (fields.contested.length > 0) notes.push(`the header's ${fields.contested.map((f) => `"${f}"`).join(', ')} differ between the two sides: kept ${possessive(labels[prefer])}`);
  return { ok: true, text: serializeCodingFile(merged), notes, contested: segments.contested, labels };
}

function codingNotes(segments: KeyedMerge<Segment>, uncoded: KeyedMerge<UncodedPassage>, base: Base<CodingFile>, labels: Labels, prefer: ConflictSide): string[] {
  const notes: string[] = [];
  if (base.known) {
    const taken = (['ours', 'theirs'] as const)
      .map((side) => [side, changeCounts(segments.one[side])] as const)
      .filter(([, counts]) => counts !== '')
      .map(([side, counts]) => `${counts} in ${labels[side]}`);
    notes.push(`kept ${segments.merged.size} segment(s)${taken.length > 0 ? `; taken from one side against the common version: ${taken.join('; ')}` : ''}`);
  } else {
    const only = (side: ConflictSide): string[] => segments.one[side].added;
    notes.push(`kept ${segments.merged.size} segment(s): ${only('ours').length} only in ${labels.ours}, ${only('theirs').length} only in ${labels.theirs}, the rest in both`);
    const oneSided = [...only('ours'), ...only('theirs'), ...uncoded.one.ours.added, ...uncoded.one.theirs.added];
    if (oneSided.length > 0) {
      const why = base.unreadable !== undefined ? `the common version does not read (${base.unreadable})` : 'the common version (git\'s merge base) was not at hand';
      notes.push(`${why}, so a record only one side holds was kept even where the other side had deleted it (${list(oneSided)}); delete any that should go`);
    }
  }
  if (segments.contested.length > 0) {
    notes.push(
      `${segments.contested.length} segment(s) were changed differently on the two sides (${list(segments.contested)}): kept ${possessive(labels[prefer])} version, ` +
        'since segments record no time of change (choose the other side to keep its version instead)',
    );
  }
  const keptChanged = [...segments.keptChanged, ...uncoded.keptChanged];
  for (const side of ['ours', 'theirs'] as const) {
    const ids = keptChanged.filter((k) => k.deletedIn === side).map((k) => k.key);
    const other = side === 'ours' ? 'theirs' : 'ours';
    if (ids.length > 0) notes.push(`${ids.length} record(s) deleted in ${labels[side]} were changed in ${labels[other]} (${list(ids)}): kept, changed; delete them again if they should go`);
  }
  if (uncoded.contested.length > 0) notes.push(`${uncoded.contested.length} passage(s) left uncoded were changed differently on the two sides (${list(uncoded.contested)}): kept ${possessive(labels[prefer])} version`);
  return notes;
}

function changeCounts(one: { added: string[]; changed: string[]; deleted: string[] }): string {
  return (['added', 'changed', 'deleted'] as const)
    .filter((kind) => one[kind].length > 0)
    .map((kind) => `${one[kind].length} ${kind}`)
    .join(', ');
}

