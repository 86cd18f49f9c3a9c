import type { Codebook } from '../codebook';
import type { CodeId } from '../model';
import type { TranscriptCoding } from '../storage/coding-repository';

export interface CodeCounts {
  /** Segments carrying this code. */
  segments: number;
  /** Segments carrying this code or any code below it (a segment counts once). */
  segmentsWithChildren: number;
  /** Transcripts with at least one segment of this code. */
  transcripts: number;
}

/** Counts per code over the given transcripts' coding, all coders together. */
export function countCodes(codebook: Codebook, codings: readonly TranscriptCoding[]): Map<CodeId, CodeCounts> {
  const own = new Map<CodeId, number>();
  const transcriptsOf = new Map<CodeId, Set<string>>();
  // Segments by their set of codes: a study of 100,000 segments has a few hundred such sets, and
  // a set's ancestors are walked once instead of once per segment.
  const combinations = new Map<string, { codes: readonly CodeId[]; segments: number }>();
  for (const coding of codings) {
    for (const { segments } of coding.coders) {
      for (const s of segments) {
        const key = s.codes.length === 1 ? s.codes[0] : s.codes.join('\u0000');
        const combination = combinations.get(key);
        if (combination) combination.segments++;
        else combinations.set(key, { codes: s.codes, segments: 1 });
        for (const c of s.codes) {
          own.set(c, (own.get(c) ?? 0) + 1);
          const set = transcriptsOf.get(c) ?? new Set();
          set.add(coding.transcript);
          transcriptsOf.set(c, set);
        }
      }
    }
  }
  const ancestorsOf = (id: CodeId): CodeId[] => {
    const out: CodeId[] = [];
    let code = codebook.get(id);
    while (code) {
      out.push(code.id);
      const parent = codebook.effectiveParent(code);
      code = parent === null ? undefined : codebook.get(parent);
    }
    return out;
  };
  const withChildren = new Map<CodeId, number>();
  for (const { codes, segments } of combinations.values()) {
    const reached = new Set(codes.flatMap(ancestorsOf));
    for (const c of reached) withChildren.set(c, (withChildren.get(c) ?? 0) + segments);
  }
  const result = new Map<CodeId, CodeCounts>();
  for (const code of codebook.all()) {
    result.set(code.id, {
      segments: own.get(code.id) ?? 0,
      segmentsWithChildren: withChildren.get(code.id) ?? 0,
      transcripts: transcriptsOf.get(code.id)?.size ?? 0,
    });
  }
  return result;
}
