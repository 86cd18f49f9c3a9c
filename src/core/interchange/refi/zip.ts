/**
 * The .qdpx container, read defensively with fflate. Every entry name is checked before anything is
 * inflated (no absolute paths, no `..`), and only the entries the import needs (the .qde and plain
 * text files) are inflated, each into a buffer of its declared size, with the declared sizes capped:
 * a zip bomb is refused before any inflating and can never grow past its declared size.
 */
import { type UnzipFileInfo, unzipSync, zipSync } from 'fflate';
import { RefiImportError } from './errors';

export interface ZipLimits {
  /** Largest total uncompressed size of the entries that are read, in bytes. */
  maxTotalBytes: number;
  /** Most entries an archive may list. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 200 * 1024 * 1024, maxEntries: 20_000 };

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // local file header: an archive with entries
  [0x50, 0x4b, 0x05, 0x06], // end of central directory: an empty archive
];

export function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte));
}

/** Entry names, and the content of those `wanted` selects. Throws RefiImportError when unsafe. */
export function readZip(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): { names: string[]; files: Map<string, Uint8Array> } {
  const entries = listEntries(bytes);
  checkEntries(entries, wanted, limits);
  const files = new Map<string, Uint8Array>();
  const inflated = unzipOrExplain(bytes, (info) => wanted(info.name) && info.originalSize > 0);
  for (const entry of entries) {
    if (!wanted(entry.name)) continue;
    files.set(entry.name, Object.prototype.hasOwnProperty.call(inflated, entry.name) ? inflated[entry.name] : new Uint8Array(0));
  }
  return { names: entries.map((e) => e.name), files };
}

function listEntries(bytes: Uint8Array): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  unzipOrExplain(bytes, (info) => {
    entries.push({ ...info });
    return false;
  });
  return entries;
}

function unzipOrExplain(bytes: Uint8Array, filter: (info: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof RefiImportError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new RefiImportError(`The file is not a readable zip archive (${reason}); a .qdpx file is a zip archive holding project.qde.`);
  }
}

function checkEntries(entries: readonly UnzipFileInfo[], wanted: (name: string) => boolean, limits: ZipLimits): void {
  if (entries.length > limits.maxEntries) {
    throw new RefiImportError(`The archive lists ${entries.length} entries, more than the ${limits.maxEntries} a project export can plausibly hold; the file is refused.`);
  }
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const problem = unsafeNameProblem(entry.name);
    if (problem) throw new RefiImportError(`The archive entry ${JSON.stringify(entry.name)} ${problem}; the file is refused.`);
    if (seen.has(entry.name)) throw new RefiImportError(`The archive holds two entries named ${JSON.stringify(entry.name)}; the file is refused.`);
    seen.add(entry.name);
    if (!wanted(entry.name)) continue;
    if (entry.compression !== 0 && entry.compression !== 8) {
      throw new RefiImportError(`The archive entry ${JSON.stringify(entry.name)} uses compression method ${entry.compression}; only stored and deflated entries can be read.`);
    }
    total += entry.originalSize;
    if (entry.originalSize > limits.maxTotalBytes || total > limits.maxTotalBytes) {
      const megabytes = Math.round(limits.maxTotalBytes / (1024 * 1024));
      throw new RefiImportError(`The archive's text entries declare more than ${megabytes} MB once uncompressed (at ${JSON.stringify(entry.name)}); the file is refused as a possible zip bomb.`);
    }
  }
}

/** Why an entry name could write outside the folder it is extracted to, or undefined when safe. */
function unsafeNameProblem(name: string): string | undefined {
  if (name.includes('\0')) return 'contains a NUL character';
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'is an absolute path';
  if (path.split('/').some((part) => part === '..')) return 'climbs out of the archive with ".."';
  return undefined;
}

/** A deflated archive of `files` (name → content), in the order given, with a fixed date. */
export function writeZip(files: readonly [string, Uint8Array][], modified: Date): Uint8Array {
  const zippable: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, content] of files) zippable[name] = [content, { mtime: modified }];
  return zipSync(zippable, { level: 6 });
}
