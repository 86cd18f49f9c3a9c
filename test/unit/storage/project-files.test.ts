import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import { StoreError } from '../../../src/core/storage/errors';
import { PROJECT_FILE, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';

const dana = { id: 'dana-reyes', name: 'Dana Reyes' };
const MEMO = 'memos/trust.md';
const SPEAKERS = '.grounded/speakers.json';

/** A file system that lets another writer change a file between the store's read and its write. */
class RacingFileSystem extends MemoryFileSystem {
  private race: { path: string; content: string } | undefined;

  /** The next time `path` is read, it is first changed to `content` (as by `git pull`). */
  changeBeforeNextRead(path: string, content: string): void {
    this.race = { path, content };
  }

  override async readFile(path: string): Promise<string | undefined> {
    if (this.race?.path === path) {
      this.files.set(path, this.race.content);
      this.race = undefined;
    }
    return super.readFile(path);
  }
}

async function open(fs: MemoryFileSystem, debounceMs = 0): Promise<ProjectStore> {
  return ProjectStore.open(fs, { coder: dana, ids: sequentialIds(), debounceMs });
}

function project(files: Record<string, string> = {}): RacingFileSystem {
  const fs = new RacingFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'Study', transcripts: ['**/*.md'], memos: 'memos' }) });
  for (const [path, content] of Object.entries(files)) fs.files.set(path, content);
  return fs;
}

describe('ProjectStore: whole project files (memos, attribute types, speakers)', () => {
  it('creates a file that does not exist and knows the watcher echo of it as its own', async () => {
    const fs = project();
    const store = await open(fs, 50);
    assert.equal(await store.writeProjectFile(MEMO, '# Trust\n', undefined), 'saved');
    assert.equal(fs.files.get(MEMO), '# Trust\n');
    assert.equal(await store.isOwnEcho(MEMO), true);
    fs.files.set(MEMO, '# Trust\n\nTyped in another editor.\n');
    assert.equal(await store.isOwnEcho(MEMO), false);
  });

  it('does not create a file over one that appeared on disk meanwhile; keeps it and reports it', async () => {
    const fs = project();
    const store = await open(fs);
    fs.changeBeforeNextRead(MEMO, '# Someone else\n');
    assert.equal(await store.writeProjectFile(MEMO, '# Trust\n', undefined), 'kept-on-disk');
    assert.equal(fs.files.get(MEMO), '# Someone else\n');
    assert.deepEqual(fs.writes.filter((w) => w.path === MEMO), []);
    const problem = store.problems().find((p) => p.path === MEMO);
    assert.match(problem?.message ?? '', /changed on disk .* the version on disk was kept/);
  });

  it('replaces a file only while it still holds what the caller read', async () => {
    const before = '{"speakers":{}}\n';
    const fs = project({ [SPEAKERS]: before });
    const store = await open(fs);
    assert.equal(await store.writeProjectFile(SPEAKERS, '{"speakers":{"A":1}}\n', before), 'saved');
    const pulled = '{"speakers":{"B":2}}\n';
    fs.changeBeforeNextRead(SPEAKERS, pulled);
    assert.equal(await store.writeProjectFile(SPEAKERS, '{"speakers":{"A":1,"C":3}}\n', '{"speakers":{"A":1}}\n'), 'kept-on-disk');
    assert.equal(fs.files.get(SPEAKERS), pulled);
    // Based on what is there now, the next write goes through: the conflict blocks nothing later.
    assert.equal(await store.writeProjectFile(SPEAKERS, '{"speakers":{"B":2,"C":3}}\n', pulled), 'saved');
    assert.equal(fs.files.get(SPEAKERS), '{"speakers":{"B":2,"C":3}}\n');
  });

  it('refuses to write the codebook, coding or project file as whole files', async () => {
    const store = await open(project());
    for (const path of [PROJECT_FILE, '.grounded/codes/c-1.json', '.grounded/coding/p01.md/dana.jsonl']) {
      await assert.rejects(store.writeProjectFile(path, '{}', undefined), StoreError);
    }
  });

  it('says when a write failed, naming the file', async () => {
    const fs = project();
    fs.writeFileAtomic = () => Promise.reject(new Error('disk full'));
    const store = await open(fs);
    await assert.rejects(store.writeProjectFile(MEMO, '# Trust\n', undefined), (e: unknown) => e instanceof StoreError && e.message === `${MEMO} could not be written: disk full`);
  });
});
