/**
 * Transcript text as the core sees it: LF line endings, no byte-order mark. Files on disk and
 * documents in an editor may use CRLF (or a lone CR) and start with a BOM; this module normalises
 * them and converts offsets between the two forms.
 */
import { countBelow } from '../sorted-numbers';

const BOM = 0xfeff;
const LF = 0x0a;

/** Strip a leading BOM and turn CRLF and lone CR into LF. */
export function normaliseText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === BOM ? raw.slice(1) : raw;
  return withoutBom.indexOf('\r') === -1 ? withoutBom : withoutBom.replace(/\r\n?/g, '\n');
}

/**
 * Offsets between a raw text and its normalised form, built once per text so that converting many
 * offsets costs a binary search each.
 */
export interface OffsetMap {
  /** The normalised text. */
  readonly text: string;
  /** Raw offset → normalised offset. An offset between CR and LF maps to the line break. */
  toNormalised(rawOffset: number): number;
  /** Normalised offset → raw offset. A line break's offset maps to before its CR; 0 maps past a BOM. */
  toRaw(normalisedOffset: number): number;
}

export function createOffsetMap(raw: string): OffsetMap {
  const bom = raw.charCodeAt(0) === BOM ? 1 : 0;
  // Every CR that is followed by LF disappears in the normalised text (a lone CR becomes LF and
  // keeps its length). Record where each one was, in raw and in normalised offsets.
  const removedRaw: number[] = [];
  const removedNormalised: number[] = [];
  for (let i = raw.indexOf('\r'); i !== -1; i = raw.indexOf('\r', i + 1)) {
    if (raw.charCodeAt(i + 1) !== LF) continue;
    removedNormalised.push(i - bom - removedRaw.length);
    removedRaw.push(i);
  }
  const text = normaliseText(raw);
  if (bom === 0 && removedRaw.length === 0) {
    return { text, toNormalised: (offset) => clamp(offset, text.length), toRaw: (offset) => clamp(offset, text.length) };
  }
  return {
    text,
    toNormalised(rawOffset) {
      const offset = clamp(rawOffset, raw.length);
      return Math.max(0, offset - bom) - countBelow(removedRaw, offset);
    },
    toRaw(normalisedOffset) {
      const offset = clamp(normalisedOffset, text.length);
      return offset + bom + countBelow(removedNormalised, offset);
    },
  };
}

/** One-off conversion; build an {@link OffsetMap} when converting many offsets of the same text. */
export function toNormalisedOffset(raw: string, rawOffset: number): number {
  return createOffsetMap(raw).toNormalised(rawOffset);
}

/** One-off conversion; build an {@link OffsetMap} when converting many offsets of the same text. */
export function toRawOffset(raw: string, normalisedOffset: number): number {
  return createOffsetMap(raw).toRaw(normalisedOffset);
}


function clamp(offset: number, length: number): number {
  return Math.min(Math.max(0, offset), length);
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/**
 * `text.startsWith(piece, offset)`. Comparing a slice is several times faster in V8 than
 * startsWith with a position, which matters when checking thousands of quotes.
 */
export function occursAt(text: string, offset: number, piece: string): boolean {
  return offset >= 0 && text.slice(offset, offset + piece.length) === piece;
}

/** `text.endsWith(piece, offset)`, as fast as {@link occursAt}. */
export function endsAt(text: string, offset: number, piece: string): boolean {
  return offset - piece.length >= 0 && offset <= text.length && text.slice(offset - piece.length, offset) === piece;
}
