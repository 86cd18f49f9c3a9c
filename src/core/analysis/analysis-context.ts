/**
 * Everything a query needs about one project, computed once and shared by the queries run on it:
 * codes by name, each code's segments, each transcript's words. Building it is linear in the number
 * of segments; word indexes are built only for the transcripts a query touches.
 */
import type { AnalysisProject, AnalysisSegment, AnalysisTranscript } from './analysis-model';
import { CodeLookup } from './code-lookup';
import type { IntervalSet, Regions } from './regions';
import { interviewOrder } from './saturation';
import { WordIndex } from './word-index';

export class AnalysisContext {
  readonly lookup: CodeLookup;
  readonly transcripts = new Map<string, AnalysisTranscript>();
  /** Segments of each code (own coding only), in project order. */
  private readonly segmentsByCode = new Map<string, AnalysisSegment[]>();
  private readonly segmentsByTranscript = new Map<string, AnalysisSegment[]>();
  private readonly wordIndexes = new Map<string, WordIndex>();
  private readonly unions = new Map<string, AnalysisSegment[]>();
  private readonly codeRegions = new Map<string, Regions>();
  /** Transcripts in interview order (by interview date, else path). */
  readonly ordered: AnalysisTranscript[];
  private readonly order = new Map<string, number>();

  constructor(readonly project: AnalysisProject) {
    this.lookup = new CodeLookup(project.codes);
    for (const transcript of project.transcripts) this.transcripts.set(transcript.path, transcript);
    this.ordered = interviewOrder(project.transcripts);
    this.ordered.forEach((t, i) => this.order.set(t.path, i));
    for (const segment of project.segments) {
      const inTranscript = this.segmentsByTranscript.get(segment.transcript);
      if (inTranscript) inTranscript.push(segment);
      else this.segmentsByTranscript.set(segment.transcript, [segment]);
      for (const code of segment.codes) {
        const list = this.segmentsByCode.get(code);
        if (list) list.push(segment);
        else this.segmentsByCode.set(code, [segment]);
      }
    }
  }

  /** Forget results kept between queries (not the word indexes): for timing a query cold. */
  dropQueryCaches(): void {
    this.unions.clear();
    this.codeRegions.clear();
  }

  /** Every segment of a transcript, in project order. */
  segmentsIn(path: string): AnalysisSegment[] {
    return this.segmentsByTranscript.get(path) ?? [];
  }

  /** Every transcript's segments (transcripts without any are absent), each group in project order. */
  segmentGroups(): Iterable<readonly AnalysisSegment[]> {
    return this.segmentsByTranscript.values();
  }

  orderOf(path: string): number {
    return this.order.get(path) ?? this.order.size;
  }

  /** Segments with any of these codes, each once. Kept: the context never changes. */
  segmentsOf(codeIds: readonly string[]): AnalysisSegment[] {
    if (codeIds.length === 1) return this.segmentsByCode.get(codeIds[0]) ?? [];
    const key = [...codeIds].sort().join('\u0000');
    let list = this.unions.get(key);
    if (!list) {
      const seen = new Set<AnalysisSegment>();
      for (const id of codeIds) for (const s of this.segmentsByCode.get(id) ?? []) seen.add(s);
      list = [...seen];
      this.unions.set(key, list);
    }
    return list;
  }

  /** The text a code (with or without its sub-codes) covers, unfiltered; kept. */
  regionsOfCode(codeId: string, subcodes: boolean): Regions {
    const key = `${codeId}\u0000${subcodes}`;
    let regions = this.codeRegions.get(key);
    if (!regions) {
      // A segment with two of these codes comes twice: covering the same text twice changes nothing.
      regions = this.regionsOfLists(this.lookup.withDescendants(codeId, subcodes).map((id) => this.segmentsByCode.get(id) ?? []));
      this.codeRegions.set(key, regions);
    }
    return regions;
  }

  words(path: string): WordIndex {
    let index = this.wordIndexes.get(path);
    if (!index) {
      index = new WordIndex(this.transcripts.get(path)?.text ?? '');
      this.wordIndexes.set(path, index);
    }
    return index;
  }

  /** The text covered by these segments, per transcript. */
  regionsOf(segments: Iterable<AnalysisSegment>): Regions {
    return this.regionsOfLists([segments]);
  }

  private regionsOfLists(lists: readonly Iterable<AnalysisSegment>[]): Regions {
    const grouped = new Map<string, AnalysisSegment[]>();
    // Segments mostly come transcript by transcript: look the list up only when the transcript changes.
    let path: string | undefined;
    let list: AnalysisSegment[] = [];
    for (const segments of lists) {
      for (const s of segments) {
        if (s.end <= s.start) continue;
        if (s.transcript !== path) {
          path = s.transcript;
          const known = grouped.get(path);
          if (known) list = known;
          else grouped.set(path, (list = []));
        }
        list.push(s);
      }
    }
    const regions: Regions = new Map();
    for (const [transcript, inTranscript] of grouped) regions.set(transcript, mergeSorted(inTranscript.sort((a, b) => a.start - b.start || a.end - b.end)));
    return regions;
  }
}

/** Sorted non-empty intervals merged where they overlap or touch (what `normalise` gives), as new objects. */
function mergeSorted(sorted: readonly { start: number; end: number }[]): IntervalSet {
  const merged: IntervalSet = [];
  let last: { start: number; end: number } | undefined;
  for (const { start, end } of sorted) {
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push((last = { start, end }));
  }
  return merged;
}
