/** The agreement table for people: long code names are shortened without breaking characters. */
import assert from 'node:assert/strict';
import { computeAgreement, renderAgreementTable } from '../../../src/core/agreement';

describe('the agreement table', () => {
  it('shortens a long code path without cutting an emoji in half', () => {
    // The label is two spaces and the path, cut to 43 UTF-16 code units and "…": an emoji at
    // code units 42–43 of the label would leave its first half alone.
    const name = `${'a'.repeat(40)}😀 and more`;
    const coders = [
      { id: 'a', name: 'Ana' },
      { id: 'b', name: 'Ben' },
    ];
    const coding = coders.map((c) => ({ coderId: c.id, segments: [{ codeId: 'c-x', start: 0, end: 5 }] }));
    const report = computeAgreement({ coders, codes: [{ id: 'c-x', name }], transcripts: [{ name: 't.md', length: 20, coding }] }, { unit: 'char', continuum: 'whole text' });
    const table = renderAgreementTable(report, 'p');
    const row = table.split('\n').find((line) => line.startsWith('  aaaa'))!;
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(row), row);
    assert.ok(row.startsWith(`  ${'a'.repeat(40)}…`), row);
  });

  it('says of the pooled row that its passages are of the codes compared, not of "this code"', () => {
    const coders = [
      { id: 'a', name: 'Ana' },
      { id: 'b', name: 'Ben' },
    ];
    const coding = coders.map((c) => ({ coderId: c.id, segments: [{ codeId: 'c-x', start: 0, end: 5 }, { codeId: 'c-y', start: 5, end: 9 }] }));
    const report = computeAgreement({ coders, codes: [{ id: 'c-x', name: 'X' }, { id: 'c-y', name: 'Y' }], transcripts: [{ name: 't.md', length: 20, coding }] }, { unit: 'char', continuum: 'whole text' });
    assert.ok(report.overall.warnings.includes('only 4 coded passage(s) of the codes compared, all coders together: too few for a dependable figure'), report.overall.warnings.join('\n'));
    assert.ok(report.codes[0].overall.warnings.includes('only 2 coded passage(s) of this code, all coders together: too few for a dependable figure'));
  });
});
