import assert from 'node:assert/strict';
import { selectedPassages } from '../../../src/core/text-ranges';

describe('the passages several selections select', () => {
  //            0         1         2         3
  //            0123456789012345678901234567890123456
  const text = 'Rent was high.  I paid late. 😊 Done.';

  it('trims each, drops the empty ones and a repeat, and keeps their order', () => {
    const selections = [
      { start: 15, end: 28 }, // " I paid late." with the space before it
      { start: 0, end: 14 }, // "Rent was high."
      { start: 16, end: 28 }, // "I paid late." again, from a second cursor in it
      { start: 14, end: 16 }, // only spaces
      { start: 5, end: 5 }, // a cursor
    ];
    assert.deepEqual(selectedPassages(text, selections).map((r) => text.slice(r.start, r.end)), ['I paid late.', 'Rent was high.']);
  });

  it('keeps a passage that only overlaps another, and an emoji whole', () => {
    const emoji = text.indexOf('😊');
    const got = selectedPassages(text, [{ start: 0, end: 8 }, { start: 5, end: 14 }, { start: emoji - 1, end: emoji + 3 }]);
    assert.deepEqual(got.map((r) => text.slice(r.start, r.end)), ['Rent was', 'was high.', '😊']);
  });

  it('selects nothing when every selection is empty or white space', () => {
    assert.deepEqual(selectedPassages(text, [{ start: 14, end: 16 }, { start: 3, end: 3 }]), []);
  });
});
