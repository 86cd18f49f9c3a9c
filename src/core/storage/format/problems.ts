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
  if (hasErrors(problems)) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, value: makeValue(), warnings: sortProblems(problems) };
}

export function failure<T>(problems: FileProblem[]): ParseResult<T> {
  return { ok: false, problems: sortProblems(problems) };
}

/** Problems in file order, so a researcher can work down the file. */
function sortProblems(problems: FileProblem[]): FileProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
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
