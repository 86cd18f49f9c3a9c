/** A continuum with nothing in it for a transcript (prose with no speaker turns, compared over turns). */
import assert from 'node:assert/strict';
import { computeAgreement, type AgreementTranscript } from '../../../src/core/agreement';

const coders = [
  { id: 'a', name: 'Ana' },
  { id: 'b', name: 'Ben' },
];
const both = (start: number, end: number): AgreementTranscript['coding'] => coders.map((c) => ({ coderId: c.id, segments: [{ codeId: 'c-x', start, end }] }));

describe('agreement on an empty continuum', () => {
  it('leaves out a transcript with no text to compare, saying why, and never blames the coders', () => {
    // prose.md: no speaker turns, so nothing of it is on the "turns" continuum. talk.md: one turn,
    // [10, 30), both coders coded [10, 20) of it: 10 both, 10 neither;
    // p_o = 1, p_e = .5·.5 + .5·.5 = .5, κ = 1; uα = 1 (identical units).
    const report = computeAgreement(
      {
        coders,
        codes: [{ id: 'c-x', name: 'X' }],
        transcripts: [
          { name: 'prose.md', length: 40, continuum: [], coding: both(0, 20) },
          { name: 'talk.md', length: 40, continuum: [{ start: 10, end: 30 }], coding: both(10, 20) },
        ],
      },
      { unit: 'char', continuum: 'what speakers said' },
    );
    assert.deepEqual(report.transcripts, ['talk.md']);
    assert.ok(report.warnings.includes('prose.md: no text of it is on the continuum (what speakers said); left out'), report.warnings.join('\n'));
    assert.equal(report.codes[0].overall.cohen_kappa, 1);
    assert.equal(report.codes[0].overall.unitized_alpha, 1);
  });

  it('says uα is undefined for want of text, not of coders, when no transcript has any', () => {
    const report = computeAgreement(
      { coders, codes: [{ id: 'c-x', name: 'X' }], transcripts: [{ name: 'prose.md', length: 40, continuum: [], coding: both(0, 20) }] },
      { unit: 'char', continuum: 'what speakers said' },
    );
    const all = [...report.codes[0].overall.warnings, ...report.overall.warnings];
    assert.ok(!all.some((w) => /no transcript was coded by every coder|no code was used/.test(w)), all.join('\n'));
    assert.ok(report.codes[0].overall.warnings.includes('uα undefined: no text coded by every coder to compare'), all.join('\n'));
  });
});
