import type { CodeId } from '../model';

/** How many codes have a key of their own (1 to 9). */
export const QUICK_SLOTS = 9;

/** How many recently used codes are remembered, newest first. */
export const RECENT_KEPT = 20;

/**
 * The codes behind the quick keys, slot 1 first: pinned codes in the order they were pinned, then
 * the recently used codes in the slots they were given (see `assignSlots`). Codes that no longer
 * exist are left out, so a deleted code frees its slot.
 */
export function quickCodes(pinned: readonly CodeId[], slots: readonly CodeId[], exists: (id: CodeId) => boolean): CodeId[] {
  const quick: CodeId[] = [];
  for (const id of [...pinned, ...slots]) {
    if (quick.length === QUICK_SLOTS) break;
    if (exists(id) && !quick.includes(id)) quick.push(id);
  }
  return quick;
}

/**
 * The slots of recently used codes after using `used`. A code keeps its key once it has one, so the
 * keys do not shift under the researcher's fingers while coding: a code new to the keys takes a free
 * slot, or else the slot of the least recently used code. `recent` is newest first.
 */
export function assignSlots(
  pinned: readonly CodeId[],
  slots: readonly CodeId[],
  recent: readonly CodeId[],
  used: readonly CodeId[],
  exists: (id: CodeId) => boolean,
): CodeId[] {
  const pins = pinned.filter(exists);
  const next = slots.filter((id) => exists(id) && !pins.includes(id));
  let order = [...recent];
  for (const id of new Set(used)) {
    if (!pins.includes(id) && !next.includes(id)) {
      if (pins.length + next.length < QUICK_SLOTS) next.push(id);
      else if (next.length > 0) next[next.indexOf(leastRecent(next, order))] = id;
    }
    order = withRecent(order, [id]);
  }
  return next;
}

/** The code used longest ago (one never used counts as oldest). */
function leastRecent(ids: readonly CodeId[], recent: readonly CodeId[]): CodeId {
  const age = (id: CodeId): number => {
    const at = recent.indexOf(id);
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  return ids.reduce((oldest, id) => (age(id) > age(oldest) ? id : oldest));
}

/** The recent list after using `used` (newest first, no duplicates, at most RECENT_KEPT long). */
export function withRecent(recent: readonly CodeId[], used: readonly CodeId[]): CodeId[] {
  const unique = [...new Set(used)];
  return [...unique, ...recent.filter((id) => !unique.includes(id))].slice(0, RECENT_KEPT);
}

/**
 * Pins after choosing which codes should be pinned: codes that stay pinned keep their place, newly
 * pinned ones go to the end in the order given.
 */
export function withPinned(pinned: readonly CodeId[], chosen: readonly CodeId[]): CodeId[] {
  const wanted = new Set(chosen);
  const kept = pinned.filter((id) => wanted.has(id));
  return [...kept, ...[...wanted].filter((id) => !kept.includes(id))];
}

/** Pins after toggling each of `ids`: pinned ones are unpinned, the others pinned at the end. */
export function togglePinned(pinned: readonly CodeId[], ids: readonly CodeId[]): CodeId[] {
  const toggled = new Set(ids);
  const kept = pinned.filter((id) => !toggled.has(id));
  return [...kept, ...[...toggled].filter((id) => !pinned.includes(id))];
}
