import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../../src/cli/cli-command';
import { exportCommand } from '../../../../src/cli/commands/export';
import { importRefiFile } from '../../../../src/cli/refi-import';
import { checkProject } from '../../../../src/core/validation/project-check';
import { NodeFileSystem } from '../../../../src/node/node-file-system';
import { buildTestProject, schemaErrors, unzipText, zipEntries, zipFixture } from './refi-test-project';

function captureIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { cwd, stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** Every file under a folder, recursively, relative to it. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1))
    .sort();
}

describe('grounded export / import of REFI-QDA files', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'grounded-refi-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  async function writeTestProject(): Promise<string> {
    const { fs } = await buildTestProject();
    const root = join(work, 'study');
    for (const [path, content] of fs.files) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return root;
  }

  it('exports a project and its codebook to the files named, valid against the schemas', async () => {
    const root = await writeTestProject();
    const io = captureIo(root);
    assert.equal(await exportCommand.run(['qdpx', '.'], { out: join(work, 'study.qdpx'), utf16: true }, io), 0);
    assert.match(io.stdout, /6 code\(s\), 3 source\(s\), 6 coded selection\(s\) with 8 coding\(s\), 3 memo\(s\), 2 case\(s\)/);
    const entries = unzipText(new Uint8Array(readFileSync(join(work, 'study.qdpx'))));
    assert.deepEqual(await schemaErrors(entries.get('project.qde')!, 'Project.xsd'), []);
    assert.equal(await exportCommand.run(['qdc'], {}, io), 0);
    assert.deepEqual(await schemaErrors(readFileSync(join(root, 'study.qdc'), 'utf8'), 'Codebook.xsd'), []);
    assert.equal(await exportCommand.run(['docx'], {}, io), 2);
    assert.equal(await exportCommand.run(['qdc', work], {}, captureIo(work)), 2);
  });

  it('imports a .qdpx into a new project folder that validates, and reports each source’s reading', async () => {
    writeFileSync(join(work, 'pilot.qdpx'), zipFixture('nvivo-like'));
    const io = captureIo(work);
    assert.equal(await importRefiFile('pilot.qdpx', 'pilot', io), 0, io.stderr);
    assert.match(io.stdout, /7 code\(s\), 1 transcript\(s\), 5 segment\(s\) by 2 coder\(s\), 2 memo\(s\)/);
    assert.match(io.stdout, /interviews\/amara-interview\.md: 7 selection\(s\), positions read as UTF-16 code units, CR LF counted as 2, BOM not counted \(decided by word boundaries\); 7 fit, 0 skipped/);
    const check = await checkProject(new NodeFileSystem(join(work, 'pilot')));
    assert.deepEqual(check.problems, []);
  });

  it('writes nothing for a file it cannot import', async () => {
    const hostile: [string, Uint8Array][] = [
      ['not-a-zip.qdpx', new TextEncoder().encode('hello')],
      ['escape.qdpx', zipEntries({ 'project.qde': '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>', '../../escape.txt': 'x' })],
      ['xxe.qdpx', zipEntries({ 'project.qde': '<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project name="&x;"/>' })],
    ];
    for (const [name, bytes] of hostile) {
      writeFileSync(join(work, name), bytes);
      const io = captureIo(work);
      assert.equal(await importRefiFile(name, 'out', io), 1, name);
      assert.match(io.stderr, /cannot be imported: .*\nNothing was written\./);
      assert.deepEqual(filesUnder(join(work, 'out')), []);
    }
    assert.ok(!existsSync(join(work, 'escape.txt')) && !existsSync(join(tmpdir(), 'escape.txt')));
  });

  it('refuses to import over an existing project, leaving it untouched', async () => {
    const root = await writeTestProject();
    const before = filesUnder(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]);
    writeFileSync(join(work, 'pilot.qdpx'), zipFixture('nvivo-like'));
    const io = captureIo(work);
    assert.equal(await importRefiFile(join(work, 'pilot.qdpx'), root, io), 2);
    assert.match(io.stderr, /already holds \.grounded\/project\.json.*Nothing was written/);
    assert.deepEqual(filesUnder(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]), before);
  });

  it('reads relative:// sources from beside the archive and absolute:// ones, but only plain-text files', async () => {
    const qde = (path: string): string =>
      `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="44444444-4444-4444-8444-444444444444" name="side" plainTextPath="relative:///${path}"/></Sources></Project>`;
    mkdirSync(join(work, 'media'));
    writeFileSync(join(work, 'media', 'side.txt'), 'Beside the archive.');
    writeFileSync(join(work, 'media', 'secret.key'), 'do not read');
    writeFileSync(join(work, 'ok.qdpx'), zipEntries({ 'project.qde': qde('media/side.txt') }));
    writeFileSync(join(work, 'key.qdpx'), zipEntries({ 'project.qde': qde('media/secret.key') }));
    assert.equal(await importRefiFile('ok.qdpx', 'ok', captureIo(work)), 0);
    assert.equal(readFileSync(join(work, 'ok', 'interviews', 'side.md'), 'utf8'), 'Beside the archive.');
    const absolute = `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="44444444-4444-4444-8444-444444444444" name="abs" plainTextPath="absolute://${join(work, 'media', 'side.txt')}"/></Sources></Project>`;
    writeFileSync(join(work, 'abs.qdpx'), zipEntries({ 'project.qde': absolute }));
    assert.equal(await importRefiFile('abs.qdpx', 'abs', captureIo(work)), 0);
    assert.equal(readFileSync(join(work, 'abs', 'interviews', 'abs.md'), 'utf8'), 'Beside the archive.');
    const io = captureIo(work);
    assert.equal(await importRefiFile('key.qdpx', 'key', io), 0);
    assert.match(io.stdout, /side: its text \(relative:\/\/\/media\/secret\.key\) is not in the file/);
    assert.ok(!existsSync(join(work, 'key', 'interviews')));
  });
});
