import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inNumberGroup, numberGroupLabel } from '../../../src/core/analysis/number-groups';

describe('number groups: a crosstab column label read back', () => {
  it('names ages by whole-number ranges and decimals by bounds', () => {
    assert.deepEqual([22, 30, 31, 45, 46].map((v) => numberGroupLabel(v, [30, 45], true)), ['≤ 30', '≤ 30', '31–45', '31–45', '> 45']);
    assert.equal(numberGroupLabel(30.5, [30, 45], false), '30 < x ≤ 45');
    assert.equal(inNumberGroup('youth housing', 3), undefined);
  });

  it('puts every value in the group whose label it was given, and in no other', () => {
    const edges = fc.uniqueArray(fc.integer({ min: -50, max: 150 }), { minLength: 1, maxLength: 4 }).map((e) => [...e].sort((a, b) => a - b));
    fc.assert(
      fc.property(edges, fc.array(fc.double({ min: -60, max: 160, noNaN: true }), { minLength: 1, maxLength: 8 }), fc.boolean(), (bounds, values, whole) => {
        const shown = whole ? values.map(Math.round) : values;
        const integers = whole && shown.every(Number.isInteger);
        const labels = [...new Set(shown.map((v) => numberGroupLabel(v, bounds, integers)))];
        for (const v of shown) {
          const own = numberGroupLabel(v, bounds, integers);
          for (const label of labels) assert.equal(inNumberGroup(label, v), label === own, `${v} in ${label} (edges ${bounds.join(',')})`);
        }
      }),
      { numRuns: 500 },
    );
  });
});
