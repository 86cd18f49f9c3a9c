import type { FileSystem } from '../ports';
import { StoreError } from './errors';
import type { FileWriter } from './file-writer';
import { CODES_DIR, CODING_DIR, PROJECT_FILE } from './format';

/**
 * What became of a guarded write: `saved` (the file now holds the new content), or `kept-on-disk`
 * (the file had changed since the caller read it; it was left as it is and the conflict reported).
 */
export type FileWriteOutcome = 'saved' | 'kept-on-disk';

/**
 * Whole-file writes of the project's other files — memos, `.grounded/attributes.json`,
 * `.grounded/speakers.json`, imported transcripts — through the store's FileWriter, so they have
 * the same guarantees as codes and coding: atomic, never two in flight, never over a file that
 * changed on disk since the caller read it, and the watcher's echo of the write is known as ours.
 *
 * The caller says what it based the new content on (`undefined`: the file must not exist yet), so
 * the guard compares the disk with exactly what the caller saw, not with an older read.
 */
export class ProjectFiles {
  private readonly conflicts = new Set<string>();
  private readonly failures = new Map<string, unknown>();

  constructor(
    private readonly fs: FileSystem,
    private readonly writer: FileWriter,
  ) {}

  async write(path: string, content: string, basedOn: string | undefined): Promise<FileWriteOutcome> {
    if (isStoreFile(path)) throw new StoreError(`${path} is written by the codebook and coding methods, not as a whole file.`);
    // Another write of this file first: the guard must compare against what the caller saw.
    await this.writer.settled(path);
    this.writer.remember(path, basedOn);
    this.conflicts.delete(path);
    this.failures.delete(path);
    this.writer.schedule(path, () => content);
    await this.writer.settled(path);
    if (this.failures.has(path)) {
      const error = this.failures.get(path);
      this.failures.delete(path);
      throw new StoreError(`${path} could not be written: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.conflicts.delete(path) ? 'kept-on-disk' : 'saved';
  }

  /** Does the disk hold what the store last wrote or was told of (a watcher event is our echo)? */
  async isOwnEcho(path: string): Promise<boolean> {
    await this.writer.settled(path);
    return this.writer.isKnown(path, await this.fs.readFile(path));
  }

  /** The writer kept the disk version of this file instead of writing it. */
  noteConflict(path: string): void {
    this.conflicts.add(path);
  }

  noteFailure(path: string, error: unknown): void {
    this.failures.set(path, error);
  }
}

/** Files owned by the store's repositories, which keep a model of them. */
function isStoreFile(path: string): boolean {
  return path === PROJECT_FILE || path.startsWith(`${CODES_DIR}/`) || path.startsWith(`${CODING_DIR}/`);
}
