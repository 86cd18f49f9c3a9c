import assert from 'node:assert/strict';
import { mayBeTranscript, transcriptFolderCandidates } from '../../../src/core/project/transcript-folder';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';

describe('proposing the folder of transcripts for a new project', () => {
  it('proposes the folder holding most Markdown files, leaving out READMEs, changelogs, docs and memos', async () => {
    const fs = new MemoryFileSystem({
      'README.md': '# Study',
      'CHANGELOG.md': '',
      'notes.md': '',
      'docs/method.md': '',
      'docs/ethics.md': '',
      'docs/consent.md': '',
      'interviews/p01.md': '',
      'interviews/p02.md': '',
      'interviews/README.md': '',
      'interviews/wave2/p03.md': '',
      'memos/m1.md': '',
      'memos/m2.md': '',
      'memos/m3.md': '',
      '.grounded/cache/x.md': '',
    });
    const candidates = await transcriptFolderCandidates(fs);
    assert.deepEqual(candidates, [
      { folder: 'interviews', files: 2, glob: 'interviews/**/*.md' },
      { folder: '', files: 1, glob: '*.md' },
      { folder: 'interviews/wave2', files: 1, glob: 'interviews/wave2/**/*.md' },
    ]);
  });

  it('never takes a README, a licence or a file under docs/ for a transcript', () => {
    for (const path of ['README.md', 'readme.md', 'sub/README.fr.md', 'LICENSE.md', 'CONTRIBUTING.md', 'docs/p01.md', 'a/Docs/b.md']) assert.equal(mayBeTranscript(path), false, path);
    for (const path of ['p01.md', 'interviews/readme-notes-amara.md', 'interviews/P01.MD']) assert.equal(mayBeTranscript(path), true, path);
  });

  it('proposes nothing in a folder without Markdown', async () => {
    assert.deepEqual(await transcriptFolderCandidates(new MemoryFileSystem({ 'a.txt': 'x' })), []);
  });
});
