/**
 * The Agreement panel's table comes from the project index, not from reading files: on the demo it
 * must give the figures `grounded agreement` gives from the files, unit by unit.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { computeAgreement, loadAgreementInput, type AgreementUnit } from '../../../src/core/agreement';
import { agreementInputFromSnapshot } from '../../../src/core/agreement/from-snapshot';
import { defaultCoders } from '../../../src/core/agreement/project-input';
import { agreementTable, passageRows } from '../../../src/core/agreement/panel-model';
import { loadSnapshot } from '../../../src/core/project-index';
import type { ProjectSnapshot } from '../../../src/core/project-index';
import { NodeFileSystem } from '../../../src/node/node-file-system';

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));

describe('the Agreement panel model', function () {
  this.timeout(60_000);
  let snapshot: ProjectSnapshot;
  before(async () => {
    snapshot = await loadSnapshot(new NodeFileSystem(DEMO));
  });

  it("compares by default the coders who coded the same transcripts: the demo's two", () => {
    assert.deepEqual(defaultCoders(snapshot), ['dana-reyes', 'sam-okafor']);
  });

  for (const unit of ['char', 'turn', 'paragraph', 'line'] as AgreementUnit[]) {
    it(`gives the figures of grounded agreement over ${unit}s, worst α first`, async () => {
      const prepared = agreementInputFromSnapshot(snapshot, { unit });
      const table = agreementTable(snapshot, prepared);
      const fromFiles = await loadAgreementInput(new NodeFileSystem(DEMO), { unit, continuum: 'text' });
      const cli = computeAgreement(fromFiles.input, { unit, continuum: 'whole text', perTranscript: false });
      assert.deepEqual(table.transcripts, cli.transcripts);
      assert.deepEqual(table.overall.figures, cli.overall);
      const used = cli.codes.filter((c) => Object.values(c.overall.counts.segments).some((n) => n > 0));
      assert.equal(table.rows.length, used.length);
      for (const row of table.rows) assert.deepEqual(row.figures, cli.codes.find((c) => c.id === row.code)!.overall, row.path);
      const alphas = table.rows.map((r) => r.figures.krippendorff_alpha).filter((a): a is number => a !== null);
      assert.deepEqual(alphas, [...alphas].sort((a, b) => a - b));
      assert.ok(table.warnings.some((w) => w.includes('p05-mei.md')), 'a transcript coded by one coder is said to be left out');
    });
  }

  it('lists passages whose quotes are the text of the transcript they point at', () => {
    const prepared = agreementInputFromSnapshot(snapshot, { unit: 'char' });
    const table = agreementTable(snapshot, prepared);
    const worst = table.rows[0];
    const { passages, total } = passageRows(prepared, worst.code, 500);
    assert.ok(total > 0 && passages.length === total);
    for (const p of passages) {
      const text = snapshot.transcripts.find((t) => t.path === p.transcript)!.text;
      assert.ok(text.slice(p.start, p.end).startsWith(p.quote.replace(/…$/, '')), `${p.transcript} ${p.start}`);
      assert.equal(p.codedBy.length + p.notCodedBy.length, 2);
    }
    const disagreeing = worst.figures.counts.items - worst.figures.counts.agreeing;
    assert.equal(passages.reduce((n, p) => n + p.end - p.start, 0), disagreeing);
  });

  it('narrows to one transcript and to the coders chosen; an unknown coder is said, not fatal', () => {
    const one = agreementInputFromSnapshot(snapshot, { unit: 'char', transcript: 'interviews/p01-amara.md', coders: ['sam-okafor', 'dana-reyes', 'nobody'] });
    assert.deepEqual(one.input.transcripts.map((t) => t.name), ['interviews/p01-amara.md']);
    assert.deepEqual(one.input.coders.map((c) => c.id), ['sam-okafor', 'dana-reyes']);
    assert.ok(one.warnings.some((w) => w.includes('"nobody"')));
  });
});
