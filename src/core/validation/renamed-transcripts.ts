/**
 * Coding left behind by a rename VS Code did not see (or that stopped halfway): the coding folder's
 * transcript is gone and exactly one transcript elsewhere has the same file name and none of that
 * coding's coders. Such a pair is almost certainly one file renamed or moved; anything less certain
 * is left to `grounded validate`, which lists coding whose transcript is missing.
 */
export interface RenamedTranscript {
  from: string;
  to: string;
}

export interface CodingFolder {
  transcript: string;
  coderIds: readonly string[];
}

export function findRenamedTranscripts(
  coding: readonly CodingFolder[],
  transcripts: readonly string[],
): RenamedTranscript[] {
  const existing = new Set(transcripts);
  const codersOf = new Map(coding.map((c) => [c.transcript, new Set(c.coderIds)]));
  const out: RenamedTranscript[] = [];
  for (const { transcript, coderIds } of coding) {
    if (existing.has(transcript) || coderIds.length === 0) continue;
    const name = fileName(transcript);
    const candidates = transcripts.filter((t) => fileName(t) === name && !coderIds.some((id) => codersOf.get(t)?.has(id)));
    if (candidates.length === 1) out.push({ from: transcript, to: candidates[0] });
  }
  // Two left-behind folders pointing at one transcript is not a rename of either.
  return out.filter((r) => out.filter((o) => o.to === r.to).length === 1);
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
