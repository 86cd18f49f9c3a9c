/**
 * What each coding action does to the coding files, apart from its place in the undo history: the
 * store runs each of these inside one undoable step (`ProjectStore.applyCodes` and the others), and
 * they change the project only through the repositories they are given.
 */
import type { Coder, CodeId, QuoteSelector, RoundId, Segment, SegmentId, TextRange } from '../model';
import type { CodebookRepository } from './codebook-repository';
import type { CodingRepository } from './coding-repository';
import { StoreError } from './errors';
import * as edits from './segment-edits';
import { applyCodesToRanges } from './autocode-edits';
import { withUncoded, withoutApplied, type UncodedTarget } from './uncoded-edits';

/** The store's parts a coding action works with. */
export interface CodingContext {
  codes: CodebookRepository;
  coding: CodingRepository;
  coder: Coder;
  round: RoundId;
  newSegmentId(): SegmentId;
  codingChanged(transcript: string): void;
}

export type Passage = { range: TextRange; quote: QuoteSelector };

export async function applyCodes(ctx: CodingContext, transcript: string, target: Passage, codeIds: CodeId[], placed: ReadonlyMap<SegmentId, TextRange>): Promise<Segment> {
  if (codeIds.length === 0) throw new StoreError('Choose at least one code to apply.');
  for (const id of codeIds) ctx.codes.require(id);
  if (target.range.end <= target.range.start) throw new StoreError('Select some text to code first.');
  await ctx.coding.ensureLoaded(transcript);
  let result: Segment | undefined;
  ctx.coding.edit(transcript, ctx.coder, 'Apply code', (segments) => {
    const applied = edits.applyCodes(segments, placed, target, codeIds, () => ctx.newSegmentId(), ctx.round);
    result = applied.segment;
    return applied.segments;
  });
  ctx.codingChanged(transcript);
  return result!;
}

export interface AppliedAcross {
  created: number;
  extended: number;
  unchanged: number;
  /** The transcripts whose coding changed. */
  transcripts: string[];
  /** The segment each target is on now, in the order given (transcript by transcript). */
  segmentIds: SegmentId[];
}

export async function applyCodesAcross(
  ctx: CodingContext,
  transcripts: readonly { transcript: string; targets: readonly Passage[]; placed: ReadonlyMap<SegmentId, TextRange> }[],
  codeIds: CodeId[],
  label: string,
): Promise<AppliedAcross> {
  if (codeIds.length === 0) throw new StoreError('Choose at least one code to apply.');
  for (const id of codeIds) ctx.codes.require(id);
  for (const t of transcripts) if (t.targets.some((x) => x.range.end <= x.range.start)) throw new StoreError(`An empty passage in ${t.transcript} cannot be coded.`);
  for (const t of transcripts) await ctx.coding.ensureLoaded(t.transcript);
  // All or nothing: a malformed file anywhere refuses the whole step before anything changes.
  for (const t of transcripts) ctx.coding.requireWritable(t.transcript, ctx.coder.id, label);
  const total: AppliedAcross = { created: 0, extended: 0, unchanged: 0, transcripts: [], segmentIds: [] };
  for (const { transcript, targets, placed } of transcripts) {
    const mine = ctx.coding.get(transcript).coders.find((c) => c.coder.id === ctx.coder.id)?.segments ?? [];
    const applied = applyCodesToRanges(mine, placed, targets, codeIds, () => ctx.newSegmentId(), ctx.round);
    total.segmentIds.push(...applied.ids);
    total.created += applied.created;
    total.extended += applied.extended;
    total.unchanged += applied.unchanged;
    // A transcript where nothing changes is not written (nor given an empty coding file).
    if (applied.created + applied.extended === 0) continue;
    ctx.coding.edit(transcript, ctx.coder, label, () => applied.segments);
    total.transcripts.push(transcript);
  }
  for (const transcript of total.transcripts) ctx.codingChanged(transcript);
  return total;
}

export async function removeCodes(ctx: CodingContext, transcript: string, segmentIds: SegmentId[], codeIds: CodeId[] | undefined): Promise<number> {
  await ctx.coding.ensureLoaded(transcript);
  let removed = 0;
  ctx.coding.edit(transcript, ctx.coder, 'Remove code', (segments) => {
    const r = edits.removeCodes(segments, new Set(segmentIds), codeIds ? new Set(codeIds) : undefined);
    removed = r.removed;
    return r.segments;
  });
  if (removed > 0) ctx.codingChanged(transcript);
  return removed;
}

export async function setComment(ctx: CodingContext, transcript: string, segmentId: SegmentId, comment: string): Promise<void> {
  await ctx.coding.ensureLoaded(transcript);
  ctx.coding.edit(transcript, ctx.coder, 'Comment on segment', (segments) => edits.setComment(segments, segmentId, comment.trim() || undefined));
  ctx.codingChanged(transcript);
}

export async function applyAsCoder(ctx: CodingContext, transcript: string, coder: Coder, targets: readonly (Passage & { codes: CodeId[] })[], label: string): Promise<number> {
  for (const t of targets) {
    for (const id of t.codes) ctx.codes.require(id);
    if (t.range.end <= t.range.start || t.codes.length === 0) throw new StoreError('Each reconciled segment needs some text and at least one code.');
  }
  if (targets.length === 0) return 0;
  await ctx.coding.ensureLoaded(transcript);
  ctx.coding.edit(transcript, coder, label, (segments) => {
    let out = [...segments];
    for (const t of targets) out = edits.applyCodes(out, new Map(), { range: t.range, quote: t.quote }, t.codes, () => ctx.newSegmentId(), ctx.round).segments;
    return out;
  });
  ctx.coding.editUncoded(transcript, coder, label, (list) => withoutApplied(list, targets));
  ctx.codingChanged(transcript);
  return targets.length;
}

/** applyAsCoder in several transcripts: all or nothing, a malformed file anywhere refuses it first. */
export async function applyAsCoderAcross(ctx: CodingContext, coder: Coder, transcripts: readonly { transcript: string; targets: readonly (Passage & { codes: CodeId[] })[] }[], label: string): Promise<number> {
  for (const t of transcripts) await ctx.coding.ensureLoaded(t.transcript);
  for (const t of transcripts) ctx.coding.requireWritable(t.transcript, coder.id, label);
  let applied = 0;
  for (const t of transcripts) applied += await applyAsCoder(ctx, t.transcript, coder, t.targets, label);
  return applied;
}

export async function leaveUncodedAsCoder(ctx: CodingContext, transcript: string, coder: Coder, target: UncodedTarget, label: string): Promise<void> {
  for (const id of target.codes) ctx.codes.require(id);
  if (target.range.end <= target.range.start || target.codes.length === 0) throw new StoreError('A passage left uncoded needs some text and the codes decided against.');
  await ctx.coding.ensureLoaded(transcript);
  ctx.coding.editUncoded(transcript, coder, label, (list) => withUncoded(list, target, () => ctx.newSegmentId()));
  ctx.codingChanged(transcript);
}

export async function deleteSegments(ctx: CodingContext, transcript: string, coderId: string, segmentIds: SegmentId[]): Promise<number> {
  await ctx.coding.ensureLoaded(transcript);
  const entry = ctx.coding.get(transcript).coders.find((c) => c.coder.id === coderId);
  if (!entry) return 0;
  const ids = new Set(segmentIds);
  const count = entry.segments.filter((s) => ids.has(s.id)).length;
  ctx.coding.edit(transcript, entry.coder, 'Delete segment', (segments) => segments.filter((s) => !ids.has(s.id)));
  if (count > 0) ctx.codingChanged(transcript);
  return count;
}
