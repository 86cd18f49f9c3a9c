/**
 * Finding codes the way researchers name them: by id, by `Parent/Child` path or by a name that only
 * one code has — without regard to case, since queries are typed by hand. Sub-codes come from the
 * hierarchy.
 */
import type { AnalysisCode } from './analysis-model';

export class CodeLookupError extends Error {}

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

  /** The code a reference names; throws a message a researcher can act on. */
  resolve(reference: string): string {
    if (this.byId.has(reference)) return reference;
    const key = fold(reference);
    const byPath = this.byPath.get(key);
    if (byPath) return byPath;
    const named = this.byName.get(key) ?? [];
    if (named.length === 1) return named[0];
    if (named.length > 1) {
      const paths = named.map((id) => `"${this.path(id)}"`).join(', ');
      throw new CodeLookupError(`Several codes are named "${reference}": write the whole path (${paths}).`);
    }
    throw new CodeLookupError(`No code is named "${reference}".`);
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

function fold(text: string): string {
  return text.normalize('NFC').trim().replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ').toLocaleLowerCase();
}
