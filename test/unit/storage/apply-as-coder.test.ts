import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import { makeQuote } from '../../../src/core/anchoring';
import { CONSENSUS_CODER } from '../../../src/core/disagreements';
import { StoreError } from '../../../src/core/storage/errors';
import { PROJECT_FILE, codingFilePath, parseCodingFile, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';

const TEXT = 'Amara: A friend from church took me to the centre. I did not trust anyone then.\n';
const T = 'interviews/p01.md';
const at = (phrase: string) => {
  const start = TEXT.indexOf(phrase);
  const range = { start, end: start + phrase.length };
  return { range, quote: makeQuote(TEXT, range) };
};

describe('ProjectStore.applyAsCoder (reconciling into a consensus coder)', () => {
  it('writes several segments to the consensus coder\'s own file as one action, and one undo deletes the file', async () => {
    const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'S', transcripts: ['interviews/**/*.md'], memos: 'memos' }), [T]: TEXT });
    const store = await ProjectStore.open(fs, { coder: { id: 'dana-reyes', name: 'Dana Reyes' }, ids: sequentialIds() });
    const trust = store.addCode({ name: 'Trust' });
    const help = store.addCode({ name: 'help' });
    const n = await store.applyAsCoder(T, CONSENSUS_CODER, [{ ...at('A friend from church'), codes: [help] }, { ...at('did not trust anyone'), codes: [trust] }, { ...at('A friend from church'), codes: [trust] }], 'Reconcile');
    await store.flush();
    assert.equal(n, 3);
    const path = codingFilePath(T, CONSENSUS_CODER.id);
    const parsed = parseCodingFile(path, fs.files.get(path)!);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.coder, { id: 'consensus', name: 'Consensus' });
    const byQuote = parsed.value.segments.map((s) => [s.quote.exact, s.codes] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    assert.deepEqual(byQuote, [['A friend from church', [help, trust].sort()], ['did not trust anyone', [trust]]], 'the same range twice is one segment with both codes');
    assert.equal(fs.files.has(codingFilePath(T, 'dana-reyes')), false, 'the current coder\'s file is untouched');
    assert.equal(store.undo(), 'Reconcile');
    await store.flush();
    assert.equal(fs.files.has(path), false, 'one undo removes everything the reconcile wrote');
  });

  it('records the segments a reconcile makes in the reconciling researcher\'s current round', async () => {
    const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'S', transcripts: ['interviews/**/*.md'], memos: 'memos' }), [T]: TEXT });
    const store = await ProjectStore.open(fs, { coder: { id: 'dana-reyes', name: 'Dana Reyes' }, ids: sequentialIds() });
    const trust = store.addCode({ name: 'Trust' });
    store.setRound('focused');
    await store.applyAsCoder(T, CONSENSUS_CODER, [{ ...at('did not trust anyone'), codes: [trust] }], 'Reconcile');
    const consensus = (await store.getCoding(T)).coders.find((c) => c.coder.id === CONSENSUS_CODER.id)!;
    assert.deepEqual(consensus.segments.map((s) => s.round), ['focused']);
  });

  it('writes to the consensus coder in several transcripts as one action, or, with a malformed file among them, nowhere', async () => {
    const T2 = 'interviews/p02.md';
    const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'S', transcripts: ['interviews/**/*.md'], memos: 'memos' }), [T]: TEXT, [T2]: TEXT });
    const store = await ProjectStore.open(fs, { coder: { id: 'dana-reyes', name: 'Dana Reyes' }, ids: sequentialIds() });
    const trust = store.addCode({ name: 'Trust' });
    const both = [T, T2].map((transcript) => ({ transcript, targets: [{ ...at('did not trust anyone'), codes: [trust] }] }));
    assert.equal(await store.applyAsCoderAcross(CONSENSUS_CODER, both, 'Copy agreed coding'), 2);
    await store.flush();
    assert.ok([T, T2].every((t) => fs.files.has(codingFilePath(t, CONSENSUS_CODER.id))));
    assert.equal(store.undo(), 'Copy agreed coding');
    await store.flush();
    assert.ok([T, T2].every((t) => !fs.files.has(codingFilePath(t, CONSENSUS_CODER.id))), 'one undo takes both back');

    const broken = new MemoryFileSystem({ ...Object.fromEntries(fs.files), [codingFilePath(T2, CONSENSUS_CODER.id)]: '{ not json\n' });
    const other = await ProjectStore.open(broken, { coder: { id: 'dana-reyes', name: 'Dana Reyes' }, ids: sequentialIds() });
    await assert.rejects(other.applyAsCoderAcross(CONSENSUS_CODER, both, 'Copy agreed coding'), (e: unknown) => e instanceof StoreError && /malformed/.test(e.message));
    await other.flush();
    assert.equal(broken.files.has(codingFilePath(T, CONSENSUS_CODER.id)), false, 'the first transcript is not written either');
    assert.equal(broken.files.get(codingFilePath(T2, CONSENSUS_CODER.id)), '{ not json\n', 'the malformed file is never rewritten');
  });

  it('leaves no coder of nothing behind once an undo takes away all it wrote, as reading the files again would find', async () => {
    const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'S', transcripts: ['interviews/**/*.md'], memos: 'memos' }), [T]: TEXT });
    const store = await ProjectStore.open(fs, { coder: { id: 'dana-reyes', name: 'Dana Reyes' }, ids: sequentialIds() });
    const trust = store.addCode({ name: 'Trust' });
    await store.applyCodes(T, at('A friend'), [trust]);
    await store.applyAsCoder(T, CONSENSUS_CODER, [{ ...at('did not trust anyone'), codes: [trust] }], 'Reconcile');
    store.undo();
    await store.flush();
    assert.deepEqual((await store.getCoding(T)).coders.map((c) => c.coder.id), ['dana-reyes']);
    const reread = await ProjectStore.open(fs, { coder: { id: 'dana-reyes', name: 'Dana Reyes' }, ids: sequentialIds() });
    assert.deepEqual((await reread.getCoding(T)).coders.map((c) => c.coder.id), ['dana-reyes']);
    store.undo();
    assert.deepEqual(store.codedTranscripts(), [], 'a transcript whose every segment was undone is not coded');
  });

  it('refuses an unknown code or an empty range and writes nothing', async () => {
    const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'S', transcripts: ['interviews/**/*.md'], memos: 'memos' }), [T]: TEXT });
    const store = await ProjectStore.open(fs, { coder: { id: 'dana-reyes', name: 'Dana Reyes' }, ids: sequentialIds() });
    const trust = store.addCode({ name: 'Trust' });
    await assert.rejects(store.applyAsCoder(T, CONSENSUS_CODER, [{ ...at('A friend'), codes: ['c-nothere'] }], 'Reconcile'));
    await assert.rejects(store.applyAsCoder(T, CONSENSUS_CODER, [{ range: { start: 3, end: 3 }, quote: at('A').quote, codes: [trust] }], 'Reconcile'), StoreError);
    await store.flush();
    assert.equal(fs.files.has(codingFilePath(T, CONSENSUS_CODER.id)), false);
  });
});
