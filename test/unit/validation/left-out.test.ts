import assert from 'node:assert/strict';
import { formatProblem } from '../../../src/core/storage/errors';
import { leftOutOf } from '../../../src/core/validation/left-out';
import { smallProject } from '../project-index/small-project';

describe('what an output made from the project leaves out', () => {
  it('sorts errors into files not read, transcripts gone and study files conflicted, leaving warnings out', async () => {
    const fs = smallProject();
    fs.files.set('interviews/p02.md', '<<<<<<< HEAD\n**Tomasz:** We slept on site.\n=======\n**Tomasz:** We slept in the van.\n>>>>>>> sam\n');
    fs.files.set('memos/trust.md', '# Trust\n\n<<<<<<< HEAD\nChurch first.\n=======\nCentre first.\n>>>>>>> dana\n');
    const left = await leftOutOf(fs);
    assert.deepEqual(left.unread.map(formatProblem), [
      ".grounded/coding/interviews/p02.md/broken.jsonl:1: not valid JSON at column 28: expected ',' or '}' but found the end of the text",
    ]);
    assert.deepEqual(left.missing.map(formatProblem), [
      'interviews/p03.md: has coding in .grounded/coding/interviews/p03.md/ but the transcript does not exist (renamed or deleted? move its coding folder to match)',
    ]);
    assert.deepEqual(left.conflicted.map((p) => `${p.path}:${p.line}`), ['interviews/p02.md:1', 'memos/trust.md:3']);
  });

  it('is nothing for a project whose files all read, though one of its segments needs review', async () => {
    const fs = smallProject();
    fs.files.delete('.grounded/coding/interviews/p02.md/broken.jsonl');
    fs.files.delete('.grounded/coding/interviews/p03.md/dana-reyes.jsonl');
    assert.deepEqual(await leftOutOf(fs), { unread: [], missing: [], conflicted: [] });
  });
});
