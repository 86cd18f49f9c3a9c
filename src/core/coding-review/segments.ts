/**
 * Segment changes of one transcript, matched by coder and segment id (stable random ids make the
 * match a map lookup), in interview order.
 */
import { LineIndex } from '../line-index';
import type { PlacedSegment } from '../placement';
import type { TranscriptSnapshot } from '../project-index';
import { edgesOf } from './edges';
import type { SegmentChange, SegmentChangeKind, TranscriptDiff } from './types';
import { SEGMENT_CHANGE_KINDS } from './types';

const NEEDS_REVIEW = new Set(['fuzzy', 'orphan']);

export function segmentKey(p: PlacedSegment): string {
  return `${p.coder.id}\u0000${p.segment.id}`;
}

/**
 * The transcript's changes, or undefined when nothing about its coding changed. The segments of
 * coders in `skip` (whose coding file of it one side could not read) are not compared.
 */
export function diffTranscript(base: TranscriptSnapshot | undefined, head: TranscriptSnapshot | undefined, skip?: ReadonlySet<string>): TranscriptDiff | undefined {
  const path = (head ?? base)!.path;
  const baseText = base?.text ?? '';
  const headText = head?.text ?? '';
  const textChanged = baseText !== headText;
  const [baseSegments, headSegments] = [segmentsOf(base, skip), segmentsOf(head, skip)];
  const before = new Map(baseSegments.map((p) => [segmentKey(p), p]));
  const lines = { base: lazyLines(baseText), head: lazyLines(headText) };
  const changes: SegmentChange[] = [];
  for (const now of headSegments) {
    const was = before.get(segmentKey(now));
    before.delete(segmentKey(now));
    const change = was ? compareSegment(was, now, textChanged, baseText) : listed(['added'], now);
    if (NEEDS_REVIEW.has(now.status)) {
      const entry = change ?? listed([], now);
      entry.kinds.push('needs-review');
      entry.status = now.status;
      entry.statusBefore = was?.status ?? null;
      changes.push(finish(entry, now, lines.head));
    } else if (change) changes.push(finish(change, now, lines.head));
  }
  for (const was of before.values()) changes.push(finish(listed(['removed'], was), was, lines.base));
  if (changes.length === 0 && base && head) return undefined;
  if (changes.length === 0 && !(base?.exists || head?.exists)) return undefined;
  changes.sort(inInterviewOrder);
  for (const c of changes) c.kinds.sort((a, b) => SEGMENT_CHANGE_KINDS.indexOf(a) - SEGMENT_CHANGE_KINDS.indexOf(b));
  const status = !base || (!base.exists && baseSegments.length === 0) ? 'added' : !head || (!head.exists && headSegments.length === 0) ? 'removed' : 'changed';
  const file = status !== 'changed' ? undefined : base?.exists && !head?.exists ? 'deleted' : !base?.exists && head?.exists ? 'created' : undefined;
  return { path, status, textChanged, changes, ...(file ? { file } : {}) };
}

function segmentsOf(t: TranscriptSnapshot | undefined, skip: ReadonlySet<string> | undefined): readonly PlacedSegment[] {
  const all = t?.segments ?? [];
  return skip && skip.size > 0 ? all.filter((p) => !skip.has(p.coder.id)) : all;
}

function compareSegment(was: PlacedSegment, now: PlacedSegment, textChanged: boolean, baseText: string): SegmentChange | undefined {
  const kinds: SegmentChangeKind[] = [];
  const change = listed(kinds, now);
  if (!sameList(was.segment.codes, now.segment.codes)) {
    kinds.push('recoded');
    change.codesBefore = [...was.segment.codes];
  }
  const sameQuote = was.segment.quote.exact === now.segment.quote.exact;
  const sameRange = was.range?.start === now.range?.start && was.range?.end === now.range?.end;
  if (!sameQuote || (!textChanged && !sameRange && was.range && now.range)) {
    kinds.push('rebounded');
    const edges = edgesOf(was, now, textChanged ? undefined : baseText);
    if (edges) change.edges = edges;
    else change.quoteBefore = was.segment.quote.exact;
  } else if (textChanged && !sameRange && was.range && now.range) {
    kinds.push('moved');
    change.rangeBefore = was.range ? { ...was.range } : null;
  }
  if ((was.segment.comment ?? '') !== (now.segment.comment ?? '')) {
    kinds.push('commented');
    if (was.segment.comment) change.commentBefore = was.segment.comment;
  }
  return kinds.length > 0 ? change : undefined;
}

function listed(kinds: SegmentChangeKind[], p: PlacedSegment): SegmentChange {
  const change: SegmentChange = { kinds, coder: p.coder.id, segment: p.segment.id, codes: [...p.segment.codes], quote: p.segment.quote.exact, range: null, line: null };
  if (p.segment.comment) change.comment = p.segment.comment;
  return change;
}

function finish(change: SegmentChange, p: PlacedSegment, lines: () => LineIndex): SegmentChange {
  if (p.range) {
    change.range = { start: p.range.start, end: p.range.end };
    change.line = lines().lineOf(p.range.start) + 1;
  }
  return change;
}

function lazyLines(text: string): () => LineIndex {
  let index: LineIndex | undefined;
  return () => (index ??= new LineIndex(text));
}

function inInterviewOrder(a: SegmentChange, b: SegmentChange): number {
  const pa = a.range?.start ?? Number.MAX_SAFE_INTEGER;
  const pb = b.range?.start ?? Number.MAX_SAFE_INTEGER;
  if (pa !== pb) return pa - pb;
  return a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
