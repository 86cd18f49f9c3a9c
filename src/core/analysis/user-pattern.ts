/**
 * Regular expressions typed by a researcher or read from a saved query (which may come from a
 * collaborator's pull request). JavaScript's engine backtracks, so a pattern such as `(a+)+$` can
 * take hours on hostile text: such nested repetition and over-long patterns are refused with a
 * reason instead of run.
 */
const MAX_PATTERN = 200;

export function userPattern(source: string, flags: string, fail: (message: string) => Error): RegExp {
  if (source.length > MAX_PATTERN) throw fail(`The pattern is longer than ${MAX_PATTERN} characters.`);
  if (/\([^)]*[+*][^)]*\)[+*{]/.test(source)) throw fail('Nested repetition such as (a+)+ can take very long: write the pattern without it.');
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw fail(`Not a valid regular expression: ${(error as Error).message}`);
  }
}
