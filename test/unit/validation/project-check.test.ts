import assert from 'node:assert/strict';
import { formatProblem } from '../../../src/core/storage/errors';
import { checkProject } from '../../../src/core/validation/project-check';
import { projectStats } from '../../../src/core/validation/project-stats';
import { demoFileSystem } from '../pseudonymise/demo-files';
import { smallProject, TRUST, WORK } from '../project-index/small-project';

describe('checkProject over the read model', () => {
  it('finds nothing wrong with the demo study, and counts what the coding files hold', async () => {
    const check = await checkProject(demoFileSystem());
    assert.deepEqual(check.problems, []);
    const stats = projectStats(check);
    assert.deepEqual(stats.totals, { codes: 31, transcripts: 17, missingTranscripts: 0, segments: 754, coders: 2 });
    assert.deepEqual(stats.needsReview, []);
  });

  it('names each problem’s file and line: unreadable files, a segment whose text is gone, coding of a missing transcript, missing attributes', async () => {
    const fs = smallProject();
    fs.files.set('.grounded/codes/c-000000000009.json', '{ bad');
    fs.files.set('.grounded/coding/interviews/p09.md/x.jsonl', '{');
    const check = await checkProject(fs);
    assert.deepEqual(check.problems.map((p) => `${formatProblem(p)} [${p.severity}]`), [
      ".grounded/codes/c-000000000009.json:1: not valid JSON at column 3: expected a property name in double quotes but found 'b' [error]",
      ".grounded/coding/interviews/p02.md/broken.jsonl:1: not valid JSON at column 28: expected ',' or '}' but found the end of the text [error]",
      '.grounded/coding/interviews/p09.md/x.jsonl:1: not valid JSON at column 2: expected a property name in double quotes but found the end of the text [error]',
      '.grounded/coding/interviews/p01.md/dana-reyes.jsonl:3: segment s-000000000003 could not be placed in interviews/p01.md: its text "words nobody said" is no longer there (kept, needs review) [warning]',
      'interviews/p03.md: has coding in .grounded/coding/interviews/p03.md/ but the transcript does not exist (renamed or deleted? move its coding folder to match) [error]',
      'interviews/p09.md: has coding in .grounded/coding/interviews/p09.md/ but the transcript does not exist (renamed or deleted? move its coding folder to match) [error]',
      'interviews/p02.md:1: attributes "participant", "age" missing from the front matter [warning]',
    ]);
    const stats = projectStats(check);
    assert.deepEqual(stats.codes.map((c) => [c.path, c.segments, c.segmentsWithSubCodes, c.transcripts]), [
      ['trust', 4, 5, 2],
      ['trust / Work', 1, 1, 1],
    ]);
    assert.deepEqual(stats.needsReview.map((r) => [r.transcript, r.segment, r.status]), [['interviews/p01.md', 's-000000000003', 'orphan']]);
    assert.equal(stats.codes[0].id, TRUST);
  });

  it('warns at the example\'s line when a code\'s example segment is gone or no longer has the code, and says nothing while coding is unread', async () => {
    const fs = smallProject();
    const withExample = (id: string, segment: string): void => {
      const path = `.grounded/codes/${id}.json`;
      const code = JSON.parse(fs.files.get(path)!) as Record<string, unknown>;
      fs.files.set(path, `${JSON.stringify({ ...code, example: { segment, text: 'A friend from church' } }, null, 2)}\n`);
    };
    withExample(TRUST, 's-000000000001'); // coded trust: fine
    withExample(WORK, 's-000000000009'); // no such segment
    const unread = await checkProject(fs);
    assert.ok(!unread.problems.some((p) => /example/.test(p.message)), 'p02/broken.jsonl is unread: the segment may be in it');

    fs.files.delete('.grounded/coding/interviews/p02.md/broken.jsonl');
    const gone = (await checkProject(fs)).problems.filter((p) => /example/.test(p.message));
    assert.deepEqual(gone.map((p) => [p.path, p.line, p.severity]), [[`.grounded/codes/${WORK}.json`, fs.files.get(`.grounded/codes/${WORK}.json`)!.split('\n').findIndex((l) => l.includes('"example"')) + 1, 'warning']]);
    assert.match(gone[0].message, /segment s-000000000009, which is no longer in the coding/);

    withExample(WORK, 's-000000000002'); // a segment coded trust, not work
    assert.match((await checkProject(fs)).problems.find((p) => /example/.test(p.message))?.message ?? '', /no longer coded "Work"/);
  });

  it('reports a code used in coding but missing from the codebook, on the line of its record', async () => {
    const fs = smallProject();
    fs.files.delete('.grounded/codes/c-000000000002.json');
    const check = await checkProject(fs);
    assert.ok(check.problems.some((p) => p.path === '.grounded/coding/interviews/p02.md/sam-okafor.jsonl' && p.line === 2 && /uses code c-000000000002, which is not in the codebook/.test(p.message)));
  });
});
