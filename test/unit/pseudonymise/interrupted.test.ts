import assert from 'node:assert/strict';
import {
  JOURNAL_PATH,
  NameMatcher,
  readJournal,
  runPseudonymisation,
  segmentTraces,
  traceProject,
  unfinishedPseudonymisation,
} from '../../../src/core/pseudonymise';
import type { FileSystem } from '../../../src/core/ports';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { checkProject } from '../../../src/core/validation/project-check';
import { demoFileSystem } from './demo-files';
import { KilledAfter, run } from './killed-after';

const CLI_CODER = { id: 'grounded-cli', name: 'grounded' };

async function traces(fs: FileSystem, name: string): Promise<string[]> {
  const store = await ProjectStore.open(fs, { coder: CLI_CODER });
  await store.loadAllCoding();
  return (await traceProject(fs, store, NameMatcher.forNames([name]))).map((t) => `${t.path}:${t.line} ${t.field} ${t.found}`);
}

const DEMO_NAMES: [string, string][] = [
  ['Amara', 'Zola'],
  ['Tomasz', 'Piotr'],
  ['Lucía', 'Inés'],
  ['Kwame', 'Kofi'],
  ['Mei', 'Ling'],
];

describe('pseudonymisation interrupted part-way', () => {
  for (const [name, pseudonym] of DEMO_NAMES) {
    it(`killed after any number of writes, a second run finishes exactly what an uninterrupted one does (${name})`, async () => {
      const uninterrupted = demoFileSystem();
      const counting = new KilledAfter(uninterrupted, Infinity);
      const first = await run(counting, name, pseudonym);
      const total = counting.writes;
      assert.ok(total >= 4, `journal, texts, coding files, journal deleted (${total} writes)`);
      assert.equal(uninterrupted.files.has(JOURNAL_PATH), false);
      assert.deepEqual(await traces(uninterrupted, name), [], 'no trace after an uninterrupted run');

      const original = demoFileSystem().files;
      let mixed = 0;
      for (let k = 0; k < total; k++) {
        const fs = demoFileSystem();
        await assert.rejects(run(new KilledAfter(fs, k), name, pseudonym), /killed/);
        const withName = [...fs.files].filter(([p, c]) => p.endsWith('.md') && new NameMatcher({ name, pseudonym }).occursIn(c)).length;
        const withPseudonym = [...fs.files].filter(([p, c]) => p.endsWith('.md') && uninterrupted.files.get(p) === c && original.get(p) !== c).length;
        if (withName > 0 && withPseudonym > 0) mixed++;
        if (k > 0) assert.ok(fs.files.has(JOURNAL_PATH), `after ${k} write(s) the journal is there`);

        const second = await run(fs, name, pseudonym);
        assert.deepEqual([...fs.files].sort(), [...uninterrupted.files].sort(), `killed after ${k} of ${total} writes, then run again: every file as after an uninterrupted run`);
        assert.equal(second.finished === undefined, k === 0, 'the second run finished the first one’s journal');
        assert.deepEqual(second.finished?.changedSince ?? [], []);
      }
      if (first.applied!.written.length > 1) assert.ok(mixed > 0, 'some kills left a mix of real names and pseudonyms');
    });
  }

  it('running a finished journal again writes nothing', async () => {
    const fs = demoFileSystem();
    await assert.rejects(run(new KilledAfter(fs, 2), 'Amara', 'Zola'), /killed/);
    const journalText = fs.files.get(JOURNAL_PATH)!;
    assert.ok(!journalText.includes('Amara'), 'the journal does not hold the real name');
    await run(fs, 'Amara', 'Zola');
    const after = new Map(fs.files);
    const writes = fs.writes.length;
    fs.files.set(JOURNAL_PATH, journalText);
    const store = await ProjectStore.open(fs, { coder: CLI_CODER });
    await store.loadAllCoding();
    const again = await runPseudonymisation(fs, store, { name: 'Amara', pseudonym: 'Zola' });
    assert.deepEqual(again.finished?.written, []);
    assert.equal(again.finished?.segmentsUpdated, 0);
    assert.equal(fs.writes.length, writes + 1, 'only the journal is deleted');
    assert.deepEqual(fs.files, after);
  });

  it('leaves a file changed since the plan as it is, and says so', async () => {
    const fs = demoFileSystem();
    await assert.rejects(run(new KilledAfter(fs, 1), 'Amara', 'Zola'), /killed/);
    const journal = (await readJournal(fs))!;
    const edited = journal.files[0].path;
    fs.files.set(edited, `${fs.files.get(edited)}\nAmara added a line.\n`);
    const second = await run(fs, 'Amara', 'Zola');
    assert.deepEqual(second.finished?.changedSince, [edited]);
    assert.ok(second.finished!.segmentsChangedSince.length > 0, 'its quotes are left for the new plan');
    assert.equal(fs.files.has(JOURNAL_PATH), false);
    assert.deepEqual(await traces(fs, 'Amara'), [], 'the new plan of the second run replaced the name in it');
  });

  it('validate reports an unfinished pseudonymisation: the journal, the files and the quotes still to change', async () => {
    const fs = demoFileSystem();
    await assert.rejects(run(new KilledAfter(fs, 2), 'Amara', 'Zola'), /killed/);
    const journal = (await readJournal(fs))!;
    const problems = (await checkProject(fs)).problems.filter((p) => p.path === JOURNAL_PATH || p.message.includes('interrupted pseudonymisation'));
    assert.equal(problems[0].path, JOURNAL_PATH);
    assert.deepEqual(problems.filter((p) => !p.path.startsWith('.grounded/')).map((p) => p.path), journal.files.slice(1).map((f) => f.path));
    const quotes = problems.filter((p) => p.path.startsWith('.grounded/coding/'));
    assert.equal(quotes.length, journal.quotes.reduce((n, q) => n + q.segments.length, 0));
    assert.ok(quotes.every((p) => p.line !== undefined && p.line > 1));
    await run(fs, 'Amara', 'Zola');
    const store = await ProjectStore.open(fs, { coder: CLI_CODER });
    await store.loadAllCoding();
    assert.deepEqual(await unfinishedPseudonymisation(fs, store.loadedCoding()), []);
  });
});

describe('traces of a name', () => {
  const matcher = NameMatcher.forNames(['Amara', 'Amara Okoye']);
  const found = (prefix: string, exact: string, suffix: string, comment?: string): string[] =>
    segmentTraces(matcher, { quote: { prefix, exact, suffix }, comment }).map((t) => `${t.field}:${t.kind}:${t.found}`);

  it('finds the name in any field, across the edge of two fields, and parts of it cut at the ends', () => {
    assert.deepEqual(found('mara said that ', 'it was fine', ' and Am'), ['prefix:fragment:mara', 'suffix:fragment:Am']);
    assert.deepEqual(found('then Am', 'ara left', '.'), ['prefix:name:Amara']);
    assert.deepEqual(found('', 'AMARA OKOYE', ''), ['exact:name:AMARA OKOYE']);
    assert.deepEqual(found('', 'ok', '', 'ask Amara'), ['comment:name:Amara']);
  });

  it('does not take words that merely begin or end like the name for fragments', () => {
    assert.deepEqual(found('Amaranth grows ', 'there', ' in camara'), []);
    assert.deepEqual(found('ra said ', 'x', ' I am'), [], 'two letters of its end, or a lower-case beginning, are ordinary words');
  });
});
