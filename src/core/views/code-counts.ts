import type { Codebook } from '../codebook';
import type { CodeId } from '../model';
import type { TranscriptCoding } from '../storage/coding-repository';
import type { Slices } from '../time-slices';

export interface CodeCounts {
  /** Segments carrying this code. */
  segments: number;
  /** Segments carrying this code or any code below it (a segment counts once). */
  segmentsWithChildren: number;
  /** Transcripts with at least one segment of this code. */
  transcripts: number;
}

interface Combination {
  codes: readonly CodeId[];
  segments: number;
}

/** Counts per code over the given transcripts' coding, all coders together. */
export function countCodes(codebook: Codebook, codings: readonly TranscriptCoding[]): Map<CodeId, CodeCounts> {
  const tally = new CodeTally();
  for (const coding of codings) tally.add(coding);
  return tally.counts(codebook);
}

/**
 * {@link countCodes} a few transcripts at a time in `slices`: a study of 100,000 segments takes
 * tens of milliseconds to count, and in the editor's host that is a pause in everything else.
 */
export async function countCodesInSlices(codebook: () => Codebook, codings: readonly TranscriptCoding[], slices: Slices): Promise<Map<CodeId, CodeCounts>> {
  const tally = new CodeTally();
  const pieces: Promise<void>[] = [];
  for (let from = 0; from < codings.length; from += TRANSCRIPTS_PER_PIECE) {
    const part = codings.slice(from, from + TRANSCRIPTS_PER_PIECE);
    pieces.push(slices.run(() => part.forEach((coding) => tally.add(coding))));
  }
  await Promise.all(pieces);
  // The codebook as it is once the segments are counted: a code added meanwhile is listed too.
  return slices.run(() => tally.counts(codebook()));
}

/** About a millisecond of counting (100 segments each) on a slow machine. */
const TRANSCRIPTS_PER_PIECE = 25;

/**
 * Segments by their set of codes: a study of 100,000 segments has a few hundred such sets, and a
 * set's codes and ancestors are counted once per set, not once per segment. A segment costs one
 * lookup of its set and one entry in its transcript's sets.
 */
class CodeTally {
  private readonly combinations = new Map<string, Combination>();
  private readonly transcriptsOf = new Map<CodeId, number>();
  private readonly inTranscript = new Set<Combination>();
  private readonly codesInTranscript = new Set<CodeId>();

  add(coding: TranscriptCoding): void {
    const { combinations, inTranscript, codesInTranscript, transcriptsOf } = this;
    inTranscript.clear();
    for (const { segments } of coding.coders) {
      for (const s of segments) {
        const key = s.codes.length === 1 ? s.codes[0] : s.codes.join('\u0000');
        let combination = combinations.get(key);
        if (combination) combination.segments++;
        else combinations.set(key, (combination = { codes: s.codes, segments: 1 }));
        inTranscript.add(combination);
      }
    }
    codesInTranscript.clear();
    for (const { codes } of inTranscript) for (const c of codes) codesInTranscript.add(c);
    for (const c of codesInTranscript) transcriptsOf.set(c, (transcriptsOf.get(c) ?? 0) + 1);
  }

  counts(codebook: Codebook): Map<CodeId, CodeCounts> {
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
    const own = new Map<CodeId, number>();
    const withChildren = new Map<CodeId, number>();
    for (const { codes, segments } of this.combinations.values()) {
      for (const c of codes) own.set(c, (own.get(c) ?? 0) + segments);
      const reached = new Set(codes.flatMap(ancestorsOf));
      for (const c of reached) withChildren.set(c, (withChildren.get(c) ?? 0) + segments);
    }
    const result = new Map<CodeId, CodeCounts>();
    for (const code of codebook.all()) {
      result.set(code.id, {
        segments: own.get(code.id) ?? 0,
        segmentsWithChildren: withChildren.get(code.id) ?? 0,
        transcripts: this.transcriptsOf.get(code.id) ?? 0,
      });
    }
    return result;
  }
}
