import type * as vscode from 'vscode';
import { Emitter } from '../../core/event';

/**
 * A value read from the project's files and read again when they change: reads never overlap
 * (each waits for the one before), a burst of file events becomes one read after a pause, and a
 * failed read is logged and keeps the last good value.
 */
export class ReloadingValue<T> implements vscode.Disposable {
  private current: T | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly read: () => Promise<T | undefined>,
    private readonly what: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly delayMs: number,
  ) {}

  /** The last value read; undefined until the first read. */
  get value(): T | undefined {
    return this.current;
  }

  /** Read again now; resolves with the fresh value. */
  reload(): Promise<T | undefined> {
    clearTimeout(this.timer);
    this.loading = this.loading.then(async () => {
      try {
        const next = await this.read();
        if (next === undefined) return;
        this.current = next;
        this.changed.fire();
      } catch (error) {
        this.log.error(`Reading ${this.what} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return this.loading.then(() => this.current);
  }

  /** Read again after a pause, unless another change comes first. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), this.delayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}
