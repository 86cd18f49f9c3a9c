import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { pseudonymiseCommand } from '../../../src/cli/commands/pseudonymise';
import { applyOccurrences, NameMatcher, planPseudonymisation } from '../../../src/core/pseudonymise';

/** The front matter of a file, as YAML reads it. */
const parse = (text: string): unknown => parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]);

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));

async function pseudonymise(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: pseudonymiseCommand.options, strict: true });
  let out = '';
  let err = '';
  const code = await pseudonymiseCommand.run(positionals, values, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('grounded pseudonymise: how a name is written', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-pseudonymise-names-'));
    cpSync(DEMO, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (path: string, text: string): void => writeFileSync(join(dir, path), text);
  const read = (path: string): string => readFileSync(join(dir, path), 'utf8');

  it('finds and replaces a full name that wraps across a line break', async () => {
    write('interviews/p20-jose.md', '# P20\n\n**Interviewer:** Your name?\n\n**Respondent:** My full name is José María\nGarcía, since birth.\n');
    write('memos/p20.md', '# P20\n\nJosé María García was open.\n');
    const check = await pseudonymise(['--check', 'José María García'], dir);
    assert.equal(check.code, 1);
    assert.match(check.out, /^interviews\/p20-jose\.md:5: "José María García"$/m);

    const run = await pseudonymise(['José', 'P1', '--variant', 'José María García'], dir);
    assert.equal(run.code, 0, run.err);
    assert.match(read('interviews/p20-jose.md'), /My full name is P1, since birth\./);
    assert.equal(read('memos/p20.md'), '# P20\n\nP1 was open.\n');
    assert.equal((await pseudonymise(['--check', 'García'], dir)).code, 0);
  });

  it('matches a typed apostrophe with a typographic one, in the check and the replacement', async () => {
    write('interviews/p21-obrien.md', '# P21\n\n**Interviewer:** And then?\n\n**Respondent:** Ms O’Brien and Mr Oʼbrien were kind.\n');
    const check = await pseudonymise(['--check', "O'Brien"], dir);
    assert.equal(check.code, 1);
    assert.match(check.out, /^interviews\/p21-obrien\.md:5: "O’Brien"$/m);
    assert.match(check.out, /^interviews\/p21-obrien\.md:5: "Oʼbrien"$/m);

    const run = await pseudonymise(["O'Brien", 'Smith'], dir);
    assert.equal(run.code, 0, run.err);
    assert.match(read('interviews/p21-obrien.md'), /Ms Smith and Mr Smith were kind\./);
    assert.equal((await pseudonymise(['--check', "O'Brien"], dir)).code, 0);
  });

  it('writes a pseudonym in front matter so YAML reads it back as the same text', async () => {
    write('interviews/p22-jose.md', '---\nparticipant: José\nnote: "José said \\"hi\\""\ntags: [José, other]\n---\n\n# P22\n\nJosé spoke.\n');
    write('memos/p22.md', '---\ntitle: About José\n---\n\nJosé again.\n');
    const run = await pseudonymise(['José', '[P1], x'], dir);
    assert.equal(run.code, 0, run.err);
    const transcript = read('interviews/p22-jose.md');
    assert.equal(transcript, '---\nparticipant: "[P1], x"\nnote: "[P1], x said \\"hi\\""\ntags: ["[P1], x", other]\n---\n\n# P22\n\n[P1], x spoke.\n');
    assert.deepEqual(parse(transcript), { participant: '[P1], x', note: '[P1], x said "hi"', tags: ['[P1], x', 'other'] });
    assert.deepEqual(parse(read('memos/p22.md')), { title: 'About [P1], x' });
  });

  it('refuses a pseudonym that would not read as a speaker label, and writes nothing', async () => {
    write('interviews/p23-jose.md', '---\nparticipant: José\n---\n\n**Interviewer:** Hello.\n\n**José:** Hello to you.\n');
    const before = read('interviews/p23-jose.md');
    const run = await pseudonymise(['José', '[P1]'], dir);
    assert.equal(run.code, 2);
    assert.match(run.err, /"\[P1\]" would not read as a speaker label where it replaces "José" \(interviews\/p23-jose\.md, line 7\).*use e\.g\. "P1"\. Nothing was changed\./);
    assert.equal(read('interviews/p23-jose.md'), before);

    const ok = await pseudonymise(['José', 'P1'], dir);
    assert.equal(ok.code, 0, ok.err);
    assert.equal(read('interviews/p23-jose.md'), '---\nparticipant: P1\n---\n\n**Interviewer:** Hello.\n\n**P1:** Hello to you.\n');
  });

  it('finds a name in a code\'s name, description and definition, and replaces it there', async () => {
    const path = '.grounded/codes/c-7k2m9q4xw1ab.json';
    const code = {
      format: 'grounded-code',
      version: 1,
      id: 'c-7k2m9q4xw1ab',
      name: "Kwabena's farm",
      parent: null,
      color: '#4a9d3f',
      description: 'In vivo: what Kwabena said about\nthe land.',
      inclusion: 'Talk of the farm Kwabena ran',
      example: { segment: 's-7k2m9q4xw1ab', text: '"My farm," said KWABENA.' },
    };
    write(path, `${JSON.stringify(code, null, 2)}\n`);
    const check = await pseudonymise(['--check', 'Kwabena'], dir);
    assert.equal(check.code, 1);
    assert.match(check.out, /^\.grounded\/codes\/c-7k2m9q4xw1ab\.json:5: "Kwabena" in the code's name$/m);
    assert.match(check.out, /^\.grounded\/codes\/c-7k2m9q4xw1ab\.json:8: "Kwabena" in the code's description$/m);
    assert.match(check.out, /^\.grounded\/codes\/c-7k2m9q4xw1ab\.json:9: "Kwabena" in the code's inclusion$/m);
    assert.match(check.out, /^\.grounded\/codes\/c-7k2m9q4xw1ab\.json:12: "KWABENA" in the code's example$/m);

    const run = await pseudonymise(['Kwabena', 'Kofi "K" \\'], dir);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /\.grounded\/codes\/c-7k2m9q4xw1ab\.json: 4/);
    const after = JSON.parse(read(path)) as Record<string, unknown>;
    assert.deepEqual(after, {
      ...code,
      name: 'Kofi "K" \\\'s farm',
      description: 'In vivo: what Kofi "K" \\ said about\nthe land.',
      inclusion: 'Talk of the farm Kofi "K" \\ ran',
      example: { segment: 's-7k2m9q4xw1ab', text: '"My farm," said KOFI "K" \\.' },
    });
    // The demo's coding keeps a `Kw` cut from Kwame's name: only the code file matters here.
    assert.doesNotMatch((await pseudonymise(['--check', 'Kwabena'], dir)).out, /codes\//);
  });

  it('plans a code file\'s change as edits of its text, as an editor applies them', () => {
    const text = '{\n  "format": "grounded-code",\n  "version": 1,\n  "id": "c-7k2m9q4xw1ab",\n  "name": "Ama\'s farm",\n  "parent": null,\n  "color": "#4a9d3f",\n  "description": "Ama, and Ama again"\n}\n';
    const plan = planPseudonymisation({ name: 'Ama', pseudonym: 'Zo"e', files: [{ path: '.grounded/codes/c-7k2m9q4xw1ab.json', kind: 'code', text }], coding: [] });
    const [change] = plan.changes;
    assert.equal(applyOccurrences(text, change.occurrences), change.newText);
    assert.equal(change.newText, text.replace('"Ama\'s farm"', '"Zo\\"e\'s farm"').replace('"Ama, and Ama again"', '"Zo\\"e, and Zo\\"e again"'));
    assert.ok(!new NameMatcher({ name: 'Ama', pseudonym: 'X' }).occursIn(change.newText));
  });
});
