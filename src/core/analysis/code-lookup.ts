/**
 * Finding codes the way researchers name them: by id, by `Parent/Child` path or by a name that only
 * one code has — without regard to case, since queries are typed by hand. Sub-codes come from the
 * hierarchy.
 */
import { bandedDistance } from '../anchoring/distance';
import type { AnalysisCode } from './analysis-model';

/**
 * A request names what the project does not have (a code, and in subclasses a coder or an attribute
 * of a filter) or asks what cannot be answered. The CLI's commands and the Analysis panel show its
 * message as the answer; subclasses say which part was wrong.
 */
export class CodeLookupError extends Error {}

const MAX_SUGGESTIONS = 5;
/**
 * An operator written in lower case between two words, with its argument: `invalidation and pay`,
 * `burnout near/5 mentoring`, `a followed by/50 b`. Names are matched without regard to case, so
 * these stay a name; when no code has it, the hint writes the expression with capitals.
 */
const LOWER_CASE_OPERATOR = /(?<=\S\s+)(and|or|not|near(?:\/\S+)?|followed\s+by(?:\/\S+)?)(?=\s+\S)/gi;
/** A name in double quotes, as an expression writes one that holds operator words: `"Pay and compensation"`. */
const QUOTED = /^\s*("(?:[^"\\]|\\.)*")\s*$/;

export class CodeLookup {
  private readonly byId = new Map<string, AnalysisCode>();
  private readonly children = new Map<string, string[]>();
  private readonly byPath = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();

  constructor(readonly codes: readonly AnalysisCode[]) {
    for (const code of codes) this.byId.set(code.id, code);
    for (const code of codes) {
      if (code.parent !== null && this.byId.has(code.parent)) {
        const list = this.children.get(code.parent) ?? [];
        list.push(code.id);
        this.children.set(code.parent, list);
      }
      this.byPath.set(fold(this.path(code.id)), code.id);
      const same = this.byName.get(fold(code.name)) ?? [];
      same.push(code.id);
      this.byName.set(fold(code.name), same);
    }
  }

  get(id: string): AnalysisCode | undefined {
    return this.byId.get(id);
  }

  /** `Parent/Child` names from the top of the hierarchy. */
  path(id: string): string {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let code = this.byId.get(id); code && !seen.has(code.id); code = code.parent === null ? undefined : this.byId.get(code.parent)) {
      seen.add(code.id);
      names.unshift(code.name);
    }
    return names.join('/');
  }

  /**
   * The code a reference names; throws a message a researcher can act on. A name in double quotes
   * is the name inside them (where one code is asked for, as `query` writes names in expressions),
   * unless a code's name has the quotes itself.
   */
  resolve(reference: string): string {
    const found = this.find(reference);
    if (found !== undefined) return found;
    const quoted = QUOTED.exec(reference);
    const unquoted = quoted ? unquote(quoted[1]) : undefined;
    if (unquoted === undefined) throw new CodeLookupError(`No code is named "${reference}".${this.hint(reference, true)}`);
    const inside = this.find(unquoted);
    if (inside !== undefined) return inside;
    // Quoted, the words are a name: no hint about operators.
    throw new CodeLookupError(`No code is named "${unquoted}".${this.hint(unquoted, false)}`);
  }

  private find(reference: string): string | undefined {
    if (this.byId.has(reference)) return reference;
    const key = fold(reference);
    const byPath = this.byPath.get(key);
    if (byPath) return byPath;
    const named = this.byName.get(key) ?? [];
    if (named.length > 1) {
      const paths = named.map((id) => `"${this.path(id)}"`).join(', ');
      throw new CodeLookupError(`Several codes are named "${reference}": write the whole path (${paths}).`);
    }
    return named[0];
  }

  /**
   * What the researcher may have meant: codes whose name or path holds what was typed ("Pay" for
   * "Validation cycle/Pay and compensation"), or is a typo or two away from it; and, for a query
   * typed with its operators in lower case, the expression with them in capitals (not for a name
   * written in quotes: its words are a name).
   */
  private hint(reference: string, operators: boolean): string {
    const key = fold(reference);
    // A typo's allowance grows with the name: none for three letters, two from eight on.
    const typos = key.length < 4 ? 0 : key.length < 8 ? 1 : 2;
    const near: string[] = [];
    for (const code of this.codes) {
      const name = fold(code.name);
      const path = this.path(code.id);
      const holds = key.length >= 3 && (name.includes(key) || fold(path).includes(key));
      if (holds || (typos > 0 && bandedDistance(name, 0, name.length, key, 0, key.length, typos) !== undefined)) near.push(path);
    }
    near.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const shown = near.slice(0, MAX_SUGGESTIONS).map((p) => `"${p}"`);
    const more = near.length > MAX_SUGGESTIONS ? ` (and ${near.length - MAX_SUGGESTIONS} more)` : '';
    const meant = shown.length === 0 ? '' : shown.length === 1 ? ` Did you mean ${shown[0]}?` : ` Did you mean one of ${shown.join(', ')}${more}?`;
    const capitals = operators ? reference.replace(LOWER_CASE_OPERATOR, (operator) => operator.toUpperCase().replace(/\s+/, ' ')) : reference;
    const rewritten = capitals === reference ? '' : ` Operators are written in capitals (AND, OR, NOT, NEAR/N, NEAR/TURN, FOLLOWED BY/N): did you mean ${capitals}?`;
    return meant + rewritten;
  }

  /** The code and, when asked, every code below it. */
  withDescendants(id: string, include: boolean): string[] {
    if (!include) return [id];
    const result: string[] = [];
    const stack = [id];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      result.push(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return result;
  }

  childrenOf(id: string): string[] {
    return this.children.get(id) ?? [];
  }
}

function unquote(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

function fold(text: string): string {
  return text.normalize('NFC').trim().replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ').toLocaleLowerCase();
}
