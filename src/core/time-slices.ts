/**
 * Long work in slices: reading a whole project parses thousands of files, and in the editor's
 * extension host everything else (an editor asking for its colours, a command) waits while that
 * runs without a break. Each piece of work (one file's parse) is handed to {@link Slices.run};
 * pieces run one after another until the current slice has used its budget, and the rest after
 * the host has had its turn. Outside the editor (the CLI, tests) there is nobody to wait for:
 * {@link NO_SLICES} runs every piece at once.
 */
export interface Slices {
  /** Runs `work` (synchronous) when its turn comes; resolves with its result. */
  run<T>(work: () => T): Promise<T>;
}

export const NO_SLICES: Slices = {
  run: async (work) => work(),
};

/** `setImmediate` where there is one (Node: after pending I/O), else a zero timeout (browsers). */
const later: (callback: () => void) => void =
  (globalThis as { setImmediate?: (callback: () => void) => void }).setImmediate ?? ((callback) => void setTimeout(callback, 0));

interface Piece {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class TimeSlices implements Slices {
  private readonly queue: Piece[] = [];
  private sliceStarted = Date.now();
  private draining = false;

  /** `budgetMs`: how long one slice may run before others get a turn. */
  constructor(private readonly budgetMs = 15) {}

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        // Pieces handed over together are weighed together.
        void Promise.resolve().then(() => this.drain());
      }
    });
  }

  /** `newSlice`: a slice that has just begun runs at least one piece, whatever the budget. */
  private drain(newSlice = false): void {
    let ranOne = !newSlice;
    while (this.queue.length > 0) {
      if (ranOne && Date.now() - this.sliceStarted >= this.budgetMs) {
        later(() => {
          this.sliceStarted = Date.now();
          this.drain(true);
        });
        return;
      }
      ranOne = true;
      const piece = this.queue.shift()!;
      try {
        piece.resolve(piece.work());
      } catch (error) {
        piece.reject(error);
      }
    }
    this.draining = false;
  }
}
