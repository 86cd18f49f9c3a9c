import type { FileSystem } from '../ports';

/**
 * Where atomic writes put their temporary files: one folder inside the project (so the final
 * rename stays on one file system), holding a `.gitignore` of `*` that Grounded writes itself —
 * git ignores a leftover of an interrupted write without any rule in the researcher's own
 * `.gitignore`, and `git add -A` never commits one.
 */
export const TEMPORARY_FOLDER = '.grounded/.tmp';
export const TEMPORARY_GITIGNORE = `${TEMPORARY_FOLDER}/.gitignore`;
export const TEMPORARY_GITIGNORE_TEXT = '# Temporary files of interrupted writes (Grounded removes them).\n*\n';

/** A leftover older than this cannot belong to a write still under way (writes take milliseconds). */
export const STALE_AFTER_MS = 60 * 60 * 1000;

const NAME = /^(\d{13})-[0-9a-f]+\.tmp$/;

/** A temporary file's name: when it was made (so a later open knows a leftover is stale) and a random part. */
export function temporaryFileName(now: number, random: string): string {
  return `${String(Math.floor(now)).padStart(13, '0')}-${random}.tmp`;
}

/**
 * Delete the temporary files interrupted writes left behind (a crash, a killed process, a full
 * disk). Only files named as ours and older than an hour: another process (the command-line tool
 * beside the editor) may be writing right now. Returns the project paths deleted.
 */
export async function sweepTemporaryFiles(fs: FileSystem, now: number): Promise<string[]> {
  const swept: string[] = [];
  for (const entry of await fs.readDirectory(TEMPORARY_FOLDER)) {
    const made = NAME.exec(entry.name);
    if (entry.kind !== 'file' || !made || now - Number(made[1]) < STALE_AFTER_MS) continue;
    const path = `${TEMPORARY_FOLDER}/${entry.name}`;
    await fs.deleteFile(path);
    swept.push(path);
  }
  return swept;
}
