import assert from 'node:assert/strict';
import { TranscriptTextChecks, transcriptTextProblems } from '../../../src/core/validation/transcript-text-check';
import type { Slices } from '../../../src/core/time-slices';

const CLEAN = '**Interviewer:** How was it?\n\n**Amara:** Hard at first.\n';
const CONFLICTED = '**Interviewer:** How was it?\n\n<<<<<<< HEAD\n**Amara:** Hard at first.\n=======\n**Amara:** Hard, at first.\n>>>>>>> wave-2\n';
const MISLABELLED = `${CLEAN}\namara: And then it got easier.\n`;

/** Runs every piece at once, counting them. */
function countingSlices(): Slices & { runs: number } {
  const slices = { runs: 0, run: async <T>(work: () => T): Promise<T> => (slices.runs++, work()) };
  return slices;
}

describe("a transcript's text problems", () => {
  it('names conflict markers as an error at the <<<<<<< line, and a lower-case label as a warning at its line', () => {
    assert.deepEqual(transcriptTextProblems('p01.md', CLEAN), []);
    assert.deepEqual(transcriptTextProblems('p01.md', CONFLICTED).map((p) => [p.line, p.severity, p.kind]), [[3, 'error', 'merge-conflict']]);
    const [label] = transcriptTextProblems('p01.md', MISLABELLED);
    assert.equal(label.line, 5);
    assert.equal(label.severity, 'warning');
    assert.match(label.message, /speaker label/);
  });

  it('checks again only a transcript whose text changed, and forgets one that is gone', async () => {
    const slices = countingSlices();
    const checks = new TranscriptTextChecks(slices);
    const a = { path: 'a.md', exists: true, text: CLEAN };
    const b = { path: 'b.md', exists: true, text: CONFLICTED };
    const missing = { path: 'c.md', exists: false, text: '' };
    assert.deepEqual((await checks.problemsOf([a, b, missing])).map((p) => p.path), ['b.md']);
    assert.equal(slices.runs, 2, 'a missing transcript has no text to check');
    await checks.problemsOf([a, b]);
    assert.equal(slices.runs, 2, 'nothing changed, nothing checked');
    assert.deepEqual((await checks.problemsOf([a, { ...b, text: CLEAN }])).length, 0);
    assert.equal(slices.runs, 3);
    await checks.problemsOf([a]);
    assert.deepEqual((await checks.problemsOf([a, { ...b, text: CLEAN }])).length, 0);
    assert.equal(slices.runs, 4, 'b was forgotten when it was gone, so it is checked when it is back');
  });
});
