/**
 * The latest messages a panel posted to its webview, for tests to observe what it shows. Only the
 * last few are kept (each may hold a large result), but positions count every message ever posted,
 * so "the messages since I acted" (`slice(length before)`) stays right once old ones are dropped —
 * a plain array trimmed from the front would shift every position and hide new messages.
 */
export class RecentMessages<T> {
  private readonly kept: T[] = [];
  private total = 0;

  constructor(private readonly keep = 20) {}

  /** How many messages were ever posted. */
  get length(): number {
    return this.total;
  }

  push(message: T): void {
    this.kept.push(message);
    this.total++;
    if (this.kept.length > this.keep) this.kept.shift();
  }

  /** The kept messages posted at positions `start` and later (positions count every message). */
  slice(start: number): T[] {
    const firstKept = this.total - this.kept.length;
    return this.kept.slice(Math.max(0, start - firstKept));
  }

  /** The message at a position (negative: counted from the end, -1 the last), if it is still kept. */
  at(index: number): T | undefined {
    if (index < 0) return this.kept.at(index);
    const firstKept = this.total - this.kept.length;
    return index < firstKept ? undefined : this.kept[index - firstKept];
  }
}
