import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import type { QuoteSelector, TextRange } from '../../../src/core/model';
import { PROJECT_FILE, codeFilePath, codingFilePath, serializeCodingFile, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';

const TEXT = 'Interviewer: How did you find help?\nAmara: A friend from church took me to the centre. I did not trust anyone then.\n';
const T = 'interviews/p01.md';
const dana = { id: 'dana-reyes', name: 'Dana Reyes' };
const sam = { id: 'sam-okafor', name: 'Sam Okafor' };

function target(phrase: string): { range: TextRange; quote: QuoteSelector } {
  const start = TEXT.indexOf(phrase);
  const end = start + phrase.length;
  return { range: { start, end }, quote: { exact: phrase, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) } };
}

function newProject(): MemoryFileSystem {
  return new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'S', transcripts: ['interviews/**/*.md'], memos: 'memos' }), [T]: TEXT });
}

const open = (fs: MemoryFileSystem, coder = dana) => ProjectStore.open(fs, { coder, ids: sequentialIds(coder === dana ? 1 : 500) });

describe('undo and redo of coding actions', () => {
  it('undoes and redoes apply, remove and code edits, on disk too', async () => {
    const fs = newProject();
    const store = await open(fs);
    const trust = store.addCode({ name: 'Trust' });
    const seg = await store.applyCodes(T, target('A friend'), [trust]);
    store.updateCode(trust, { name: 'Trust in people' });
    await store.removeCodes(T, [seg.id]);
    await store.flush();
    const path = codingFilePath(T, dana.id);
    assert.equal(fs.files.has(path), false);

    assert.equal(store.undo(), 'Remove code');
    await store.flush();
    assert.ok(fs.files.get(path)?.includes('A friend'));
    assert.equal(store.undo(), 'Change code');
    assert.equal(store.codebook().get(trust)?.name, 'Trust');
    assert.equal(store.undo(), 'Apply code');
    assert.equal(store.undo(), 'Add code');
    await store.flush();
    assert.equal(fs.files.has(path), false);
    assert.equal(fs.files.has(codeFilePath(trust)), false);
    assert.equal(store.undo(), undefined);

    assert.equal(store.redo(), 'Add code');
    assert.equal(store.redo(), 'Apply code');
    await store.flush();
    assert.ok(fs.files.get(path)?.includes('A friend'));
    assert.deepEqual(store.undoable(), { undo: 'Apply code', redo: 'Change code' });
  });

  it('undoing one action keeps later changes to other segments of the same file', async () => {
    const fs = newProject();
    const store = await open(fs);
    const trust = store.addCode({ name: 'Trust' });
    const first = await store.applyCodes(T, target('A friend'), [trust]);
    const second = await store.applyCodes(T, target('took me'), [trust]);
    // A save rewrites the first segment's quote outside any action.
    const moved = target('A friend from');
    await store.requote(T, dana.id, new Map([[first.id, { quote: moved.quote, position: moved.range }]]));
    store.undo(); // undoes the second apply only
    const segments = (await store.getCoding(T)).coders[0].segments;
    assert.deepEqual(segments.map((s) => s.quote.exact), ['A friend from']);
    assert.ok(!segments.some((s) => s.id === second.id));
  });

  it('forgets history when a file changes on disk, so undo never overwrites what arrived', async () => {
    const fs = newProject();
    const store = await open(fs);
    const trust = store.addCode({ name: 'Trust' });
    await store.applyCodes(T, target('A friend'), [trust]);
    await store.flush();
    const other = await open(fs, sam);
    await other.applyCodes(T, target('took me'), [trust]);
    await other.flush();
    await store.handleFileChange(codingFilePath(T, sam.id));
    assert.equal(store.undo(), undefined);
  });
});

describe('merging and splitting codes', () => {
  it('merges codes across coders and transcripts, collapsing duplicates on the same text', async () => {
    const fs = newProject();
    const store = await open(fs);
    const trust = store.addCode({ name: 'Trust' });
    const faith = store.addCode({ name: 'Faith' });
    const child = store.addCode({ name: 'Church', parent: faith });
    await store.applyCodes(T, target('A friend from church'), [trust]);
    await store.applyCodes(T, target('A friend from church'), [faith]); // same range: one segment, two codes
    await store.applyCodes('interviews/p02.md', target('took me'), [faith]);
    await store.flush();
    const other = await open(fs, sam);
    await other.applyCodes(T, target('I did not trust anyone then.'), [faith]);
    await other.flush();

    const fresh = await open(fs);
    const result = await fresh.mergeCodes([faith], trust);
    await fresh.flush();
    assert.equal(result.movedSegments, 3);
    assert.equal(fresh.codebook().get(faith), undefined);
    assert.equal(fresh.codebook().get(child)?.parent, trust, 'sub-codes move under the target');
    const coding = await fresh.getCoding(T);
    const all = coding.coders.flatMap((c) => c.segments);
    assert.ok(all.every((s) => !s.codes.includes(faith)));
    assert.deepEqual(all.find((s) => s.quote.exact === 'A friend from church')?.codes, [trust]);
    assert.equal(fs.files.has(codeFilePath(faith)), false);

    assert.equal(fresh.undo(), 'Merge codes');
    await fresh.flush();
    assert.ok(fresh.codebook().get(faith));
    assert.equal(fresh.codebook().get(child)?.parent, faith);
    assert.deepEqual([...(await fresh.getCoding(T)).coders[0].segments[0].codes].sort(), [faith, trust].sort());
  });

  it('collapses two segments of one coder on the same text when their codes are merged', async () => {
    const fs = newProject();
    const seed = await open(fs);
    const a = seed.addCode({ name: 'A' });
    const b = seed.addCode({ name: 'B' });
    await seed.flush();
    // Two segments on the same text, as two branches of one coder leave them after a merge.
    const { range, quote } = target('took me');
    const segments = [
      { id: 's-000000000101', codes: [a], quote, position: range },
      { id: 's-000000000102', codes: [b], quote, position: range },
    ];
    fs.files.set(codingFilePath(T, dana.id), serializeCodingFile({ transcript: T, coder: dana, segments }));
    const store = await open(fs);
    assert.equal((await store.getCoding(T)).coders[0].segments.length, 2);
    const result = await store.mergeCodes([a], b);
    assert.equal(result.collapsed, 1);
    assert.deepEqual((await store.getCoding(T)).coders[0].segments.map((s) => s.codes), [[b]]);
  });

  it('splits a code by moving chosen segments to another code', async () => {
    const fs = newProject();
    const store = await open(fs);
    const support = store.addCode({ name: 'Support' });
    const peer = store.addCode({ name: 'Peer support', parent: support });
    const one = await store.applyCodes(T, target('A friend from church'), [support]);
    const two = await store.applyCodes(T, target('took me to the centre'), [support]);
    assert.equal(await store.splitCode(support, [{ transcript: T, coderId: dana.id, segmentId: one.id }], peer), 1);
    const segments = (await store.getCoding(T)).coders[0].segments;
    assert.deepEqual(segments.find((s) => s.id === one.id)?.codes, [peer]);
    assert.deepEqual(segments.find((s) => s.id === two.id)?.codes, [support]);
  });
});
