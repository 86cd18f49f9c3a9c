import assert from 'node:assert/strict';
import type { FileSource } from '../../../src/core/ports';
import { formatProblem } from '../../../src/core/storage/errors';
import { UnreadableFileError } from '../../../src/core/storage/file-text';
import { checkProject } from '../../../src/core/validation/project-check';
import { P01, smallProject } from '../project-index/small-project';

/** P01 as a merge leaves it when both branches changed Amara's age and her answer. */
const CONFLICTED_P01 = P01.replace('age: 34\n', '<<<<<<< HEAD\nage: 34\n=======\nage: 35\n>>>>>>> sam\n').replace(
  '**Amara:** A friend',
  '<<<<<<< HEAD\n**Amara:** A friend from church.\n||||||| base\n**Amara:** A friend.\n=======\n**Amara:** A neighbour.\n>>>>>>> sam\n\n**Amara:** A friend',
);

const CONFLICTED_MEMO = '\ufeff<<<<<<< HEAD\r\n---\r\ncode: c-000000000001\r\n---\r\n=======\r\n---\r\ncode: c-000000000002\r\n---\r\n>>>>>>> dana\r\n# Trust\r\n';

describe('transcripts and memos a merge left conflicted', () => {
  it('are reported one error per conflict at its line, with what to do, and nothing else about those files', async () => {
    const fs = smallProject();
    fs.files.set('interviews/p01.md', CONFLICTED_P01);
    fs.files.set('memos/trust.md', CONFLICTED_MEMO);
    const check = await checkProject(fs);
    const about = (path: string) => check.problems.filter((p) => p.path === path);
    assert.deepEqual(about('interviews/p01.md').map((p) => [formatProblem(p), p.severity, p.kind]), [
      [
        'interviews/p01.md:3: unresolved git merge conflict between "HEAD" and "sam" (from this line): edit the file to keep the lines you want and remove the marker lines',
        'error',
        'merge-conflict',
      ],
      [
        'interviews/p01.md:11: unresolved git merge conflict between "HEAD" and "sam" (from this line): edit the file to keep the lines you want and remove the marker lines',
        'error',
        'merge-conflict',
      ],
    ]);
    assert.deepEqual(about('memos/trust.md').map((p) => [p.line, p.kind]), [[1, 'merge-conflict']]);
    // The markers break the front matter, but the snapshot still reads it, and its turns.
    const p01 = check.snapshot.transcripts.find((t) => t.path === 'interviews/p01.md')!;
    assert.ok(p01.turns.some((t) => t.speaker === 'Amara'));
  });

  it('leave the other files alone, and a conflict in a coding file keeps its own advice', async () => {
    const fs = smallProject();
    fs.files.set('memos/plain.md', '# No conflict\n\n======= is not a marker on its own\n');
    const check = await checkProject(fs);
    assert.ok(!check.problems.some((p) => p.kind === 'merge-conflict'));
    fs.files.set('.grounded/coding/interviews/p02.md/sam-okafor.jsonl', '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> x\n');
    const conflicted = (await checkProject(fs)).problems.find((p) => p.kind === 'merge-conflict')!;
    assert.match(conflicted.message, /Grounded will not change this file until it is resolved: run "Grounded: Resolve Coding Conflict"/);
  });
});

describe('a transcript that cannot be read', () => {
  it('is reported even when nobody has coded it, though the snapshot cannot hold it', async () => {
    const fs = smallProject();
    fs.files.set('interviews/p04.md', 'stands for bytes that are not UTF-8');
    const source: FileSource = {
      readFile: async (path) => {
        if (path === 'interviews/p04.md') throw new UnreadableFileError(path, 2, 'not valid UTF-8 (byte 0xFF)');
        return fs.readFile(path);
      },
      readDirectory: (path) => fs.readDirectory(path),
    };
    const check = await checkProject(source);
    assert.ok(!check.snapshot.transcripts.some((t) => t.path === 'interviews/p04.md'));
    assert.deepEqual(check.problems.filter((p) => p.path === 'interviews/p04.md'), [{ path: 'interviews/p04.md', line: 2, message: 'not valid UTF-8 (byte 0xFF)', severity: 'error' }]);
  });
});
