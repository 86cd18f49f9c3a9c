import { parseTranscript } from '../markdown';
import type { TextRange } from '../model';
import type { ProjectSnapshot, TranscriptSnapshot } from '../project-index';
import { CodingNotes } from './coding-notes';
import { defaultCoders, linesOf } from './project-input';
import type { AgreementInput, AgreementTranscript, AgreementUnit, PlacedSegment } from './types';

/** What the editor's Agreement panel compares. */
export interface SnapshotSelection {
  /** Coder ids; the default coders (see defaultCoders) when absent or empty. */
  coders?: readonly string[];
  unit: AgreementUnit;
  /** One transcript's path; every transcript when absent. */
  transcript?: string;
}

export interface SnapshotAgreementInput {
  input: AgreementInput;
  unit: AgreementUnit;
  /** The current text of every compared transcript, for quotes. */
  texts: Map<string, string>;
  /** Said above the table: segments left out or placed approximately, coders not found. */
  warnings: string[];
}

/**
 * The input of computeAgreement from the live read model: segments are already placed on the
 * current text there (an open editor's unsaved text included), so nothing is read again. Orphaned
 * segments are left out and counted; segments placed by approximate match are counted where placed.
 */
export function agreementInputFromSnapshot(snapshot: ProjectSnapshot, selection: SnapshotSelection): SnapshotAgreementInput {
  const warnings: string[] = [];
  const wanted = selection.coders && selection.coders.length > 0 ? selection.coders : defaultCoders(snapshot);
  const known = new Map(snapshot.coders.map((c) => [c.id, c]));
  // A coder chosen twice is compared once (computeAgreement refuses a coder listed twice).
  const coders = [...new Set(wanted)].flatMap((id) => {
    const coder = known.get(id);
    if (!coder) warnings.push(`no coder "${id}" has coding in this project; left out`);
    return coder ? [{ id: coder.id, name: coder.name }] : [];
  });
  const chosen = new Set(coders.map((c) => c.id));
  const paths = new Map(snapshot.codes.map((c) => [c.id, c]));
  const pathOf = (id: string): string => {
    const parts: string[] = [];
    for (let code = paths.get(id); code && parts.length < 64; code = code.parent ? paths.get(code.parent) : undefined) parts.unshift(code.name);
    return parts.join(' / ');
  };
  const codes = snapshot.codes.map((c) => ({ id: c.id, name: c.name, path: pathOf(c.id) }));
  codes.sort((a, b) => a.path.localeCompare(b.path) || (a.id < b.id ? -1 : 1));
  const transcripts: AgreementTranscript[] = [];
  const texts = new Map<string, string>();
  let orphans = 0;
  let approximate = 0;
  const notes = new CodingNotes(snapshot.codes);
  for (const t of snapshot.transcripts) {
    if (!t.exists || (selection.transcript !== undefined && t.path !== selection.transcript)) continue;
    const byCoder = new Map<string, PlacedSegment[]>();
    for (const placed of t.segments) {
      if (!chosen.has(placed.coder.id)) continue;
      let own = byCoder.get(placed.coder.id);
      if (!own) byCoder.set(placed.coder.id, (own = []));
      if (!placed.range || placed.status === 'orphan') {
        orphans++;
        continue;
      }
      if (placed.status === 'fuzzy') approximate++;
      notes.note(placed.segment.codes);
      for (const codeId of placed.segment.codes) own.push({ codeId, start: placed.range.start, end: placed.range.end });
    }
    // A coder who only recorded passages as left uncoded (the consensus coder, reconciling) did
    // look at this transcript: their values are "not coded", not missing.
    for (const coderId of t.uncodedBy) if (chosen.has(coderId) && !byCoder.has(coderId)) byCoder.set(coderId, []);
    if (byCoder.size === 0) continue;
    texts.set(t.path, t.text);
    transcripts.push({ name: t.path, length: t.text.length, units: unitsOf(t, selection.unit), coding: [...byCoder].map(([coderId, segments]) => ({ coderId, segments })) });
  }
  if (orphans > 0) warnings.push(`${orphans} segment(s) could not be placed on the current text and are left out (see Needs Review)`);
  if (approximate > 0) warnings.push(`${approximate} segment(s) were placed by approximate match and are counted where they were placed`);
  warnings.push(...notes.warnings(undefined, 'see the Problems panel'));
  return { input: { coders, codes, transcripts }, unit: selection.unit, texts, warnings };
}

function unitsOf(t: TranscriptSnapshot, unit: AgreementUnit): TextRange[] | undefined {
  if (unit === 'turn') return t.turns.map((turn) => turn.range);
  if (unit === 'paragraph') return parseTranscript(t.text).paragraphs;
  if (unit === 'line') return linesOf(t.text);
  return undefined;
}
