/**
 * How long a test waits for the editor to react to something (a file written, a command run, a
 * reload) before calling it lost. Generous on purpose: on a busy machine the extension host and
 * the file watcher fall far behind, and a slow reaction is not a wrong one. Speed is measured by
 * the benchmarks, not here.
 */
export const SETTLE_MS = 60_000;

/** Mocha's limit for one integration test: a backstop above several waits, not a wait itself. */
export const TEST_MS = 300_000;

/**
 * Polls `predicate` until it returns a truthy value (which is returned) or `timeoutMs` passes.
 * The editor reacts to file and document changes asynchronously, so tests wait for an
 * observable outcome instead of sleeping for a guessed time. A `description` given as a function
 * is read when the wait fails, so that it can say what the test saw then.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  timeoutMs = SETTLE_MS,
  description: string | (() => string) = 'condition',
  intervalMs = 50,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const what = typeof description === 'function' ? description() : description;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, intervalMs));
  }
}
