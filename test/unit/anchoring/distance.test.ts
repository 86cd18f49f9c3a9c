import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  bandedDistance,
  distanceEndingAt,
  distanceStartingAt,
  distancesEndingAtEach,
  distancesStartingAtEach,
  quoteDistance,
} from '../../../src/core/anchoring/distance';

/** Textbook edit distance with transpositions of neighbours (optimal string alignment). */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const letters = (max: number) => fc.array(fc.constantFrom('a', 'b', 'c', 'é', '😀'), { maxLength: max }).map((l) => l.join(''));

describe('edit distances', () => {
  it('measures a context against the text ending or starting at a position (any far end)', () => {
    fc.assert(
      fc.property(letters(24), letters(12).filter((p) => p.length > 0), fc.nat(), (text, pattern, at) => {
        const pos = at % (text.length + 1);
        let before = Infinity;
        for (let s = Math.max(0, pos - 2 * pattern.length); s <= pos; s++) before = Math.min(before, reference(pattern, text.slice(s, pos)));
        let after = Infinity;
        for (let e = pos; e <= Math.min(text.length, pos + 2 * pattern.length); e++) after = Math.min(after, reference(pattern, text.slice(pos, e)));
        assert.equal(distanceEndingAt(text, pos, pattern), before);
        assert.equal(distanceStartingAt(text, pos, pattern), after);
      }),
    );
  });

  it('measures a pattern ending, or starting, at every position of a window', () => {
    fc.assert(
      fc.property(letters(20), letters(10), fc.nat(), fc.nat(), (text, pattern, a, b) => {
        const from = a % (text.length + 1);
        const to = from + (b % (text.length - from + 1));
        const ending = distancesEndingAtEach(text, from, to, pattern);
        const starting = distancesStartingAtEach(text, from, to, pattern);
        for (let k = from; k <= to; k++) {
          let best = Infinity;
          for (let s = from; s <= k; s++) best = Math.min(best, reference(pattern, text.slice(s, k)));
          assert.equal(ending[k - from], best);
          best = Infinity;
          for (let e = k; e <= to; e++) best = Math.min(best, reference(pattern, text.slice(k, e)));
          assert.equal(starting[k - from], best);
        }
      }),
    );
  });

  it('counts a swap of neighbours as one edit', () => {
    assert.equal(distanceEndingAt('the teh', 7, 'the'), 1);
    assert.equal(quoteDistance('visitde', 0, 7, 'visited', 10), 1);
  });

  it('gives the exact distance within a bound, and nothing beyond it', () => {
    fc.assert(
      fc.property(letters(30), letters(30), fc.nat({ max: 12 }), (a, b, bound) => {
        const distance = reference(a, b);
        assert.equal(bandedDistance(a, 0, a.length, b, 0, b.length, bound), distance <= bound ? distance : undefined);
        const quoted = quoteDistance(b, 0, b.length, a, bound);
        assert.ok(distance <= bound ? quoted === distance : quoted > bound, `${quoted} for ${distance} within ${bound}`);
      }),
    );
  });
});
