/**
 * Writing a command's output file (a report, the codebook, an export). The file is written beside
 * its target under a temporary name and renamed over it, so an interrupted run (a full disk, Ctrl-C)
 * leaves the earlier file whole rather than half of a new one; a folder that does not exist is said
 * in words rather than as ENOENT.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class OutputError extends Error {}

export async function writeOutput(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const found = await stat(folder).catch(() => undefined);
  if (!found?.isDirectory()) throw new OutputError(`cannot write ${path}: the folder ${folder} does not exist (create it first, or name another file with --out)`);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
