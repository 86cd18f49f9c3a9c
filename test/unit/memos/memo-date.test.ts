import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/run-cli';
import { inTimelineOrder, memoDay, memosByMonth, memosForCode, parseMemo } from '../../../src/core/memos';
import { memoDateProblem, readMemoDate } from '../../../src/core/memos/memo-date';
import { formatProblem } from '../../../src/core/storage/errors';
import { checkProject } from '../../../src/core/validation/project-check';
import { demoFileSystem } from '../pseudonymise/demo-files';

const memo = (path: string, date: string): ReturnType<typeof parseMemo> => parseMemo(path, `---\ncode: c-1\ndate: ${date}\n---\n\n# ${path}\n`);

describe('memo dates', () => {
  it('reads YYYY-MM-DD (with or without a time) and nothing else', () => {
    assert.deepEqual(readMemoDate('2024-05-07'), { ok: true, day: '2024-05-07' });
    assert.deepEqual(readMemoDate('2024-05-07T10:30'), { ok: true, day: '2024-05-07' });
    assert.deepEqual(readMemoDate('2024-02-29'), { ok: true, day: '2024-02-29' });
    for (const written of ['2024-5-7', '06/05/2024', 'May 1, 2025', '20240507', '2024-05-071']) {
      assert.deepEqual(readMemoDate(written), { ok: false, reason: `"${written}" is not a date written YYYY-MM-DD` }, written);
    }
    for (const written of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31']) {
      assert.match((readMemoDate(written) as { reason: string }).reason, /is not a day on the calendar/, written);
    }
  });

  it('says what to write, with the padded date when the date has only one reading', () => {
    assert.match(memoDateProblem('2024-5-7') ?? '', /shown as undated .*; write date: 2024-05-07$/);
    assert.match(memoDateProblem('06/05/2024') ?? '', /write the day it was written as YYYY-MM-DD, e\.g\. date: 2024-03-12$/);
    assert.match(memoDateProblem('2024-2-30') ?? '', /e\.g\. date: 2024-03-12$/, 'no padded suggestion for a day that does not exist');
    assert.equal(memoDateProblem('2024-05-07'), undefined);
  });

  it('leaves a memo with an unreadable date undated, not dated by its file, and marks it', () => {
    const good = memo('memos/a.md', '2024-05-06');
    const wrong = memo('memos/b.md', '2024-5-7');
    const impossible = memo('memos/c.md', '2024-02-30');
    const none = parseMemo('memos/d.md', '# D\n');
    const fileDates = { 'memos/b.md': '2026-12-05', 'memos/c.md': '2026-12-05', 'memos/d.md': '2025-01-01' };
    assert.equal(memoDay(wrong, fileDates), undefined);
    assert.equal(memoDay(impossible, fileDates), undefined);
    assert.equal(memoDay(none, fileDates), '2025-01-01', 'a memo with no date at all is still dated by its file');
    assert.match(wrong.problem ?? '', /"2024-5-7" is not a date written YYYY-MM-DD/);
    assert.match(impossible.problem ?? '', /"2024-02-30" is not a day on the calendar/);
    assert.equal(good.problem, undefined);
    assert.deepEqual(inTimelineOrder([impossible, wrong, none, good], fileDates).map((m) => m.path), ['memos/a.md', 'memos/d.md', 'memos/b.md', 'memos/c.md']);
    assert.deepEqual(memosByMonth([impossible, wrong, none, good], fileDates).map((g) => g.month), ['2025-01', '2024-05', undefined]);
    assert.deepEqual(memosForCode([wrong, good], 'c-1').map((m) => m.path), ['memos/a.md', 'memos/b.md']);
  });

  it('grounded validate warns at the date line of each memo whose date cannot be read', async () => {
    const fs = demoFileSystem();
    fs.files.set('memos/short.md', '---\ncode: c-eev1kyas3c52\nauthor: Dana\ndate: 2024-5-7\n---\n\n# Short\n');
    fs.files.set('memos/us.md', '---\ndate: "06/05/2024"\n---\n\n# US\n');
    fs.files.set('memos/words.md', '---\nkind: reflexive\ndate: May 1, 2025\n---\n\n# Words\n');
    fs.files.set('memos/impossible.md', '---\ndate: 2024-02-30\n---\n\n# Impossible\n');
    fs.files.set('memos/fine.md', '---\ndate: 2024-02-29\n---\n\n# Fine\n');
    const problems = (await checkProject(fs)).problems.filter((p) => /date/.test(p.message)).map((p) => `${formatProblem(p)} [${p.severity}]`);
    assert.deepEqual(problems.map((p) => p.slice(0, p.indexOf(' ('))), [
      'memos/impossible.md:2: the memo\'s date "2024-02-30" is not a day on the calendar',
      'memos/short.md:4: the memo\'s date "2024-5-7" is not a date written YYYY-MM-DD, so the memo is shown as undated',
      'memos/us.md:2: the memo\'s date "06/05/2024" is not a date written YYYY-MM-DD, so the memo is shown as undated',
      'memos/words.md:3: the memo\'s date "May 1, 2025" is not a date written YYYY-MM-DD, so the memo is shown as undated',
    ]);
    assert.ok(problems.every((p) => p.endsWith('[warning]')));
  });

  describe('grounded memos', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'grounded-memo-dates-'));
      cpSync(new URL('../../../demo/', import.meta.url), dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('marks a memo whose date cannot be read as undated and lists it after the dated ones, whatever its file time', async () => {
      const path = join(dir, 'memos/p03-lucia.md');
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^date: .*$/m, 'date: 2024-5-7'));
      const now = new Date();
      utimesSync(path, now, now);
      let out = '';
      const code = await main(['memos', dir], { out: (t) => void (out += t), err: () => undefined, cwd: dir });
      assert.equal(code, 0);
      const metas = out.split('\n').filter((l) => /^\*.* · memos\/.*\*$/.test(l));
      assert.equal(metas.at(-1), '*undated: "2024-5-7" is not a date written YYYY-MM-DD · Sam Okafor · about interviews/p03-lucia.md · memos/p03-lucia.md*');
      assert.ok(metas.slice(0, -1).every((l) => /^\*\d{4}-\d{2}-\d{2} · /.test(l)), metas.join('\n'));
      assert.doesNotMatch(out, new RegExp(now.toISOString().slice(0, 10)));
    });
  });
});
