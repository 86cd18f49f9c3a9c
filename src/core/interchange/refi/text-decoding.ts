/** Decoding the bytes of XML and plain-text files whatever their byte-order mark says. */

export interface DecodedText {
  /** The text without its byte-order mark. */
  text: string;
  hadBom: boolean;
  /** Set when the bytes were not valid UTF-8 and were read as Windows-1252 instead. */
  fallback?: 'windows-1252';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)) ?? latin(bytes.subarray(3)), hadBom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), hadBom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), hadBom: true };
  const text = utf8(bytes);
  if (text !== undefined) return { text, hadBom: false };
  return { text: latin(bytes), hadBom: false, fallback: 'windows-1252' };
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function latin(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes);
}
