/**
 * Every reader of untrusted files, fed damaged versions of a valid file through the `grounded`
 * command line (in-process, on a temporary folder): each case exits 0 or 1, names the file when it
 * exits 1, leaves the folder as it was, and finishes in bounded time. A fixed seed keeps the suite
 * repeatable; `npm run fuzz` runs thousands of cases per reader with a fresh seed before a release.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SUITE_SCALE, mutation } from '../../fuzz/mutations';
import { CaseFolder, misbehaviour, readers } from '../../fuzz/readers';

const SEED = 20_261_203;
const CASES_PER_READER = Number(process.env.GROUNDED_FUZZ_CASES ?? 100);
/** Far above any case on a busy machine; the inputs fixed here took 17 to 88 seconds before. */
const CASE_LIMIT_MS = 10_000;

describe('fuzzing every reader through the command line', function () {
  this.timeout(0);
  for (const reader of readers()) {
    it(`${reader.name}: ${reader.file}`, async () => {
      const folder = new CaseFolder(reader);
      try {
        const clean = await folder.run(reader.seed);
        assert.equal(clean.code, 0, `the undamaged ${reader.file} should be accepted: ${clean.output}`);
        await fc.assert(
          fc.asyncProperty(mutation(SUITE_SCALE), async (m) => {
            const result = await folder.run(m.apply(reader.seed));
            const wrong = misbehaviour(reader, result, CASE_LIMIT_MS);
            assert.equal(wrong, undefined, `${m.name}: ${wrong}`);
          }),
          { seed: SEED, numRuns: CASES_PER_READER, endOnFailure: true },
        );
      } finally {
        folder.dispose();
      }
    });
  }
});
