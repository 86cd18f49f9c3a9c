/**
 * Three-way merging of records by key, the way git merges lines: against the common ancestor, a
 * change made on one side only is taken from that side (an edit, an addition or a deletion), and
 * only a record both sides changed differently needs a choice. Without the ancestor, an addition on
 * one side cannot be told from a deletion on the other: every record is kept, and said so.
 */
/** The two sides of a git conflict: `ours` the branch merged into (`<<<<<<<`), `theirs` the one merged in. */
export type ConflictSide = 'ours' | 'theirs';

/** How the conflict markers name the two sides. */
export type Labels = Record<ConflictSide, string>;

/** What is known of the ancestor: its file, nothing (it had none), or unknown (with why, when it did not read). */
export type Base<T> = { known: true; file: T | undefined } | { known: false; unreadable?: string };

export interface Sides<T> {
  ours: ReadonlyMap<string, T>;
  theirs: ReadonlyMap<string, T>;
  /** The common ancestor's records; undefined when it is not known. */
  base?: ReadonlyMap<string, T>;
}

export interface KeyedMerge<T> {
  /** The merged records, by key in the order keys were first seen (ours, theirs, base). */
  merged: Map<string, T>;
  /** Keys both sides changed differently: the preferred side's record (or its deletion) was taken. */
  contested: string[];
  /** Keys one side deleted while the other changed them: the changed record was kept. */
  keptChanged: { key: string; deletedIn: ConflictSide }[];
  /** What each side changed alone and was taken (with a base), or what only one side held (without). */
  one: Record<ConflictSide, { added: string[]; changed: string[]; deleted: string[] }>;
}

const other = (side: ConflictSide): ConflictSide => (side === 'ours' ? 'theirs' : 'ours');

/**
 * `same` compares two records (canonical text, say). Without a base, a record only one side holds
 * is kept (`oneSided: 'keep'`, for independent records such as segments), or is decided by the
 * preferred side like any other difference (`'contest'`, for the fields of one record).
 */
export function mergeKeyed<T>(sides: Sides<T>, same: (a: T, b: T) => boolean, prefer: ConflictSide, oneSided: 'keep' | 'contest' = 'keep'): KeyedMerge<T> {
  const equal = (a: T | undefined, b: T | undefined): boolean => (a === undefined || b === undefined ? a === b : same(a, b));
  const result: KeyedMerge<T> = {
    merged: new Map(),
    contested: [],
    keptChanged: [],
    one: { ours: { added: [], changed: [], deleted: [] }, theirs: { added: [], changed: [], deleted: [] } },
  };
  const keys = new Set([...sides.ours.keys(), ...sides.theirs.keys(), ...(sides.base?.keys() ?? [])]);
  for (const key of keys) {
    const value = { ours: sides.ours.get(key), theirs: sides.theirs.get(key) };
    const chosen = choose(key, value, sides.base === undefined ? undefined : { value: sides.base.get(key) }, equal, prefer, oneSided, result);
    if (chosen !== undefined) result.merged.set(key, chosen);
  }
  return result;
}

function choose<T>(
  key: string,
  value: Record<ConflictSide, T | undefined>,
  base: { value: T | undefined } | undefined,
  equal: (a: T | undefined, b: T | undefined) => boolean,
  prefer: ConflictSide,
  oneSided: 'keep' | 'contest',
  result: KeyedMerge<T>,
): T | undefined {
  if (equal(value.ours, value.theirs)) return value.ours;
  if (base === undefined) {
    // Held by one side only: kept, since it may be new there; the notes say it may have been deleted.
    for (const side of ['ours', 'theirs'] as const) {
      if (oneSided === 'keep' && value[other(side)] === undefined) {
        result.one[side].added.push(key);
        return value[side];
      }
    }
    result.contested.push(key);
    return value[prefer];
  }
  for (const side of ['ours', 'theirs'] as const) {
    // Only `side` changed it: its version (or its deletion) is the merge.
    if (!equal(value[other(side)], base.value)) continue;
    const kind = base.value === undefined ? 'added' : value[side] === undefined ? 'deleted' : 'changed';
    result.one[side][kind].push(key);
    return value[side];
  }
  // Both changed it. A deletion never wins over an edit: work is not lost without a word.
  for (const side of ['ours', 'theirs'] as const) {
    if (value[side] === undefined) {
      result.keptChanged.push({ key, deletedIn: side });
      return value[other(side)];
    }
  }
  result.contested.push(key);
  return value[prefer];
}

/** `map` keyed by `key`. */
export function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** "HEAD's", "theirs'": how a note names what a side holds. */
export function possessive(label: string): string {
  return label.endsWith('s') ? `${label}'` : `${label}'s`;
}

/** Keys in a note: all of a few, the first ones of many. */
export function list(keys: readonly string[]): string {
  return keys.length <= 5 ? keys.join(', ') : `${keys.slice(0, 5).join(', ')} and ${keys.length - 5} more`;
}
