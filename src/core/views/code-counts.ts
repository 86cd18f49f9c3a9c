import type { Codebook } from '../codebook';
import type { CodeId, Segment } from '../model';
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
  /** Segments with exactly these codes, over every transcript tallied. */
  segments: number;
}

/** One transcript as tallied: the lists it was tallied from, and what it added to the totals. */
interface TranscriptTally {
  lists: readonly (readonly Segment[])[];
  combinations: Map<Combination, number>;
  codes: readonly CodeId[];
}

/** Counts per code over the given transcripts' coding, all coders together. */
export function countCodes(codebook: Codebook, codings: readonly TranscriptCoding[]): Map<CodeId, CodeCounts> {
  return new CodeCounter().countsNow(codebook, codings);
}

/** About a millisecond of counting (100 segments each) on a slow machine. */
const TRANSCRIPTS_PER_PIECE = 25;

/**
 * Code counts kept from one count to the next. Each transcript's segments are tallied by their
 * set of codes; a later count tallies again only the transcripts whose coding changed (the store
 * hands out a coder's unchanged segments as the same array) and drops those no longer given. After
 * a coding action in a study of 100,000 segments, counting then costs what that transcript costs
 * instead of tens of milliseconds. A study has a few hundred sets of codes, so a set's codes and
 * their ancestors are counted once per set, not once per segment.
 */
export class CodeCounter {
  /** By their codes joined, those some tallied segment has. */
  private readonly combinations = new Map<string, Combination>();
  private readonly tallied = new Map<string, TranscriptTally>();
  private readonly transcriptsOf = new Map<CodeId, number>();

  /** Counts for `codings`: every transcript of the project, as it is coded now. */
  countsNow(codebook: Codebook, codings: readonly TranscriptCoding[]): Map<CodeId, CodeCounts> {
    this.update(codings);
    return this.counts(codebook);
  }

  /**
   * {@link countsNow} a few transcripts at a time in `slices`: tallying a study of 100,000 segments
   * takes tens of milliseconds, and in the editor's host that is a pause in everything else. The
   * codings and the codebook are asked for again at the end, so what changed meanwhile is counted
   * as it is then.
   */
  async countsInSlices(codebook: () => Codebook, codings: () => readonly TranscriptCoding[], slices: Slices): Promise<Map<CodeId, CodeCounts>> {
    const given = codings();
    const pieces: Promise<void>[] = [];
    for (let from = 0; from < given.length; from += TRANSCRIPTS_PER_PIECE) {
      const part = given.slice(from, from + TRANSCRIPTS_PER_PIECE);
      pieces.push(slices.run(() => part.forEach((coding) => this.tally(coding))));
    }
    await Promise.all(pieces);
    return slices.run(() => this.countsNow(codebook(), codings()));
  }

  private update(codings: readonly TranscriptCoding[]): void {
    const given = new Set<string>();
    for (const coding of codings) {
      given.add(coding.transcript);
      this.tally(coding);
    }
    for (const [transcript, tally] of this.tallied) {
      if (given.has(transcript)) continue;
      this.subtract(tally);
      this.tallied.delete(transcript);
    }
  }

  private tally(coding: TranscriptCoding): void {
    const lists = coding.coders.map((c) => c.segments);
    const before = this.tallied.get(coding.transcript);
    if (before && sameLists(before.lists, lists)) return;
    if (before) this.subtract(before);
    const combinations = new Map<Combination, number>();
    for (const segments of lists) {
      for (const s of segments) {
        const combination = this.combinationOf(s.codes);
        combinations.set(combination, (combinations.get(combination) ?? 0) + 1);
      }
    }
    const codes = new Set<CodeId>();
    for (const [combination, segments] of combinations) {
      combination.segments += segments;
      for (const c of combination.codes) codes.add(c);
    }
    for (const c of codes) this.transcriptsOf.set(c, (this.transcriptsOf.get(c) ?? 0) + 1);
    this.tallied.set(coding.transcript, { lists, combinations, codes: [...codes] });
  }

  private subtract(tally: TranscriptTally): void {
    for (const [combination, segments] of tally.combinations) {
      combination.segments -= segments;
      if (combination.segments === 0) this.combinations.delete(keyOf(combination.codes));
    }
    for (const c of tally.codes) {
      const left = (this.transcriptsOf.get(c) ?? 0) - 1;
      if (left > 0) this.transcriptsOf.set(c, left);
      else this.transcriptsOf.delete(c);
    }
  }

  private combinationOf(codes: readonly CodeId[]): Combination {
    const key = keyOf(codes);
    let combination = this.combinations.get(key);
    if (!combination) this.combinations.set(key, (combination = { codes, segments: 0 }));
    return combination;
  }

  private counts(codebook: Codebook): Map<CodeId, CodeCounts> {
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

/** A segment's codes are sorted without duplicates, so equal sets give equal keys. */
function keyOf(codes: readonly CodeId[]): string {
  return codes.length === 1 ? codes[0] : codes.join('\u0000');
}

function sameLists(a: readonly (readonly Segment[])[], b: readonly (readonly Segment[])[]): boolean {
  return a.length === b.length && a.every((list, i) => list === b[i]);
}
