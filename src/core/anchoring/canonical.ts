/**
 * Unicode-insensitive matching. The same words may arrive precomposed (NFC, "é") or decomposed (NFD,
 * "e" + combining accent), depending on the tool that last saved the file. Matching runs on the NFC
 * form of the text; offsets found there are mapped back so that callers always get offsets in the
 * text they passed.
 */

/** Characters below U+0300 never change under NFC unless a combining mark follows them. */
const MAY_CHANGE_UNDER_NFC = /[\u0300-\uffff]/;
/** Code points that attach to the preceding character (marks, and Hangul vowel and final jamo). */
const CONTINUATION = /^[\p{M}\u1160-\u11ff]$/u;

export function isNfc(text: string): boolean {
  return !MAY_CHANGE_UNDER_NFC.test(text) || text.normalize('NFC') === text;
}

export function toNfc(text: string): string {
  return isNfc(text) ? text : text.normalize('NFC');
}

/** The NFC form of a text and offset conversions between it and the original. */
export interface CanonicalText {
  readonly text: string;
  /** True when the original already was NFC, so offsets are the same in both. */
  readonly identity: boolean;
  /** Original offset → canonical offset (an offset inside a recomposed cluster goes to its start). */
  toCanonical(offset: number): number;
  /** Canonical offset of a range start → original offset (inside a cluster: the cluster's start). */
  startToOriginal(offset: number): number;
  /** Canonical offset of a range end → original offset (inside a cluster: the cluster's end). */
  endToOriginal(offset: number): number;
}

/** A run of the original text whose NFC form differs from it. */
interface ChangedCluster {
  originalStart: number;
  originalEnd: number;
  canonicalStart: number;
  canonicalEnd: number;
}

export function canonicalText(text: string): CanonicalText {
  if (isNfc(text)) {
    const same = (offset: number): number => offset;
    return { text, identity: true, toCanonical: same, startToOriginal: same, endToOriginal: same };
  }
  const { canonical, clusters } = recompose(text);
  const shiftAfter = (c: ChangedCluster): number => c.canonicalEnd - c.originalEnd;
  return {
    text: canonical,
    identity: false,
    toCanonical(offset) {
      const c = lastAtOrBefore(clusters, offset, (x) => x.originalStart);
      if (!c) return offset;
      return offset < c.originalEnd ? c.canonicalStart : offset + shiftAfter(c);
    },
    startToOriginal(offset) {
      const c = lastAtOrBefore(clusters, offset, (x) => x.canonicalStart);
      if (!c) return offset;
      return offset < c.canonicalEnd ? c.originalStart : offset - shiftAfter(c);
    },
    endToOriginal(offset) {
      const c = lastAtOrBefore(clusters, offset - 1, (x) => x.canonicalStart);
      if (!c) return offset;
      return offset <= c.canonicalEnd ? c.originalEnd : offset - shiftAfter(c);
    },
  };
}

/**
 * NFC of the text, cluster by cluster (a base character and the marks attached to it), recording
 * every cluster that changed so that offsets can be mapped through.
 */
function recompose(text: string): { canonical: string; clusters: ChangedCluster[] } {
  const clusters: ChangedCluster[] = [];
  const pieces: string[] = [];
  let copiedUpTo = 0;
  let canonicalLength = 0;
  let start = 0;
  while (start < text.length) {
    const end = clusterEnd(text, start);
    if (MAY_CHANGE_UNDER_NFC.test(text.slice(start, end))) {
      const original = text.slice(start, end);
      const nfc = original.normalize('NFC');
      if (nfc !== original) {
        pieces.push(text.slice(copiedUpTo, start), nfc);
        canonicalLength += start - copiedUpTo;
        clusters.push({ originalStart: start, originalEnd: end, canonicalStart: canonicalLength, canonicalEnd: canonicalLength + nfc.length });
        canonicalLength += nfc.length;
        copiedUpTo = end;
      }
    }
    start = end;
  }
  pieces.push(text.slice(copiedUpTo));
  return { canonical: pieces.join(''), clusters };
}

function clusterEnd(text: string, start: number): number {
  let end = start + codePointLength(text, start);
  while (end < text.length && text.charCodeAt(end) >= 0x300) {
    const length = codePointLength(text, end);
    if (!CONTINUATION.test(text.slice(end, end + length))) break;
    end += length;
  }
  return end;
}

function codePointLength(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xd800 && code <= 0xdbff && offset + 1 < text.length ? 2 : 1;
}

function lastAtOrBefore(clusters: readonly ChangedCluster[], offset: number, key: (c: ChangedCluster) => number): ChangedCluster | undefined {
  let low = 0;
  let high = clusters.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (key(clusters[mid]) <= offset) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? clusters[low - 1] : undefined;
}
