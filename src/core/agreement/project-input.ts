import { normaliseText, reanchor } from '../anchoring';
import { comparedByDefault } from '../consensus-coder';
import type { Codebook } from '../codebook';
import { parseTranscript, type Transcript } from '../markdown';
import type { TextRange } from '../model';
import type { FileSystem } from '../ports';
import type { TranscriptCoding } from '../storage/coding-repository';
import { ProjectStore } from '../storage/project-store';
import type { AgreementInput, AgreementTranscript, AgreementUnit, PlacedSegment } from './types';

/** Which text the character continuum is: all of it, all but the front matter, or what speakers said. */
export type ContinuumChoice = 'text' | 'body' | 'turns';

export const CONTINUUM_LABELS: Record<ContinuumChoice, string> = {
  text: 'whole text of each transcript',
  body: 'text after the front matter',
  turns: 'what speakers said (speaker turns without their labels)',
};

export interface AgreementSelection {
  /** Coder ids or names; every coder with coding when absent. */
  coders?: string[];
  /** Code ids, names or paths (`Parent / Child`); every code when absent. */
  codes?: string[];
  unit: AgreementUnit;
  continuum: ContinuumChoice;
}

/** A selection that does not fit the project (unknown coder or code); the message says what exists. */
export class AgreementSelectionError extends Error {}

const READ_ONLY_CODER = { id: 'grounded-cli', name: 'grounded (read-only)' };

/**
 * Reads a project into the plain input of computeAgreement. Every segment is placed on the current
 * text of its transcript (re-anchored by its quote); segments that cannot be placed are left out and
 * counted in a warning. Reads only.
 */
export async function loadAgreementInput(fs: FileSystem, selection: AgreementSelection): Promise<{ project: string; input: AgreementInput; warnings: string[] }> {
  const store = await ProjectStore.open(fs, { coder: READ_ONLY_CODER });
  await store.loadAllCoding();
  const codings = store.loadedCoding().filter((c) => c.coders.length > 0);
  const coders = selectCoders(codings, selection.coders);
  const codes = selectCodes(store.codebook(), selection.codes);
  const warnings: string[] = store
    .problems()
    .filter((p) => p.severity === 'error' && p.path.startsWith('.grounded/coding/'))
    .map((p) => `${p.path}: could not be read and is left out (run grounded validate)`);
  const orphans: string[] = [];
  let approximate = 0;
  const transcripts: AgreementTranscript[] = [];
  for (const coding of codings) {
    const raw = await fs.readFile(coding.transcript);
    const mine = coding.coders.filter((c) => coders.some((k) => k.id === c.coder.id));
    if (raw === undefined) {
      const lost = mine.reduce((n, c) => n + c.segments.length, 0);
      if (lost > 0) warnings.push(`${coding.transcript}: the transcript does not exist; its ${lost} segment(s) are left out`);
      continue;
    }
    const text = normaliseText(raw);
    const parsed = parseTranscript(text);
    const placedCoding = mine.map(({ coder, segments }) => {
      const placements = reanchor(text, segments.map((s) => ({ id: s.id, quote: s.quote, position: s.position })));
      const placed: PlacedSegment[] = [];
      let lost = 0;
      placements.forEach((p, i) => {
        if (!p.range) return void lost++;
        if (p.status === 'fuzzy') approximate++;
        for (const codeId of segments[i].codes) placed.push({ codeId, start: p.range.start, end: p.range.end });
      });
      if (lost > 0) orphans.push(`${coding.transcript} (${coder.id}: ${lost})`);
      return { coderId: coder.id, segments: placed };
    });
    transcripts.push({ name: coding.transcript, length: text.length, continuum: continuumOf(parsed, text, selection.continuum), units: unitsOf(parsed, text, selection.unit), coding: placedCoding });
  }
  if (orphans.length > 0) warnings.push(`segments that could not be placed on the current text are left out (run grounded stats to review them): ${orphans.join(', ')}`);
  if (approximate > 0) warnings.push(`${approximate} segment(s) were placed by approximate match and are counted where they were placed (run grounded stats to review them)`);
  return { project: store.config.name, input: { coders, codes, transcripts }, warnings };
}

function selectCoders(codings: readonly TranscriptCoding[], wanted: readonly string[] | undefined): { id: string; name: string }[] {
  const known = new Map<string, string>();
  const coding = new Set<string>();
  for (const c of codings) {
    for (const { coder, segments } of c.coders) {
      known.set(coder.id, coder.name);
      if (segments.length > 0) coding.add(coder.id);
    }
  }
  const all = [...known].map(([id, name]) => ({ id, name })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A file holding only passages left uncoded (reconciling) is no coding, and the consensus is made
  // from the others' coding: both are compared only when named.
  if (!wanted) return all.filter((c) => coding.has(c.id) && comparedByDefault(c.id));
  return wanted.map((w) => {
    const key = w.trim().toLocaleLowerCase();
    const found = all.find((c) => c.id.toLocaleLowerCase() === key) ?? all.find((c) => c.name.toLocaleLowerCase() === key);
    if (!found) throw new AgreementSelectionError(`no coder "${w}" has coding in this project; coders: ${all.map((c) => c.id).join(', ') || 'none'}`);
    return found;
  });
}

function selectCodes(codebook: Codebook, wanted: readonly string[] | undefined): { id: string; name: string; path: string }[] {
  const all = codebook.all().map((c) => ({ id: c.id, name: c.name, path: codebook.path(c.id).join(' / ') }));
  all.sort((a, b) => a.path.localeCompare(b.path) || (a.id < b.id ? -1 : 1));
  if (!wanted) return all;
  return wanted.map((w) => {
    const key = w.trim().toLocaleLowerCase().replace(/\s*\/\s*/g, ' / ');
    const byId = all.filter((c) => c.id.toLocaleLowerCase() === key);
    const byPath = all.filter((c) => c.path.toLocaleLowerCase() === key);
    const byName = all.filter((c) => c.name.toLocaleLowerCase() === key);
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
