// Mocha's spec reporter that also writes `{ passed, failed, skipped }` as JSON to the file named
// by GROUNDED_TEST_COUNTS, so scripts/test-all.mjs can add up every level without parsing text.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { COUNTS_ENV } from './counts.mjs';

export default class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const target = process.env[COUNTS_ENV];
      if (!target) return;
      const { passes, failures, pending } = runner.stats;
      writeFileSync(target, `${JSON.stringify({ passed: passes, failed: failures, skipped: pending })}\n`);
    });
  }
}
