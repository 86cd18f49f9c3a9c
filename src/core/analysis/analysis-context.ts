/**
 * Everything a query needs about one project, computed once and shared by the queries run on it:
 * codes by name, each code's segments, each transcript's words. Building it is linear in the number
 * of segments; word indexes are built only for the transcripts a query touches.
 */
import type { AnalysisProject, AnalysisSegment, AnalysisTranscript } from './analysis-model';
import { CodeLookup } from './code-lookup';
import { normalise, type Regions } from './regions';
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
        const list = this.segmentsByCode.get(code) ?? [];
        list.push(segment);
        this.segmentsByCode.set(code, list);
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
      regions = this.regionsOf(this.segmentsOf(this.lookup.withDescendants(codeId, subcodes)));
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
    const grouped = new Map<string, { start: number; end: number }[]>();
    for (const s of segments) {
      const list = grouped.get(s.transcript) ?? [];
      list.push({ start: s.start, end: s.end });
      grouped.set(s.transcript, list);
    }
    const regions: Regions = new Map();
    for (const [path, list] of grouped) regions.set(path, normalise(list));
    return regions;
  }
}
