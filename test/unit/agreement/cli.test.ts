import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../../src/cli/cli-command';
import { agreementCommand } from '../../../src/cli/commands/agreement';
import { loadAgreementInput, type AgreementReport, type TwoByTwo } from '../../../src/core/agreement';
import { NodeFileSystem } from '../../../src/node/node-file-system';

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));
const CODERS = ['dana-reyes', 'sam-okafor'];

function captureIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { cwd, stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

async function agreement(root: string, values: Record<string, string | boolean | string[]>): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo(root);
  const code = await agreementCommand.run([], values, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

async function jsonReport(root: string, values: Record<string, string | boolean | string[]> = {}): Promise<AgreementReport & { project: string }> {
  const result = await agreement(root, { ...values, json: true });
  assert.equal(result.code, 0, result.stderr);
  assert.ok(!result.stdout.includes('NaN'));
  return JSON.parse(result.stdout) as AgreementReport & { project: string };
}

/**
 * The 2×2 character table of one code, counted character by character straight from the demo's
 * coding files (their stored positions hold on the unedited demo texts).
 */
function naiveTable(root: string, codeId: string, transcripts: readonly string[]): TwoByTwo {
  const table: TwoByTwo = { both: 0, first_only: 0, second_only: 0, neither: 0 };
  for (const transcript of transcripts) {
    const length = readFileSync(join(root, transcript), 'utf8').length;
    const [a, b] = CODERS.map((coder) => {
      const covered = new Uint8Array(length);
      const lines = readFileSync(join(root, '.grounded/coding', transcript, `${coder}.jsonl`), 'utf8').trim().split('\n').slice(1);
      for (const line of lines) {
        const s = JSON.parse(line) as { codes: string[]; start: number; end: number };
        if (s.codes.includes(codeId)) covered.fill(1, s.start, s.end);
      }
      return covered;
    });
    for (let i = 0; i < length; i++) {
      if (a[i] && b[i]) table.both++;
      else if (a[i]) table.first_only++;
      else if (b[i]) table.second_only++;
      else table.neither++;
    }
  }
  return table;
}

/** The demo's transcripts with a coding file from each of the two coders, in path order. */
function codedByBoth(root: string): string[] {
  const folder = join(root, '.grounded/coding/interviews');
  return readdirSync(folder)
    .filter((name) => CODERS.every((coder) => readdirSync(join(folder, name)).includes(`${coder}.jsonl`)))
    .map((name) => `interviews/${name}`)
    .sort();
}

describe('grounded agreement on the demo project', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'grounded-agreement-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('compares the two coders on every transcript both coded, code by code, with the counts behind each figure', async () => {
    const report = await jsonReport(DEMO);
    assert.deepEqual(report.coders.map((c) => c.id), CODERS);
    assert.deepEqual(report.transcripts, codedByBoth(DEMO));
    assert.ok(report.transcripts.includes('interviews/p01-amara.md') && report.transcripts.length >= 4);
    assert.ok(report.warnings.includes('interviews/p05-mei.md: coded by only dana-reyes; left out'));
    assert.equal(report.continuum, 'whole text of each transcript');
    const language = report.codes.find((c) => c.path === 'Barriers / Language')!;
    assert.match(language.id, /^c-/);
    assert.equal(language.name, 'Language');
    for (const key of ['percent', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'unitized_alpha'] as const) {
      assert.equal(typeof language.overall[key], 'number', key);
    }
    assert.deepEqual(language.overall.counts.table, naiveTable(DEMO, language.id, report.transcripts));
    for (const code of report.codes) {
      const t = code.overall.counts.table!;
      assert.equal(t.both + t.first_only + t.second_only + t.neither, code.overall.counts.items, code.path);
    }
  });

  it('places segments on the current text: shifted text gives the same figures, lost quotes are left out and counted', async () => {
    const root = join(work, 'demo');
    cpSync(DEMO, root, { recursive: true });
    const before = await jsonReport(root);
    const path = join(root, 'interviews/p01-amara.md');
    const text = readFileSync(path, 'utf8');
    // Insert a paragraph after the front matter: every stored offset after it is now wrong.
    const body = text.indexOf('\n---\n', 4) + 5;
    writeFileSync(path, `${text.slice(0, body)}\nA note added after coding, long enough to move every segment.\n${text.slice(body)}`);
    const shifted = await jsonReport(root);
    const added = 'A note added after coding, long enough to move every segment.\n'.length + 1;
    for (const [i, code] of before.codes.entries()) {
      // The same characters are coded; only the uncoded note is new.
      const t = code.overall.counts.table!;
      assert.deepEqual(shifted.codes[i].overall.counts.table, { ...t, neither: t.neither + added }, code.path);
    }
    // Each segment counted sits on its own quote in the edited text, not at its stored offsets.
    const { input } = await loadAgreementInput(new NodeFileSystem(root), { unit: 'char', continuum: 'text' });
    const edited = readFileSync(path, 'utf8');
    const stored = readFileSync(join(root, '.grounded/coding/interviews/p01-amara.md/dana-reyes.jsonl'), 'utf8').trim().split('\n').slice(1);
    const quotes = new Set(stored.map((l) => (JSON.parse(l) as { exact: string }).exact));
    const placed = input.transcripts.find((t) => t.name === 'interviews/p01-amara.md')!.coding.find((c) => c.coderId === 'dana-reyes')!.segments;
    assert.ok(placed.length >= stored.length);
    for (const s of placed) assert.ok(quotes.has(edited.slice(s.start, s.end)), `not on its quote: ${s.start}–${s.end}`);
    // Now delete the passage a segment of Sam's quotes.
    const sam = readFileSync(join(root, '.grounded/coding/interviews/p01-amara.md/sam-okafor.jsonl'), 'utf8').split('\n')[1];
    const quote = (JSON.parse(sam) as { exact: string }).exact;
    writeFileSync(path, readFileSync(path, 'utf8').replace(quote, ''));
    const lost = await jsonReport(root);
    assert.ok(lost.warnings.some((w) => /could not be placed.*interviews\/p01-amara\.md \(sam-okafor: \d+\)/.test(w)), lost.warnings.join('\n'));
  });

  it('prints a table with the worst codes first, and per-transcript rows for a chosen code', async () => {
    const table = await agreement(DEMO, {});
    assert.equal(table.code, 0, table.stderr);
    const report = await jsonReport(DEMO);
    const used = report.codes.filter((c) => c.overall.cohen_kappa !== null);
    const order = [...used].sort((a, b) => a.overall.cohen_kappa! - b.overall.cohen_kappa!).map((c) => c.path);
    // "Barriers" is a prefix of "Barriers / Language": a line names the longest path it starts with.
    const printed = table.stdout.split('\n').flatMap((line) => {
      const paths = order.filter((p) => line.startsWith(`  ${p} `)).sort((a, b) => b.length - a.length);
      return paths.length > 0 ? [paths[0]] : [];
    });
    assert.deepEqual(printed, order);
    const one = await agreement(DEMO, { code: ['barriers/language'], unit: 'turn' });
    assert.match(one.stdout, /over speaker turns/);
    assert.match(one.stdout, /\n {6}interviews\/p02-tomasz\.md /);
  });

  it('writes CSV with a row per code and transcript', async () => {
    const csv = await agreement(DEMO, { csv: true, code: ['Language'] });
    const rows = csv.stdout.trim().split('\n');
    assert.equal(rows[0], 'code_id,code,transcript,unit,percent,cohen_kappa,fleiss_kappa,krippendorff_alpha,unitized_alpha,items,agreeing,segments_dana-reyes,segments_sam-okafor,warnings');
    const report = await jsonReport(DEMO, { code: ['Language'] });
    assert.equal(rows.length, 1 + 1 + report.codes[0].transcripts.length + 1);
  });

  it('says what is wrong with a selection, and exits 2', async () => {
    const before = readdirSync(join(DEMO, '.grounded/coding/interviews'));
    const unknown = await agreement(DEMO, { coders: 'dana-reyes,nobody' });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no coder "nobody".*coders: dana-reyes, sam-okafor/);
    const one = await agreement(DEMO, { coders: 'Dana Reyes' });
    assert.equal(one.code, 2);
    assert.match(one.stderr, /two or more coders/);
    assert.equal((await agreement(DEMO, { unit: 'sentence' })).code, 2);
    assert.match((await agreement(DEMO, { code: ['Nothing like it'] })).stderr, /no code "Nothing like it"/);
    const help = await agreement(DEMO, { help: true });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--unit U/);
    assert.deepEqual(readdirSync(join(DEMO, '.grounded/coding/interviews')), before, 'the demo is only read');
  });
});
