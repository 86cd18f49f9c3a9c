import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import { formatProblem } from '../../../src/core/storage/errors';
import { codeFilePath } from '../../../src/core/storage/format';
import type { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { describeGather, gatherDay } from '../../../src/core/rounds';
import { checkProject } from '../../../src/core/validation/project-check';
import { demoFileSystem } from '../pseudonymise/demo-files';

const FEAR = 'c-eev1kyas3c52';
const dana = { id: 'dana-reyes', name: 'Dana Reyes' };

/** The demo with Fear of authorities and Mistrust gathered into a focused code, files as written. */
async function gathered(): Promise<{ fs: MemoryFileSystem; store: ProjectStore; category: string; mistrust: string; before: Map<string, string> }> {
  const fs = demoFileSystem();
  const before = new Map(fs.files);
  const store = await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(8000) });
  await store.loadAllCoding();
  const mistrust = store.codebook().all().find((c) => c.name === 'Mistrust')!.id;
  store.setRound('focused');
  const { category } = await store.gatherCodes([FEAR, mistrust], 'Guarding oneself');
  await store.flush();
  return { fs, store, category, mistrust, before };
}

/** 1-based line of the first line of a file containing `text`. */
function lineWith(fs: MemoryFileSystem, path: string, text: string): number {
  const at = fs.files.get(path)!.split('\n').findIndex((l) => l.includes(text));
  assert.ok(at >= 0, `${path} contains ${text}`);
  return at + 1;
}

async function codeFileProblems(fs: MemoryFileSystem): Promise<string[]> {
  return (await checkProject(fs)).problems.filter((p) => p.path.startsWith('.grounded/codes/')).map((p) => `${formatProblem(p)} [${p.severity}]`);
}

describe('gathering records in the project check', () => {
  it('finds nothing wrong after gathering, nor after deleting or merging the focused code (its marks go with it)', async () => {
    const { fs, store, category, mistrust } = await gathered();
    assert.deepEqual((await checkProject(fs)).problems, []);
    await store.deleteCode(category);
    await store.flush();
    assert.equal(store.codebook().get(mistrust)?.gatheredInto, undefined, 'the gathered code is ordinary again');
    assert.deepEqual((await checkProject(fs)).problems, []);
    assert.equal(store.undo(), 'Delete code');
    await store.flush();
    assert.equal(store.codebook().get(mistrust)?.gatheredInto, category, 'undo puts the mark back');

    const hope = store.codebook().all().find((c) => c.name === 'Hope')!.id;
    await store.mergeCodes([category], hope);
    await store.flush();
    assert.equal(store.codebook().get(FEAR)?.gatheredInto, undefined);
    assert.deepEqual((await checkProject(fs)).problems, []);
  });

  it('does not report a gathered code deleted since: un-gathering re-creates it from the record', async () => {
    const { fs, store, mistrust } = await gathered();
    await store.deleteCode(mistrust);
    await store.flush();
    assert.deepEqual((await checkProject(fs)).problems, []);
  });

  it('names file and line when a merge lost the focused code, or kept a gathered code from before the gathering', async () => {
    const { fs, category, mistrust } = await gathered();
    // One side of a merge deleted the focused code's file: both gathered codes point at nothing.
    fs.files.delete(codeFilePath(category));
    const fear = codeFilePath(FEAR);
    const mistrustFile = codeFilePath(mistrust);
    assert.deepEqual(await codeFileProblems(fs), [
      `${fear}:${lineWith(fs, fear, '"gatheredInto"')}: "Fear of authorities" is marked as gathered into code ${category}, which is not in the codebook (lost in a merge?); it is shown as an ordinary code: restore that code, or remove "gatheredInto" from this file [warning]`,
      `${mistrustFile}:${lineWith(fs, mistrustFile, '"gatheredInto"')}: "Mistrust" is marked as gathered into code ${category}, which is not in the codebook (lost in a merge?); it is shown as an ordinary code: restore that code, or remove "gatheredInto" from this file [warning]`,
    ].sort());
  });

  it('names the record entry of a code that is not marked, and a mark the focused code has no record of', async () => {
    const { fs, category, mistrust, before } = await gathered();
    const path = codeFilePath(category);
    // A merge kept Mistrust's file from before the gathering, and a hand edit marked Hope as gathered too.
    fs.files.set(codeFilePath(mistrust), before.get(codeFilePath(mistrust))!);
    const hope = [...before.keys()].find((p) => p.startsWith('.grounded/codes/') && before.get(p)!.includes('"name": "Hope"'))!;
    fs.files.set(hope, before.get(hope)!.replace(/\n}\n$/, `,\n  "gatheredInto": "${category}"\n}\n`));
    const mistrustLine = fs.files.get(path)!.split('\n').findIndex((l) => l.includes(`"id": "${mistrust}"`)) + 1;
    assert.ok(mistrustLine > 0);
    assert.deepEqual(await codeFileProblems(fs), [
      `${path}:${mistrustLine}: "Guarding oneself" records gathering "Mistrust" (${mistrust}), but that code is not marked as gathered (a merge kept another version of one of the two files?) [warning]`,
      `${hope}:${lineWith(fs, hope, '"gatheredInto"')}: "Hope" is marked as gathered into "Guarding oneself", which has no record of gathering it (a merge kept another version of its file?); un-gathering "Guarding oneself" would leave "Hope" marked [warning]`,
    ].sort((a, b) => (a.startsWith(path) ? -1 : b.startsWith(path) ? 1 : a < b ? -1 : 1)));
  });

  it('refuses, at its line, a gathering time that is not an ISO 8601 date-time, and reports say the date cannot be read rather than cut it', async () => {
    const { fs, store, category } = await gathered();
    const path = codeFilePath(category);
    const written = fs.files.get(path)!;
    const at = /"at": "([^"]+)"/.exec(written)![1];
    assert.match(at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'what Grounded writes');
    const record = store.codebook().get(category)!.gathered![0];
    assert.equal(describeGather({ name: 'Guarding oneself' }, record), `gathered Fear of authorities and Mistrust (${record.segments} segments) into Guarding oneself, by Dana Reyes on ${at.slice(0, 10)}`);

    const withAt = async (value: string) => {
      fs.files.set(path, written.replace(`"at": "${at}"`, `"at": ${JSON.stringify(value)}`));
      return codeFileProblems(fs);
    };
    const line = lineWith(fs, path, '"at"');
    assert.deepEqual(await withAt('last tuesday'), [
      `${path}:${line}: "Guarding oneself" records gathering Fear of authorities and Mistrust at "last tuesday", which is not an ISO 8601 date-time, so the record does not say when the codes were gathered: write the time as Grounded does, e.g. "2024-03-12T14:30:00Z" [error]`,
    ]);
    assert.equal(describeGather({ name: 'Guarding oneself' }, { ...record, at: 'last tuesday' }), `gathered Fear of authorities and Mistrust (${record.segments} segments) into Guarding oneself, by Dana Reyes on an unreadable date`);
    // A day alone, a day the calendar lacks, an hour past 23, and no time zone are not the time of a gathering.
    for (const wrong of ['2026-03-12', '2026-02-30T10:00:00Z', '2026-03-12T24:10:00Z', '2026-03-12T10:00:00']) {
      assert.equal((await withAt(wrong)).length, 1, wrong);
      assert.equal(gatherDay(wrong), undefined, wrong);
    }
    // Written by hand with an offset or without seconds: still a date-time, read for its day.
    for (const right of ['2026-03-12T10:00:00+02:00', '2026-03-12T10:00Z']) {
      assert.deepEqual(await withAt(right), [], right);
      assert.equal(gatherDay(right), '2026-03-12');
    }
  });
});
