import assert from 'node:assert/strict';
import { inTimelineOrder, memoDay, memosByKind, memosByMonth, newMemoText, parseMemo } from '../../../src/core/memos';

describe('memo kinds, links and timeline', () => {
  it('writes and reads back a kind and several codes', () => {
    const { text } = newMemoText({ title: 'Fear and mistrust', kind: 'theoretical', link: { kind: 'code', code: 'c-eev1kyas3c52' }, moreCodes: ['c-eg5r2vypvh05'], author: 'Dana', date: '2026-03-01' });
    assert.equal(text, '---\nkind: theoretical\ncode: [c-eev1kyas3c52, c-eg5r2vypvh05]\nauthor: Dana\ndate: 2026-03-01\n---\n\n# Fear and mistrust\n\n');
    const memo = parseMemo('memos/fear.md', text);
    assert.equal(memo.kind, 'theoretical');
    assert.deepEqual(memo.links, [
      { kind: 'code', code: 'c-eev1kyas3c52' },
      { kind: 'code', code: 'c-eg5r2vypvh05' },
    ]);
  });

  it('reads a list of segments by id, in any case of kind, and leaves out what is not an id', () => {
    const memo = parseMemo('memos/m.md', '---\nkind: " Reflexive "\nsegments:\n  - s-15v1f7k0dxp2\n  - nonsense\n  - s-4yg8vpr8tsz4\n  - s-15v1f7k0dxp2\n---\n# M\n');
    assert.equal(memo.kind, 'reflexive');
    assert.deepEqual(memo.segmentIds, ['s-15v1f7k0dxp2', 's-4yg8vpr8tsz4']);
  });

  it('keeps reading old memos exactly as before: no kind, no segment list', () => {
    const old = '---\ncode: c-eev1kyas3c52\nauthor: Dana Reyes\ndate: 2024-05-06\n---\n\n# Fear\n\nText.\n';
    const memo = parseMemo('memos/old.md', old);
    assert.deepEqual(memo, { path: 'memos/old.md', title: 'Fear', links: [{ kind: 'code', code: 'c-eev1kyas3c52' }], excerpt: 'Text.', author: 'Dana Reyes', date: '2024-05-06' });
    assert.equal(parseMemo('memos/k.md', '---\nkind: musing\n---\n# K\n').kind, undefined);
  });

  it('orders memos by day, from the front matter else the file, undated last', () => {
    const a = parseMemo('memos/a.md', '---\ndate: 2026-02-10\nkind: code\n---\n# A\n');
    const b = parseMemo('memos/b.md', '# B\n');
    const c = parseMemo('memos/c.md', '---\ndate: 2026-01-05T10:00\n---\n# C\n');
    const d = parseMemo('memos/d.md', '# D\n');
    const fileDates = { 'memos/b.md': '2026-02-01' };
    assert.equal(memoDay(c), '2026-01-05');
    assert.deepEqual(inTimelineOrder([a, b, c, d], fileDates).map((m) => m.title), ['C', 'B', 'A', 'D']);
    assert.deepEqual(memosByMonth([a, b, c, d], fileDates).map((g) => [g.month, g.memos.map((m) => m.title)]), [
      ['2026-02', ['A', 'B']],
      ['2026-01', ['C']],
      [undefined, ['D']],
    ]);
    assert.deepEqual(memosByKind([a, b, c, d], fileDates).map((g) => [g.kind, g.memos.map((m) => m.title)]), [
      ['code', ['A']],
      [undefined, ['C', 'B', 'D']],
    ]);
  });
});
