import type { FileProblem } from '../../model';

/**
 * The outcome of reading one file. `ok: false` means the file must not be used, and so never
 * rewritten; warnings accompany a usable value.
 */
export type ParseResult<T> =
  | { ok: true; value: T; warnings: FileProblem[] }
  | { ok: false; problems: FileProblem[] };

export function fileError(path: string, line: number | undefined, message: string): FileProblem {
  return line === undefined ? { path, message, severity: 'error' } : { path, line, message, severity: 'error' };
}

export function fileWarning(path: string, line: number | undefined, message: string): FileProblem {
  return line === undefined ? { path, message, severity: 'warning' } : { path, line, message, severity: 'warning' };
}

export function hasErrors(problems: readonly FileProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Errors make the result a failure (carrying every problem found); otherwise warnings ride along. */
export function resultOf<T>(problems: FileProblem[], makeValue: () => T): ParseResult<T> {
  if (hasErrors(problems)) return failure(problems);
  return { ok: true, value: makeValue(), warnings: capWarnings(problems) };
}

export function failure<T>(problems: FileProblem[]): ParseResult<T> {
  return { ok: false, problems: capProblems(problems[0]?.path ?? '', problems) };
}

function capWarnings(problems: FileProblem[]): FileProblem[] {
  const capped = capProblems(problems[0]?.path ?? '', problems);
  const last = capped[capped.length - 1];
  // Warnings alone never make a file unusable: the summary line is a warning too.
  if (capped.length < problems.length && last !== undefined) capped[capped.length - 1] = { ...last, severity: 'warning' };
  return capped;
}

/** Problems in file order, so a researcher can work down the file. */
function sortProblems(problems: FileProblem[]): FileProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * More problems than this in one file are summed up in one more line: a file broken ten
 * thousand times over is fixed from the top, and listing (and placing) every problem would cost
 * time and memory for nothing.
 */
export const MAX_PROBLEMS_PER_FILE = 100;

/** The first MAX_PROBLEMS_PER_FILE items, and how many were left out. */
export function firstProblems<T>(items: readonly T[]): { kept: T[]; more: number } {
  return { kept: items.slice(0, MAX_PROBLEMS_PER_FILE), more: Math.max(0, items.length - MAX_PROBLEMS_PER_FILE) };
}

/** Problems in file order, cut to MAX_PROBLEMS_PER_FILE with a closing line saying how many more. */
export function capProblems(path: string, problems: FileProblem[]): FileProblem[] {
  const { kept, more } = firstProblems(sortProblems(problems));
  return withSummary(path, kept, more);
}

/** Problems in file order, then (when `more` were left out) a line saying so. */
export function withSummary(path: string, kept: FileProblem[], more: number): FileProblem[] {
  const sorted = sortProblems(kept);
  if (more === 0) return sorted;
  return [...sorted, fileError(path, undefined, `…and ${more} more problem(s) in this file; fix the ones above first`)];
}

/** `path:line: message`, the form editors and terminals turn into a link. */
export function describeProblem(problem: FileProblem): string {
  const where = problem.line === undefined ? problem.path : `${problem.path}:${problem.line}`;
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${prefix}${problem.message}`;
}

/** A value as a researcher would recognise it in the file, shortened when long. */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return `text ${JSON.stringify(shown)}`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
