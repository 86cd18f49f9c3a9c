import type { FileSystem } from '../ports';

/** What to write: the new content, or null to delete the file. */
export type Produce = () => string | null;

/**
 * Owns every write the store makes. Writes to one file are debounced (a burst of coding actions
 * becomes one write) and serialised (never two writes of one file in flight); each write is atomic
 * through the FileSystem port.
 *
 * It knows what each file held when the store last read or wrote it. That tells the watcher's echo
 * of our own write (the disk holds what we know) from an external change (anything else), and it
 * guards every write: if the file changed on disk since we last saw it (a `git pull` landing in the
 * moment before a debounced write), the write is not made — the external version is kept and the
 * conflict is reported, instead of one side silently overwriting the other.
 *
 * What it knows is kept as each content's fingerprint: equal contents have equal fingerprints, and
 * with a cryptographic hash different contents never meet the same one in practice. The default
 * fingerprint is the text itself.
 */
export class FileWriter {
  private readonly pending = new Map<string, { produce: Produce; timer: unknown }>();
  private readonly inFlight = new Map<string, Promise<void>>();
  /** The fingerprint of what each file held when last read or written by us (null: absent). */
  private readonly known = new Map<string, string | null>();
  /** Files whose known content came from a load, not from a watcher event or our own write. */
  private readonly readUnannounced = new Set<string>();
  private failures: { path: string; error: unknown }[] = [];

  constructor(
    private readonly fs: FileSystem,
    private readonly debounceMs: number,
    private readonly fingerprint: (text: string) => string = (text) => text,
    private readonly onError: (path: string, error: unknown) => void = () => {},
    private readonly onConflict: (path: string, onDisk: string | undefined) => void = () => {},
  ) {}

  /** Record what a file holds (undefined: the file does not exist), as a watcher event announced it or as it was resolved. */
  remember(path: string, content: string | undefined): void {
    this.known.set(path, this.print(content));
    this.readUnannounced.delete(path);
  }

  /**
   * Record what a file holds as the store reads it of its own accord (a lazy or full load). The file
   * may have changed on disk a moment before, its watcher event still on the way: when that event
   * comes it finds nothing new, yet whoever keeps their own copy of the project has not heard of the
   * change. `readBeforeItsEvent` tells the store so.
   */
  rememberRead(path: string, content: string | undefined): void {
    this.known.set(path, this.print(content));
    this.readUnannounced.add(path);
  }

  /** Was this file's content, now confirmed by a watcher event, first read by a load? Asks once. */
  readBeforeItsEvent(path: string): boolean {
    return this.readUnannounced.delete(path);
  }

  /**
   * Forget what a file held: it could not be read, so whatever it holds next is news (not our
   * echo), and no write may land on it until it has been read again.
   */
  forget(path: string): void {
    this.known.delete(path);
    this.readUnannounced.delete(path);
  }

  /** Schedule a write; a later schedule of the same file before it runs replaces this one. */
  schedule(path: string, produce: Produce): void {
    const existing = this.pending.get(path);
    if (existing?.timer !== undefined) clearTimeout(existing.timer);
    if (this.debounceMs <= 0) {
      this.pending.set(path, { produce, timer: undefined });
      this.run(path);
      return;
    }
    const timer = setTimeout(() => {
      const entry = this.pending.get(path);
      if (entry) entry.timer = undefined;
      this.run(path);
    }, this.debounceMs);
    this.pending.set(path, { produce, timer });
  }

  /** Does the file hold what we last read or wrote (so a watcher event for it is our own echo)? */
  isKnown(path: string, content: string | undefined): boolean {
    return this.known.has(path) && this.known.get(path) === this.print(content);
  }

  /** Wait until no write of this file is waiting or under way. */
  async settled(path: string): Promise<void> {
    while (this.isBusy(path)) {
      const entry = this.pending.get(path);
      if (entry?.timer !== undefined) {
        clearTimeout(entry.timer);
        entry.timer = undefined;
        this.run(path);
      }
      await this.inFlight.get(path);
    }
  }

  /** Write everything pending now and wait for it; rejects if any write failed. */
  async flush(): Promise<void> {
    for (const [path, entry] of this.pending) {
      if (entry.timer !== undefined) clearTimeout(entry.timer);
      entry.timer = undefined;
      this.run(path);
    }
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight.values()]);
    const failures = this.failures;
    this.failures = [];
    if (failures.length > 0) {
      throw new Error(failures.map((f) => `${f.path}: ${describe(f.error)}`).join('\n'));
    }
  }

  /** Is a write of this file waiting or under way? */
  isBusy(path: string): boolean {
    return this.pending.has(path) || this.inFlight.has(path);
  }

  /** What is kept of a content: its fingerprint, or null for a file that is not there. */
  private print(content: string | null | undefined): string | null {
    return content === undefined || content === null ? null : this.fingerprint(content);
  }

  /**
   * Start the due write of this file unless one is in flight; the one in flight starts the next
   * when it settles. Writes of one file never overlap, and a burst scheduled meanwhile becomes one.
   */
  private run(path: string): void {
    const entry = this.pending.get(path);
    if (!entry || entry.timer !== undefined || this.inFlight.has(path)) return;
    this.pending.delete(path);
    const write = this.write(path, entry.produce).finally(() => {
      this.inFlight.delete(path);
      this.run(path);
    });
    this.inFlight.set(path, write);
  }

  private async write(path: string, produce: Produce): Promise<void> {
    try {
      // Content is produced at write time, so the latest state of the model is what lands.
      const content = produce();
      const onDisk = await this.fs.readFile(path);
      const onDiskPrint = this.print(onDisk);
      if (onDiskPrint !== (this.known.get(path) ?? null)) {
        this.known.set(path, onDiskPrint);
        this.onConflict(path, onDisk);
        return;
      }
      if (content === (onDisk ?? null)) return;
      if (content === null) await this.fs.deleteFile(path);
      else await this.fs.writeFileAtomic(path, content);
      this.known.set(path, this.print(content));
      this.readUnannounced.delete(path);
    } catch (error) {
      this.failures.push({ path, error });
      this.onError(path, error);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
