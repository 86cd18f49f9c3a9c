/**
 * Where compared coders disagree in one transcript, from their segments placed on its current
 * text. Per code, applications that overlap (directly or through others) form one passage; a
 * passage every coder coded alike is agreement, one every coder coded differently is a boundary
 * disagreement, and one only some coders coded is a candidate for "only". Candidates of different
 * codes over the same text by coders who did not share a code there are one disagreement about
 * which code fits ("codes").
 */
import type { PlacedSegment } from '../placement';
import { extentOf, mergeRanges, overlaps, sameRanges } from './ranges';
import type { Application, ConsensusTarget, Disagreement } from './types';

/**
 * The compared coders who coded this transcript: those with a segment here (placed or not), and
 * `readers`, who read it without coding anything (the consensus coder's passages left uncoded). A
 * coder with neither did not code it: missing, not "not coded", as agreement treats them. Give the
 * result to computeDisagreements so another coder's every passage there is not listed as "only …",
 * whose "version" of the absent coder would reconcile the passage to nothing.
 */
export function codersOfTranscript(placed: readonly PlacedSegment[], coders: readonly string[], readers: readonly string[] = []): string[] {
  const here = new Set(readers);
  for (const p of placed) here.add(p.coder.id);
  return coders.filter((c) => here.has(c));
}

/**
 * `coders`: the ids compared (two or more; see codersOfTranscript). Unplaced segments and other
 * coders are left out. Fewer than two coders have nothing to disagree on.
 */
export function computeDisagreements(transcript: string, placed: readonly PlacedSegment[], coders: readonly string[]): Disagreement[] {
  if (coders.length < 2) return [];
  const compared = new Set(coders).size;
  const out: Disagreement[] = [];
  const partial: Application[][] = [];
  for (const apps of applicationsByCode(placed, coders).values()) {
    for (const passage of passages(apps)) {
      const who = new Set(passage.map((a) => a.coder));
      if (who.size < compared) partial.push(passage);
      else if (!allAlike(passage, coders)) out.push(make(transcript, 'boundaries', passage, coders));
    }
  }
  for (const group of groupDifferentCodes(partial)) out.push(make(transcript, group.length > 1 ? 'codes' : 'only', group.flat(), coders));
  return out.sort(byPlace);
}

/**
 * Where the compared coders agree in one transcript: each code over the text every coder gave it
 * alike, the passages computeDisagreements leaves out. Ranges that come out the same carry their
 * codes together, in text order. Fewer than two coders agree on nothing.
 */
export function agreedPassages(placed: readonly PlacedSegment[], coders: readonly string[]): ConsensusTarget[] {
  if (coders.length < 2) return [];
  const byRange = new Map<string, ConsensusTarget>();
  for (const [code, apps] of applicationsByCode(placed, coders)) {
    for (const passage of passages(apps)) {
      if (new Set(passage.map((a) => a.coder)).size < new Set(coders).size || !allAlike(passage, coders)) continue;
      for (const range of mergeRanges(passage.filter((a) => a.coder === coders[0]).map((a) => a.range))) {
        const key = `${range.start}-${range.end}`;
        const target = byRange.get(key);
        if (target) target.codes.push(code);
        else byRange.set(key, { range, codes: [code] });
      }
    }
  }
  return [...byRange.values()].map((t) => ({ range: t.range, codes: t.codes.sort() })).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** The compared coders' placed applications, code by code. */
function applicationsByCode(placed: readonly PlacedSegment[], coders: readonly string[]): Map<string, Application[]> {
  const compared = new Set(coders);
  const byCode = new Map<string, Application[]>();
  for (const p of placed) {
    if (!p.range || p.range.end <= p.range.start || !compared.has(p.coder.id)) continue;
    for (const code of p.segment.codes) {
      const app: Application = { coder: p.coder.id, segment: p.segment.id, code, range: { start: p.range.start, end: p.range.end } };
      const list = byCode.get(code);
      if (list) list.push(app);
      else byCode.set(code, [app]);
    }
  }
  return byCode;
}

/** Connected runs of overlapping applications of one code. */
function passages(apps: Application[]): Application[][] {
  const sorted = [...apps].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const out: Application[][] = [];
  let current: Application[] = [];
  let end = -1;
  for (const a of sorted) {
    if (current.length > 0 && a.range.start < end) {
      current.push(a);
      end = Math.max(end, a.range.end);
    } else {
      if (current.length > 0) out.push(current);
      current = [a];
      end = a.range.end;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Every coder covers the same text with the code (a coder's overlapping segments count as one). */
function allAlike(passage: readonly Application[], coders: readonly string[]): boolean {
  const cover = (coder: string) => mergeRanges(passage.filter((a) => a.coder === coder).map((a) => a.range));
  const first = cover(coders[0]);
  return coders.every((c) => sameRanges(cover(c), first));
}

/**
 * Partial passages joined where they overlap, have different codes and no coder in common: one
 * coder said X, another Y, about the same words. Union-find over the pairs.
 */
function groupDifferentCodes(partial: readonly Application[][]): Application[][][] {
  const parent = partial.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const info = partial.map((p) => ({ code: p[0].code, coders: new Set(p.map((a) => a.coder)), extent: extentOf(p.map((a) => a.range)) }));
  for (let i = 0; i < partial.length; i++) {
    for (let j = i + 1; j < partial.length; j++) {
      const [a, b] = [info[i], info[j]];
      if (a.code === b.code || !overlaps(a.extent, b.extent) || [...a.coders].some((c) => b.coders.has(c))) continue;
      if (!partial[i].some((x) => partial[j].some((y) => overlaps(x.range, y.range)))) continue;
      parent[root(i)] = root(j);
    }
  }
  const groups = new Map<number, Application[][]>();
  partial.forEach((p, i) => {
    const r = root(i);
    const g = groups.get(r);
    if (g) g.push(p);
    else groups.set(r, [p]);
  });
  return [...groups.values()];
}

function make(transcript: string, kind: Disagreement['kind'], apps: Application[], coders: readonly string[]): Disagreement {
  const applications = [...apps].sort(byApplication);
  const range = extentOf(applications.map((a) => a.range));
  const codes = [...new Set(applications.map((a) => a.code))].sort();
  const present = new Set(applications.map((a) => a.coder));
  const without = coders.filter((c) => !present.has(c));
  return { id: `${transcript}\u0000${kind}\u0000${codes.join(',')}\u0000${range.start}-${range.end}`, transcript, kind, range, codes, applications, without };
}

function byApplication(a: Application, b: Application): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || compare(a.coder, b.coder) || compare(a.code, b.code) || compare(a.segment, b.segment);
}

function byPlace(a: Disagreement, b: Disagreement): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || compare(a.kind, b.kind) || compare(a.codes.join(','), b.codes.join(','));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
