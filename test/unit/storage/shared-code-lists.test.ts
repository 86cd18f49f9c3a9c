/**
 * Segments read with the same codes share one frozen list (see sharedCodeIds in coding-file.ts):
 * what is read stays correct, and coding one of them changes only that one.
 */
import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import type { TextRange } from '../../../src/core/model';
import { PROJECT_FILE, parseCodingFile, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';

const HEADER = (coder: string) => `{"format":"grounded-coding","version":1,"coder":{"id":"${coder}","name":"${coder}"}}\n`;
const A = 'c-aaaaaaaaaaaa';
const B = 'c-bbbbbbbbbbbb';

function line(id: string, codes: string[]): string {
  return `${JSON.stringify({ id, codes, start: 0, end: 5, exact: 'Amara', prefix: '', suffix: ': I' })}\n`;
}

describe('code lists shared between segments read from files', () => {
  it('gives equal lists, however they were written, one frozen array; other lists their own', () => {
    const first = parseCodingFile('.grounded/coding/interviews/p01.md/dana.jsonl', HEADER('dana') + line('s-000000000001', [B, A]) + line('s-000000000002', [A]));
    const second = parseCodingFile('.grounded/coding/interviews/p02.md/sam.jsonl', HEADER('sam') + line('s-000000000003', [A, B, A]));
    assert.ok(first.ok && second.ok);
    const [both, onlyA] = first.value.segments.map((s) => s.codes);
    const same = second.value.segments[0].codes;
    assert.deepEqual(both, [A, B]);
    assert.equal(same, both, 'one array for [A, B] across files');
    assert.deepEqual(onlyA, [A]);
    assert.notEqual(onlyA, both);
    assert.ok(Object.isFrozen(both) && Object.isFrozen(onlyA));
    assert.throws(() => (both as string[]).push(B), TypeError);
  });

  it('keeps the other segments as they were when one segment sharing their list gains or loses a code', async () => {
    const text = 'Amara: I found the centre through a friend. Nobody asked me twice.\n';
    const at = (phrase: string): { range: TextRange; quote: { exact: string; prefix: string; suffix: string } } => {
      const start = text.indexOf(phrase);
      const end = start + phrase.length;
      return { range: { start, end }, quote: { exact: phrase, prefix: text.slice(0, start), suffix: text.slice(end) } };
    };
    const fs = new MemoryFileSystem({
      [PROJECT_FILE]: serializeProjectFile({ name: 'Study', transcripts: ['interviews/**/*.md'], memos: 'memos' }),
      'interviews/p01.md': text,
    });
    const coder = { id: 'dana-reyes', name: 'Dana Reyes' };
    const writer = await ProjectStore.open(fs, { coder, ids: sequentialIds(), debounceMs: 0 });
    const trust = writer.addCode({ name: 'Trust' });
    const help = writer.addCode({ name: 'Help' });
    for (const phrase of ['found the centre', 'through a friend', 'Nobody asked me twice']) await writer.applyCodes('interviews/p01.md', at(phrase), [trust]);
    await writer.flush();

    const codesOf = async (store: ProjectStore): Promise<string[][]> => (await store.getCoding('interviews/p01.md')).coders[0].segments.map((s) => [...s.codes]);
    const store = await ProjectStore.open(fs, { coder, ids: sequentialIds(), debounceMs: 0 });
    const [first, second, third] = (await store.getCoding('interviews/p01.md')).coders[0].segments;
    assert.ok(first.codes === second.codes && second.codes === third.codes, 'read back, the three segments share one list');

    await store.applyCodes('interviews/p01.md', at('found the centre'), [help]);
    await store.removeCodes('interviews/p01.md', [third.id], [trust]);
    const expected = [[trust, help].sort(), [trust]];
    assert.deepEqual(await codesOf(store), expected);
    await store.flush();
    const reopened = await ProjectStore.open(fs, { coder, ids: sequentialIds(), debounceMs: 0 });
    assert.deepEqual(await codesOf(reopened), expected);
  });
});
