/**
 * At most so many pieces of asynchronous work at once; the rest wait their turn, first come first
 * served. Reading a project starts thousands of file reads together. Each read's completion runs a
 * little JavaScript, and completions that arrive together run back to back without a break: with
 * every file asked for at once, the extension host was busy for half a second while a batch landed,
 * and thousands of buffers were alive together. The disk is no faster with more requests waiting
 * than a few dozen (Node reads files on four threads), so a limit costs nothing in speed.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`a concurrency limit must be a positive whole number, not ${max}`);
  }

  /** Runs `work` once fewer than the limit are running; resolves or rejects as it does. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so a newcomer cannot take it in between.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** How many are running now (for tests). */
  get active(): number {
    return this.running;
  }
}
