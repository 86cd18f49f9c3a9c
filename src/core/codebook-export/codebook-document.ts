/**
 * The codebook as a deliverable: every code in the Codebook's order with its definition, inclusion
 * and exclusion criteria, an example quote and how much it is used. Plain data, rendered as
 * Markdown, HTML or a Word document by the files beside this one.
 */
import { Codebook } from '../codebook';
import type { Code, CodeId } from '../model';
import type { ProjectSnapshot } from '../project-index/snapshot';
import { relationLabel, relationTypesOf, type RelationType } from '../relations/relation-types';
import { gatherDay, gatheredCodeNames, UNREADABLE_DAY } from '../rounds/provenance';

export interface CodebookEntry {
  id: CodeId;
  name: string;
  /** Parent names from the top, this code's last. */
  path: string[];
  /** 0 for a top-level code. */
  depth: number;
  color: string;
  definition: string;
  inclusion?: string;
  exclusion?: string;
  example?: { text: string; where?: string; segment: string };
  /** What this focused code gathered, one line per gathering: names, segments, by whom, when. */
  gathered?: string[];
  /** The focused code this code was gathered into (its current name). */
  gatheredInto?: string;
  /** Its theoretical relations to other codes, read as sentences: "leads to Mistrust — note". */
  relations?: string[];
  /** Segments carrying this code itself (not its sub-codes), by all coders. */
  segments: number;
  /** Transcripts and coders with at least one such segment. */
  transcripts: number;
  coders: number;
}

export interface CodebookDocument {
  project: string;
  entries: CodebookEntry[];
}

export function buildCodebookDocument(snapshot: ProjectSnapshot): CodebookDocument {
  const codebook = new Codebook(snapshot.codes);
  const usage = usageOf(snapshot);
  const types = relationTypesOf(snapshot.config);
  const entries: CodebookEntry[] = [];
  const visit = (parent: CodeId | null, depth: number): void => {
    for (const code of codebook.children(parent)) {
      entries.push({ ...entryOf(code, codebook.path(code.id), depth, usage.get(code.id), snapshot), ...analysisOf(code, codebook, types) });
      visit(code.id, depth + 1);
    }
  };
  visit(null, 0);
  return { project: snapshot.config.name, entries };
}

interface Usage {
  segments: number;
  transcripts: Set<string>;
  coders: Set<string>;
}

function usageOf(snapshot: ProjectSnapshot): Map<CodeId, Usage> {
  const usage = new Map<CodeId, Usage>();
  for (const transcript of snapshot.transcripts) {
    for (const { segment, coder } of transcript.segments) {
      for (const code of segment.codes) {
        let entry = usage.get(code);
        if (!entry) usage.set(code, (entry = { segments: 0, transcripts: new Set(), coders: new Set() }));
        entry.segments++;
        entry.transcripts.add(transcript.path);
        entry.coders.add(coder.id);
      }
    }
  }
  return usage;
}

function entryOf(code: Code, path: string[], depth: number, usage: Usage | undefined, snapshot: ProjectSnapshot): CodebookEntry {
  const entry: CodebookEntry = {
    id: code.id,
    name: code.name,
    path,
    depth,
    color: code.color,
    definition: code.description,
    segments: usage?.segments ?? 0,
    transcripts: usage?.transcripts.size ?? 0,
    coders: usage?.coders.size ?? 0,
  };
  if (code.inclusion) entry.inclusion = code.inclusion;
  if (code.exclusion) entry.exclusion = code.exclusion;
  if (code.example) entry.example = { text: code.example.text, segment: code.example.segment, ...whereOf(code.example.segment, snapshot) };
  return entry;
}

/** Where the code stands in the analysis: what it gathered, where it went, how it relates to others. */
function analysisOf(code: Code, codebook: Codebook, types: readonly RelationType[]): Pick<CodebookEntry, 'gathered' | 'gatheredInto' | 'relations'> {
  const out: Pick<CodebookEntry, 'gathered' | 'gatheredInto' | 'relations'> = {};
  if (code.gathered && code.gathered.length > 0) {
    out.gathered = code.gathered.map((r) => `${gatheredCodeNames(r)} (${r.segments} segment${r.segments === 1 ? '' : 's'}), by ${r.by.name} on ${gatherDay(r.at) ?? UNREADABLE_DAY}`);
  }
  const into = code.gatheredInto === undefined ? undefined : codebook.get(code.gatheredInto);
  if (into) out.gatheredInto = into.name;
  if (code.relations && code.relations.length > 0) {
    out.relations = code.relations.map((r) => `${relationLabel(types, r.type)} ${codebook.get(r.target)?.name ?? r.target}${r.note ? ` — ${r.note}` : ''}`);
  }
  return out;
}

/** Where the example's segment is now: participant and transcript, when it still exists. */
function whereOf(segment: string, snapshot: ProjectSnapshot): { where?: string } {
  for (const transcript of snapshot.transcripts) {
    if (transcript.segments.some((p) => p.segment.id === segment)) return { where: [transcript.participant.name, transcript.path].join(', ') };
  }
  return {};
}

/** "12 segments in 5 transcripts by 2 coders", in words a reader of the codebook understands. */
export function usageText(entry: CodebookEntry): string {
  const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (entry.segments === 0) return 'not applied yet';
  return `${plural(entry.segments, 'segment')} in ${plural(entry.transcripts, 'transcript')} by ${plural(entry.coders, 'coder')}`;
}
