import type * as vscode from 'vscode';
import type { Event } from '../../core/event';
import { memosForCode, type MemoSummary } from '../../core/memos';
import type { CodeId } from '../../core/model';
import type { IndexHost } from '../project/index-host';

/**
 * The project's memos, as the project index keeps them (read when the project opens and again
 * whenever a memo file is created, changed or deleted). Views and tooltips read from here.
 */
export class MemoIndex implements vscode.Disposable {
  readonly onDidChange: Event<void>;

  constructor(private readonly index: IndexHost) {
    this.onDidChange = index.onDidChange;
  }

  all(): readonly MemoSummary[] {
    return this.index.snapshot()?.memos ?? [];
  }

  /** Memos about a code, newest first. */
  forCode(code: CodeId): MemoSummary[] {
    return memosForCode(this.all(), code);
  }

  /** Read every memo again now; resolves when the index is up to date. */
  async reload(): Promise<void> {
    await this.index.refreshStudyFiles();
  }

  dispose(): void {
    // The index owns the subscriptions.
  }
}
