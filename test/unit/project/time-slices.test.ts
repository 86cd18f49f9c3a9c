import assert from 'node:assert/strict';
import { NO_SLICES, TimeSlices } from '../../../src/core/time-slices';

/** Busy for `ms` without yielding, as parsing a file is. */
function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin
  }
}

describe('work in time slices', () => {
  it('lets other work run once a slice has used its budget, and keeps the pieces in order', async () => {
    const slices = new TimeSlices(20);
    const order: string[] = [];
    // Let the slice that started with the constructor end first.
    await new Promise((resolve) => setTimeout(resolve, 25));
    setTimeout(() => order.push('other'), 0);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        slices.run(() => {
          busy(8);
          order.push(`w${i}`);
          return i * 10;
        }),
      ),
    );
    assert.deepEqual(results, [0, 10, 20, 30, 40, 50]);
    // Pieces of 8 ms: a 20 ms slice ends after three of them, and the host's timer runs in between.
    const other = order.indexOf('other');
    assert.ok(other > 0 && other < order.length - 1, order.join(' '));
    assert.deepEqual(order.filter((o) => o !== 'other'), ['w0', 'w1', 'w2', 'w3', 'w4', 'w5']);
  });

  it('passes a failing piece its error and goes on with the rest', async () => {
    const slices = new TimeSlices(20);
    const failing = slices.run(() => {
      throw new Error('unreadable');
    });
    const next = slices.run(() => 'read');
    await assert.rejects(failing, /unreadable/);
    assert.equal(await next, 'read');
  });

  it('never pauses outside the editor', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('other'), 0);
    await Promise.all(Array.from({ length: 5 }, (_, i) => NO_SLICES.run(() => (busy(8), order.push(`w${i}`)))));
    assert.deepEqual(order, ['w0', 'w1', 'w2', 'w3', 'w4']);
  });
});

describe('work in time slices with no budget', () => {
  it('still runs every piece, one per slice, with the host getting a turn between', async () => {
    const slices = new TimeSlices(0);
    const order: string[] = [];
    const done = Promise.all([0, 1, 2].map((i) => slices.run(() => order.push(`w${i}`))));
    setTimeout(() => order.push('other'), 0);
    await done;
    assert.deepEqual(order.filter((o) => o.startsWith('w')), ['w0', 'w1', 'w2']);
    assert.ok(order.indexOf('other') < order.indexOf('w2'), order.join(' '));
  });
});
