/**
 * Files that are damaged, enormous or hostile: every reader stays bounded and answers with the
 * file and line, and a file that cannot be read is never rewritten.
 */
import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import { parseAttributesFile } from '../../../src/core/participants/attributes-file';
import { resolveConflictedFile } from '../../../src/core/storage/conflict-resolution';
import { StoreError } from '../../../src/core/storage/errors';
import { MAX_CONFIG_FILE_BYTES, UnreadableFileError, checkFileSize, decodeFileText } from '../../../src/core/storage/file-text';
import {
  PROJECT_FILE,
  codeFilePath,
  codingFilePath,
  parseCodeFile,
  parseCodingFile,
  serializeCodeFile,
  serializeCodingFile,
  serializeProjectFile,
} from '../../../src/core/storage/format';
import { memberLines } from '../../../src/core/storage/format/json-scanner';
import { MAX_PROBLEMS_PER_FILE } from '../../../src/core/storage/format/problems';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';
import type { Code, Segment } from '../../../src/core/model';

const dana = { id: 'dana-reyes', name: 'Dana Reyes' };
const CODING = codingFilePath('interviews/p01.md', dana.id);
const TEXT = 'Amara: A friend took me to the centre. I did not trust anyone then.\n';

function segment(id: string, exact: string, codes = ['c-0f3k8m2q9x1a'], comment?: string): Segment {
  const start = TEXT.indexOf(exact);
  const s: Segment = { id, codes, quote: { exact, prefix: '', suffix: '' }, position: { start, end: start + exact.length } };
  if (comment !== undefined) s.comment = comment;
  return s;
}

function codingText(segments: Segment[]): string {
  return serializeCodingFile({ transcript: 'interviews/p01.md', coder: dana, segments });
}

/** The text git leaves when both branches changed the lines between `before` and `after`. */
function conflicted(common: string, ours: string, theirs: string, rest = ''): string {
  return `${common}<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> sam/coding\n${rest}`;
}

describe('hostile files: JSON readers are bounded', () => {
  it('refuses ten thousand nested brackets in attributes.json on their line, without overflowing the stack', () => {
    const text = `{\n  "format": "grounded-attributes",\n  "version": 1,\n  "attributes": ${'['.repeat(10_000)}\n}\n`;
    const result = parseAttributesFile('.grounded/attributes.json', text);
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual(result.problems.map((p) => [p.line, p.message]), [[4, 'not readable at column 116: nested more than 100 levels deep']]);
  });

  it('places problems of a 100,000-entry attributes file on their lines, listing the first hundred and counting the rest', () => {
    const attributes = Array.from({ length: 100_000 }, (_, i) => ({ name: `a${i}`, type: 'bogus' }));
    const text = `${JSON.stringify({ format: 'grounded-attributes', version: 1, attributes }, null, 2)}\n`;
    const result = parseAttributesFile('.grounded/attributes.json', text);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problems.length, MAX_PROBLEMS_PER_FILE + 1);
    // Each entry spans four lines after the four opening ones: entry i's "type" is on line 7 + 4i.
    assert.deepEqual(result.problems.slice(0, 3).map((p) => p.line), [7, 11, 15]);
    assert.match(result.problems[MAX_PROBLEMS_PER_FILE].message, /and 99900 more problem\(s\) in this file/);
  });

  it('records only the members asked for (and their ancestors) when locating lines', () => {
    const lines = memberLines('{\n  "a": [\n    1,\n    {"b": 2}\n  ],\n  "c": 3\n}\n', ['/a/1/b']);
    assert.deepEqual(Object.fromEntries(lines), { '': 1, '/a': 2, '/a/1': 4, '/a/1/b': 4 });
  });

  it('refuses positions beyond the safe integers with the line, where 1e308 used to crash later readers', () => {
    const line = `{"id":"s-1h5k9n3r7v2z","codes":["c-0f3k8m2q9x1a"],"start":0,"end":1e308,"exact":"A","prefix":"","suffix":""}`;
    const result = parseCodingFile(CODING, `${codingText([]).trim()}\n${line}\n`);
    assert.equal(result.ok, false);
    if (!result.ok) assert.deepEqual(result.problems.map((p) => [p.line, p.message]), [[2, '"end" (1e+308) is too large to be a position in a transcript']]);
  });
});

describe('hostile files: bytes and sizes', () => {
  it('refuses invalid UTF-8 with the line of the first bad byte instead of turning it into U+FFFD', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"a":1}\n{"b":"caf'), 0xe9, ...new TextEncoder().encode('"}\n')]);
    assert.throws(() => decodeFileText(CODING, bytes), (e: unknown) => e instanceof UnreadableFileError && e.line === 2 && /not valid UTF-8 \(byte 0xE9\)/.test(e.message) && e.path === CODING);
    assert.equal(decodeFileText(CODING, new TextEncoder().encode('\uFEFFcafé 😀\n')), '\uFEFFcafé 😀\n');
  });

  it('refuses overlong forms and encoded surrogates, which lenient decoders let through', () => {
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      assert.throws(() => decodeFileText(CODING, Uint8Array.from([0x41, 0x0a, ...bad])), (e: unknown) => e instanceof UnreadableFileError && e.line === 2);
    }
  });

  it('refuses a file over the size limit for its kind, by size alone', () => {
    assert.throws(() => checkFileSize(PROJECT_FILE, MAX_CONFIG_FILE_BYTES + 1), (e: unknown) => e instanceof UnreadableFileError && /more than the 5\.0 MB/.test(e.message));
    assert.doesNotThrow(() => checkFileSize(CODING, MAX_CONFIG_FILE_BYTES + 1));
  });
});

/** A file system whose listed paths hold bytes that are not UTF-8, as NodeFileSystem reports them. */
class UndecodableFiles extends MemoryFileSystem {
  readonly broken = new Set<string>();

  override async readFile(path: string): Promise<string | undefined> {
    if (this.broken.has(path)) throw new UnreadableFileError(path, 3, 'not valid UTF-8 (byte 0xFF)');
    return super.readFile(path);
  }
}

describe('hostile files: the store never rewrites what it could not read', () => {
  function project(): UndecodableFiles {
    const fs = new UndecodableFiles();
    fs.files.set(PROJECT_FILE, serializeProjectFile({ name: 'Study', transcripts: ['interviews/**/*.md'], memos: 'memos' }));
    fs.files.set('interviews/p01.md', TEXT);
    fs.files.set(CODING, codingText([segment('s-1h5k9n3r7v2z', 'A friend')]));
    return fs;
  }

  it('reports a coding file that is not UTF-8 with its line, and refuses edits to it', async () => {
    const fs = project();
    fs.broken.add(CODING);
    const store = await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(), debounceMs: 0 });
    const coding = await store.getCoding('interviews/p01.md');
    assert.deepEqual(coding.problems, [{ path: CODING, line: 3, message: 'not valid UTF-8 (byte 0xFF)', severity: 'error' }]);
    const code = store.addCode({ name: 'Trust' });
    const start = TEXT.indexOf('the centre');
    await assert.rejects(
      store.applyCodes('interviews/p01.md', { range: { start, end: start + 10 }, quote: { exact: 'the centre', prefix: '', suffix: '' } }, [code]),
      (e: unknown) => e instanceof StoreError && e.message.includes(CODING),
    );
    await store.flush();
    assert.deepEqual(fs.writes.map((w) => w.path), [codeFilePath(code)]);
  });

  it('turns a coding file that becomes undecodable on disk into a problem, not an exception', async () => {
    const fs = project();
    const store = await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(), debounceMs: 0 });
    await store.getCoding('interviews/p01.md');
    fs.broken.add(CODING);
    await store.handleFileChange(CODING);
    assert.deepEqual(store.problems().map((p) => [p.path, p.line]), [[CODING, 3]]);
    // Saved again as it was: read again, usable again (not mistaken for the echo of a write).
    fs.broken.delete(CODING);
    await store.handleFileChange(CODING);
    assert.deepEqual(store.problems(), []);
    assert.equal((await store.getCoding('interviews/p01.md')).coders[0].segments.length, 1);
  });

  it('names project.json when it is not UTF-8', async () => {
    const fs = project();
    fs.broken.add(PROJECT_FILE);
    await assert.rejects(ProjectStore.open(fs, { coder: dana }), (e: unknown) => e instanceof StoreError && e.message === `${PROJECT_FILE}:3: not valid UTF-8 (byte 0xFF)`);
  });
});

describe('hostile files: git merge conflicts', () => {
  const header = `${codingText([]).trim()}\n`;
  const line = (s: Segment): string => codingText([s]).split('\n')[1] + '\n';
  const shared = segment('s-1h5k9n3r7v2z', 'A friend');
  const mine = segment('s-4q8t2w6y0b3d', 'the centre');
  const theirs = segment('s-9x2c4v6b8n0m', 'did not trust');

  it('reports one problem at the <<<<<<< line, keeps the file out of use, and offers to resolve it', () => {
    const result = parseCodingFile(CODING, conflicted(header + line(shared), line(mine), line(theirs)));
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.deepEqual(result.problems.map((p) => [p.line, p.kind]), [[3, 'merge-conflict']]);
      assert.match(result.problems[0].message, /unresolved git merge conflict between "HEAD" and "sam\/coding".*Resolve Coding Conflict/);
    }
  });

  it('resolves a coding file by keeping the segments of both sides, in canonical order', () => {
    const resolution = resolveConflictedFile(CODING, conflicted(header + line(shared), line(mine), line(theirs)));
    assert.ok(resolution.ok);
    if (!resolution.ok) return;
    assert.equal(resolution.text, codingText([shared, mine, theirs]));
    assert.deepEqual(resolution.contested, []);
    assert.deepEqual(resolution.notes, [
      'kept 3 segment(s): 1 only in HEAD, 1 only in sam/coding, the rest in both',
      "the common version (git's merge base) was not at hand, so a record only one side holds was kept even where the other side had deleted it (s-4q8t2w6y0b3d, s-9x2c4v6b8n0m); delete any that should go",
    ]);
  });

  it('keeps the preferred side of a segment changed on both sides, and says so', () => {
    const recoded = segment('s-1h5k9n3r7v2z', 'A friend', ['c-2b7d4h6j8k0m']);
    const commented = segment('s-1h5k9n3r7v2z', 'A friend', ['c-0f3k8m2q9x1a'], 'church friend');
    const text = conflicted(header, line(recoded) + line(mine), line(commented));
    for (const [prefer, kept] of [['ours', recoded], ['theirs', commented]] as const) {
      const resolution = resolveConflictedFile(CODING, text, prefer);
      assert.ok(resolution.ok);
      if (!resolution.ok) continue;
      assert.equal(resolution.text, codingText([kept, mine]));
      assert.deepEqual(resolution.contested, ['s-1h5k9n3r7v2z']);
      assert.match(resolution.notes.join('\n'), new RegExp(`kept ${prefer === 'ours' ? 'HEAD' : 'sam/coding'}'s version, since segments record no time of change`));
    }
  });

  it('explains instead of guessing when a side does not read, or the markers do not pair up', () => {
    const broken = resolveConflictedFile(CODING, conflicted(header, line(mine), '{"id": oops\n'));
    assert.ok(!broken.ok && /sam\/coding's version does not read as a valid file \(sam\/coding's side:2: not valid JSON/.test(broken.message), JSON.stringify(broken));
    const unclosed = resolveConflictedFile(CODING, `${header}<<<<<<< HEAD\n${line(mine)}=======\n`);
    assert.ok(!unclosed.ok && /:2: the conflict markers are damaged/.test(unclosed.message));
    const notOurs = resolveConflictedFile(PROJECT_FILE, conflicted('{\n', '"a": 1\n', '"a": 2\n', '}\n'));
    assert.ok(!notOurs.ok && /edit this one by hand/.test(notOurs.message));
  });

  it('resolves a code file field by field when both sides read, keeping the preferred value where they differ', () => {
    const code: Code = { id: 'c-0f3k8m2q9x1a', name: 'Belonging', parent: null, color: '#3a7bd5', description: 'Feeling at home.' };
    const path = codeFilePath(code.id);
    const [ours, theirs] = [serializeCodeFile(code), serializeCodeFile({ ...code, name: 'Home', description: 'Where one belongs.' })];
    const resolution = resolveConflictedFile(path, conflicted('', ours, theirs), 'theirs');
    assert.ok(resolution.ok);
    if (!resolution.ok) return;
    assert.equal(resolution.text, theirs);
    assert.deepEqual(resolution.contested, ['name', 'description']);
    assert.equal(parseCodeFile(path, resolution.text).ok, true);
  });

  it('resolves through the store: writes the merged file once and reads it back as usable', async () => {
    const fs = new MemoryFileSystem({
      [PROJECT_FILE]: serializeProjectFile({ name: 'Study', transcripts: ['interviews/**/*.md'], memos: 'memos' }),
      'interviews/p01.md': TEXT,
      [CODING]: conflicted(header + line(shared), line(mine), line(theirs)),
    });
    const store = await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(), debounceMs: 0 });
    assert.equal((await store.getCoding('interviews/p01.md')).coders.length, 0);
    // The ancestor as git's stage 1 would give it: the shared segment only.
    const notes = await store.resolveMergeConflict(CODING, 'ours', { text: header + line(shared) });
    assert.deepEqual(notes, ['kept 3 segment(s); taken from one side against the common version: 1 added in HEAD; 1 added in sam/coding']);
    assert.deepEqual(fs.writes.map((w) => w.path), [CODING]);
    assert.equal(fs.files.get(CODING), codingText([shared, mine, theirs]));
    const coding = await store.getCoding('interviews/p01.md');
    assert.deepEqual(coding.problems, []);
    assert.deepEqual(coding.coders[0].segments.map((s) => s.id), [shared.id, mine.id, theirs.id]);
  });
});
