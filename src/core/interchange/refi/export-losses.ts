/**
 * The one list of what a REFI-QDA export cannot keep. The standard has no place for these, so each
 * is named in the export's warnings (what, where, how many) rather than dropped without a word.
 * Whatever the export does write (memo links to codes and transcripts, memo dates, code relations
 * in a .qdpx) is not listed here.
 */
import type { Codebook } from '../../codebook';
import type { Code } from '../../model';
import type { ProjectForExport } from './export-read';

/** What a codebook's codes hold that a .qdc or .qdpx does not; `relations` only for a .qdc, which has no Links. */
export function codebookLosses(codebook: Codebook, format: 'qdc' | 'qdpx'): string[] {
  const codes = codebook.all();
  const warnings: string[] = [];
  const say = (what: string, has: (code: Code) => boolean): void => {
    const found = codes.filter(has);
    if (found.length > 0) warnings.push(`${found.length} code(s) have ${what}, which REFI-QDA has no place for; not exported: ${found.map(label).join(', ')}`);
  };
  if (format === 'qdc') say('relations to other codes (a codebook file has no links; a .qdpx keeps them)', (c) => (c.relations?.length ?? 0) > 0);
  say('inclusion criteria', (c) => nonEmpty(c.inclusion));
  say('exclusion criteria', (c) => nonEmpty(c.exclusion));
  say('an example quote', (c) => c.example !== undefined);
  say('a coding round', (c) => c.round !== undefined);
  say('a record of segments gathered into or out of them', (c) => c.gathered !== undefined || c.gatheredInto !== undefined);
  return warnings;
}

/** Everything a .qdpx loses: the codebook's part, segment rounds and gathering, and memo links to segments. */
export function projectLosses(project: ProjectForExport): string[] {
  const warnings = codebookLosses(project.codebook, 'qdpx');
  const rounds = new Map<string, Map<string, number>>();
  const gathered = new Map<string, number>();
  for (const transcript of project.transcripts) {
    for (const segment of transcript.segments) {
      if (segment.round !== undefined) {
        const byTranscript = rounds.get(segment.round) ?? new Map<string, number>();
        byTranscript.set(transcript.path, (byTranscript.get(transcript.path) ?? 0) + 1);
        rounds.set(segment.round, byTranscript);
      }
      if (segment.gathered === true) gathered.set(transcript.path, (gathered.get(transcript.path) ?? 0) + 1);
    }
  }
  for (const [round, byTranscript] of rounds) {
    warnings.push(`${sum(byTranscript)} segment(s) record coding round "${round}", which REFI-QDA has no place for; not exported (${counted(byTranscript)})`);
  }
  if (gathered.size > 0) warnings.push(`${sum(gathered)} segment(s) record which codes gathering replaced; not exported, so they cannot be un-gathered after an import (${counted(gathered)})`);
  for (const memo of project.memos) {
    if (memo.segment !== undefined) {
      const { segment, coder, transcript } = memo.segment;
      warnings.push(`${memo.path}: its link to segment ${segment} (coder ${coder}) is not exported, since a REFI-QDA note attached to a selection is read as its comment; exported as a memo about ${transcript}`);
    }
    if (memo.segments !== undefined) {
      warnings.push(`${memo.path}: its list of ${memo.segments.length} cited segment(s) (segments: ${memo.segments.join(', ')}) is not exported; the memo's text is`);
    }
  }
  return warnings;
}

function label(code: Code): string {
  return `"${code.name}" (${code.id})`;
}

function nonEmpty(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '';
}

function sum(counts: ReadonlyMap<string, number>): number {
  return [...counts.values()].reduce((a, b) => a + b, 0);
}

function counted(counts: ReadonlyMap<string, number>): string {
  return [...counts].map(([path, n]) => `${n} in ${path}`).join(', ');
}
