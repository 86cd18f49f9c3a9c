import type { Event } from '../../core/event';
import type { CodeId } from '../../core/model';
import type { MemoIndex } from './memo-index';

/**
 * For the Codebook's tooltips: the newest memo about a code as one line of plain text
 * (`Title: start of the memo…`), or undefined when the code has no memo. Plain text, not Markdown:
 * the caller escapes it like any other untrusted text.
 */
export function memoExcerptForCode(codeId: CodeId): string | undefined {
  const [memo] = current?.forCode(codeId) ?? [];
  if (!memo) return undefined;
  return memo.excerpt ? `${memo.title}: ${memo.excerpt}` : memo.title;
}

/** Fires when memos were created, changed or deleted: tooltips showing excerpts are stale. */
export const onDidChangeMemos: Event<void> = (listener) => {
  listeners.add(listener);
  return { dispose: () => listeners.delete(listener) };
};

let current: MemoIndex | undefined;
const listeners = new Set<() => void>();

/** The index the functions above read; set once the memo features are registered. */
export function useMemoIndex(index: MemoIndex): { dispose(): void } {
  current = index;
  const subscription = index.onDidChange(() => {
    for (const listener of [...listeners]) listener();
  });
  return {
    dispose: () => {
      subscription.dispose();
      if (current === index) current = undefined;
    },
  };
}
