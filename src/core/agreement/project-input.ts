import { Codebook } from '../codebook';
import { comparedByDefault } from '../consensus-coder';
import { parseTranscript, type Transcript } from '../markdown';
import type { Code, TextRange } from '../model';
import type { FileSource } from '../ports';
import { loadSnapshot, type ProjectSnapshot, type TranscriptSnapshot } from '../project-index';
import { CodingNotes } from './coding-notes';
import type { AgreementInput, AgreementTranscript, AgreementUnit, PlacedSegment } from './types';

/** Which text the character continuum is: all of it, all but the front matter, or what speakers said. */
export type ContinuumChoice = 'text' | 'body' | 'turns';

export const CONTINUUM_LABELS: Record<ContinuumChoice, string> = {
  text: 'whole text of each transcript',
  body: 'text after the front matter',
  turns: 'what speakers said (speaker turns without their labels)',
};

export interface AgreementSelection {
  /** Coder ids or names; when absent, the coders defaultCoders gives. */
  coders?: string[];
  /** Code ids, names or paths (`Parent / Child`); every code when absent. */
  codes?: string[];
  unit: AgreementUnit;
  continuum: ContinuumChoice;
}

/** A selection that does not fit the project (unknown coder or code); the message says what exists. */
export class AgreementSelectionError extends Error {}

/**
 * Reads a project into the plain input of computeAgreement. Every segment is where the project index
 * placed it on the current text of its transcript; segments that cannot be placed are left out and
 * counted in a warning. Reads only.
 */
/** `snapshot`: the project as read, for what the caller says after the figures (files left out). */
export async function loadAgreementInput(fs: FileSource, selection: AgreementSelection): Promise<{ project: string; input: AgreementInput; warnings: string[]; snapshot: ProjectSnapshot }> {
  const snapshot = await loadSnapshot(fs);
  const coded = snapshot.transcripts.filter((t) => t.segments.length > 0 || t.uncodedBy.length > 0);
  const warnings: string[] = snapshot.problems
    .filter((p) => p.severity === 'error' && p.path.startsWith('.grounded/coding/'))
    .map((p) => `${p.path}: could not be read and is left out (run grounded validate)`);
  const coders = selectCoders(snapshot, coded, selection.coders, warnings);
  const codes = selectCodes(snapshot.codes, selection.codes);
  const chosen = new Set(coders.map((c) => c.id));
  const orphans: string[] = [];
  let approximate = 0;
  const notes = new CodingNotes(snapshot.codes);
  const transcripts: AgreementTranscript[] = [];
  for (const t of coded) {
    const mine = t.segments.filter((s) => chosen.has(s.coder.id));
    if (!t.exists) {
      if (mine.length > 0) warnings.push(`${t.path}: the transcript does not exist; its ${mine.length} segment(s) are left out`);
      continue;
    }
    // A coder who only recorded passages as left uncoded (reconciling) looked at this transcript:
    // their values are "not coded", not missing.
    const byCoder = new Map<string, PlacedSegment[]>(t.uncodedBy.filter((id) => chosen.has(id)).map((id) => [id, []]));
    const lost = new Map<string, number>();
    for (const { coder, segment, status, range } of mine) {
      let own = byCoder.get(coder.id);
      if (!own) byCoder.set(coder.id, (own = []));
      if (!range || status === 'orphan') {
        lost.set(coder.id, (lost.get(coder.id) ?? 0) + 1);
        continue;
      }
      if (status === 'fuzzy') approximate++;
      notes.note(segment.codes);
      for (const codeId of segment.codes) own.push({ codeId, start: range.start, end: range.end });
    }
    if (byCoder.size === 0) continue;
    const ids = [...byCoder.keys()].sort();
    for (const id of ids) if (lost.has(id)) orphans.push(`${t.path} (${id}: ${lost.get(id)})`);
    const parsed = parseTranscript(t.text);
    transcripts.push({
      name: t.path,
      length: t.text.length,
      continuum: continuumOf(parsed, t.text, selection.continuum),
      units: unitsOf(parsed, t.text, selection.unit),
      coding: ids.map((coderId) => ({ coderId, segments: byCoder.get(coderId)! })),
    });
  }
  if (orphans.length > 0) warnings.push(`segments that could not be placed on the current text are left out (run grounded stats to review them): ${orphans.join(', ')}`);
  warnings.push(...notes.warnings(selection.codes ? new Set(codes.map((c) => c.id)) : undefined, 'run grounded validate'));
  if (approximate > 0) warnings.push(`${approximate} segment(s) were placed by approximate match and are counted where they were placed (run grounded stats to review them)`);
  return { project: snapshot.config.name, input: { coders, codes, transcripts }, warnings, snapshot };
}

/**
 * The coders compared when none are named (by `grounded agreement` and the panel alike): every coder
 * who coded an existing transcript that another such coder coded too, sorted by id. A coder who
 * shares no transcript adds no pair to compare, only missing values that void Cohen's κ, Fleiss' κ
 * and uα for everyone. A file holding only passages left uncoded (reconciling) is no coding, and the
 * consensus is made from the others' coding: both are compared only when named.
 */
export function defaultCoders(snapshot: ProjectSnapshot): string[] {
  const shared = new Set<string>();
  for (const t of snapshot.transcripts) {
    if (!t.exists) continue;
    const here = new Set(t.segments.map((s) => s.coder.id).filter(comparedByDefault));
    if (here.size >= 2) for (const id of here) shared.add(id);
  }
  return [...shared].sort();
}

/**
 * The coders `wanted` names (ids or names, in that order), else those compared by default (see
 * defaultCoders), with a warning for each coder left out because nobody shared a transcript with
 * them. Throws AgreementSelectionError for a name that fits no coder, or several.
 */
export function selectCoders(snapshot: ProjectSnapshot, coded: readonly TranscriptSnapshot[], wanted: readonly string[] | undefined, warnings: string[]): { id: string; name: string }[] {
  const all = snapshot.coders.map(({ id, name }) => ({ id, name }));
  if (!wanted) {
    const chosen = new Set(defaultCoders(snapshot));
    const alone = [...new Set(coded.flatMap((t) => t.segments.map((s) => s.coder.id)))].filter((id) => comparedByDefault(id) && !chosen.has(id)).sort();
    // Said only when there is a comparison to leave them out of.
    if (chosen.size >= 2) for (const id of alone) warnings.push(`${id}: coded no transcript another coder coded; not compared (name them in --coders)`);
    return all.filter((c) => chosen.has(c.id));
  }
  const chosen: { id: string; name: string }[] = [];
  for (const w of wanted) {
    const key = w.trim().toLocaleLowerCase();
    const named = all.filter((c) => c.name.toLocaleLowerCase() === key);
    const found = all.find((c) => c.id.toLocaleLowerCase() === key) ?? (named.length === 1 ? named[0] : undefined);
    // Two coders can share a display name; taking the first would compare the wrong one unsaid.
    if (!found && named.length > 1) throw new AgreementSelectionError(`"${w.trim()}" is the name of ${named.length} coders (${named.map((c) => c.id).join(', ')}): give an id`);
    if (!found) throw new AgreementSelectionError(`no coder "${w}" has coding in this project; coders: ${all.map((c) => c.id).join(', ') || 'none'}`);
    // Compared with itself a coder would seem to agree or to be missing: neither is a finding.
    if (chosen.includes(found)) throw new AgreementSelectionError(`"${w.trim()}" names coder ${found.id}, named already in --coders`);
    chosen.push(found);
  }
  return chosen;
}

function selectCodes(codes: readonly Code[], wanted: readonly string[] | undefined): { id: string; name: string; path: string }[] {
  const codebook = new Codebook(codes);
  const all = codebook.all().map((c) => ({ id: c.id, name: c.name, path: codebook.path(c.id).join(' / ') }));
  all.sort((a, b) => a.path.localeCompare(b.path) || (a.id < b.id ? -1 : 1));
  if (!wanted) return all;
  // A name may hold a slash itself ("Him/her"): spacing around slashes is made alike on both sides,
  // so a code is found by its name alone and by its path written with or without spaces.
  const spaced = (text: string): string => text.trim().toLocaleLowerCase().replace(/\s*\/\s*/g, ' / ');
  return wanted.map((w) => {
    const key = spaced(w);
    const byId = all.filter((c) => c.id.toLocaleLowerCase() === w.trim().toLocaleLowerCase());
    const byPath = all.filter((c) => spaced(c.path) === key);
    const byName = all.filter((c) => spaced(c.name) === key);
    const found = byId.length > 0 ? byId : byPath.length > 0 ? byPath : byName;
    if (found.length === 0) throw new AgreementSelectionError(`no code "${w}" in the codebook (give its id, name or path such as "Barriers / Language")`);
    if (found.length > 1) throw new AgreementSelectionError(`"${w}" names ${found.length} codes (${found.map((c) => `${c.path} ${c.id}`).join('; ')}): give its path or id`);
    return found[0];
  });
}

function continuumOf(parsed: Transcript, text: string, choice: ContinuumChoice): TextRange[] | undefined {
  if (choice === 'text') return undefined;
  if (choice === 'body') return [{ start: parsed.frontMatter?.range.end ?? 0, end: text.length }];
  return parsed.turns.map((t) => t.textRange).filter((r) => r.end > r.start);
}

function unitsOf(parsed: Transcript, text: string, unit: AgreementUnit): TextRange[] | undefined {
  if (unit === 'turn') return parsed.turns.map((t) => t.range);
  if (unit === 'paragraph') return parsed.paragraphs;
  if (unit === 'line') return linesOf(text);
  return undefined;
}

/** Every line with something on it other than white space, without its newline. */
export function linesOf(text: string): TextRange[] {
  const lines: TextRange[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (text.slice(start, end).trim() !== '') lines.push({ start, end });
    start = end + 1;
  }
  return lines;
}
