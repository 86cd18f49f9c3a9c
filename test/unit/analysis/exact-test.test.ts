import assert from 'node:assert/strict';
import { exactTest } from '../../../src/core/analysis/exact-test';

const p = (table: number[][]): number => {
  const result = exactTest(table);
  assert.ok(result.computed, JSON.stringify(result));
  return result.p;
};

describe("Fisher's exact test", () => {
  it('gives the published two-sided p-values of two 2 × 2 tables', () => {
    // Fisher's lady tasting tea: 3 of 4 cups told right. R's fisher.test: p = 0.4857.
    assert.equal(p([[3, 1], [1, 3]]).toFixed(4), '0.4857');
    // Wikipedia's worked example (dieting: 1 of 12 men, 9 of 12 women): p = 0.002759.
    assert.equal(p([[1, 9], [11, 3]]).toFixed(6), '0.002759');
  });

  it('extends to more than two groups (Freeman–Halton), as computed by hand', () => {
    // With the code: 1, 0, 2 of groups of 1, 2 and 2 participants (3 of 5 in all). The tables with
    // these margins, as top rows, and their weights Π C(group, top): (1,2,0) 1, (1,1,1) 4, (1,0,2) 1,
    // (0,2,1) 2, (0,1,2) 2 — 10 in all, C(5,3). The observed (1,0,2) has 1/10; no more probable are
    // it and (1,2,0): p = 2/10.
    const result = exactTest([[1, 0, 2], [0, 2, 0]]);
    assert.ok(result.computed);
    assert.equal(result.p.toFixed(12), '0.200000000000');
    assert.deepEqual([result.n, result.tables], [5, 5]);
  });

  it('is 1 when the code is spread as evenly as the margins allow, and says why it cannot run', () => {
    assert.equal(p([[2, 2], [2, 2]]).toFixed(12), '1.000000000000');
    assert.deepEqual(exactTest([[0, 0], [3, 4]]), { computed: false, reason: 'needs two groups with participants, and participants with and without the code', n: 7 });
    assert.equal(exactTest([[3, 0], [2, 0]]).computed, false, 'one group only');
  });

  it('reads the table from its shorter row, and says so rather than run on where the tables are too many', () => {
    // 97 of 100 participants with the code in three groups: the same test as 3 of 100 without it.
    const common = exactTest([[33, 33, 31], [0, 1, 2]]);
    const rare = exactTest([[0, 1, 2], [33, 33, 31]]);
    assert.ok(common.computed && rare.computed);
    assert.equal(common.p.toFixed(12), rare.p.toFixed(12));
    assert.equal(common.tables, rare.tables);
    // Half of 1,000 participants in each of ten groups: far more tables than it goes through.
    const many = exactTest([Array(10).fill(50), Array(10).fill(50)]);
    assert.deepEqual(many, { computed: false, reason: 'more than 200,000 tables to enumerate for the exact test', n: 1000 });
  });
});
