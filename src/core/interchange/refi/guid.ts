/**
 * GUIDs for REFI-QDA files. Exported GUIDs are derived from the project's own ids, so exporting the
 * same project twice gives the same GUIDs and another program can recognise an updated export as
 * the same project. Codes and segments carry their Grounded id in the GUID itself (RFC 9562
 * version 8, see {@link idGuid}), so importing our own export gives back the same ids and the
 * result merges with the project it came from; everything else gets a name-based UUID (version 5).
 * Imported ids of other programs' things are derived from the file's GUIDs, so importing the same
 * file twice gives the same Grounded ids.
 */
import { sha1 } from './sha1';

/** The UUID namespace of every GUID Grounded derives; fixed forever, or GUIDs would change. */
export const GROUNDED_GUID_NAMESPACE = '0c8f4d52-6b1e-4f3a-9d27-5a61e0b3c948';

const GUID_PATTERN = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** The kinds of thing that get a GUID: part of the hashed name, so two kinds never share one. */
export type GuidKind = 'user' | 'code' | 'source' | 'selection' | 'coding' | 'note' | 'variable' | 'case' | 'link';

/** Version-5 UUID of `name` in `namespace`, lowercase, without braces. */
export function uuidV5(namespace: string, name: string): string {
  const namespaceBytes = hexToBytes(namespace.replace(/-/g, ''));
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(namespaceBytes.length + nameBytes.length);
  input.set(namespaceBytes);
  input.set(nameBytes, namespaceBytes.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytesToHex(hash);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The GUID of one thing in an exported project: `uuidV5(namespace, "<kind>:<key>")`. */
export function stableGuid(kind: GuidKind, key: string): string {
  return uuidV5(GROUNDED_GUID_NAMESPACE, `${kind}:${key}`);
}

/**
 * A GUID as read from a file, made comparable: trimmed, braces removed, lowercase (ATLAS.ti writes
 * uppercase, the specification's examples mix braced and bare forms). Values that are not GUIDs at
 * all (some hand-written files use names) are kept, trimmed and lowercased, as opaque keys.
 */
export function normaliseGuid(raw: string): string {
  const trimmed = raw.trim();
  const match = GUID_PATTERN.exec(trimmed);
  return (match ? match[1] : trimmed).toLowerCase();
}

export function isGuid(value: string): boolean {
  return GUID_PATTERN.test(value.trim());
}

/** 12 characters of lowercase Crockford base32 (60 bits) hashed from `key`, for Grounded ids. */
export function base32Id(key: string): string {
  const hash = sha1(new TextEncoder().encode(key));
  let bits = 0;
  let value = 0;
  let id = '';
  for (const byte of hash) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && id.length < 12) {
      bits -= 5;
      id += CROCKFORD[(value >>> bits) & 31];
    }
    if (id.length === 12) break;
  }
  return id;
}

/** The first 48 bits of every GUID that carries a Grounded id; fixed forever. */
const ID_GUID_TAG = '6a7d0c1e5b92';
/** 12 bits after the version digit: which kind of id the GUID carries. */
const ID_GUID_KINDS = { code: 'c01', segment: '5e9' } as const;
const ID_PREFIXES = { code: 'c-', segment: 's-' } as const;
export type IdKind = keyof typeof ID_GUID_KINDS;
const ID_PATTERN = /^[cs]-[0-9a-hjkmnp-tv-z]{12}$/;

/**
 * A GUID carrying a Grounded code or segment id ("c-" or "s-" and 12 Crockford base32 characters,
 * 60 bits): tag (48 bits), version 8, kind (12 bits), variant, id (60 bits). Undefined for an id of
 * another shape, which then gets a {@link stableGuid}.
 */
export function idGuid(kind: IdKind, id: string): string | undefined {
  if (!ID_PATTERN.test(id) || !id.startsWith(ID_PREFIXES[kind])) return undefined;
  let value = 0n;
  for (const char of id.slice(2)) value = (value << 5n) | BigInt(CROCKFORD.indexOf(char));
  const payload = value.toString(16).padStart(15, '0');
  const hex = `${ID_GUID_TAG}8${ID_GUID_KINDS[kind]}8${payload}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The Grounded id a GUID from {@link idGuid} carries, if it is one of that kind. */
export function idOfGuid(kind: IdKind, guid: string): string | undefined {
  const hex = normaliseGuid(guid).replace(/-/g, '');
  if (hex.length !== 32 || !hex.startsWith(`${ID_GUID_TAG}8${ID_GUID_KINDS[kind]}8`)) return undefined;
  let value = BigInt(`0x${hex.slice(17)}`);
  let id = '';
  for (let i = 0; i < 12; i++) {
    id = CROCKFORD[Number(value & 31n)] + id;
    value >>= 5n;
  }
  return ID_PREFIXES[kind] + id;
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function bytesToHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
