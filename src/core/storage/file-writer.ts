import type { FileSystem } from '../ports';

/** What to write: the new content, or null to delete the file. */
export type Produce = () => string | null;

/**
 * Owns every write the store makes. Writes to one file are debounced (a burst of coding actions
 * becomes one write) and serialised (never two writes of one file in flight); each write is atomic
 * through the FileSystem port. It remembers what it last wrote, so the store can tell the watcher's
 * echo of its own write from a real external change.
 */
export class FileWriter {
  private readonly pending = new Map<string, { produce: Produce; timer: unknown }>();
  private readonly inFlight = new Map<string, Promise<void>>();
  /** The last few contents written per file: a late echo of an earlier write is still ours. */
  private readonly recentWrites = new Map<string, (string | null)[]>();
  private failures: { path: string; error: unknown }[] = [];

  constructor(
    private readonly fs: FileSystem,
    private readonly debounceMs: number,
    private readonly onError: (path: string, error: unknown) => void = () => {},
  ) {}

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

  /** Is this content one we ourselves wrote to the file recently (undefined: we deleted it)? */
  isOwnWrite(path: string, content: string | undefined): boolean {
    return this.recentWrites.get(path)?.includes(content ?? null) ?? false;
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

  private remember(path: string, content: string | null): void {
    const history = this.recentWrites.get(path) ?? [];
    history.push(content);
    if (history.length > ECHO_HISTORY) history.shift();
    this.recentWrites.set(path, history);
  }

  private async write(path: string, produce: Produce): Promise<void> {
    try {
      // Content is produced at write time, so the latest state of the model is what lands.
      const content = produce();
      this.remember(path, content);
      if (content === null) await this.fs.deleteFile(path);
      else await this.fs.writeFileAtomic(path, content);
    } catch (error) {
      this.failures.push({ path, error });
      this.onError(path, error);
    }
  }
}

const ECHO_HISTORY = 4;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
