import type { IdSource } from './ports';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lowercase

/**
 * Random ids from the platform's cryptographic source (globalThis.crypto exists in Node ≥ 19 and in
 * browsers). 12 base32 characters = 60 bits: collisions between coders stay negligible for any
 * realistic study, and ids sort uniformly, so records added on two branches land apart in a file.
 */
export const randomIds: IdSource = {
  next(prefix: string): string {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    let id = '';
    for (const b of bytes) id += ALPHABET[b & 31];
    return `${prefix}${id}`;
  },
};

/** Deterministic ids for tests and fixtures: `prefix` + zero-padded counter. */
export function sequentialIds(start = 1): IdSource {
  let n = start;
  return { next: (prefix) => `${prefix}${String(n++).padStart(12, '0')}` };
}
