/**
 * Reads the written form of a code expression, as typed at the command line or in a panel:
 *
 *   Invalidation AND Pay
 *   "Fear of authorities"/** NEAR/TURN Trust
 *   (Pay OR Housing) AND NOT Family
 *   Invalidation FOLLOWED BY/50 Validation
 *
 * Operators are upper case (AND, OR, NOT, NEAR/N, NEAR/TURN, FOLLOWED BY[/N]); AND binds tighter
 * than OR; NEAR and FOLLOWED BY tighter than both. A code name is a run of words that are not
 * operators, or a "quoted string"; a trailing `/**` includes its sub-codes.
 */
import type { CodeExpression } from './code-expression';

type Token =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'op'; text: string; words?: number; turn?: boolean; at: number }
  | { kind: '(' | ')'; at: number };

export class ExpressionSyntaxError extends Error {
  constructor(message: string, readonly column: number) {
    super(`${message} (at character ${column + 1})`);
  }
}

export function parseCodeExpression(source: string): CodeExpression {
  const tokens = tokenize(source);
  if (tokens.length === 0) throw new ExpressionSyntaxError('the expression is empty', 0);
  const parser = new Parser(tokens, source.length);
  const expression = parser.parseOr();
  parser.expectEnd();
  return expression;
}

const OPERATOR = /^(AND|OR|NOT|NEAR(?:\/(?:TURN|\d+))?|FOLLOWED\s+BY(?:\/\d+)?)(?=[\s()"]|$)/;
/**
 * What starts like NEAR or FOLLOWED but is not one of their forms: `NEAR/abc`, `NEAR/5.5`,
 * `NEAR/turn`, `FOLLOWED Mentoring`. Read as part of a name, it gave "No code is named …" with
 * no word on the operator. Upper case marks an operator (names are matched without regard to case,
 * so a lower-case `near/5` may be a name: the lookup's hint covers that).
 */
const MALFORMED = /^(NEAR|FOLLOWED(?:\s+BY)?)(\/[^\s()"]*)?(?=[\s()"]|$)/;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let nameStart = -1;
  let name = '';
  const flushName = () => {
    if (name.trim()) tokens.push({ kind: 'name', text: name.trim().replace(/\s+/g, ' '), at: nameStart });
    name = '';
    nameStart = -1;
  };
  while (i < source.length) {
    const ch = source[i];
    const atWordStart = i === 0 || /[\s()]/.test(source[i - 1]);
    const operator = atWordStart ? OPERATOR.exec(source.slice(i)) : null;
    if (!operator && atWordStart) malformedOperator(source.slice(i), i);
    if (operator) {
      flushName();
      tokens.push(operatorToken(operator[1], i));
      i += operator[0].length;
    } else if (ch === '(' || ch === ')') {
      flushName();
      tokens.push({ kind: ch, at: i });
      i++;
    } else if (ch === '"') {
      flushName();
      const end = closingQuote(source, i);
      const text = JSON.parse(source.slice(i, end + 1)) as string;
      i = end + 1;
      const sub = source.startsWith('/**', i);
      if (sub) i += 3;
      tokens.push({ kind: 'name', text: sub ? `${text}/**` : text, at: end });
    } else {
      if (nameStart < 0 && !/\s/.test(ch)) nameStart = i;
      if (nameStart >= 0) name += ch;
      i++;
    }
  }
  flushName();
  return tokens;
}

/** Throws what is wrong with an operator written at `at`, if `rest` starts with a malformed one. */
function malformedOperator(rest: string, at: number): void {
  const match = MALFORMED.exec(rest);
  if (!match) return;
  const [written, word, argument] = [match[0], match[1].replace(/\s+/, ' '), match[2]];
  if (word === 'FOLLOWED') {
    throw new ExpressionSyntaxError('FOLLOWED is written FOLLOWED BY (the next passage within 100 words) or FOLLOWED BY/N (within N words), e.g. A FOLLOWED BY/50 B; a code name with FOLLOWED in capitals is written in "double quotes"', at);
  }
  if (word === 'NEAR' && argument?.toUpperCase() === '/TURN') throw new ExpressionSyntaxError(`"${written}": write NEAR/TURN in capitals`, at);
  const forms = word === 'NEAR' ? 'NEAR/N (within N words, a whole number: NEAR/5) or NEAR/TURN (in the same speaker turn)' : 'FOLLOWED BY or FOLLOWED BY/N (within N words, a whole number: FOLLOWED BY/50)';
  throw new ExpressionSyntaxError(`"${written}" is not an operator: write ${forms}`, at);
}

function closingQuote(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '"') return i;
  }
  throw new ExpressionSyntaxError('a quoted code name is not closed', open);
}

function operatorToken(text: string, at: number): Token {
  const [word, arg] = text.replace(/\s+/, ' ').split('/');
  const op = word === 'FOLLOWED BY' ? 'FOLLOWED BY' : word;
  if (arg === 'TURN') return { kind: 'op', text: op, turn: true, at };
  return { kind: 'op', text: op, words: arg === undefined ? undefined : Number(arg), at };
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[], private readonly length: number) {}

  parseOr(): CodeExpression {
    const parts = [this.parseAnd()];
    while (this.isOp('OR')) {
      this.index++;
      parts.push(this.parseAnd());
    }
    return parts.length === 1 ? parts[0] : { or: parts };
  }

  private parseAnd(): CodeExpression {
    const parts = [this.parseProximity()];
    while (this.isOp('AND')) {
      this.index++;
      parts.push(this.parseProximity());
    }
    return parts.length === 1 ? parts[0] : { and: parts };
  }

  private parseProximity(): CodeExpression {
    let left = this.parseUnary();
    for (;;) {
      const token = this.tokens[this.index];
      if (token?.kind !== 'op' || (token.text !== 'NEAR' && token.text !== 'FOLLOWED BY')) return left;
      this.index++;
      const right = this.parseUnary();
      if (token.text === 'NEAR') {
        left = token.turn ? { near: [left, right], turn: true } : { near: [left, right], words: token.words ?? 0 };
      } else {
        left = token.words === undefined ? { followedBy: [left, right] } : { followedBy: [left, right], words: token.words };
      }
    }
  }

  private parseUnary(): CodeExpression {
    const token = this.tokens[this.index];
    if (!token) throw new ExpressionSyntaxError('a code name is missing at the end', this.length);
    if (token.kind === 'op' && token.text === 'NOT') {
      this.index++;
      return { not: this.parseUnary() };
    }
    if (token.kind === '(') {
      this.index++;
      const inner = this.parseOr();
      if (this.tokens[this.index]?.kind !== ')') throw new ExpressionSyntaxError('a closing parenthesis is missing', this.tokens[this.index]?.at ?? this.length);
      this.index++;
      return inner;
    }
    if (token.kind === 'name') {
      this.index++;
      return token.text.endsWith('/**') ? { code: token.text.slice(0, -3), subcodes: true } : { code: token.text };
    }
    throw new ExpressionSyntaxError(`expected a code name, found ${token.kind === 'op' ? token.text : `"${token.kind}"`}`, token.at);
  }

  private isOp(text: string): boolean {
    const token = this.tokens[this.index];
    return token?.kind === 'op' && token.text === text;
  }

  expectEnd(): void {
    const token = this.tokens[this.index];
    if (token) throw new ExpressionSyntaxError(`unexpected ${token.kind === 'name' ? `"${token.text}"` : token.kind === 'op' ? token.text : `"${token.kind}"`}`, token.at);
  }
}
