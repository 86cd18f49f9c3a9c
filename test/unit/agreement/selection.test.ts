/**
 * What agreement compares when a selection names a code or coder twice, and what it says about
 * coding it cannot count. The figures are checked by hand next to each case.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIo } from '../../../src/cli/cli-command';
import { agreementCommand } from '../../../src/cli/commands/agreement';
import { computeAgreement, type AgreementInput, type AgreementReport } from '../../../src/core/agreement';
import { agreementInputFromSnapshot } from '../../../src/core/agreement/from-snapshot';
import { loadSnapshot } from '../../../src/core/project-index';
import { NodeFileSystem } from '../../../src/node/node-file-system';

const X = { id: 'c-x', name: 'Fear' };
const two = [
  { id: 'a', name: 'Ana' },
  { id: 'b', name: 'Ben' },
];
// 40 characters; Ana codes [0,10), Ben [5,15): both 5, Ana only 5, Ben only 5, neither 25.
const transcript = {
  name: 't.md',
  length: 40,
  coding: [
    { coderId: 'a', segments: [{ codeId: 'c-x', start: 0, end: 10 }] },
    { coderId: 'b', segments: [{ codeId: 'c-x', start: 5, end: 15 }] },
  ],
};

describe('agreement: a selection naming something twice', () => {
  it('counts a code listed twice once: the same figures as listed once, and one row', () => {
    const once = computeAgreement({ coders: two, codes: [X], transcripts: [transcript] }, { unit: 'char', continuum: 'whole text' });
    const twice = computeAgreement({ coders: two, codes: [X, { ...X }], transcripts: [transcript] }, { unit: 'char', continuum: 'whole text' });
    // By hand (α): o_11 = 10, o_00 = 50, o_01 = o_10 = 10; n = 80; α = 1 − 79·20 / (2·60·20).
    // Counting the 40 characters twice would make n = 160 and α = 1 − 159·40 / (2·120·40).
    assert.equal(once.codes[0].overall.counts.items, 40);
    assert.ok(Math.abs(once.codes[0].overall.krippendorff_alpha! - (1 - 1580 / 2400)) < 1e-12);
    assert.deepEqual(twice.codes.map((c) => c.id), ['c-x']);
    assert.deepEqual(twice.codes[0], once.codes[0]);
    assert.deepEqual(twice.overall, once.overall);
  });

  it('refuses a coder listed twice rather than comparing a coder with no one', () => {
    const input: AgreementInput = { coders: [two[0], two[0]], codes: [X], transcripts: [transcript] };
    assert.throws(() => computeAgreement(input, { unit: 'char', continuum: 'whole text' }), /coder "a" is listed twice/);
  });
});

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A transcript and one coder's file for it: each segment as [codes, start, end] on `text`. */
function coding(root: string, transcript: string, text: string, coder: string, segments: [string[], number, number][]): void {
  write(root, transcript, text);
  const lines = [JSON.stringify({ format: 'grounded-coding', version: 1, coder: { id: coder, name: coder.toUpperCase() } })];
  segments.forEach(([codes, start, end], i) => {
    const id = `s-${coder.padEnd(10, '0')}${String(i).padStart(2, '0')}`;
    lines.push(JSON.stringify({ id, codes, start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) }));
  });
  write(root, `.grounded/coding/${transcript}/${coder}.jsonl`, `${lines.join('\n')}\n`);
}

const FEAR = 'c-xxxxxxxxxxxx';
const TEXT = 'We waited for months. Nobody told us anything at all.\n';

/** Fear in the codebook; Ana and Ben code t.md, one segment each on a code not in the codebook. */
function project(root: string): void {
  write(root, '.grounded/project.json', JSON.stringify({ format: 'grounded-project', version: 1, name: 'p', transcripts: ['interviews/**/*.md'], memos: 'memos' }));
  write(root, `.grounded/codes/${FEAR}.json`, JSON.stringify({ format: 'grounded-code', version: 1, id: FEAR, name: 'Fear', parent: null, color: '#112233', description: '' }));
  coding(root, 'interviews/t.md', TEXT, 'ana', [[[FEAR], 0, 20], [['c-zzzzzzzzzzzz'], 22, 52]]);
  coding(root, 'interviews/t.md', TEXT, 'ben', [[[FEAR], 0, 20], [['c-zzzzzzzzzzzz'], 22, 40]]);
}

async function agreement(root: string, values: Record<string, string | boolean | string[]>): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = { cwd: root, stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) } satisfies CliIo & { stdout: string; stderr: string };
  const code = await agreementCommand.run([], values, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('grounded agreement: selections and coding it cannot count', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'grounded-agreement-selection-'));
    project(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a coder named twice (by id and by name) with exit 2', async () => {
    const result = await agreement(root, { coders: 'ana,ANA' });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /"ANA" names coder ana, named already/);
    assert.equal(result.stdout, '');
  });

  it('says which segments carry a code that is not in the codebook, instead of leaving them out silently', async () => {
    const result = await agreement(root, { json: true });
    const report = JSON.parse(result.stdout) as { warnings: string[]; codes: { id: string }[] };
    assert.deepEqual(report.codes.map((c) => c.id), ['c-xxxxxxxxxxxx']);
    assert.ok(
      report.warnings.some((w) => /2 segment\(s\) carry codes not in the codebook \(c-zzzzzzzzzzzz\).*left out/.test(w)),
      report.warnings.join('\n'),
    );
  });

  it('the panel says so too, and compares a coder chosen twice once', async () => {
    const snapshot = await loadSnapshot(new NodeFileSystem(root));
    const prepared = agreementInputFromSnapshot(snapshot, { unit: 'char', coders: ['ana', 'ben', 'ana'] });
    assert.deepEqual(prepared.input.coders.map((c) => c.id), ['ana', 'ben']);
    assert.ok(prepared.warnings.some((w) => /2 segment\(s\) carry codes not in the codebook/.test(w)), prepared.warnings.join('\n'));
    // Fear: both coded [0,20) of 54 characters: perfect agreement, computed without an error.
    const report = computeAgreement(prepared.input, { unit: 'char', continuum: 'whole text' });
    assert.equal(report.codes[0].overall.percent, 100);
  });

  it('compares by default the coders who share a transcript, as the panel does: a coder alone on one does not void κ and uα', async () => {
    // Cy coded only solo.md, which no one else coded. Compared, Cy would make every figure
    // three-coder: no Cohen's κ, and no item or transcript rated by all three for Fleiss' κ and uα.
    coding(root, 'interviews/solo.md', 'A pilot interview nobody else coded.\n', 'cy', [[[FEAR], 0, 10]]);
    const result = await agreement(root, { json: true });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as AgreementReport;
    assert.deepEqual(report.coders.map((c) => c.id), ['ana', 'ben']);
    // Fear: both coded [0,20) of 54 characters: table both 20, neither 34; p_o = 1 and
    // p_e = (20/54)² + (34/54)² < 1, so κ = 1; identical units give uα = 1.
    assert.equal(report.codes[0].overall.cohen_kappa, 1);
    assert.equal(report.codes[0].overall.unitized_alpha, 1);
    assert.ok(report.warnings.some((w) => /cy: coded no transcript another coder coded; not compared \(name them in --coders\)/.test(w)), report.warnings.join('\n'));
  });

  it('finds a code whose name has a slash in it by that name, alone or in its path', async () => {
    write(root, '.grounded/codes/c-yyyyyyyyyyyy.json', JSON.stringify({ format: 'grounded-code', version: 1, id: 'c-yyyyyyyyyyyy', name: 'Him/her', parent: FEAR, color: '#112233', description: '' }));
    for (const named of ['Him/her', 'him/her', 'Fear / Him/her', 'Fear/Him/her']) {
      const result = await agreement(root, { code: [named], json: true });
      assert.equal(result.code, 0, `${named}: ${result.stderr}`);
      assert.deepEqual((JSON.parse(result.stdout) as AgreementReport).codes.map((c) => c.id), ['c-yyyyyyyyyyyy'], named);
    }
  });

  it('says why there are fewer than two coders to compare, exiting 2', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ coders: ' , ' }, /--coders names none/],
      [{ coders: 'ben' }, /only ben was named/],
    ];
    for (const [values, message] of cases) {
      const result = await agreement(root, values);
      assert.equal(result.code, 2);
      assert.match(result.stderr, message);
    }
    rmSync(join(root, '.grounded/coding/interviews/t.md/ben.jsonl'));
    const alone = await agreement(root, {});
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /no two coders coded the same transcript/);
  });

  it('says when segments still carry a code gathered into a focused code, as after merging a branch coded before the gathering', async () => {
    // Fear was gathered into Silencing on one branch; Ben coded on another with Fear and merged.
    const SILENCING = 'c-ssssssssssss';
    write(root, `.grounded/codes/${SILENCING}.json`, JSON.stringify({ format: 'grounded-code', version: 1, id: SILENCING, name: 'Silencing', parent: null, color: '#112233', description: '', gathered: [{ codes: [{ id: FEAR, name: 'Fear' }], segments: 1, by: { id: 'ana', name: 'Ana' }, at: '2026-03-14T10:02:11.000Z' }] }));
    write(root, `.grounded/codes/${FEAR}.json`, JSON.stringify({ format: 'grounded-code', version: 1, id: FEAR, name: 'Fear', parent: null, color: '#112233', description: '', gatheredInto: SILENCING }));
    coding(root, 'interviews/t.md', TEXT, 'ana', [[[SILENCING], 0, 20]]);
    const gathered = /1 segment\(s\) carry a code gathered into another \(Fear into Silencing\) and count under it, not under the focused code/;
    const all = await agreement(root, { json: true });
    assert.ok((JSON.parse(all.stdout) as AgreementReport).warnings.some((w) => gathered.test(w)), all.stdout);
    const chosen = await agreement(root, { json: true, code: ['Silencing'] });
    assert.ok((JSON.parse(chosen.stdout) as AgreementReport).warnings.some((w) => gathered.test(w)), 'said when the focused code is chosen');
    const snapshot = await loadSnapshot(new NodeFileSystem(root));
    assert.ok(agreementInputFromSnapshot(snapshot, { unit: 'char' }).warnings.some((w) => gathered.test(w)), 'and in the panel');
  });

  it('refuses a display name two coders share, naming their ids', async () => {
    coding(root, 'interviews/t.md', TEXT, 'anna', [[[FEAR], 0, 10]]);
    // Ana and Anna both set their name to "Alex Kim".
    for (const id of ['ana', 'anna']) {
      const file = join(root, `.grounded/coding/interviews/t.md/${id}.jsonl`);
      const header = JSON.stringify({ format: 'grounded-coding', version: 1, coder: { id, name: 'Alex Kim' } });
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^.*\n/, `${header}\n`));
    }
    const result = await agreement(root, { coders: 'alex kim,ben' });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /"alex kim" is the name of 2 coders \(ana, anna\): give an id/);
  });
});
