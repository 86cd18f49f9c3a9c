import assert from 'node:assert/strict';
import { Codebook } from '../../../src/core/codebook';
import type { Code, Segment } from '../../../src/core/model';
import type { PlacedSegment } from '../../../src/core/transcript-session';
import { CodeCounter, countCodes } from '../../../src/core/views/code-counts';
import { planDecorations } from '../../../src/core/views/decoration-plan';
import { hoverMarkdown } from '../../../src/core/views/hover-text';
import { escapeMarkdown, excerpt } from '../../../src/core/views/markdown-text';

const code = (id: string, name: string, parent: string | null = null, color = '#4e79a7'): Code => ({ id, name, parent, color, description: '' });
const seg = (id: string, codes: string[], start = 0, end = 5): Segment => ({ id, codes, quote: { exact: 'x'.repeat(end - start), prefix: '', suffix: '' }, position: { start, end } });
const coder = { id: 'dana', name: 'Dana' };
const placed = (segment: Segment, status: PlacedSegment['status'] = 'exact', range = segment.position): PlacedSegment => ({ segment, coder, status, range: status === 'orphan' ? undefined : range });

describe('codebook hierarchy', () => {
  it('sorts children by name and gives paths', () => {
    const book = new Codebook([code('c-b', 'beta', 'c-p'), code('c-a', 'Alpha', 'c-p'), code('c-p', 'Parent')]);
    assert.deepEqual(book.children('c-p').map((c) => c.name), ['Alpha', 'beta']);
    assert.deepEqual(book.path('c-b'), ['Parent', 'beta']);
    assert.deepEqual(book.descendantsAndSelf('c-p').sort(), ['c-a', 'c-b', 'c-p']);
  });

  it('shows codes with a missing parent or a cycle of parents at the top level, hiding none', () => {
    const book = new Codebook([code('c-1', 'Orphaned', 'c-gone'), code('c-2', 'Loop A', 'c-3'), code('c-3', 'Loop B', 'c-2')]);
    assert.deepEqual(book.children(null).map((c) => c.id).sort(), ['c-1', 'c-2', 'c-3']);
  });

  it('detects re-parenting that would make a cycle', () => {
    const book = new Codebook([code('c-p', 'P'), code('c-c', 'C', 'c-p')]);
    assert.equal(book.wouldCycle('c-p', 'c-c'), true);
    assert.equal(book.wouldCycle('c-c', null), false);
  });
});

describe('decoration plan', () => {
  const book = new Codebook([code('c-1', 'One'), code('c-2', 'Two')]);

  it('paints a segment once per code, skips orphans and collapsed ranges, flags unknown codes', () => {
    const plan = planDecorations(
      [placed(seg('s-1', ['c-1', 'c-2'], 10, 20)), placed(seg('s-2', ['c-1'], 0, 5)), placed(seg('s-3', ['c-2']), 'orphan'), placed(seg('s-4', ['c-2'], 7, 7)), placed(seg('s-5', ['c-gone'], 30, 40))],
      book,
    );
    assert.deepEqual(plan.byCode.get('c-1'), [{ start: 0, end: 5 }, { start: 10, end: 20 }]);
    assert.deepEqual(plan.byCode.get('c-2'), [{ start: 10, end: 20 }]);
    assert.deepEqual(plan.unknownCode, [{ start: 30, end: 40 }]);
  });

  it('filters to the chosen codes', () => {
    const plan = planDecorations([placed(seg('s-1', ['c-1', 'c-2'], 10, 20))], book, new Set(['c-2']));
    assert.deepEqual([...plan.byCode.keys()], ['c-2']);
  });
});

describe('untrusted text in Markdown', () => {
  it('escapes links, commands, HTML and emphasis so they render literally', () => {
    const hostile = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold**';
    const escaped = escapeMarkdown(hostile);
    assert.doesNotMatch(escaped, /(^|[^\\])\[/);
    assert.doesNotMatch(escaped, /(^|[^\\])</);
    assert.doesNotMatch(escaped, /(^|[^\\])\*/);
    assert.equal(escaped.replace(/\\(.)/g, '$1'), hostile);
  });

  it('hovers list each segment with code path, coder, approximate placement and comment, escaped', () => {
    const book = new Codebook([code('c-p', 'Support'), code('c-1', 'Peer <b>support</b>', 'c-p')]);
    const s = { ...seg('s-1', ['c-1']), comment: 'see [memo](http://x)' };
    const md = hoverMarkdown([placed(s, 'fuzzy')], book);
    assert.match(md, /\*\*Support \/ Peer \\<b\\>support\\<\/b\\>\*\*/);
    assert.match(md, /Dana/);
    assert.match(md, /approximate match/);
    assert.match(md, /see \\\[memo\\\]\\\(http:\/\/x\\\)/);
  });

  it('cuts excerpts at a word boundary', () => {
    assert.equal(excerpt('one two three four five', 12), 'one two…');
    assert.equal(excerpt('  short \n text ', 40), 'short text');
  });
});

describe('code counts', () => {
  it('counts own segments, segments including sub-codes once each, and transcripts', () => {
    const book = new Codebook([code('c-p', 'Parent'), code('c-a', 'A', 'c-p'), code('c-b', 'B', 'c-p'), code('c-x', 'Unused')]);
    const counts = countCodes(book, [
      { transcript: 't1.md', coders: [{ coder, segments: [seg('s-1', ['c-a', 'c-b']), seg('s-2', ['c-a']), seg('s-3', ['c-p'])] }], problems: [] },
      { transcript: 't2.md', coders: [{ coder, segments: [seg('s-4', ['c-b'])] }], problems: [] },
    ]);
    assert.deepEqual(counts.get('c-a'), { segments: 2, segmentsWithChildren: 2, transcripts: 1 });
    assert.deepEqual(counts.get('c-b'), { segments: 2, segmentsWithChildren: 2, transcripts: 2 });
    assert.deepEqual(counts.get('c-p'), { segments: 1, segmentsWithChildren: 4, transcripts: 1 });
    assert.deepEqual(counts.get('c-x'), { segments: 0, segmentsWithChildren: 0, transcripts: 0 });
  });

  it('counts in slices to the same figures, a few transcripts per piece, with the codebook as it is at the end', async () => {
    const book = new Codebook([code('c-p', 'Parent'), code('c-a', 'A', 'c-p'), code('c-b', 'B', 'c-p')]);
    // 60 transcripts: t0 has s-0 coded A; t1 has s-1 coded A and B; t2 s-2 coded B; and so on.
    const codings = Array.from({ length: 60 }, (_, i) => ({
      transcript: `t${i}.md`,
      coders: [{ coder, segments: [seg(`s-${i}`, [['c-a'], ['c-a', 'c-b'], ['c-b']][i % 3])] }],
      problems: [],
    }));
    const pieces: number[] = [];
    const slices = { run: <T>(work: () => T): Promise<T> => (pieces.push(pieces.length), Promise.resolve(work())) };
    let current = book;
    const counted = new CodeCounter().countsInSlices(() => current, () => codings, slices);
    current = new Codebook([...book.all(), code('c-new', 'Added while counting')]);
    const counts = await counted;
    // 40 transcripts have A (i % 3 of 0 or 1), 40 have B (1 or 2); every one reaches the parent.
    assert.deepEqual(counts.get('c-a'), { segments: 40, segmentsWithChildren: 40, transcripts: 40 });
    assert.deepEqual(counts.get('c-b'), { segments: 40, segmentsWithChildren: 40, transcripts: 40 });
    assert.deepEqual(counts.get('c-p'), { segments: 0, segmentsWithChildren: 60, transcripts: 0 });
    assert.deepEqual(counts.get('c-new'), { segments: 0, segmentsWithChildren: 0, transcripts: 0 });
    assert.deepEqual(countCodes(current, codings), counts, 'the same figures as counting at once');
    assert.equal(pieces.length, 3 + 1, 'three pieces of 25, 25 and 10 transcripts, then the totals');
  });

  it('counts again only the transcripts whose coding changed, and forgets those no longer given', () => {
    const book = new Codebook([code('c-p', 'Parent'), code('c-a', 'A', 'c-p'), code('c-b', 'B', 'c-p')]);
    // Lists that count how often they are gone through: the store hands out an unchanged one again.
    let readings = 0;
    const list = (...segments: Segment[]): Segment[] => {
      const items = [...segments];
      const values = items[Symbol.iterator].bind(items);
      return Object.defineProperty(items, Symbol.iterator, { value: () => (readings++, values()) });
    };
    const t1 = { transcript: 't1.md', coders: [{ coder, segments: list(seg('s-1', ['c-a', 'c-b']), seg('s-2', ['c-a'])) }], problems: [] };
    const t2 = { transcript: 't2.md', coders: [{ coder, segments: list(seg('s-3', ['c-b'])) }], problems: [] };
    const t3 = { transcript: 't3.md', coders: [{ coder, segments: list(seg('s-4', ['c-p'])) }], problems: [] };
    const counter = new CodeCounter();
    assert.deepEqual(counter.countsNow(book, [t1, t2, t3]), countCodes(book, [t1, t2, t3]));
    readings = 0;

    // t1 gains a segment (a new list, as the store makes one); t3 is gone; t2 is as it was.
    const t1Now = { ...t1, coders: [{ coder, segments: list(seg('s-1', ['c-a', 'c-b']), seg('s-2', ['c-a']), seg('s-5', ['c-b'])) }] };
    const counts = counter.countsNow(book, [t1Now, t2]);
    assert.equal(readings, 1, 'only the changed transcript was gone through');
    // By hand: A on s-1, s-2 (t1); B on s-1, s-5 (t1) and s-3 (t2); the parent reached by all four.
    assert.deepEqual(counts.get('c-a'), { segments: 2, segmentsWithChildren: 2, transcripts: 1 });
    assert.deepEqual(counts.get('c-b'), { segments: 3, segmentsWithChildren: 3, transcripts: 2 });
    assert.deepEqual(counts.get('c-p'), { segments: 0, segmentsWithChildren: 4, transcripts: 0 });
    assert.deepEqual(counts, countCodes(book, [t1Now, t2]));
    readings = 0;
    assert.deepEqual(counter.countsNow(book, [t1Now, t2]), counts);
    assert.equal(readings, 0, 'nothing changed, nothing gone through');
  });

  it('ends a count in slices with the coding as it is then, when a count at once came in between', async () => {
    const book = new Codebook([code('c-a', 'A'), code('c-b', 'B')]);
    const before = { transcript: 't1.md', coders: [{ coder, segments: [seg('s-1', ['c-a'])] }], problems: [] };
    const after = { transcript: 't1.md', coders: [{ coder, segments: [seg('s-1', ['c-b']), seg('s-2', ['c-b'])] }], problems: [] };
    const waiting: (() => void)[] = [];
    const slices = { run: <T>(work: () => T): Promise<T> => new Promise<T>((resolve) => waiting.push(() => resolve(work()))) };
    let current = [before];
    const counter = new CodeCounter();
    const counted = counter.countsInSlices(() => book, () => current, slices);
    // The coding changes, and the view counts at once, before the slices' piece (holding the old coding) runs.
    current = [after];
    assert.deepEqual(counter.countsNow(book, current), countCodes(book, current));
    while (waiting.length > 0) {
      waiting.shift()!();
      await Promise.resolve();
      await Promise.resolve();
    }
    assert.deepEqual(await counted, countCodes(book, [after]));
    assert.deepEqual((await counted).get('c-a'), { segments: 0, segmentsWithChildren: 0, transcripts: 0 });
  });
});
