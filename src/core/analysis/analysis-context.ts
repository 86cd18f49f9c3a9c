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
  private readonly wordIndexes = new Map<string, WordIndex>();
  /** Transcripts in interview order (by interview date, else path). */
  readonly ordered: AnalysisTranscript[];
  private readonly order = new Map<string, number>();

  constructor(readonly project: AnalysisProject) {
    this.lookup = new CodeLookup(project.codes);
    for (const transcript of project.transcripts) this.transcripts.set(transcript.path, transcript);
    this.ordered = interviewOrder(project.transcripts);
    this.ordered.forEach((t, i) => this.order.set(t.path, i));
    for (const segment of project.segments) {
      for (const code of segment.codes) {
        const list = this.segmentsByCode.get(code) ?? [];
        list.push(segment);
        this.segmentsByCode.set(code, list);
      }
    }
  }

  orderOf(path: string): number {
    return this.order.get(path) ?? this.order.size;
  }

  segmentsOf(codeIds: readonly string[]): AnalysisSegment[] {
    if (codeIds.length === 1) return this.segmentsByCode.get(codeIds[0]) ?? [];
    const seen = new Set<AnalysisSegment>();
    for (const id of codeIds) for (const s of this.segmentsByCode.get(id) ?? []) seen.add(s);
    return [...seen];
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
