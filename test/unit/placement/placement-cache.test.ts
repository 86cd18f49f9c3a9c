import assert from 'node:assert/strict';
import { makeQuote } from '../../../src/core/anchoring';
import type { Segment } from '../../../src/core/model';
import { currentText, PlacementCache } from '../../../src/core/placement';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { TranscriptSession } from '../../../src/core/transcript-session';

const TEXT = 'Interviewer: How did you find help?\nAmara: A friend from church took me to the centre. I did not trust anyone then.\n';
const dana = { id: 'dana-reyes', name: 'Dana Reyes' };
const sam = { id: 'sam-okafor', name: 'Sam Okafor' };

function segment(id: string, phrase: string, text = TEXT): Segment {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  const range = { start, end: start + phrase.length };
  return { id, codes: ['c-000000000001'], quote: makeQuote(text, range), position: range };
}

const friend = segment('s-000000000001', 'A friend from church');
const trust = segment('s-000000000002', 'I did not trust anyone then');

describe('PlacementCache', () => {
  it('places every coder’s segments and serves the same text and coding from the cache', () => {
    const cache = new PlacementCache();
    const first = cache.place('p01.md', TEXT, [{ coder: dana, segments: [friend] }, { coder: sam, segments: [trust] }]);
    assert.deepEqual(first.map((p) => [p.coder.id, p.segment.id, p.status, p.range]), [
      ['dana-reyes', friend.id, 'exact', friend.position],
      ['sam-okafor', trust.id, 'exact', trust.position],
    ]);
    assert.equal(cache.anchored, 2);
    // Equal content read again from disk (new objects, same strings) is still a hit.
    const again = cache.place('p01.md', `${TEXT}`, [{ coder: dana, segments: [{ ...friend }] }, { coder: sam, segments: [structuredClone(trust)] }]);
    assert.equal(cache.anchored, 2);
    assert.deepEqual(again.map((p) => p.range), [friend.position, trust.position]);
  });

  it('places only a new or changed segment when the text is the same', () => {
    const cache = new PlacementCache();
    cache.place('p01.md', TEXT, [{ coder: dana, segments: [friend] }]);
    const moved = { ...trust, position: { start: 0, end: trust.quote.exact.length } };
    const placed = cache.place('p01.md', TEXT, [{ coder: dana, segments: [friend, moved] }]);
    assert.equal(cache.anchored, 2);
    assert.deepEqual(placed[1].range, trust.position);
    assert.equal(placed[1].status, 'moved');
  });

  it('re-places the whole transcript when its text changed', () => {
    const cache = new PlacementCache();
    const coders = [{ coder: dana, segments: [friend, trust] }];
    cache.place('p01.md', TEXT, coders);
    const edited = `# Interview\n\n${TEXT.replace('did not trust anyone then', 'trusted nobody')}`;
    const placed = cache.place('p01.md', edited, coders);
    assert.equal(cache.anchored, 4);
    assert.equal(placed[0].status, 'moved');
    assert.deepEqual(placed[0].range, { start: friend.position.start + 13, end: friend.position.end + 13 });
    assert.equal(placed[1].status, 'orphan');
    assert.equal(placed[1].range, undefined);
  });

  it('keeps transcripts apart and forgets one on request', () => {
    const cache = new PlacementCache();
    const coders = [{ coder: dana, segments: [friend] }];
    cache.place('a.md', TEXT, coders);
    cache.place('b.md', TEXT, coders);
    assert.equal(cache.anchored, 2);
    cache.forget('a.md');
    cache.place('a.md', TEXT, coders);
    cache.place('b.md', TEXT, coders);
    assert.equal(cache.anchored, 3);
  });

  it('lets a transcript session reuse what the index placed, without sharing its live ranges', () => {
    const cache = new PlacementCache();
    const coding = { transcript: 'p01.md', coders: [{ coder: dana, segments: [friend, trust] }], problems: [] };
    const indexed = cache.place('p01.md', TEXT, coding.coders);
    const session = new TranscriptSession('p01.md', cache);
    session.setText(TEXT);
    session.setCoding(coding);
    assert.equal(cache.anchored, 2);
    session.applyChanges([{ start: 0, end: 0, text: 'Hello. ' }], `Hello. ${TEXT}`);
    assert.deepEqual(session.placed()[0].range, { start: friend.position.start + 7, end: friend.position.end + 7 });
    assert.deepEqual(indexed[0].range, friend.position, 'the cached placement is not shifted by the editor');
  });

  it('places a segment again when its deleted text comes back while typing, and not when other words come', () => {
    const session = new TranscriptSession('p01.md');
    session.setText(TEXT);
    session.setCoding({ transcript: 'p01.md', coders: [{ coder: dana, segments: [friend, trust] }], problems: [] });
    const { start, end } = friend.position;
    const cut = TEXT.slice(0, start) + TEXT.slice(end);
    session.applyChanges([{ start, end, text: '' }], cut);
    const collapsed = session.placed().find((p) => p.segment.id === friend.id)!;
    assert.deepEqual(collapsed.range, { start, end: start }, 'deleted: an empty range where it was');

    // Other words typed where it was: left collapsed, for review, rather than guessed.
    const other = cut.slice(0, start) + 'A cousin' + cut.slice(start);
    session.applyChanges([{ start, end: start, text: 'A cousin' }], other);
    const waiting = session.placed().find((p) => p.segment.id === friend.id)!.range!;
    assert.equal(waiting.end, waiting.start, 'still collapsed');

    // Undo both: the exact text is back where it was, and so is the segment.
    session.applyChanges([{ start, end: start + 'A cousin'.length, text: '' }], cut);
    session.applyChanges([{ start, end: start, text: friend.quote.exact }], TEXT);
    const back = session.placed().find((p) => p.segment.id === friend.id)!;
    assert.deepEqual(back.range, friend.position);
    // Found by its exact text (the typed text pushed the empty range past where it comes back).
    assert.ok(back.status === 'exact' || back.status === 'moved', back.status);
    assert.deepEqual(session.placed().find((p) => p.segment.id === trust.id)!.range, trust.position, 'the other segment shifted back with the text');
  });
});

describe('currentText', () => {
  const files = new MemoryFileSystem({ 'p01.md': '\ufeffline one\r\nline two\r\n' });

  it('reads the file, without BOM and with LF line endings', async () => {
    assert.equal(await currentText('p01.md', files), 'line one\nline two\n');
  });

  it('takes an open document’s text over the file’s', async () => {
    const open = { textOf: (path: string) => (path === 'p01.md' ? 'unsaved\r\nedit' : undefined) };
    assert.equal(await currentText('p01.md', files, open), 'unsaved\nedit');
    assert.equal(await currentText('p02.md', files, open), undefined);
  });
});
