/**
 * Boolean and proximity combinations of codes, evaluated on coded text. A code stands for the text
 * its segments cover (of the chosen coders); AND is the text coded with both, OR with either, NOT the
 * text of the transcript not coded with it. NEAR and FOLLOWED BY keep whole passages: the stretches
 * of each side that have a partner close enough.
 */
export type CodeExpression =
  /** A code by id, `Parent/Child` path or unique name; `subcodes` adds everything below it. */
  | { code: string; subcodes?: boolean }
  | { and: CodeExpression[] }
  | { or: CodeExpression[] }
  /** The text not coded with the expression (within each transcript). */
  | { not: CodeExpression }
  /** Passages of either side with a passage of the other in the same speaker turn or within `words`. */
  | { near: [CodeExpression, CodeExpression]; words?: number; turn?: boolean }
  /** From a passage of the first side to the end of a passage of the second that starts after it within `words`. */
  | { followedBy: [CodeExpression, CodeExpression]; words?: number };

/** Words allowed between the two sides of FOLLOWED BY when the expression does not say. */
export const DEFAULT_FOLLOWED_BY_WORDS = 100;

/** The codes an expression names (as written), for resolving and for error messages. */
export function codeReferences(expression: CodeExpression): string[] {
  if ('code' in expression) return [expression.code];
  if ('and' in expression) return expression.and.flatMap(codeReferences);
  if ('or' in expression) return expression.or.flatMap(codeReferences);
  if ('not' in expression) return codeReferences(expression.not);
  if ('near' in expression) return expression.near.flatMap(codeReferences);
  return expression.followedBy.flatMap(codeReferences);
}

/** The expression written the way the parser reads it back (`A AND (B NEAR/TURN C)`). */
export function formatExpression(expression: CodeExpression, nested = false): string {
  const wrap = (text: string) => (nested ? `(${text})` : text);
  if ('code' in expression) return quoteName(expression.code) + (expression.subcodes ? '/**' : '');
  if ('and' in expression) return wrap(expression.and.map((e) => formatExpression(e, true)).join(' AND '));
  if ('or' in expression) return wrap(expression.or.map((e) => formatExpression(e, true)).join(' OR '));
  if ('not' in expression) return `NOT ${formatExpression(expression.not, true)}`;
  if ('near' in expression) {
    const op = expression.turn ? 'NEAR/TURN' : `NEAR/${expression.words ?? 0}`;
    return wrap(`${formatExpression(expression.near[0], true)} ${op} ${formatExpression(expression.near[1], true)}`);
  }
  const words = expression.words ?? DEFAULT_FOLLOWED_BY_WORDS;
  return wrap(`${formatExpression(expression.followedBy[0], true)} FOLLOWED BY/${words} ${formatExpression(expression.followedBy[1], true)}`);
}

const OPERATOR_WORDS = new Set(['AND', 'OR', 'NOT', 'NEAR', 'FOLLOWED', 'BY']);

function quoteName(name: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} _'’.,/-]*$/u.test(name) && !name.split(/\s+/).some((w) => OPERATOR_WORDS.has(w.split('/')[0]));
  return plain ? name : JSON.stringify(name);
}
