import assert from 'node:assert/strict';
import type { Segment } from '../../../src/core/model';
import type { PlacedSegment } from '../../../src/core/transcript-session';
import { reviewItems, reviewRow } from '../../../src/core/views/review-items';

const TEXT = 'Later a woman from the church explained the forms to me slowly, one page each week.\n';
const coder = { id: 'dana', name: 'Dana Reyes' };

function placed(id: string, codes: string[], exact: string, status: PlacedSegment['status'], range?: { start: number; end: number }): PlacedSegment {
  const segment: Segment = { id, codes, quote: { exact, prefix: '', suffix: '' }, position: range ?? { start: 0, end: 1 } };
  return { segment, coder, status, range };
}

describe('Needs Review rows', () => {
  it('name the codes and the coder, and show the coded text beside the text now at an approximate match', () => {
    const start = TEXT.indexOf('explained');
    const fuzzy = placed('s-1', ['c-trust', 'c-gone'], 'explained the forms to me slowly, one page every week', 'fuzzy', { start, end: TEXT.length - 2 });
    const [item] = reviewItems('interviews/p01.md', [fuzzy], TEXT);
    assert.deepEqual(item.codes, ['c-trust', 'c-gone']);
    assert.equal(item.currentText, 'explained the forms to me slowly, one page each week');
    const row = reviewRow(item, (id) => (id === 'c-trust' ? 'Trust [in] *services*' : undefined));
    assert.equal(row.description, 'Trust [in] *services*, c-gone (not in the codebook) · Dana Reyes · approximate match');
    assert.equal(row.stored, 'explained the forms to me slowly, one page every week');
    assert.equal(row.now, 'explained the forms to me slowly, one page each week');
  });

  it('say an unplaced segment is not placed, with no text "now", and shorten long quotes', () => {
    const long = `${'word '.repeat(100)}end`;
    const [item] = reviewItems('interviews/p01.md', [placed('s-2', ['c-trust'], long, 'orphan')], TEXT);
    const row = reviewRow(item, () => 'Trust');
    assert.equal(row.description, 'Trust · Dana Reyes · not placed');
    assert.equal(row.now, undefined);
    assert.ok(row.label.length <= 70 && row.label.endsWith('…'));
    assert.ok(row.stored.length <= 300 && row.stored.endsWith('…'));
  });
});
