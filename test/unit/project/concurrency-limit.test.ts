import assert from 'node:assert/strict';
import { ConcurrencyLimit } from '../../../src/core/concurrency-limit';

/** A promise with its resolve and reject at hand. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
  return { promise, resolve, reject };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('runs at most the limit at once, the rest in the order they came', async () => {
    const limit = new ConcurrencyLimit(2);
    const gates = [0, 1, 2, 3, 4].map(() => deferred<number>());
    const started: number[] = [];
    const results = gates.map((gate, i) =>
      limit.run(async () => {
        started.push(i);
        return gate.promise;
      }),
    );
    await turn();
    assert.deepEqual(started, [0, 1]);
    assert.equal(limit.active, 2);
    gates[1].resolve(1);
    await turn();
    assert.deepEqual(started, [0, 1, 2]);
    gates[0].resolve(0);
    gates[2].resolve(2);
    await turn();
    assert.deepEqual(started, [0, 1, 2, 3, 4]);
    gates[3].resolve(3);
    gates[4].resolve(4);
    assert.deepEqual(await Promise.all(results), [0, 1, 2, 3, 4]);
    assert.equal(limit.active, 0);
  });

  it('frees the slot of work that failed, and passes the failure on', async () => {
    const limit = new ConcurrencyLimit(1);
    const failed = limit.run(async () => {
      throw new Error('unreadable');
    });
    const next = limit.run(async () => 'read');
    await assert.rejects(failed, /unreadable/);
    assert.equal(await next, 'read');
    assert.equal(limit.active, 0);
  });

  it('a newcomer waits behind those already waiting', async () => {
    const limit = new ConcurrencyLimit(1);
    const first = deferred<void>();
    const order: string[] = [];
    const a = limit.run(async () => first.promise.then(() => order.push('a')));
    const b = limit.run(async () => order.push('b'));
    first.resolve();
    await a;
    const c = limit.run(async () => order.push('c'));
    await Promise.all([b, c]);
    assert.deepEqual(order, ['a', 'b', 'c']);
  });

  it('refuses a limit that is not a positive whole number', () => {
    assert.throws(() => new ConcurrencyLimit(0), RangeError);
    assert.throws(() => new ConcurrencyLimit(1.5), RangeError);
  });
});
