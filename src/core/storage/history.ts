/**
 * Undo and redo of coding actions. Every change the repositories make inside an action is recorded
 * as (what it was, what it became) for one code or one coder's coding file; undo puts the "before"
 * values back in reverse order, redo the "after" values in order. Values are immutable records, so
 * an entry costs references, not copies.
 */

export interface Change {
  /** Restore the state before (`undo`) or after (`redo`) the change; schedules the write. */
  apply(direction: 'before' | 'after'): void;
}

export interface HistoryEntry {
  label: string;
  changes: Change[];
}

const MAX_ENTRIES = 200;

export class History {
  private readonly undoStack: HistoryEntry[] = [];
  private readonly redoStack: HistoryEntry[] = [];
  /** The changes of the action running now; undefined outside actions and in unrecorded edits. */
  private recording: Change[] | undefined;
  /** Async actions run one after another, so each one's changes are its own step. */
  private queue: Promise<unknown> = Promise.resolve();

  /** Called by the repositories for every change; ignored outside an action. */
  record(change: Change): void {
    this.recording?.push(change);
  }

  /**
   * Run an action, recording its changes as one undoable step. It starts once the actions before it
   * have finished: while one waits (for a load, say), another's changes must not land in its step.
   * An action must not start another action (it would wait for itself).
   */
  run<T>(label: string, action: () => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      this.recording = [];
      try {
        return await action();
      } finally {
        this.commit(label);
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** A synchronous action: its own step even while an async action waits for something. */
  runSync<T>(label: string, action: () => T): T {
    const outer = this.recording;
    this.recording = [];
    try {
      return action();
    } finally {
      this.commit(label);
      this.recording = outer;
    }
  }

  /**
   * A change that is not an action (the quotes rewritten when a transcript is saved): never part of
   * an undo step, even when it lands while an action is waiting.
   */
  unrecorded<T>(edit: () => T): T {
    const outer = this.recording;
    this.recording = undefined;
    try {
      return edit();
    } finally {
      this.recording = outer;
    }
  }

  private commit(label: string): void {
    const changes = this.recording ?? [];
    this.recording = undefined;
    if (changes.length === 0) return;
    this.undoStack.push({ label, changes });
    if (this.undoStack.length > MAX_ENTRIES) this.undoStack.shift();
    this.redoStack.length = 0;
  }

  undo(): HistoryEntry | undefined {
    const entry = this.undoStack.pop();
    if (!entry) return undefined;
    for (const change of [...entry.changes].reverse()) change.apply('before');
    this.redoStack.push(entry);
    return entry;
  }

  redo(): HistoryEntry | undefined {
    const entry = this.redoStack.pop();
    if (!entry) return undefined;
    for (const change of entry.changes) change.apply('after');
    this.undoStack.push(entry);
    return entry;
  }

  /** The labels of what undo and redo would do next. */
  peek(): { undo?: string; redo?: string } {
    return { undo: this.undoStack.at(-1)?.label, redo: this.redoStack.at(-1)?.label };
  }

  /**
   * Forget everything: after a file changed on disk (git pull, checkout), replaying old states
   * could overwrite what arrived, so undo starts afresh.
   */
  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    // What a running action changed before the disk did is not replayable either.
    if (this.recording) this.recording.length = 0;
  }
}
