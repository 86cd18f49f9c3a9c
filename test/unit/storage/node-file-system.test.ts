/**
 * The Node file system keeps every read and write inside the project, with real links, FIFOs and
 * devices in temporary folders; and the leftovers of interrupted writes never reach git.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnreadableFileError } from '../../../src/core/storage/file-text';
import { PROJECT_FILE, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { STALE_AFTER_MS, TEMPORARY_FOLDER, sweepTemporaryFiles, temporaryFileName } from '../../../src/core/storage/temporary-files';
import { NodeFileSystem } from '../../../src/node/node-file-system';

describe('Node file system: files outside the project', () => {
  let work: string;
  let project: string;
  let outside: string;

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'grounded-fs-'));
    project = join(work, 'project');
    outside = join(work, 'elsewhere');
    mkdirSync(join(project, 'interviews'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'private notes of another study');
    writeFileSync(join(project, 'interviews', 'p01.md'), '**Amara:** Hello.\n');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('reads files inside the project, through a link that stays inside too', async () => {
    symlinkSync(join(project, 'interviews', 'p01.md'), join(project, 'interviews', 'p01-link.md'));
    const fs = new NodeFileSystem(project);
    assert.equal(await fs.readFile('interviews/p01.md'), '**Amara:** Hello.\n');
    assert.equal(await fs.readFile('interviews/p01-link.md'), '**Amara:** Hello.\n');
    assert.equal(await fs.readFile('interviews/none.md'), undefined);
  });

  it('reads an empty file, a small one and one of several megabytes, byte for byte', async () => {
    const large = `${'Ünïcode 🌱 line\n'.repeat(200_000)}end`;
    writeFileSync(join(project, 'interviews', 'empty.md'), '');
    writeFileSync(join(project, 'interviews', 'large.md'), large);
    const fs = new NodeFileSystem(project);
    assert.equal(await fs.readFile('interviews/empty.md'), '');
    assert.equal(await fs.readFile('interviews/p01.md'), '**Amara:** Hello.\n');
    assert.equal(await fs.readFile('interviews/large.md'), large);
  });

  it('reads files on either side of what one read takes, and many at once, each whole and its own', async () => {
    const kib = 1024;
    // A four-byte character across each boundary: a file cut at a read would not decode.
    const sized = (bytes: number, fill: string): string => `${fill.repeat(bytes - 5)}🌱\n`;
    const sizes = [64 * kib - 1, 64 * kib, 64 * kib + 1, 128 * kib + 3, 3];
    const texts = sizes.map((bytes, i) => sized(Math.max(bytes, 5), String.fromCharCode(97 + i)));
    texts.forEach((text, i) => writeFileSync(join(project, 'interviews', `s${i}.md`), text));
    const many = Array.from({ length: 120 }, (_, i) => `**P${i}:** ${'words '.repeat(i * 40)}${i}\n`);
    many.forEach((text, i) => writeFileSync(join(project, 'interviews', `m${i}.md`), text));
    const fs = new NodeFileSystem(project);
    const read = await Promise.all([...texts.map((_, i) => fs.readFile(`interviews/s${i}.md`)), ...many.map((_, i) => fs.readFile(`interviews/m${i}.md`))]);
    assert.deepEqual(read, [...texts, ...many]);
    assert.deepEqual(
      texts.map((t) => Buffer.byteLength(t)),
      sizes.map((s) => Math.max(s, 5)),
    );
  });

  it('says which line of a small file is not UTF-8, as for a large one', async () => {
    writeFileSync(join(project, 'interviews', 'latin1.md'), Buffer.concat([Buffer.from('**Amara:** fine\n**Amara:** caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    await assert.rejects(new NodeFileSystem(project).readFile('interviews/latin1.md'), (e: unknown) => e instanceof UnreadableFileError && e.line === 2 && /not valid UTF-8 \(byte 0xE9\)/.test(e.message));
  });

  it('refuses a transcript linked to a file outside the project, naming both', async () => {
    symlinkSync(join(outside, 'secret.txt'), join(project, 'interviews', 'p02.md'));
    await assert.rejects(new NodeFileSystem(project).readFile('interviews/p02.md'), /interviews\/p02\.md: a symbolic link to .*secret\.txt, outside the project folder/);
  });

  it('refuses a file under a folder linked to outside the project', async () => {
    symlinkSync(outside, join(project, 'linked'));
    await assert.rejects(new NodeFileSystem(project).readFile('linked/secret.txt'), /outside the project folder/);
  });

  it('refuses, among many reads at once, the one file under a folder linked to outside', async () => {
    for (let i = 0; i < 100; i++) writeFileSync(join(project, 'interviews', `q${i}.md`), `turn ${i}\n`);
    symlinkSync(outside, join(project, 'linked'));
    const fs = new NodeFileSystem(project);
    const reads = await Promise.allSettled([...Array.from({ length: 100 }, (_, i) => fs.readFile(`interviews/q${i}.md`)), fs.readFile('linked/secret.txt')]);
    assert.deepEqual(reads.slice(0, 100).map((r) => r.status === 'fulfilled' && r.value), Array.from({ length: 100 }, (_, i) => `turn ${i}\n`));
    assert.match(String((reads[100] as PromiseRejectedResult).reason), /linked\/secret\.txt: a symbolic link to .*secret\.txt, outside the project folder/);
  });

  it('refuses a file whose folder was replaced by a link to outside after it was first read', async () => {
    writeFileSync(join(outside, 'p01.md'), 'another study');
    const fs = new NodeFileSystem(project);
    assert.equal(await fs.readFile('interviews/p01.md'), '**Amara:** Hello.\n');
    rmSync(join(project, 'interviews'), { recursive: true });
    symlinkSync(outside, join(project, 'interviews'));
    await assert.rejects(fs.readFile('interviews/p01.md'), /outside the project folder/);
  });

  it('refuses a link inside the project that leads on through a folder linked to outside', async () => {
    symlinkSync(outside, join(project, 'linked'));
    symlinkSync(join(project, 'linked', 'secret.txt'), join(project, 'interviews', 'p02.md'));
    await assert.rejects(new NodeFileSystem(project).readFile('interviews/p02.md'), /interviews\/p02\.md: a symbolic link to .*elsewhere.secret\.txt, outside the project folder/);
  });

  it('refuses a file under a linked folder after a listing of its parent, and reads those under real ones', async () => {
    // A listing tells the reads below it which subfolders are real: a link is not one of them.
    mkdirSync(join(project, 'interviews', 'nested'));
    writeFileSync(join(project, 'interviews', 'nested', 'p05.md'), 'nested turn\n');
    symlinkSync(outside, join(project, 'interviews', 'linked'));
    const fs = new NodeFileSystem(project);
    const listed = fs.readDirectory('interviews');
    const reads = await Promise.allSettled([fs.readFile('interviews/nested/p05.md'), fs.readFile('interviews/linked/secret.txt')]);
    assert.deepEqual((await listed).map((e) => e.name).sort(), ['nested', 'p01.md']);
    assert.deepEqual(reads[0], { status: 'fulfilled', value: 'nested turn\n' });
    assert.match(String((reads[1] as PromiseRejectedResult).reason), /outside the project folder/);
  });

  it('refuses files under a listed folder that is itself linked to outside', async () => {
    mkdirSync(join(outside, 'inner'));
    writeFileSync(join(outside, 'inner', 'notes.md'), 'private');
    symlinkSync(outside, join(project, 'linked'));
    const fs = new NodeFileSystem(project);
    // Listed through the link (the listing follows the folder asked for), then read below it.
    assert.deepEqual((await fs.readDirectory('linked')).map((e) => e.name).sort(), ['inner', 'secret.txt']);
    await assert.rejects(fs.readFile('linked/inner/notes.md'), /outside the project folder/);
  });

  it('finds a folder created after a read looked for it in vain', async () => {
    const fs = new NodeFileSystem(project);
    assert.equal(await fs.readFile('memos/m1.md'), undefined);
    mkdirSync(join(project, 'memos'));
    writeFileSync(join(project, 'memos', 'm1.md'), 'A memo.');
    assert.equal(await fs.readFile('memos/m1.md'), 'A memo.');
  });

  it('refuses a link to /dev/zero at once instead of reading without end', async function () {
    if (!existsSync('/dev/zero')) this.skip();
    symlinkSync('/dev/zero', join(project, 'interviews', 'p03.md'));
    await assert.rejects(new NodeFileSystem(project).readFile('interviews/p03.md'), /outside the project folder/);
  });

  it('refuses a FIFO inside the project without waiting for a writer', async function () {
    if (process.platform === 'win32') this.skip();
    execFileSync('mkfifo', [join(project, 'interviews', 'p04.md')]);
    await assert.rejects(new NodeFileSystem(project).readFile('interviews/p04.md'), /p04\.md: a named pipe, not a regular file/);
  });

  it('lists no links, so nothing outside is offered as a transcript', async () => {
    symlinkSync(join(outside, 'secret.txt'), join(project, 'interviews', 'p02.md'));
    const names = (await new NodeFileSystem(project).readDirectory('interviews')).map((e) => e.name);
    assert.deepEqual(names, ['p01.md']);
  });

  it('never writes through a linked .grounded folder or a linked file, and writes nothing outside', async () => {
    symlinkSync(outside, join(project, '.grounded'));
    const fs = new NodeFileSystem(project);
    await assert.rejects(fs.writeFileAtomic('.grounded/codes/c-1.json', '{}\n'), /\.grounded is a symbolic link; Grounded does not write through links/);
    await assert.rejects(fs.deleteFile('.grounded/secret.txt'), /symbolic link/);
    await assert.rejects(fs.rename('interviews/p01.md', '.grounded/p01.md'), /symbolic link/);
    rmSync(join(project, '.grounded'));
    symlinkSync(join(outside, 'secret.txt'), join(project, 'interviews', 'p05.md'));
    await assert.rejects(fs.writeFileAtomic('interviews/p05.md', 'replaced'), /interviews\/p05\.md is a symbolic link/);
    assert.deepEqual(readdirSync(outside), ['secret.txt']);
    assert.equal(readFileSync(join(outside, 'secret.txt'), 'utf8'), 'private notes of another study');
  });

  it('refuses paths that climb out of the project', async () => {
    const fs = new NodeFileSystem(project);
    await assert.rejects(fs.readFile('../elsewhere/secret.txt'), /outside the project folder/);
    await assert.rejects(fs.writeFileAtomic('../elsewhere/x.txt', 'x'), /outside the project folder/);
  });
});

describe('temporary files of interrupted writes', () => {
  let project: string;

  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'grounded-tmp-'));
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('are ignored by git without the project having any ignore rule of its own', async () => {
    execFileSync('git', ['init', '-q'], { cwd: project });
    const fs = new NodeFileSystem(project);
    await fs.writeFileAtomic('.grounded/project.json', '{}\n');
    // An interrupted write leaves its temporary file exactly where a write puts it.
    const leftover = `${TEMPORARY_FOLDER}/${temporaryFileName(Date.now(), 'a1b2c3d4e5f6')}`;
    writeFileSync(join(project, ...leftover.split('/')), '{"half": ');
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: project, encoding: 'utf8' });
    assert.deepEqual(status.trim().split('\n'), ['?? .grounded/project.json']);
    execFileSync('git', ['add', '-A'], { cwd: project });
    const staged = execFileSync('git', ['diff', '--cached', '--name-only'], { cwd: project, encoding: 'utf8' });
    assert.equal(staged.trim(), '.grounded/project.json');
  });

  it('leave nothing behind after a write', async () => {
    const fs = new NodeFileSystem(project);
    for (let i = 0; i < 5; i++) await fs.writeFileAtomic('interviews/p01.md', `version ${i}\n`);
    assert.equal(readFileSync(join(project, 'interviews', 'p01.md'), 'utf8'), 'version 4\n');
    assert.deepEqual(readdirSync(join(project, '.grounded', '.tmp')), ['.gitignore']);
    assert.deepEqual(readdirSync(join(project, 'interviews')), ['p01.md']);
  });

  it('are swept when stale, on a real folder', async () => {
    const fs = new NodeFileSystem(project);
    await fs.writeFileAtomic('.grounded/project.json', '{}\n');
    const now = Date.now();
    const stale = temporaryFileName(now - STALE_AFTER_MS - 1, '000000000001');
    const fresh = temporaryFileName(now - 1000, '000000000002');
    for (const name of [stale, fresh]) writeFileSync(join(project, '.grounded', '.tmp', name), 'half');
    assert.deepEqual(await sweepTemporaryFiles(fs, now), [`${TEMPORARY_FOLDER}/${stale}`]);
    assert.deepEqual(readdirSync(join(project, '.grounded', '.tmp')).sort(), ['.gitignore', fresh]);
  });

  it('sweeps only its own stale files, leaving anything else in the folder', async () => {
    const now = Date.now();
    const old = temporaryFileName(now - 2 * STALE_AFTER_MS, 'abcdef');
    const fs = new MemoryFileSystem({ [`${TEMPORARY_FOLDER}/${old}`]: 'x', [`${TEMPORARY_FOLDER}/.gitignore`]: '*\n', [`${TEMPORARY_FOLDER}/notes.txt`]: 'mine' });
    assert.deepEqual(await sweepTemporaryFiles(fs, now), [`${TEMPORARY_FOLDER}/${old}`]);
    assert.deepEqual([...fs.files.keys()].sort(), [`${TEMPORARY_FOLDER}/.gitignore`, `${TEMPORARY_FOLDER}/notes.txt`]);
  });

  it('are swept when the project is opened', async () => {
    const stale = `${TEMPORARY_FOLDER}/${temporaryFileName(Date.now() - STALE_AFTER_MS - 60_000, 'feedbeef0001')}`;
    const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'Study', transcripts: ['interviews/**/*.md'], memos: 'memos' }), [stale]: '{"half": ' });
    await ProjectStore.open(fs, { coder: { id: 'dana', name: 'Dana' } });
    assert.equal(fs.files.has(stale), false);
    assert.ok(fs.files.has(PROJECT_FILE));
  });
});
