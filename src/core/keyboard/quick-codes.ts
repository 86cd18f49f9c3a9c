import type { CodeId } from '../model';

/** How many codes have a key of their own (1 to 9). */
export const QUICK_SLOTS = 9;

/** How many recently used codes are remembered, newest first. */
export const RECENT_KEPT = 20;

/** A quick key's code, or undefined when the key is empty (never given, or its code is gone). */
export type QuickSlot = CodeId | undefined;

/**
 * The codes behind the quick keys, slot 1 first: pinned codes in the order they were pinned, then
 * the recently used codes in the slots they were given (see `assignSlots`). A code that no longer
 * exists (deleted, or merged into another) leaves its key empty: the keys after it do not shift, so
 * a key never silently applies another code than the one the researcher learnt it for. Trailing
 * empty keys are left off.
 */
export function quickCodes(pinned: readonly CodeId[], slots: readonly (CodeId | null)[], exists: (id: CodeId) => boolean): QuickSlot[] {
  const quick: QuickSlot[] = [];
  for (const id of [...pinned, ...slots]) {
    if (quick.length === QUICK_SLOTS) break;
    if (id !== null && quick.includes(id)) continue; // pinned and also slotted: pinning moved it to its pin's key
    quick.push(id !== null && exists(id) ? id : undefined);
  }
  while (quick.length > 0 && quick[quick.length - 1] === undefined) quick.pop();
  return quick;
}

/**
 * The slots of recently used codes after using `used` (null: an empty key). A code keeps its key
 * once it has one, so the keys do not shift under the researcher's fingers while coding: a code new
 * to the keys takes the first empty slot (one whose code is gone), or a new slot, or else the slot of
 * the least recently used code. `recent` is newest first.
 */
export function assignSlots(
  pinned: readonly CodeId[],
  slots: readonly (CodeId | null)[],
  recent: readonly CodeId[],
  used: readonly CodeId[],
  exists: (id: CodeId) => boolean,
): (CodeId | null)[] {
  // Pinning a code moves it to the pins' keys (an explicit rearrangement); a gone code leaves its key empty.
  const next = slots.filter((id) => id === null || !pinned.includes(id)).map((id) => (id !== null && exists(id) ? id : null));
  let order = [...recent];
  for (const id of new Set(used)) {
    if (!pinned.includes(id) && !next.includes(id)) {
      const hole = next.indexOf(null);
      const taken = next.filter((n): n is CodeId => n !== null);
      if (hole !== -1) next[hole] = id;
      else if (pinned.length + next.length < QUICK_SLOTS) next.push(id);
      else if (taken.length > 0) next[next.indexOf(leastRecent(taken, order))] = id;
    }
    order = withRecent(order, [id]);
  }
  while (next.length > 0 && next[next.length - 1] === null) next.pop();
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
 * pinned ones take the places of pins whose code is gone, then go to the end, in the order given.
 */
export function withPinned(pinned: readonly CodeId[], chosen: readonly CodeId[], exists: (id: CodeId) => boolean = () => true): CodeId[] {
  const wanted = new Set(chosen);
  const kept = pinned.filter((id) => wanted.has(id) || !exists(id));
  return fillGone(kept, [...wanted].filter((id) => !kept.includes(id)), exists);
}

function fillGone(kept: CodeId[], added: readonly CodeId[], exists: (id: CodeId) => boolean): CodeId[] {
  for (const id of added) {
    const gone = kept.findIndex((k) => !exists(k));
    if (gone === -1) kept.push(id);
    else kept[gone] = id;
  }
  return kept;
}

/**
 * Pins after toggling each of `ids`: pinned ones are unpinned, the others pinned at the end. A pin
 * whose code is gone keeps its key empty (the pins after it stay on their keys) until a new pin
 * takes its place.
 */
export function togglePinned(pinned: readonly CodeId[], ids: readonly CodeId[], exists: (id: CodeId) => boolean = () => true): CodeId[] {
  const toggled = new Set(ids);
  return fillGone(pinned.filter((id) => !toggled.has(id)), [...toggled].filter((t) => !pinned.includes(t)), exists);
}
