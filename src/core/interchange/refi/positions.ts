/**
 * Character positions between Grounded and REFI-QDA. Grounded counts UTF-16 code units over LF
 * text without a BOM. The specification counts Unicode code points; real programs count otherwise
 * (NVivo for Windows: UTF-16 units with CRLF as two; ATLAS.ti and MAXQDA: CRLF as one). A reading
 * names one such convention, and a ReadingMap turns its positions into Grounded offsets.
 */

export type PositionUnit = 'code-points' | 'utf-16';

/** How a file's author counted positions in a plain-text source. */
export interface OffsetReading {
  unit: PositionUnit;
  /** How many positions a CR LF line break takes. */
  crlf: 1 | 2;
  /** Whether a byte-order mark at the start of the file takes position 0. */
  bomCounted: boolean;
}

/** UTF-16 offsets in `text` → code-point offsets (an offset inside a surrogate pair rounds down). */
export function codePointCounter(text: string): (utf16Offset: number) => number {
  const pairEnds: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      pairEnds.push(i + 1);
      i++;
    }
  }
  if (pairEnds.length === 0) return (offset) => offset;
  return (offset) => offset - countAtOrBelow(pairEnds, offset);
}

/** Positions under one reading of a raw source text, mapped onto its normalised form. */
export interface ReadingMap {
  /** The highest position in the reading: its length. */
  readonly length: number;
  /** The normalised offset, or undefined beyond the end; `aligned` is false inside a character or CR LF. */
  toText(position: number): { offset: number; aligned: boolean } | undefined;
}

/**
 * `raw` is the decoded file without its BOM (`hadBom` says whether there was one); the normalised
 * text is `raw` with CR LF and lone CR turned into LF, as the transcript is written.
 */
export function readingMap(raw: string, hadBom: boolean, reading: OffsetReading): ReadingMap {
  const offsets: number[] = [];
  const misaligned: boolean[] = [];
  const push = (offset: number, aligned: boolean): void => {
    offsets.push(offset);
    misaligned.push(!aligned);
  };
  if (hadBom && reading.bomCounted) push(0, true);
  let normalised = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    push(normalised, true);
    if (code === 0x0d && raw.charCodeAt(i + 1) === 0x0a) {
      if (reading.crlf === 2) push(normalised, false);
      i++;
      normalised += 1;
    } else if (isHigh(code) && isLow(raw.charCodeAt(i + 1))) {
      if (reading.unit === 'utf-16') push(normalised, false);
      i++;
      normalised += 2;
    } else normalised += 1;
  }
  push(normalised, true);
  return {
    length: offsets.length - 1,
    toText(position) {
      if (!Number.isInteger(position) || position < 0 || position >= offsets.length) return undefined;
      return { offset: offsets[position], aligned: !misaligned[position] };
    },
  };
}

export function describeReading(reading: OffsetReading, relevant: { unit: boolean; crlf: boolean; bom: boolean }): string {
  const unit = reading.unit === 'utf-16' ? 'UTF-16 code units' : 'code points';
  const parts = [relevant.unit ? unit : 'code points or UTF-16 units alike (no characters beyond the BMP)'];
  parts.push(relevant.crlf ? `CR LF counted as ${reading.crlf}` : 'no CR LF line breaks');
  parts.push(relevant.bom ? (reading.bomCounted ? 'BOM counted' : 'BOM not counted') : 'no BOM');
  return parts.join(', ');
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** How many values in the ascending array are ≤ `value`. */
function countAtOrBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
