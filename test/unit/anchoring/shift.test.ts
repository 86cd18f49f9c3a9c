import assert from 'node:assert/strict';
import fc from 'fast-check';
import { shiftRanges, type TextChange } from '../../../src/core/anchoring';
import type { TextRange } from '../../../src/core/model';

/** Apply changes to a text the same way (one after another), for checking ranges against text. */
function applyToText(text: string, changes: readonly TextChange[]): string {
  return changes.reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), text);
}

const insert = (at: number, text: string): TextChange => ({ start: at, end: at, text });
const remove = (start: number, end: number): TextChange => ({ start, end, text: '' });

describe('shiftRanges', () => {
  const text = 'We talked every Sunday, and she asked.';
  const segment: TextRange = { start: 3, end: 22 }; // "talked every Sunday"

  it('moves a segment along when typing before it, and leaves it when typing after it', () => {
    assert.deepEqual(shiftRanges([segment], [insert(0, 'So, ')]), [{ start: 7, end: 26 }]);
    assert.deepEqual(shiftRanges([segment], [insert(30, 'xx')]), [segment]);
  });

  it('does not extend a segment when typing at either edge', () => {
    assert.deepEqual(shiftRanges([segment], [insert(3, 'really ')]), [{ start: 10, end: 29 }]);
    assert.deepEqual(shiftRanges([segment], [insert(22, ' morning')]), [segment]);
  });

  it('extends a segment when typing strictly inside it', () => {
    const [shifted] = shiftRanges([segment], [insert(10, 'nearly ')]);
    assert.deepEqual(shifted, { start: 3, end: 29 });
    assert.equal(applyToText(text, [insert(10, 'nearly ')]).slice(shifted.start, shifted.end), 'talked nearly every Sunday');
  });

  it('keeps retyped text inside when the replacement starts or ends at an edge from inside', () => {
    const retypeFirstWord: TextChange = { start: 3, end: 9, text: 'spoke' };
    assert.deepEqual(shiftRanges([segment], [retypeFirstWord]), [{ start: 3, end: 21 }]);
    const retypeLastWord: TextChange = { start: 16, end: 22, text: 'Monday' };
    assert.deepEqual(shiftRanges([segment], [retypeLastWord]), [{ start: 3, end: 22 }]);
  });

  it('cuts a segment back when a deletion spans one of its boundaries', () => {
    const acrossStart = remove(0, 10); // "We talked " gone
    assert.deepEqual(shiftRanges([segment], [acrossStart]), [{ start: 0, end: 12 }]);
    assert.equal(applyToText(text, [acrossStart]).slice(0, 12), 'every Sunday');
    const acrossEnd = remove(16, 27); // "Sunday, and" gone
    assert.deepEqual(shiftRanges([segment], [acrossEnd]), [{ start: 3, end: 16 }]);
  });

  it('collapses a segment whose text is deleted entirely, where the deletion was', () => {
    assert.deepEqual(shiftRanges([segment], [remove(3, 22)]), [{ start: 3, end: 3 }]);
    assert.deepEqual(shiftRanges([segment], [remove(0, 30)]), [{ start: 0, end: 0 }]);
    assert.deepEqual(shiftRanges([segment], [{ start: 0, end: 30, text: 'Hello' }]), [{ start: 5, end: 5 }]);
  });

  it('applies the changes of one event one after another', () => {
    // Two cursors: VS Code reports the later change first, so offsets stay valid in order.
    const changes = [insert(22, '!'), insert(3, '*')];
    const [shifted] = shiftRanges([segment], changes);
    assert.deepEqual(shifted, { start: 4, end: 23 });
    assert.equal(applyToText(text, changes).slice(shifted.start, shifted.end), 'talked every Sunday');
    const [sequential] = shiftRanges([segment], [insert(0, 'ab'), remove(0, 1)]);
    assert.deepEqual(sequential, { start: 4, end: 23 });
  });

  it('counts an emoji as two code units and never splits one', () => {
    const withEmoji = 'Hi 😀 there, friend';
    const friend: TextRange = { start: 13, end: 19 };
    assert.equal(withEmoji.slice(friend.start, friend.end), 'friend');
    const [afterInsert] = shiftRanges([friend], [insert(3, '🎉')]);
    assert.deepEqual(afterInsert, { start: 15, end: 21 });
    const [afterDelete] = shiftRanges([friend], [remove(3, 5)]);
    assert.deepEqual(afterDelete, { start: 11, end: 17 });
    const inside: TextRange = { start: 3, end: 11 }; // "😀 there"
    const [grown] = shiftRanges([inside], [insert(5, '🎉')]);
    assert.deepEqual(grown, { start: 3, end: 13 });
  });

  it('does not modify its inputs and returns untouched ranges as they were', () => {
    const before: TextRange = { start: 0, end: 2 };
    const after: TextRange = { start: 10, end: 12 };
    const ranges = [before, after];
    const changes = [insert(5, 'xyz')];
    const result = shiftRanges(ranges, changes);
    assert.deepEqual(ranges, [{ start: 0, end: 2 }, { start: 10, end: 12 }]);
    assert.deepEqual(result, [{ start: 0, end: 2 }, { start: 13, end: 15 }]);
    assert.equal(result[0], before);
    assert.notEqual(result[1], after);
  });

  it('keeps every segment on its own characters through random edits (property)', () => {
    // Mark each range's characters with a distinct letter and check the letters survive in place.
    const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 6 }), text: fc.constantFrom('', '-', '--', '😀') });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let text = '..ab..cdef..g..';
        const ranges: TextRange[] = [{ start: 2, end: 4 }, { start: 6, end: 10 }, { start: 12, end: 13 }];
        const changes: TextChange[] = [];
        for (const e of edits) {
          const start = e.at % (text.length + 1);
          const change = { start, end: Math.min(text.length, start + e.length), text: e.text };
          changes.push(change);
          text = applyToText(text, [change]);
        }
        shiftRanges(ranges, changes).forEach((range, i) => {
          const kept = text.slice(range.start, range.end).replace(/[^a-g]/g, '');
          const own = ['ab', 'cdef', 'g'][i];
          assert.ok([...kept].every((ch) => own.includes(ch)), `range ${i} covers ${JSON.stringify(text.slice(range.start, range.end))}`);
          const surviving = [...text].filter((ch) => own.includes(ch)).join('');
          assert.equal(kept, surviving, `range ${i} lost some of its surviving letters`);
        });
      }),
    );
  });

  it('shifts 2,000 ranges in well under a millisecond per edit', () => {
    const ranges = Array.from({ length: 2000 }, (_, i) => ({ start: i * 50, end: i * 50 + 30 }));
    let current: TextRange[] = ranges;
    const started = performance.now();
    for (let i = 0; i < 500; i++) current = shiftRanges(current, [insert((i * 7919) % 100_000, 'x')]);
    const perEdit = (performance.now() - started) / 500;
    assert.ok(perEdit < 1, `${perEdit.toFixed(3)} ms per edit`);
  });
});
