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
    assert.match(io.stdout, /6 code\(s\), 3 source\(s\), 6 coded selection\(s\) with 8 coding\(s\), 3 memo\(s\), 0 code relation\(s\), 2 case\(s\)/);
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

  it('never copies a file of this computer into the project: relative:// and absolute:// sources are refused in the report', async () => {
    const qde = (name: string, path: string): string =>
      `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="44444444-4444-4444-8444-444444444444" name="${name}" plainTextPath="${path}"/></Sources></Project>`;
    mkdirSync(join(work, 'media'));
    writeFileSync(join(work, 'media', 'side.txt'), 'Private notes kept beside the archive.');
    const cases = { side: 'relative:///media/side.txt', up: 'relative://../../media/side.txt', abs: `absolute://${join(work, 'media', 'side.txt')}` };
    for (const [name, path] of Object.entries(cases)) {
      writeFileSync(join(work, `${name}.qdpx`), zipEntries({ 'project.qde': qde(name, path) }));
      const io = captureIo(work);
      assert.equal(await importRefiFile(`${name}.qdpx`, name, io), 0);
      assert.ok(io.stdout.includes(`${name}: its text is a file outside the archive (${path}), and Grounded imports only what the archive holds`), io.stdout);
      assert.ok(!existsSync(join(work, name, 'interviews')), `${name}: nothing from outside was written`);
    }
  });

  it('uses the copy of a relative:// source that the archive itself holds', async () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="44444444-4444-4444-8444-444444444444" name="side" plainTextPath="relative:///media/side.txt"/></Sources></Project>`;
    writeFileSync(join(work, 'packed.qdpx'), zipEntries({ 'project.qde': qde, 'sources/side.txt': 'Packed with the project.' }));
    assert.equal(await importRefiFile('packed.qdpx', 'packed', captureIo(work)), 0);
    assert.equal(readFileSync(join(work, 'packed', 'interviews', 'side.md'), 'utf8'), 'Packed with the project.');
  });
});
