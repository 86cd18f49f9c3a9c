import assert from 'node:assert/strict';
import { formatProblem } from '../../../src/core/storage/errors';
import { checkProject } from '../../../src/core/validation/project-check';
import { demoFileSystem } from '../pseudonymise/demo-files';

describe('grounded validate: date attributes', () => {
  it('says a date of the right shape is not a day on the calendar, and what a date must look like otherwise', async () => {
    const fs = demoFileSystem();
    const p01 = 'interviews/p01-amara.md';
    const p02 = 'interviews/p02-tomasz.md';
    fs.files.set(p01, fs.files.get(p01)!.replace(/^interview_date: .*$/m, 'interview_date: 2024-13-45'));
    fs.files.set(p02, fs.files.get(p02)!.replace(/^interview_date: .*$/m, 'interview_date: 12 March 2024'));
    const problems = (await checkProject(fs)).problems.filter((p) => /interview_date/.test(p.message)).map((p) => `${formatProblem(p)} [${p.severity}]`);
    assert.deepEqual(problems, [
      `${p01}:11: attribute "interview_date" is the text "2024-13-45", which is not a day on the calendar (month 01–12, and a day that month has): write the real date, YYYY-MM-DD [warning]`,
      `${p02}:11: attribute "interview_date" is the text "12 March 2024", not a date written YYYY-MM-DD (e.g. 2024-03-12) [warning]`,
    ]);
  });
});
