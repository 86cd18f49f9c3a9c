import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { GcPauses } from '../../../src/vscode/project/gc-pauses';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

describe('garbage-collection pauses', () => {
  it('reports the pauses of a full collection within a span, as a major collection, and none outside it', async () => {
    const pauses = new GcPauses();
    try {
      const from = performance.now();
      collect();
      const to = performance.now();
      // Node hands the entries over a moment after the pause: wait until this one is among them.
      let byKind = pauses.byKindWithin(from, to);
      for (let turns = 0; !byKind?.major && turns < 1000; turns++) {
        await new Promise((resolve) => setImmediate(resolve));
        byKind = pauses.byKindWithin(from, to);
      }
      assert.ok(byKind?.major !== undefined && byKind.major > 0, `a major collection in ${JSON.stringify(byKind)}`);
      const total = Object.values(byKind).reduce((a, b) => a + b, 0);
      assert.ok(total <= to - from + 1e-6, 'no more than the span itself');
      assert.deepEqual(pauses.byKindWithin(to + 60_000, to + 120_000), {}, 'nothing in a span after it');
    } finally {
      pauses.dispose();
    }
  });
});
