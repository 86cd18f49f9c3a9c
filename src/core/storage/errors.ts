import type { FileProblem } from '../model';

/** A refusal the user should read: says what was not done, and why, naming the file. */
export class StoreError extends Error {
  constructor(message: string, readonly problems: FileProblem[] = []) {
    super(message);
    this.name = 'StoreError';
  }
}

/** One problem on one line (`path:line: message`), as editors and scripts read them: line breaks a name brought into the message become spaces. */
export function formatProblem(p: FileProblem): string {
  return `${p.path}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')}`;
}

/** Refuse to change a file we could not read: rewriting it would lose what it holds. */
export function malformedFileError(action: string, problems: FileProblem[]): StoreError {
  const first = problems[0];
  const where = first ? formatProblem(first) : 'a project file is malformed';
  return new StoreError(
    `${action}: not done, because ${first?.path ?? 'a file'} is malformed and Grounded never rewrites a file it cannot read. ` +
      `Fix it first (${where}).`,
    problems,
  );
}
