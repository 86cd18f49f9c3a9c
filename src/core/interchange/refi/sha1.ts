/**
 * SHA-1 (FIPS 180-4), used only to derive name-based UUIDs (RFC 9562 version 5) and stable ids.
 * Not for security: SHA-1 is broken for collision resistance against an attacker, but the inputs
 * here are a project's own ids, and version-5 UUIDs are defined on SHA-1.
 */
export function sha1(message: Uint8Array): Uint8Array {
  const words = padMessage(message);
  const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  const schedule = new Uint32Array(80);
  for (let block = 0; block < words.length; block += 16) {
    compressBlock(state, words, block, schedule);
  }
  const digest = new Uint8Array(20);
  for (let i = 0; i < 5; i++) {
    digest[i * 4] = state[i] >>> 24;
    digest[i * 4 + 1] = (state[i] >>> 16) & 0xff;
    digest[i * 4 + 2] = (state[i] >>> 8) & 0xff;
    digest[i * 4 + 3] = state[i] & 0xff;
  }
  return digest;
}

/** The message as big-endian 32-bit words, padded with 1, zeros and the 64-bit bit length. */
function padMessage(message: Uint8Array): Uint32Array {
  const blockCount = Math.ceil((message.length + 9) / 64);
  const bytes = new Uint8Array(blockCount * 64);
  bytes.set(message);
  bytes[message.length] = 0x80;
  const bitLength = message.length * 8;
  const view = new DataView(bytes.buffer);
  view.setUint32(bytes.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(bytes.length - 4, bitLength >>> 0);
  const words = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4);
  return words;
}

function compressBlock(state: Uint32Array, words: Uint32Array, offset: number, w: Uint32Array): void {
  for (let t = 0; t < 16; t++) w[t] = words[offset + t];
  for (let t = 16; t < 80; t++) w[t] = rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
  let [a, b, c, d, e] = state;
  for (let t = 0; t < 80; t++) {
    const mixed = (rotateLeft(a, 5) + roundFunction(t, b, c, d) + e + roundConstant(t) + w[t]) >>> 0;
    e = d;
    d = c;
    c = rotateLeft(b, 30);
    b = a;
    a = mixed;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
  state[4] += e;
}

function roundFunction(t: number, b: number, c: number, d: number): number {
  if (t < 20) return (b & c) | (~b & d);
  if (t >= 40 && t < 60) return (b & c) | (b & d) | (c & d);
  return b ^ c ^ d;
}

function roundConstant(t: number): number {
  if (t < 20) return 0x5a827999;
  if (t < 40) return 0x6ed9eba1;
  if (t < 60) return 0x8f1bbcdc;
  return 0xca62c1d6;
}

function rotateLeft(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
