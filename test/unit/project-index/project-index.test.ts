import assert from 'node:assert/strict';
import { makeQuote } from '../../../src/core/anchoring';
import { sequentialIds } from '../../../src/core/ids';
import { PlacementCache } from '../../../src/core/placement';
import { ProjectIndex } from '../../../src/core/project-index';
import { ATTRIBUTES_FILE } from '../../../src/core/participants';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { P01, P02, TRUST, WORK, dana, smallProject } from './small-project';

async function setUp(open: Record<string, string> = {}): Promise<{ fs: ReturnType<typeof smallProject>; store: ProjectStore; index: ProjectIndex; placements: PlacementCache; events: () => number; next: () => Promise<void> }> {
  const fs = smallProject();
  const store = await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(), debounceMs: 0 });
  const placements = new PlacementCache();
  const index = await ProjectIndex.attach(store, fs, { placements, debounceMs: 5, open: { textOf: (path) => open[path] } });
  let count = 0;
  const waiting: (() => void)[] = [];
  index.onDidChange(() => {
    count++;
    for (const resolve of waiting.splice(0)) resolve();
  });
  const next = (): Promise<void> => new Promise((resolve) => waiting.push(resolve));
  return { fs, store, index, placements, events: () => count, next };
}

function target(text: string, phrase: string): { range: { start: number; end: number }; quote: ReturnType<typeof makeQuote> } {
  const start = text.indexOf(phrase);
  const range = { start, end: start + phrase.length };
  return { range, quote: makeQuote(text, range) };
}

describe('ProjectIndex', () => {
  it('reflects an apply within one change event, re-placing only that transcript and only the new segment', async () => {
    const { store, index, placements, events, next } = await setUp();
    const anchoredBefore = placements.anchored;
    const changed = next();
    const segment = await store.applyCodes('interviews/p02.md', target(P02, 'We slept on site'), [WORK]);
    await changed;
    assert.equal(events(), 1);
    assert.deepEqual(index.built, ['interviews/p02.md']);
    assert.equal(placements.anchored - anchoredBefore, 1, 'the other segments of p02 come from the cache');
    const p02 = index.transcript('interviews/p02.md')!;
    const placed = p02.segments.find((p) => p.segment.id === segment.id);
    assert.equal(placed?.status, 'exact');
    assert.equal(P02.slice(placed!.range!.start, placed!.range!.end), 'We slept on site');
    assert.equal(index.snapshot().transcripts[1], p02, 'the snapshot lists the same, current object');
  });

  it('announces a burst of changes once', async () => {
    const { store, index, events, next } = await setUp();
    const changed = next();
    await store.applyCodes('interviews/p02.md', target(P02, 'We slept on site'), [WORK]);
    await store.applyCodes('interviews/p01.md', target(P01, 'How did you find help?'), [TRUST]);
    store.addCode({ name: 'Church' });
    await changed;
    assert.equal(events(), 1);
    const snapshot = index.snapshot();
    assert.deepEqual(snapshot.codes.map((c) => c.name).sort(), ['Church', 'Work', 'trust']);
    assert.equal(snapshot.transcripts[0].segments.length, 4);
    // The next change is announced on its own: the burst left nothing pending behind it.
    const again = next();
    index.fileChanged('memos/new.md');
    await again;
    assert.equal(events(), 2);
  });

  it('re-places only the transcript whose text changed on disk, and keeps the snapshot of the others', async () => {
    const { fs, index, next } = await setUp();
    const before = index.snapshot();
    fs.files.set('interviews/p02.md', `# Interview with Tomasz\n\n${P02}`);
    const changed = next();
    index.fileChanged('interviews/p02.md');
    await changed;
    assert.deepEqual(index.built, ['interviews/p02.md']);
    const after = index.snapshot();
    assert.notEqual(after, before);
    assert.equal(after.transcripts[0], before.transcripts[0], 'p01 is not rebuilt');
    const [nobody] = after.transcripts[1].segments;
    assert.equal(nobody.status, 'moved');
    assert.equal(after.transcripts[1].text.slice(nobody.range!.start, nobody.range!.end), 'Nobody paid us');
  });

  it('reads an open document’s text over the file’s', async () => {
    const edited = P02.replace('Nobody paid us', 'They paid nobody');
    const { index } = await setUp({ 'interviews/p02.md': edited });
    const p02 = index.transcript('interviews/p02.md')!;
    assert.equal(p02.text, edited);
    assert.equal(p02.segments[0].status, 'orphan');
  });

  it('keeps memos and attribute types current', async () => {
    const { fs, index, next } = await setUp();
    fs.files.set('memos/work.md', '# Work\n\nSites without pay.\n');
    fs.files.set(ATTRIBUTES_FILE, '{\n  "format": "grounded-attributes",\n  "version": 1,\n  "attributes": [{ "name": "age", "type": "number" }]\n}\n');
    const changed = next();
    index.fileChanged('memos/work.md');
    index.fileChanged(ATTRIBUTES_FILE);
    await changed;
    assert.deepEqual(index.built, []);
    const snapshot = index.snapshot();
    assert.deepEqual(snapshot.memos.map((m) => m.title), ['Trust comes late', 'Work']);
    assert.equal(snapshot.attributes.declared, true);
    assert.deepEqual(snapshot.transcripts[0].participant.issues.map((i) => [i.kind, i.attribute]), [['undeclared', 'participant']]);
  });

  it('ignores files that feed nothing in it', async () => {
    const { index } = await setUp();
    const before = index.snapshot();
    index.fileChanged('notes.md');
    await index.settled();
    assert.deepEqual(index.built, []);
    assert.equal(index.snapshot().transcripts.length, before.transcripts.length);
  });
});
