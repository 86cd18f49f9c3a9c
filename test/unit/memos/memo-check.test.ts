import assert from 'node:assert/strict';
import { newMemoText } from '../../../src/core/memos';
import { formatProblem } from '../../../src/core/storage/errors';
import { codingFilePath, PROJECT_FILE, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { checkProject } from '../../../src/core/validation/project-check';
import { demoFileSystem } from '../pseudonymise/demo-files';

function project(memos: Record<string, string>): MemoryFileSystem {
  const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'Study', transcripts: ['interviews/**/*.md'], memos: 'memos' }), 'interviews/p01.md': 'Amara: Hello.\n' });
  for (const [path, text] of Object.entries(memos)) fs.files.set(path, text);
  return fs;
}

async function memoProblems(fs: MemoryFileSystem): Promise<string[]> {
  return (await checkProject(fs)).problems.filter((p) => p.path.startsWith('memos/')).map((p) => `${formatProblem(p)} [${p.severity}]`);
}

describe('grounded validate: memos', () => {
  it('finds nothing wrong with the demo memos', async () => {
    assert.deepEqual(await memoProblems(demoFileSystem()), []);
  });

  it('reports, with file:line, a memo whose header was pushed down by text typed above it', async () => {
    const { text } = newMemoText({ title: 'Hello', link: { kind: 'transcript', transcript: 'interviews/p01.md' }, date: '2026-01-02' });
    const fs = project({
      'memos/typed-on-the-same-line.md': `First thought${text}`,
      'memos/typed-above.md': `First thought\nand another\r\n${text.replace(/\n/g, '\r\n')}`,
      'memos/fine.md': text,
    });
    const problems = await memoProblems(fs);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], /^memos\/typed-above\.md:3: the memo's header .* does not start on the first line, so its link is not read; .* \[error\]$/);
    assert.match(problems[1], /^memos\/typed-on-the-same-line\.md:1: the memo's header .* does not start on the first line/);
  });

  it('reports a header that is not valid YAML at its line, and a segment link missing its coder', async () => {
    const fs = project({
      'memos/broken.md': '---\ndate: 2026-01-02\ncode: [c-1\n---\n\n# Broken\n',
      'memos/half.md': '---\nsegment: s-1\ntranscript: interviews/p01.md\n---\n\n# Half\n',
    });
    const problems = await memoProblems(fs);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], /^memos\/broken\.md:\d+: the memo's header cannot be read, so what the memo is about is lost: Front matter is not valid YAML.*\[error\]$/);
    assert.equal(problems[1], 'memos/half.md:2: names a segment but not both its "transcript:" and "coder:", so the link cannot be followed [error]');
  });

  it('warns of links to a code, transcript or segment that no longer exists', async () => {
    const fs = project({
      'memos/gone.md': '---\ncode: c-gone\ntranscript: interviews/p09.md\nauthor: Dana\n---\n\n# Gone\n',
      'memos/segment.md': '---\nsegment: s-gone\ntranscript: interviews/p01.md\ncoder: dana\n---\n\n# Segment\n',
    });
    fs.files.set(codingFilePath('interviews/p01.md', 'dana'), '');
    assert.deepEqual(await memoProblems(fs), [
      'memos/gone.md:2: is about code c-gone, which is not in the codebook (deleted or merged?) [warning]',
      'memos/gone.md:3: is about interviews/p09.md, which does not exist (renamed or deleted?) [warning]',
      'memos/segment.md:2: is about segment s-gone of dana in interviews/p01.md, which no longer exists [warning]',
    ]);
  });
});
