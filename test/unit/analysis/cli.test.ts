import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/cli-command';
import { exportCommand } from '../../../src/cli/commands/export';
import { matrixCommand } from '../../../src/cli/commands/matrix';
import { queryCommand } from '../../../src/cli/commands/query';
import { reportCommand } from '../../../src/cli/commands/report';
import type { Hit } from '../../../src/core/analysis';
import { loadSnapshot } from '../../../src/core/project-index';
import { NodeFileSystem } from '../../../src/node/node-file-system';

function captureIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { cwd, stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('grounded query, matrix, report and export csv on the demo', () => {
  let root: string;
  before(() => {
    root = join(mkdtempSync(join(tmpdir(), 'grounded-analysis-')), 'demo');
    cpSync('demo', root, { recursive: true });
  });
  after(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  async function run(command: typeof queryCommand, positionals: string[], values: Record<string, string | boolean | string[]>) {
    const io = captureIo(root);
    const code = await command.run(positionals, values, io);
    return { code, out: io.stdout, err: io.stderr };
  }

  it('runs an AND expression: every passage lies in segments of both codes', async () => {
    const { code, out } = await run(queryCommand, ['.'], { codes: 'Fear of authorities AND Mistrust', format: 'json' });
    assert.equal(code, 0);
    const { passages } = JSON.parse(out) as { passages: Hit[] };
    assert.ok(passages.length > 0);
    const snapshot = await loadSnapshot(new NodeFileSystem(root));
    const idOf = (name: string) => snapshot.codes.find((c) => c.name === name)!.id;
    for (const hit of passages) {
      const placed = snapshot.transcripts.find((t) => t.path === hit.transcript)!.segments;
      const covers = (code: string) => placed.some((p) => p.segment.codes.includes(code) && p.range && p.range.start <= hit.start && p.range.end >= hit.end);
      assert.ok(covers(idOf('Fear of authorities')) && covers(idOf('Mistrust')), `${hit.transcript}:${hit.start}`);
    }
  });

  it('runs a saved query by name, with its attribute filter', async () => {
    mkdirSync(join(root, '.grounded/queries'), { recursive: true });
    writeFileSync(join(root, '.grounded/queries/women-fear.json'), JSON.stringify({ format: 'grounded-query', version: 1, codes: 'Fear of authorities NEAR/TURN Mistrust', filter: { attributes: [{ attribute: 'gender', equals: ['Woman'] }] } }));
    const { code, out } = await run(queryCommand, ['women-fear'], { format: 'json' });
    assert.equal(code, 0);
    const snapshot = await loadSnapshot(new NodeFileSystem(root));
    const women = snapshot.transcripts.filter((t) => String(t.participant.values.gender).toLowerCase() === 'woman').map((t) => t.path);
    const { passages } = JSON.parse(out) as { passages: Hit[] };
    assert.ok(passages.length > 0);
    assert.ok(passages.every((h) => women.includes(h.transcript)), passages.map((h) => h.transcript).join());
    assert.match((await run(queryCommand, ['.'], { list: true })).out, /^women-fear\t\tFear of authorities NEAR\/TURN Mistrust$/m);
  });

  it('says what is wrong with a query, a code or an expression', async () => {
    const unknown = await run(queryCommand, ['.'], { codes: 'Hope AND Courage' });
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /No code is named "Courage"/);
    const broken = await run(queryCommand, ['.'], { codes: 'Hope AND' });
    assert.equal(broken.code, 2);
    assert.match(broken.err, /missing at the end/);
    const missing = await run(queryCommand, ['no-such-query'], {});
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no saved query \.grounded\/queries\/no-such-query\.json/);
    // A typo and a word of a longer name get the codes they may have meant.
    assert.match((await run(queryCommand, ['.'], { codes: 'Mistrst' })).err, /No code is named "Mistrst"\. Did you mean "Emotions\/Mistrust"\?/);
    // A parent code without /**: answered as written (none of its own), with a note on how to include its sub-codes.
    const parent = await run(queryCommand, ['.'], { codes: 'Support', format: 'json' });
    assert.equal(parent.code, 0);
    const answer = JSON.parse(parent.out) as { passages: unknown[]; notes: string[] };
    assert.deepEqual(answer.passages, []);
    assert.deepEqual(answer.notes, ['"Support" has no segments of its own; its sub-codes are not included: write Support/** to include them.']);
    assert.match(parent.err, /note: "Support" has no segments of its own/);
  });

  it('crosstabs codes by gender as long CSV, one row per code and group', async () => {
    const { code, out } = await run(matrixCommand, ['.'], { cols: 'gender', format: 'csv', codes: 'Barriers,Support' });
    assert.equal(code, 0);
    const lines = out.trimEnd().split('\r\n');
    assert.equal(lines[0], 'code,gender,segments,participants,group_participants,participants_pct,segments_row_pct,segments_col_pct,chi_square,df,p,fisher_p');
    // Seventeen participants: too few for χ² in any row, so every row has Fisher's exact p instead, the same on each of a code's rows.
    const rows = lines.slice(1).map((l) => l.split(','));
    for (const code of ['Barriers', 'Support']) {
      const ofCode = rows.filter((r) => r[0] === code);
      assert.deepEqual(new Set(ofCode.map((r) => r.slice(8, 11).join(','))), new Set([',,']));
      assert.equal(new Set(ofCode.map((r) => r[11])).size, 1);
      assert.ok(Number(ofCode[0][11]) > 0 && Number(ofCode[0][11]) <= 1, ofCode[0][11]);
    }
    assert.deepEqual(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(',')), ['Barriers,man', 'Barriers,nonbinary', 'Barriers,woman', 'Support,man', 'Support,nonbinary', 'Support,woman']);
    assert.match((await run(matrixCommand, ['.'], { cols: 'colour' })).err, /no transcript records the attribute "colour"/);
  });

  it('writes a very small p in the long CSV to four significant digits, never as 0', async () => {
    const csv = await run(matrixCommand, ['.'], { cols: 'sector', format: 'csv', codes: 'Barriers/Fear of authorities' });
    const json = await run(matrixCommand, ['.'], { cols: 'sector', format: 'json', codes: 'Barriers/Fear of authorities' });
    const exact = (JSON.parse(json.out) as { rows: { exact?: { p: number } }[] }).rows[0].exact!.p;
    assert.ok(exact < 0.0005, `the demo's sharpest contrast: ${exact}`);
    const written = Number(csv.out.trimEnd().split('\r\n')[1].split(',')[11]);
    assert.notEqual(written, 0);
    assert.equal(written, Number(exact.toPrecision(4)));
  });

  it('takes a crosstab column % over the group\'s distinct segments', async () => {
    const { code, out } = await run(matrixCommand, ['.'], { cols: 'sector', format: 'json', codes: 'Barriers' });
    assert.equal(code, 0);
    const table = JSON.parse(out) as { columns: { value: string; segments: number }[]; rows: { segments: number[]; segmentsColumnPercent: number[] }[] };
    const c = table.columns.findIndex((column) => column.value === 'support services');
    // By hand: the five support-services interviews hold 153 placed segments, 60 of them coded
    // Barriers or a sub-code: 60 / 153 = 39.2%. (Adding up every code's row gave 372, and 16.1%.)
    assert.equal(table.columns[c].segments, 153);
    assert.equal(table.rows[0].segments[c], 60);
    assert.equal(table.rows[0].segmentsColumnPercent[c].toFixed(1), '39.2');
    // The same by definition, from the snapshot: every placed segment of the group's transcripts.
    const snapshot = await loadSnapshot(new NodeFileSystem(root));
    const group = snapshot.transcripts.filter((t) => t.participant.values.sector === 'support services');
    assert.equal(group.reduce((n, t) => n + t.segments.filter((p) => p.range && p.status !== 'orphan').length, 0), 153);
  });

  it('says which coder id was meant, on query and matrix alike', async () => {
    const listed = "The project's coders: dana-reyes (Dana Reyes), sam-okafor (Sam Okafor).";
    const byName = await run(queryCommand, ['.'], { codes: 'Barriers', coder: ['Dana Reyes'] });
    assert.equal(byName.code, 1);
    assert.equal(byName.err.split('\n')[0], `grounded query: No coder has the id "Dana Reyes"; coders are named by id. Did you mean "dana-reyes"? ${listed}`);
    const nobody = await run(matrixCommand, ['.'], { coder: ['nobody'] });
    assert.equal(nobody.code, 1);
    assert.equal(nobody.out, '');
    assert.equal(nobody.err.split('\n')[0], `grounded matrix: No coder has the id "nobody"; coders are named by id. ${listed}`);
  });

  it('refuses a saved query with a mistyped key or an attribute nobody records', async () => {
    mkdirSync(join(root, '.grounded/queries'), { recursive: true });
    writeFileSync(join(root, '.grounded/queries/typo.json'), '{\n  "format": "grounded-query",\n  "version": 1,\n  "code": "Barriers"\n}\n');
    const typo = await run(queryCommand, ['typo'], {});
    assert.equal(typo.code, 1);
    assert.match(typo.err, /^\.grounded\/queries\/typo\.json:4: "code" is not a key of a saved query .* Did you mean "codes"\?$/m);
    writeFileSync(join(root, '.grounded/queries/sectr.json'), JSON.stringify({ format: 'grounded-query', version: 1, filter: { attributes: [{ attribute: 'sectr', equals: ['youth housing'] }] } }, null, 2));
    const sectr = await run(queryCommand, ['sectr'], {});
    assert.equal(sectr.code, 1);
    assert.match(sectr.err, /^grounded query: \.grounded\/queries\/sectr\.json:7: "filter\.attributes\[0\]": no transcript records the attribute "sectr" \(recorded: .*\)\. Did you mean "sector"\?$/m);
  });

  it('reports a code with its memo, as HTML without scripts', async () => {
    const out = join(root, '..', 'fear.html');
    const { code } = await run(reportCommand, ['.'], { code: 'fear of authorities', format: 'html', out });
    assert.equal(code, 0);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /<h2>Barriers\/Fear of authorities<\/h2>/);
    assert.match(html, /<h3>Memo: /);
    assert.doesNotMatch(html, /<script/);
  });

  it('exports tidy CSV: one row per placed segment and code', async () => {
    const out = join(root, '..', 'demo.csv');
    const { code } = await run(exportCommand, ['csv', '.'], { out });
    assert.equal(code, 0);
    const snapshot = await loadSnapshot(new NodeFileSystem(root));
    const expected = snapshot.transcripts.flatMap((t) => t.segments.filter((p) => p.range)).reduce((n, p) => n + p.segment.codes.length, 0);
    const lines = readFileSync(out, 'utf8').split('\r\n').filter(Boolean);
    assert.ok(lines[0].startsWith('transcript,participant,coder,segment,code_id,code,start,end,words,speaker,approximate,age,'));
    assert.ok(lines[0].endsWith(',quote'));
    // Quotes may hold line breaks inside quoted cells: count records, not lines.
    assert.equal(readFileSync(out, 'utf8').match(/\r\n/g)!.length - 1, expected);
  });
});
