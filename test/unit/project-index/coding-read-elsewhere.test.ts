import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import { PlacementCache } from '../../../src/core/placement';
import { ProjectIndex } from '../../../src/core/project-index';
import { codingFilePath, serializeCodingFile } from '../../../src/core/storage/format';
import { ProjectStore } from '../../../src/core/storage/project-store';
import type { FileSource } from '../../../src/core/ports';
import { P02, WORK, dana, segmentOn, smallProject } from './small-project';

const P04 = 'interviews/p04.md';

describe('ProjectIndex and coding the store read for someone else', () => {
  it('hears of coding the store loaded before its watcher event came, when the event comes', async () => {
    const fs = smallProject();
    const store = await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(), debounceMs: 0 });
    const index = await ProjectIndex.attach(store, fs, { placements: new PlacementCache(), debounceMs: 5 });
    // A new transcript and its coding arrive (a git pull); the transcript's watcher event comes first.
    await fs.writeFileAtomic(P04, P02);
    const path = codingFilePath(P04, dana.id);
    await fs.writeFileAtomic(path, serializeCodingFile({ transcript: P04, coder: dana, segments: [segmentOn(P02, 's-000000000009', 'Nobody paid us')] }));
    index.fileChanged(P04);
    await index.settled();
    // Someone asks the store first: it reads the file then, so the watcher's event later is no news.
    assert.equal((await store.getCoding(P04)).coders.length, 1);
    await store.handleFileChange(path);
    await index.settled();
    assert.deepEqual(index.transcript(P04)?.segments.map((s) => `${s.segment.id} ${s.status}`), ['s-000000000009 exact']);
    index.dispose();
    store.dispose();
  });

  it('does not announce a file again that a load read and nobody changed, nor the echo of its own write', async () => {
    const fs = smallProject();
    const store = await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(), debounceMs: 0 });
    await store.loadAllCoding();
    const announced: string[] = [];
    store.onDidChangeCoding(({ transcript }) => announced.push(transcript));
    const path = codingFilePath('interviews/p02.md', dana.id);
    await store.handleFileChange(path);
    assert.deepEqual(announced, ['interviews/p02.md'], 'the first event after a load is passed on once');
    await store.handleFileChange(path);
    assert.deepEqual(announced, ['interviews/p02.md'], 'a second event for the same content is no news');
    const phrase = segmentOn(P02, 'x', 'We slept on site');
    await store.applyCodes('interviews/p02.md', { range: phrase.position, quote: phrase.quote }, [WORK]);
    await store.flush();
    announced.length = 0;
    await store.handleFileChange(path);
    assert.deepEqual(announced, [], 'the echo of its own write');
    store.dispose();
  });
});

describe('ProjectIndex attached while the coding changes', () => {
  it('a segment coded while the index reads the project is in it afterwards', async () => {
    const fs = smallProject();
    const store = await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(), debounceMs: 0 });
    // The index reads the project's folders through a door held shut until the coding has changed.
    let open: () => void = () => undefined;
    let knocked: () => void = () => undefined;
    const door = new Promise<void>((resolve) => (open = resolve));
    const reading = new Promise<void>((resolve) => (knocked = resolve));
    const source: FileSource = {
      readFile: (path) => fs.readFile(path),
      readDirectory: async (path) => {
        knocked();
        await door;
        return fs.readDirectory(path);
      },
    };
    const attaching = ProjectIndex.attach(store, source, { placements: new PlacementCache(), debounceMs: 5 });
    await reading;
    const phrase = segmentOn(P02, 'x', 'We slept on site');
    const segment = await store.applyCodes('interviews/p02.md', { range: phrase.position, quote: phrase.quote }, [WORK]);
    open();
    const index = await attaching;
    await index.settled();
    assert.ok(index.transcript('interviews/p02.md')?.segments.some((s) => s.segment.id === segment.id), 'the segment coded meanwhile');
    index.dispose();
    store.dispose();
  });
});
