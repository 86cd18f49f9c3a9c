import type { Code, CodeId } from './model';

/**
 * Colours chosen to stay readable as translucent backgrounds in both light and dark themes:
 * mid lightness, moderate saturation, hues spread around the wheel.
 */
export const CODE_PALETTE: readonly string[] = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2',
  '#edc948', '#ff9da7', '#9c755f', '#86bc86', '#d37295', '#a0cbe8',
];

const HEX_COLOR = /^#[0-9a-f]{6}$/;

export function isHexColor(value: string): boolean {
  return HEX_COLOR.test(value);
}

/**
 * The colour for a new code under `parent`: one its siblings and its parent do not have, so codes
 * shown side by side (in the tree, and painted in the same passages) are told apart; among those,
 * the one used least in the whole codebook; ties go to the palette's order. With more siblings than
 * colours, the colour fewest siblings share.
 */
export function nextColor(codes: Iterable<Code>, parent: CodeId | null = null): string {
  const all = [...codes];
  const near = all.filter((c) => c.parent === parent || c.id === parent);
  const uses = (list: readonly Code[], color: string): number => list.filter((c) => c.color.toLowerCase() === color).length;
  const score = (color: string): [number, number] => [uses(near, color), uses(all, color)];
  let best = CODE_PALETTE[0];
  for (const color of CODE_PALETTE) {
    const [nearUses, allUses] = score(color);
    const [bestNear, bestAll] = score(best);
    if (nearUses < bestNear || (nearUses === bestNear && allUses < bestAll)) best = color;
  }
  return best;
}

/** A read-only view of the codebook with the hierarchy queries the views need. */
export class Codebook {
  private readonly byId: ReadonlyMap<CodeId, Code>;
  private readonly childIds = new Map<CodeId | null, CodeId[]>();

  constructor(codes: Iterable<Code>) {
    this.byId = new Map([...codes].map((c) => [c.id, c]));
    for (const code of this.byId.values()) {
      // A parent that does not exist (deleted on another branch) or a cycle makes the code top-level
      // here, so no code is ever hidden; `grounded validate` reports the inconsistency.
      const parent = this.effectiveParent(code);
      const siblings = this.childIds.get(parent) ?? [];
      siblings.push(code.id);
      this.childIds.set(parent, siblings);
    }
    for (const ids of this.childIds.values()) ids.sort((a, b) => compareNames(this.get(a)!, this.get(b)!));
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: CodeId): Code | undefined {
    return this.byId.get(id);
  }

  all(): Code[] {
    return [...this.byId.values()];
  }

  /** Children sorted by name; `null` gives the top-level codes. */
  children(parent: CodeId | null): Code[] {
    return (this.childIds.get(parent) ?? []).map((id) => this.byId.get(id)!);
  }

  /** The parent as displayed: null when the stored parent is missing or part of a cycle. */
  effectiveParent(code: Code): CodeId | null {
    if (code.parent === null || !this.byId.has(code.parent)) return null;
    return this.ancestorsOf(code.id).cyclic ? null : code.parent;
  }

  /** `Parent / Child` names from the top. */
  path(id: CodeId): string[] {
    const code = this.byId.get(id);
    if (!code) return [];
    const names = [code.name];
    let parent = this.effectiveParent(code);
    while (parent !== null) {
      const p = this.byId.get(parent)!;
      names.unshift(p.name);
      parent = this.effectiveParent(p);
    }
    return names;
  }

  /** The code and everything below it. */
  descendantsAndSelf(id: CodeId): CodeId[] {
    const out: CodeId[] = [];
    const visit = (cid: CodeId): void => {
      out.push(cid);
      for (const child of this.childIds.get(cid) ?? []) visit(child);
    };
    if (this.byId.has(id)) visit(id);
    return out;
  }

  /** Would making `parent` the parent of `id` create a cycle? */
  wouldCycle(id: CodeId, parent: CodeId | null): boolean {
    return parent !== null && this.descendantsAndSelf(id).includes(parent);
  }

  /** Case-insensitive lookup among siblings, for "a new name creates the code". */
  findByName(name: string, parent: CodeId | null = null): Code | undefined {
    const wanted = name.trim().toLocaleLowerCase();
    return this.children(parent).find((c) => c.name.toLocaleLowerCase() === wanted);
  }

  private ancestorsOf(id: CodeId): { cyclic: boolean } {
    const seen = new Set<CodeId>([id]);
    let current = this.byId.get(id)?.parent ?? null;
    while (current !== null) {
      if (seen.has(current)) return { cyclic: true };
      seen.add(current);
      current = this.byId.get(current)?.parent ?? null;
    }
    return { cyclic: false };
  }
}

function compareNames(a: Code, b: Code): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) || a.id.localeCompare(b.id);
}
