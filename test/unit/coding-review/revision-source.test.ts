/**
 * The FileSource the editor builds over its Git extension's `show(ref, path)`: checked against a
 * real repository (`git show` as the Git extension runs it) and the same project read by
 * GitFileSource (`ls-tree` + `cat-file`), which the CLI uses.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RevisionFileSource, parseTreeListing, type RevisionReader } from '../../../src/core/coding-review';
import { loadSnapshot } from '../../../src/core/project-index';
import { GitFileSource } from '../../../src/node/git-file-source';

const DEMO = fileURLToPath(new URL('../../../demo', import.meta.url));
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };

function git(cwd: string, ...args: string[]): Buffer {
  const r = spawnSync('git', args, { cwd, env: GIT_ENV });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout;
}

/** What the Git extension's `buffer(ref, path)` runs; every path asked is recorded. */
function reader(repo: string, ref: string, asked: string[] = []): RevisionReader {
  return { show: async (path) => (asked.push(path), new Uint8Array(git(repo, 'show', '--textconv', `${ref}:${path}`))) };
}

describe('a FileSource over `git show <rev>:<path>`', () => {
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'grounded-revision-'));
    git(repo, 'init', '-q', '-b', 'main');
    cpSync(DEMO, join(repo, 'study'), { recursive: true });
    mkdirSync(join(repo, 'study', 'interviews', 'extra'), { recursive: true });
    writeFileSync(join(repo, 'study', 'interviews', 'extra', 'é ü "q".md'), '**Ana:** hola\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'study');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('reads the same project as the CLI\'s GitFileSource, for a project in a sub-folder', async () => {
    const cli = await GitFileSource.open(repo, 'HEAD', 'study/');
    try {
      const [viaShow, viaCatFile] = await Promise.all([loadSnapshot(new RevisionFileSource(reader(repo, 'HEAD'), 'study/')), loadSnapshot(cli)]);
      assert.ok(viaShow.transcripts.length >= 17 && viaShow.codes.length > 0);
      assert.deepEqual(JSON.parse(JSON.stringify(viaShow)), JSON.parse(JSON.stringify(viaCatFile)));
      assert.ok(viaShow.transcripts.some((t) => t.path === 'interviews/extra/é ü "q".md' && t.text === '**Ana:** hola\n'));
    } finally {
      cli.dispose();
    }
  });

  it('answers undefined for a path the revision lacks without asking git for it', async () => {
    const asked: string[] = [];
    const source = new RevisionFileSource(reader(repo, 'HEAD', asked), 'study/');
    assert.equal(await source.readFile('interviews/nobody.md'), undefined);
    assert.equal(await source.readFile('nowhere/deep/file.md'), undefined);
    assert.deepEqual(await source.readDirectory('nowhere'), []);
    assert.ok(!asked.some((p) => p.includes('nobody') || p.includes('nowhere')), asked.join(', '));
  });

  it('reads a revision before the project folder existed as empty', async () => {
    const source = new RevisionFileSource(reader(repo, 'HEAD'), 'not-yet/');
    assert.deepEqual(await source.readDirectory(''), []);
    assert.equal(await source.readFile('.grounded/project.json'), undefined);
  });

  it('passes on an error reading a file the listing names, instead of calling it missing', async () => {
    const failing: RevisionReader = {
      show: async (path) => {
        if (path.endsWith('.json')) throw new Error('Could not show object.');
        return new Uint8Array(git(repo, 'show', `HEAD:${path}`));
      },
    };
    await assert.rejects(new RevisionFileSource(failing, 'study/').readFile('.grounded/project.json'), /Could not show object/);
  });

  it('parses a tree listing and refuses anything else', () => {
    assert.deepEqual([...parseTreeListing('tree HEAD:a\n\nb/\ng\n"q".md\n')!], [['b', 'directory'], ['g', 'file'], ['"q".md', 'file']]);
    assert.equal(parseTreeListing('not a tree\n'), undefined);
  });
});
