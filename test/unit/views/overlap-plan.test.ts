import assert from 'node:assert/strict';
import { Codebook } from '../../../src/core/codebook';
import { LineIndex } from '../../../src/core/line-index';
import type { Code, Segment } from '../../../src/core/model';
import type { PlacedSegment } from '../../../src/core/transcript-session';
import { displayOrder, planOverlaps } from '../../../src/core/views/overlap-plan';

const code = (id: string, name: string, parent: string | null = null): Code => ({ id, name, parent, color: '#4e79a7', description: '' });
const book = new Codebook([code('c-z', 'Zeal'), code('c-a', 'Anger'), code('c-b', 'Bother', 'c-z'), code('c-q', 'Quiet')]);
const TEXT = 'line one is here\nline two is here\nline three here\n';
const lines = new LineIndex(TEXT);
const placed = (id: string, codes: string[], start: number, end: number, coder = 'dana'): PlacedSegment => {
  const segment: Segment = { id, codes, quote: { exact: TEXT.slice(start, end), prefix: '', suffix: '' }, position: { start, end } };
  return { segment, coder: { id: coder, name: coder }, status: 'exact', range: { start, end } };
};
const plan = (segments: PlacedSegment[], visible?: Set<string>) => planOverlaps(segments, book, { visible, lineOf: (o) => lines.lineOf(o) });

describe('overlap plan', () => {
  it('orders codes as the Codebook view does: parents before children, siblings by name', () => {
    assert.deepEqual([...displayOrder(book).keys()], ['c-a', 'c-q', 'c-z', 'c-b']);
  });

  it('fills every stretch with the colour of the innermost segment over it', () => {
    const outer = placed('s-1', ['c-a'], 0, 30);
    const inner = placed('s-2', ['c-q'], 5, 10);
    const p = plan([outer, inner]);
    assert.deepEqual(p.fills.get('c-a'), [{ start: 0, end: 5 }, { start: 10, end: 30 }]);
    assert.deepEqual(p.fills.get('c-q'), [{ start: 5, end: 10 }]);
    assert.deepEqual(p.byCode.get('c-a'), [{ start: 0, end: 30 }], 'the outer code still marks its whole segment');
  });

  it('gives a partial overlap to the shorter segment, and an equal one consistently', () => {
    const p = plan([placed('s-1', ['c-a'], 0, 10), placed('s-2', ['c-q'], 6, 12)]);
    assert.deepEqual(p.fills.get('c-a'), [{ start: 0, end: 6 }]);
    assert.deepEqual(p.fills.get('c-q'), [{ start: 6, end: 12 }]);
    const same = plan([placed('s-1', ['c-a'], 0, 10), placed('s-2', ['c-q'], 0, 10, 'sam')]);
    const again = plan([placed('s-2', ['c-q'], 0, 10, 'sam'), placed('s-1', ['c-a'], 0, 10)]);
    assert.deepEqual([...same.fills], [...again.fills], 'the order segments arrive in does not matter');
    assert.equal([...same.fills.values()].flat().length, 1);
  });

  it('fills a segment with several codes in its first code in codebook order', () => {
    const p = plan([placed('s-1', ['c-z', 'c-b', 'c-a'], 0, 4)]);
    assert.deepEqual([...p.fills.keys()], ['c-a']);
    assert.deepEqual(p.ends, [{ at: 4, codes: ['c-a', 'c-z', 'c-b'] }]);
  });

  it('lists every code on each line and the codes ending at each offset', () => {
    const p = plan([placed('s-1', ['c-a'], 0, 20), placed('s-2', ['c-q'], 17, 33), placed('s-3', ['c-b'], 34, 38)]);
    assert.deepEqual(p.lines, [
      { line: 0, codes: ['c-a'] },
      { line: 1, codes: ['c-a', 'c-q'] },
      { line: 2, codes: ['c-b'] },
    ]);
    assert.deepEqual(p.ends.map((e) => e.at), [20, 33, 38]);
  });

  it('shows only the chosen codes, still flags unknown codes, skips orphans and empty ranges', () => {
    const orphan: PlacedSegment = { ...placed('s-4', ['c-a'], 0, 3), status: 'orphan', range: undefined };
    const p = plan([placed('s-1', ['c-a', 'c-q'], 0, 10), placed('s-2', ['c-gone'], 12, 14), orphan, placed('s-5', ['c-a'], 7, 7)], new Set(['c-q']));
    assert.deepEqual([...p.byCode.keys()], ['c-q']);
    assert.deepEqual([...p.fills.keys()], ['c-q']);
    assert.deepEqual(p.unknownCode, [{ start: 12, end: 14 }]);
    assert.deepEqual(p.lines, [{ line: 0, codes: ['c-q'] }]);
  });

  it('marks approximately placed segments that are shown, in text order, and no exact ones', () => {
    const fuzzy = (id: string, codes: string[], start: number, end: number): PlacedSegment => ({ ...placed(id, codes, start, end), status: 'fuzzy' });
    const segments = [fuzzy('s-1', ['c-a'], 20, 30), placed('s-2', ['c-a'], 0, 10), fuzzy('s-3', ['c-q'], 2, 6), fuzzy('s-4', ['c-gone'], 40, 44), { ...fuzzy('s-5', ['c-a'], 8, 8) }];
    assert.deepEqual(plan(segments).approximate, [{ start: 2, end: 6 }, { start: 20, end: 30 }, { start: 40, end: 44 }]);
    assert.deepEqual(plan(segments, new Set(['c-a'])).approximate, [{ start: 20, end: 30 }, { start: 40, end: 44 }], 'a hidden code\'s segment is not outlined');
  });

  it('covers each covered character exactly once with a fill', () => {
    const segments = [placed('s-1', ['c-a'], 0, 40), placed('s-2', ['c-q'], 3, 25), placed('s-3', ['c-z'], 10, 12), placed('s-4', ['c-b'], 20, 45)];
    const fills = [...plan(segments).fills.values()].flat().sort((a, b) => a.start - b.start);
    let at = 0;
    for (const f of fills) {
      assert.equal(f.start, at, 'pieces are contiguous and disjoint');
      at = f.end;
    }
    assert.equal(at, 45);
  });
});
