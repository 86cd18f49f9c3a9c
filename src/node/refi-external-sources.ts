import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join } from 'node:path';
import type { ExternalReference } from '../core/interchange/refi';

/** Largest plain-text file read from outside the archive. */
const MAX_EXTERNAL_BYTES = 50 * 1024 * 1024;

/**
 * Reads the sources a REFI-QDA file keeps outside its archive (`relative://`, `absolute://`),
 * for a file at `archive` on this computer. Only plain-text files are read, so a crafted project
 * file cannot pull arbitrary files of this computer into the new project.
 */
export function externalSourceReader(archive: string): (reference: ExternalReference) => Uint8Array | undefined {
  return (reference) => {
    const path = reference.path.replace(/^\/+(?=[A-Za-z]:)/, '');
    const candidates = reference.scheme === 'absolute'
      ? [isAbsolute(path) ? path : `/${path}`]
      : [reference.basePath ? join(reference.basePath, path) : undefined, join(dirname(archive), path)];
    for (const candidate of candidates) {
      if (candidate === undefined || extname(candidate).toLowerCase() !== '.txt') continue;
      try {
        const stat = statSync(candidate);
        if (stat.isFile() && stat.size <= MAX_EXTERNAL_BYTES) return new Uint8Array(readFileSync(candidate));
      } catch {
        // not there: try the next place
      }
    }
    return undefined;
  };
}
