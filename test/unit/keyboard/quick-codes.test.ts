import assert from 'node:assert/strict';
import { inVivoName } from '../../../src/core/keyboard/in-vivo';
import { QUICK_SLOTS, RECENT_KEPT, assignSlots, quickCodes, togglePinned, withPinned, withRecent } from '../../../src/core/keyboard/quick-codes';

describe('quick codes', () => {
  const all = (): boolean => true;

  it('puts pinned codes first in pin order, then the slotted recent ones, nine at most, no duplicates', () => {
    const recent = ['c-r1', 'c-p2', 'c-r2', 'c-r3', 'c-r4', 'c-r5', 'c-r6', 'c-r7', 'c-r8', 'c-r9'];
    const slots = quickCodes(['c-p1', 'c-p2'], recent, all);
    assert.equal(slots.length, QUICK_SLOTS);
    assert.deepEqual(slots.slice(0, 4), ['c-p1', 'c-p2', 'c-r1', 'c-r2']);
    assert.equal(new Set(slots).size, slots.length);
  });

  it('leaves the key of a code that no longer exists empty: the other keys keep their codes', () => {
    assert.deepEqual(quickCodes(['c-gone', 'c-a'], ['c-b'], (id) => id !== 'c-gone'), [undefined, 'c-a', 'c-b']);
    // c-b was merged into c-a: Ctrl+Alt+2 must not now apply c-c.
    assert.deepEqual(quickCodes([], ['c-a', 'c-b', 'c-c'], (id) => id !== 'c-b'), ['c-a', undefined, 'c-c']);
    assert.deepEqual(quickCodes([], ['c-a', 'c-b', 'c-gone'], (id) => id !== 'c-gone'), ['c-a', 'c-b'], 'no trailing empty keys');
  });

  it('gives an empty key to the next code new to the keys, and a gone pin’s key to the next pin', () => {
    const exists = (id: string): boolean => id !== 'c-b';
    const slots = assignSlots([], ['c-a', 'c-b', 'c-c'], ['c-c', 'c-b', 'c-a'], ['c-a'], exists);
    assert.deepEqual(slots, ['c-a', null, 'c-c'], 'using a code on a key keeps the empty key empty');
    assert.deepEqual(assignSlots([], slots, [], ['c-new'], exists), ['c-a', 'c-new', 'c-c']);
    assert.deepEqual(togglePinned(['c-p1', 'c-b', 'c-p3'], ['c-new'], exists), ['c-p1', 'c-new', 'c-p3']);
    assert.deepEqual(withPinned(['c-p1', 'c-b', 'c-p3'], ['c-p1', 'c-p3', 'c-new'], exists), ['c-p1', 'c-new', 'c-p3']);
    assert.deepEqual(quickCodes(['c-p1', 'c-b', 'c-p3'], ['c-x'], exists), ['c-p1', undefined, 'c-p3', 'c-x']);
  });

  it('keeps each code on its key while coding; a new code takes a free key, then the least recently used one', () => {
    let slots: (string | null)[] = [];
    let recent: string[] = [];
    const use = (...ids: string[]): void => {
      slots = assignSlots([], slots, recent, ids, all);
      recent = withRecent(recent, ids);
    };
    use('c-a');
    use('c-b');
    use('c-a');
    use('c-b');
    assert.deepEqual(slots, ['c-a', 'c-b'], 'using a code again does not move it');
    for (let i = 3; i <= 9; i++) use(`c-${i}`);
    assert.equal(slots.length, QUICK_SLOTS);
    use('c-b', 'c-3');
    use('c-new');
    assert.equal(slots[0], 'c-new', 'the key of the least recently used code (c-a) is reused');
    assert.deepEqual(slots.slice(1, 3), ['c-b', 'c-3']);
    use('c-x', 'c-y');
    assert.ok(slots.includes('c-x') && slots.includes('c-y'), 'two new codes at once both get a key');
  });

  it('gives no recent slot to a pinned code, and counts pins against the nine keys', () => {
    const pinned = ['c-p1', 'c-p2', 'c-p3', 'c-p4', 'c-p5', 'c-p6', 'c-p7', 'c-p8'];
    let slots = assignSlots(pinned, [], [], ['c-p1', 'c-a'], all);
    assert.deepEqual(slots, ['c-a']);
    slots = assignSlots(pinned, slots, ['c-a'], ['c-b'], all);
    assert.deepEqual(slots, ['c-b']);
    assert.deepEqual(quickCodes(pinned, slots, all), [...pinned, 'c-b']);
    assert.deepEqual(assignSlots([], ['c-gone', 'c-a'], [], [], (id) => id !== 'c-gone'), [null, 'c-a'], 'a deleted code empties its key, the next keeps its own');
  });

  it('remembers the codes just used first, keeping a bounded list', () => {
    assert.deepEqual(withRecent(['c-a', 'c-b', 'c-c'], ['c-c', 'c-d', 'c-c']), ['c-c', 'c-d', 'c-a', 'c-b']);
    const long = Array.from({ length: 40 }, (_, i) => `c-${i}`);
    assert.equal(withRecent(long, ['c-new']).length, RECENT_KEPT);
  });

  it('keeps the order of codes that stay pinned and appends new pins', () => {
    assert.deepEqual(withPinned(['c-a', 'c-b', 'c-c'], ['c-d', 'c-c', 'c-a']), ['c-a', 'c-c', 'c-d']);
    assert.deepEqual(togglePinned(['c-a', 'c-b'], ['c-b', 'c-c']), ['c-a', 'c-c']);
  });
});

describe('in-vivo code names', () => {
  it('takes the words without quotes, emphasis, dashes or final punctuation', () => {
    assert.equal(inVivoName('  “a waiting room.”  '), 'a waiting room');
    assert.equal(inVivoName('"It\'s the same door for me."'), "It's the same door for me");
    assert.equal(inVivoName('*somebody waiting for you*,'), 'somebody waiting for you');
    assert.equal(inVivoName('— like I was normal —'), 'like I was normal');
    assert.equal(inVivoName('line\nbreak\tand  spaces'), 'line break and spaces');
  });

  it('cuts a long selection at a word boundary', () => {
    const long = 'When you have been controlled for a long time, somebody waiting for you is a big thing.';
    const name = inVivoName(long, 40);
    assert.ok(name.length <= 40, name);
    assert.ok(long.startsWith(name), name);
    assert.ok(!name.endsWith(' ') && !name.endsWith(','), name);
    assert.equal(name, 'When you have been controlled for a long');
  });

  it('is empty when nothing but punctuation is selected', () => {
    assert.equal(inVivoName(' "…" '), '');
  });
});
