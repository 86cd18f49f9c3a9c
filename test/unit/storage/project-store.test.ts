import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import type { QuoteSelector, TextRange } from '../../../src/core/model';
import { StoreError } from '../../../src/core/storage/errors';
import { PROJECT_FILE, codeFilePath, codingFilePath, parseCodingFile, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { contentFingerprint } from '../../../src/node/content-fingerprint';

const TEXT = 'Interviewer: How did you find help?\nAmara: A friend from church took me to the centre. I did not trust anyone then.\n';
const dana = { id: 'dana-reyes', name: 'Dana Reyes' };
const sam = { id: 'sam-okafor', name: 'Sam Okafor' };

function target(phrase: string): { range: TextRange; quote: QuoteSelector } {
  const start = TEXT.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  const end = start + phrase.length;
  return { range: { start, end }, quote: { exact: phrase, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) } };
}

function project(): MemoryFileSystem {
  return new MemoryFileSystem({
    [PROJECT_FILE]: serializeProjectFile({ name: 'Test study', transcripts: ['interviews/**/*.md'], memos: 'memos' }),
    'interviews/p01.md': TEXT,
  });
}

async function open(fs: MemoryFileSystem, coder = dana, debounceMs = 0, fingerprint?: (text: string) => string): Promise<ProjectStore> {
  return ProjectStore.open(fs, { coder, ids: sequentialIds(), debounceMs, fingerprint });
}

describe('ProjectStore', () => {
  it('ignores a watcher event for a folder (a coding folder is named like its transcript, .md and all)', async () => {
    const fs = project();
    const store = await open(fs);
    const codeId = store.addCode({ name: 'Trust' });
    await store.applyCodes('interviews/p01.md', target('A friend from church'), [codeId]);
    await store.flush();
    const folders = new Set(['.grounded/coding/interviews/p01.md', '.grounded/coding', '.grounded/codes']);
    const read = fs.readFile.bind(fs);
    fs.readFile = async (path: string) => {
      if (folders.has(path)) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
      return read(path);
    };
    for (const folder of folders) await store.handleFileChange(folder);
    assert.deepEqual(store.problems(), []);
    assert.equal((await store.getCoding('interviews/p01.md')).coders[0].segments.length, 1);
  });

  it('refuses a folder that is not a project, saying which file is missing', async () => {
    await assert.rejects(ProjectStore.open(new MemoryFileSystem(), { coder: dana }), (e: unknown) => e instanceof StoreError && /\.grounded\/project\.json is missing/.test(e.message));
  });

  it('writes a new code to its own file and reads it back after reopening', async () => {
    const fs = project();
    const store = await open(fs);
    const id = store.addCode({ name: '  Trust   in services ', description: 'Statements about trust' });
    await store.flush();
    assert.ok(fs.files.has(codeFilePath(id)));
    const again = await open(fs);
    assert.equal(again.codebook().get(id)?.name, 'Trust in services');
    assert.equal(again.codebook().get(id)?.description, 'Statements about trust');
  });

  it('applies codes per coder, merging codes applied to the same range into one segment', async () => {
    const fs = project();
    const store = await open(fs);
    const trust = store.addCode({ name: 'Trust' });
    const church = store.addCode({ name: 'Church' });
    const first = await store.applyCodes('interviews/p01.md', target('I did not trust anyone then.'), [trust]);
    const placed = new Map([[first.id, first.position]]);
    const second = await store.applyCodes('interviews/p01.md', target('I did not trust anyone then.'), [church], placed);
    assert.equal(second.id, first.id);
    assert.deepEqual(second.codes, [trust, church].sort());
    await store.flush();
    const path = codingFilePath('interviews/p01.md', dana.id);
    const parsed = parseCodingFile(path, fs.files.get(path)!);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.segments.length, 1);
    assert.equal(parsed.value.coder.name, 'Dana Reyes');
  });

  it('keeps each coder in their own file', async () => {
    const fs = project();
    const a = await open(fs, dana);
    const code = a.addCode({ name: 'Trust' });
    await a.applyCodes('interviews/p01.md', target('A friend from church'), [code]);
    await a.flush();
    const b = await open(fs, sam);
    await b.applyCodes('interviews/p01.md', target('took me to the centre'), [code]);
    await b.flush();
    const coding = await (await open(fs)).getCoding('interviews/p01.md');
    assert.deepEqual(coding.coders.map((c) => [c.coder.id, c.segments.length]), [['dana-reyes', 1], ['sam-okafor', 1]]);
  });

  it('deletes a coding file when its last segment is removed', async () => {
    const fs = project();
    const store = await open(fs);
    const code = store.addCode({ name: 'Trust' });
    const seg = await store.applyCodes('interviews/p01.md', target('A friend'), [code]);
    await store.flush();
    assert.equal(await store.removeCodes('interviews/p01.md', [seg.id]), 1);
    await store.flush();
    assert.equal(fs.files.has(codingFilePath('interviews/p01.md', dana.id)), false);
  });

  it('deleting a code removes it from every coder and moves its sub-codes up', async () => {
    const fs = project();
    const a = await open(fs, dana);
    const parent = a.addCode({ name: 'Support' });
    const doomed = a.addCode({ name: 'Church', parent });
    const child = a.addCode({ name: 'Faith leaders', parent: doomed });
    await a.applyCodes('interviews/p01.md', target('A friend from church'), [doomed, parent]);
    await a.flush();
    const b = await open(fs, sam);
    await b.applyCodes('interviews/p01.md', target('from church'), [doomed]);
    await b.flush();
    const store = await open(fs);
    assert.equal(await store.countSegments(doomed), 2);
    assert.deepEqual(await store.deleteCode(doomed), { removedSegments: 2, reparented: 1, removedRelations: 0 });
    await store.flush();
    assert.equal(fs.files.has(codeFilePath(doomed)), false);
    assert.equal(fs.files.has(codingFilePath('interviews/p01.md', sam.id)), false, "Sam's only segment had only that code");
    const coding = await (await open(fs)).getCoding('interviews/p01.md');
    assert.deepEqual(coding.coders[0].segments[0].codes, [parent]);
    assert.equal((await open(fs)).codebook().get(child)?.parent, parent);
  });

  it('never rewrites a malformed coding file, and says which file and line', async () => {
    const fs = project();
    const store = await open(fs);
    const code = store.addCode({ name: 'Trust' });
    await store.flush();
    const path = codingFilePath('interviews/p01.md', dana.id);
    const broken = '{"format":"grounded-coding","version":1,"coder":{"id":"dana-reyes","name":"Dana Reyes"}}\n{not json\n';
    fs.files.set(path, broken);
    const reopened = await open(fs);
    await assert.rejects(reopened.applyCodes('interviews/p01.md', target('A friend'), [code]), (e: unknown) => e instanceof StoreError && e.message.includes(path) && /:2:/.test(e.message));
    await assert.rejects(reopened.deleteCode(code), StoreError);
    await reopened.flush();
    assert.equal(fs.files.get(path), broken);
    assert.ok(reopened.problems().some((p) => p.path === path && p.line === 2));
  });

  it('coalesces a burst of edits to one file into one write', async () => {
    const fs = project();
    const store = await open(fs, dana, 30);
    const code = store.addCode({ name: 'Trust' });
    for (const phrase of ['A friend', 'from church', 'took me', 'the centre']) await store.applyCodes('interviews/p01.md', target(phrase), [code]);
    await store.flush();
    const path = codingFilePath('interviews/p01.md', dana.id);
    assert.equal(fs.writes.filter((w) => w.path === path).length, 1);
    const parsed = parseCodingFile(path, fs.files.get(path)!);
    assert.ok(parsed.ok && parsed.value.segments.length === 4);
  });

  it('reports a failed write and keeps the model, instead of losing it silently', async () => {
    const fs = project();
    const store = await open(fs);
    fs.writeFileAtomic = async () => {
      throw new Error('disk full');
    };
    store.addCode({ name: 'Trust' });
    await assert.rejects(store.flush(), /disk full/);
    assert.ok(store.problems().some((p) => /could not be written: disk full/.test(p.message)));
    assert.equal(store.codebook().size, 1);
  });

  it('refuses to make a code its own ancestor', async () => {
    const store = await open(project());
    const a = store.addCode({ name: 'A' });
    const b = store.addCode({ name: 'B', parent: a });
    assert.throws(() => store.updateCode(a, { parent: b }), /inside itself/);
  });

  it('loads coding lazily, one transcript at a time', async () => {
    const fs = project();
    const reads: string[] = [];
    const read = fs.readFile.bind(fs);
    fs.readFile = async (p: string) => {
      reads.push(p);
      return read(p);
    };
    const seed = await open(fs);
    const code = seed.addCode({ name: 'Trust' });
    await seed.applyCodes('interviews/p01.md', target('A friend'), [code]);
    await seed.applyCodes('interviews/p02.md', target('A friend'), [code]);
    await seed.flush();
    reads.length = 0;
    const store = await open(fs);
    assert.ok(reads.every((p) => !p.startsWith('.grounded/coding/')), 'opening reads no coding');
    await store.getCoding('interviews/p01.md');
    assert.deepEqual(reads.filter((p) => p.startsWith('.grounded/coding/')), [codingFilePath('interviews/p01.md', dana.id)]);
  });
});

describe('ProjectStore: transcripts renamed', () => {
  it('moves every coder\'s coding files with the transcript and keeps them readable', async () => {
    const fs = project();
    const a = await open(fs, dana);
    const code = a.addCode({ name: 'Trust' });
    await a.applyCodes('interviews/p01.md', target('A friend'), [code]);
    await a.flush();
    const b = await open(fs, sam);
    await b.applyCodes('interviews/p01.md', target('took me'), [code]);
    await b.flush();
    const store = await open(fs);
    await store.getCoding('interviews/p01.md');
    assert.equal(await store.renameTranscript('interviews/p01.md', 'interviews/2024/p01-amara.md'), 2);
    assert.equal(fs.files.has(codingFilePath('interviews/p01.md', dana.id)), false);
    assert.ok(fs.files.has(codingFilePath('interviews/2024/p01-amara.md', sam.id)));
    const moved = await (await open(fs)).getCoding('interviews/2024/p01-amara.md');
    assert.equal(moved.coders.length, 2);
    await store.applyCodes('interviews/2024/p01-amara.md', target('the centre'), [code]);
    await store.flush();
    assert.equal((await (await open(fs)).getCoding('interviews/2024/p01-amara.md')).coders[0].segments.length, 2);
  });

  it('refuses to move coding onto a transcript that already has coding', async () => {
    const fs = project();
    const store = await open(fs);
    const code = store.addCode({ name: 'Trust' });
    await store.applyCodes('interviews/p01.md', target('A friend'), [code]);
    await store.applyCodes('interviews/p02.md', target('A friend'), [code]);
    await store.flush();
    await assert.rejects(store.renameTranscript('interviews/p01.md', 'interviews/p02.md'), /already has coding/);
    assert.ok(fs.files.has(codingFilePath('interviews/p01.md', dana.id)));
  });
});

/** Dana's store with one segment coded and written; `debounceMs` for the writes after it. */
async function codedOnce(debounceMs: number, fingerprint?: (text: string) => string): Promise<{ fs: MemoryFileSystem; store: ProjectStore; code: string; path: string }> {
  const fs = project();
  const store = await open(fs, dana, debounceMs, fingerprint);
  const code = store.addCode({ name: 'Trust' });
  await store.applyCodes('interviews/p01.md', target('A friend'), [code]);
  await store.flush();
  return { fs, store, code, path: codingFilePath('interviews/p01.md', dana.id) };
}

/**
 * A pull rewrites the coding file (a comment on its first segment) before the store's debounced
 * write runs; the write must keep the pulled version and say so.
 */
async function pullThenFlush(fs: MemoryFileSystem, store: ProjectStore, path: string): Promise<void> {
  const [header, line] = fs.files.get(path)!.trimEnd().split('\n');
  const external = `${header}\n${line.replace('}', ',"comment":"from the other branch"}')}\n`;
  fs.files.set(path, external);
  await store.flush();
  assert.equal(fs.files.get(path), external, 'the external version is kept');
  assert.ok(store.problems().some((p) => p.path === path && /changed on disk/.test(p.message)));
}

// What the store remembers of each file, the whole text or its fingerprint, must tell the same
// changes apart: its own echo from a real change, and a file changed on disk before a write.
for (const [kept, fingerprint] of [
  ['the whole text', undefined],
  ['a SHA-256 fingerprint', contentFingerprint],
] as const) {
  describe(`ProjectStore: changes on disk and its own writes, remembering ${kept}`, () => {
    it('ignores the echo of its own writes and reloads real external changes', async () => {
      const { fs, store, code, path } = await codedOnce(0, fingerprint);
      const events: string[] = [];
      store.onDidChangeCoding(({ transcript }) => events.push(transcript));
      store.onDidChangeCodebook(() => events.push('codebook'));
      await store.handleFileChange(path);
      await store.handleFileChange(codeFilePath(code));
      assert.deepEqual(events, [], 'own writes are not changes');

      const theirs = await open(fs, sam, 0, fingerprint);
      await theirs.applyCodes('interviews/p01.md', target('took me'), [code]);
      await theirs.flush();
      await store.handleFileChange(codingFilePath('interviews/p01.md', sam.id));
      assert.deepEqual(events, ['interviews/p01.md']);
      assert.equal((await store.getCoding('interviews/p01.md')).coders.length, 2);
    });

    it('reloads an external change that restores content it once wrote itself (a checkout of an older commit)', async () => {
      const { fs, store, code, path } = await codedOnce(0, fingerprint);
      const older = fs.files.get(path)!;
      await store.applyCodes('interviews/p01.md', target('took me'), [code]);
      await store.flush();
      fs.files.set(path, older);
      await store.handleFileChange(path);
      assert.equal((await store.getCoding('interviews/p01.md')).coders[0].segments.length, 1);
    });

    it('never overwrites a file that changed on disk just before its debounced write; says so', async () => {
      const { fs, store, code, path } = await codedOnce(30, fingerprint);
      await store.applyCodes('interviews/p01.md', target('took me'), [code]);
      // Before the debounced write runs, a pull rewrites the file.
      await pullThenFlush(fs, store, path);
    });

    it('never overwrites a file that changed on disk after it was read, before anything was written to it', async () => {
      const { fs, code, path } = await codedOnce(0, fingerprint);
      // A second session reads the file (a load), then a pull changes it before its debounced write.
      const store = await open(fs, dana, 30, fingerprint);
      await store.getCoding('interviews/p01.md');
      await store.applyCodes('interviews/p01.md', target('took me'), [code]);
      await pullThenFlush(fs, store, path);
    });
  });
}

describe('ProjectStore: a rename interrupted or read halfway', () => {
  /** Two coders' coding of p01, and a store that has read it. */
  async function twoCoders(fs: MemoryFileSystem): Promise<ProjectStore> {
    const a = await open(fs, dana);
    const code = a.addCode({ name: 'Trust' });
    await a.applyCodes('interviews/p01.md', target('A friend'), [code]);
    await a.flush();
    const b = await open(fs, sam);
    await b.applyCodes('interviews/p01.md', target('took me'), [code]);
    await b.flush();
    const store = await open(fs);
    await store.getCoding('interviews/p01.md');
    return store;
  }

  it('completes a move that stopped after the first file when it is run again', async () => {
    const fs = project();
    const store = await twoCoders(fs);
    const rename = fs.rename.bind(fs);
    let calls = 0;
    fs.rename = async (from, to) => {
      if (++calls === 2) throw new Error('the machine went down');
      return rename(from, to);
    };
    await assert.rejects(store.renameTranscript('interviews/p01.md', 'interviews/2024/p01.md'), /went down/);
    assert.equal([...fs.files.keys()].filter((p) => p.startsWith('.grounded/coding/interviews/2024/')).length, 1, 'half moved');
    fs.rename = rename;
    assert.equal(await store.renameTranscript('interviews/p01.md', 'interviews/2024/p01.md'), 1);
    assert.equal((await store.getCoding('interviews/2024/p01.md')).coders.length, 2);
    assert.equal((await (await open(fs)).getCoding('interviews/2024/p01.md')).coders.length, 2);
    assert.equal((await store.getCoding('interviews/p01.md')).coders.length, 0);
  });

  it('makes a read of the new path during the move wait for all of it', async () => {
    const fs = project();
    const store = await twoCoders(fs);
    const rename = fs.rename.bind(fs);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let arrived!: () => void;
    const waiting = new Promise<void>((r) => (arrived = r));
    let calls = 0;
    fs.rename = async (from, to) => {
      await rename(from, to);
      if (++calls === 1) {
        arrived();
        await gate;
      }
    };
    const moving = store.renameTranscript('interviews/p01.md', 'interviews/2024/p01.md');
    await waiting; // one file moved, the other not yet
    const reading = store.getCoding('interviews/2024/p01.md');
    release();
    assert.equal((await reading).coders.length, 2);
    assert.equal(await moving, 2);
  });
});
