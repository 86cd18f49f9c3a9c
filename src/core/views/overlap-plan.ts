import type { Codebook } from '../codebook';
import type { CodeId, TextRange } from '../model';
import type { PlacedSegment } from '../transcript-session';

/**
 * How coding is painted when segments overlap, so that many codes stay readable: every stretch of
 * text takes the colour of the innermost (shortest) segment over it, each line lists in the gutter
 * every code on it, and each segment's end can carry its code names.
 */
export interface OverlapPlan {
  /** Every shown segment's whole range, per code: what each code marks. */
  byCode: Map<CodeId, TextRange[]>;
  /** Disjoint pieces of text, per code whose colour fills them (the innermost segment's code). */
  fills: Map<CodeId, TextRange[]>;
  /** Lines (0-based) with coding, each with its codes in codebook order. */
  lines: { line: number; codes: CodeId[] }[];
  /** Offsets where shown segments end, with the codes of the segments ending there. */
  ends: { at: number; codes: CodeId[] }[];
  /** Segments none of whose codes exists any more. */
  unknownCode: TextRange[];
  /**
   * Shown segments placed only by an approximate match: drawn differently, so a guess never looks
   * like a segment sitting on its own text. In text order.
   */
  approximate: TextRange[];
}

export interface OverlapOptions {
  /** Codes to show; undefined shows all. */
  visible?: ReadonlySet<CodeId>;
  /** The 0-based line of an offset, for the gutter. */
  lineOf: (offset: number) => number;
}

interface Shown {
  id: string;
  range: TextRange;
  codes: CodeId[];
}

export function planOverlaps(placed: readonly PlacedSegment[], codebook: Codebook, options: OverlapOptions): OverlapPlan {
  const order = displayOrder(codebook);
  const shown: Shown[] = [];
  const unknownCode: TextRange[] = [];
  const approximate: TextRange[] = [];
  for (const p of placed) {
    if (!p.range || p.range.end <= p.range.start) continue;
    const known = p.segment.codes.filter((c) => order.has(c));
    if (known.length === 0) unknownCode.push(p.range);
    const codes = known.filter((c) => !options.visible || options.visible.has(c)).sort((a, b) => order.get(a)! - order.get(b)!);
    if (codes.length > 0) shown.push({ id: `${p.coder.id}\u0000${p.segment.id}`, range: p.range, codes });
    if (p.status === 'fuzzy' && (codes.length > 0 || known.length === 0)) approximate.push({ ...p.range });
  }
  approximate.sort((a, b) => a.start - b.start || a.end - b.end);
  shown.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || compare(a.id, b.id));
  return {
    byCode: wholeRanges(shown),
    fills: innermostFills(shown),
    lines: codesPerLine(shown, options.lineOf, order),
    ends: codesAtEnds(shown, order),
    unknownCode,
    approximate,
  };
}

/** Codes in the order the Codebook view lists them: parents before children, siblings by name. */
export function displayOrder(codebook: Codebook): Map<CodeId, number> {
  const order = new Map<CodeId, number>();
  const walk = (parent: CodeId | null): void => {
    for (const code of codebook.children(parent)) {
      order.set(code.id, order.size);
      walk(code.id);
    }
  };
  walk(null);
  return order;
}

function wholeRanges(shown: readonly Shown[]): Map<CodeId, TextRange[]> {
  const byCode = new Map<CodeId, TextRange[]>();
  for (const s of shown) for (const code of s.codes) push(byCode, code, { ...s.range });
  return byCode;
}

/** Shorter wins; for equal lengths the later start, then the id, so the choice never flickers. */
function isInner(a: Shown, b: Shown): boolean {
  const la = a.range.end - a.range.start;
  const lb = b.range.end - b.range.start;
  if (la !== lb) return la < lb;
  if (a.range.start !== b.range.start) return a.range.start > b.range.start;
  return compare(a.id, b.id) > 0;
}

/**
 * A sweep over the segment boundaries: between two consecutive boundaries the same segments cover
 * the text, and the innermost of them gives the colour. Pieces of one segment that touch are merged.
 */
function innermostFills(shown: readonly Shown[]): Map<CodeId, TextRange[]> {
  const fills = new Map<CodeId, TextRange[]>();
  const bounds = [...new Set(shown.flatMap((s) => [s.range.start, s.range.end]))].sort((a, b) => a - b);
  let active: Shown[] = [];
  let next = 0;
  let open: { owner: Shown; start: number; end: number } | undefined;
  const close = (): void => {
    if (open) push(fills, open.owner.codes[0], { start: open.start, end: open.end });
    open = undefined;
  };
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [from, to] = [bounds[i], bounds[i + 1]];
    active = active.filter((s) => s.range.end > from);
    while (next < shown.length && shown[next].range.start <= from) active.push(shown[next++]);
    const owner = active.reduce<Shown | undefined>((best, s) => (best === undefined || isInner(s, best) ? s : best), undefined);
    if (open && (open.owner !== owner || open.end !== from)) close();
    if (!owner) continue;
    if (open) open.end = to;
    else open = { owner, start: from, end: to };
  }
  close();
  return fills;
}

function codesPerLine(shown: readonly Shown[], lineOf: (offset: number) => number, order: Map<CodeId, number>): { line: number; codes: CodeId[] }[] {
  const perLine = new Map<number, Set<CodeId>>();
  for (const s of shown) {
    const last = lineOf(s.range.end - 1);
    for (let line = lineOf(s.range.start); line <= last; line++) {
      const codes = perLine.get(line) ?? new Set<CodeId>();
      for (const code of s.codes) codes.add(code);
      perLine.set(line, codes);
    }
  }
  return [...perLine]
    .sort(([a], [b]) => a - b)
    .map(([line, codes]) => ({ line, codes: [...codes].sort((a, b) => order.get(a)! - order.get(b)!) }));
}

function codesAtEnds(shown: readonly Shown[], order: Map<CodeId, number>): { at: number; codes: CodeId[] }[] {
  const perEnd = new Map<number, Set<CodeId>>();
  for (const s of shown) {
    const codes = perEnd.get(s.range.end) ?? new Set<CodeId>();
    for (const code of s.codes) codes.add(code);
    perEnd.set(s.range.end, codes);
  }
  return [...perEnd]
    .sort(([a], [b]) => a - b)
    .map(([at, codes]) => ({ at, codes: [...codes].sort((a, b) => order.get(a)! - order.get(b)!) }));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
