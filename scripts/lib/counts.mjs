// Test counts exchanged between a test level and scripts/test-all.mjs through a JSON file.
import { existsSync, readFileSync, rmSync } from 'node:fs';

/** Name of the environment variable holding the path a level writes its counts to. */
export const COUNTS_ENV = 'GROUNDED_TEST_COUNTS';

export function emptyCounts() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/** Reads `{ passed, failed, skipped }` from `file`; undefined when the level wrote none. */
export function readCounts(file) {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: Number(parsed.passed) || 0, failed: Number(parsed.failed) || 0, skipped: Number(parsed.skipped) || 0 };
  } catch {
    return undefined;
  } finally {
    rmSync(file, { force: true });
  }
}

export function addCounts(total, more) {
  return { passed: total.passed + more.passed, failed: total.failed + more.failed, skipped: total.skipped + more.skipped };
}

/** The closing line: `N passed, N failed` plus `, N skipped` when any were skipped. */
export function formatCounts({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
