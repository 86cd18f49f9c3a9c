/**
 * The passages behind a code's disagreement: a hand-worked fixture (fixtures/disagreement-passages.json
 * says how each passage was found), and random codings where the passages must add up to exactly
 * the disagreeing items the figures count.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { computeAgreement, type AgreementInput, type AgreementUnit } from '../../../src/core/agreement';
import { disagreementPassages, passageQuote, type DisagreementPassage } from '../../../src/core/agreement/disagreement-passages';
import { reliabilityBand } from '../../../src/core/agreement/panel-model';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/disagreement-passages.json', import.meta.url), 'utf8')) as {
  input: AgreementInput;
  expected: Record<'char' | 'turn', DisagreementPassage[]>;
};

describe('disagreement passages', () => {
  it('finds the hand-worked passages over characters: joined overlaps, touching segments as one run, missing coders not counted as "not coded"', () => {
    assert.deepEqual(disagreementPassages(fixture.input, 'X', 'char'), fixture.expected.char);
  });

  it('finds the hand-worked units over speaker turns', () => {
    assert.deepEqual(disagreementPassages(fixture.input, 'X', 'turn'), fixture.expected.turn);
  });

  it('lists nothing for a code on which the coders agree everywhere, and nothing for a code nobody used', () => {
    const same: AgreementInput = {
      coders: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
      codes: [{ id: 'X', name: 'X' }],
      transcripts: [{ name: 't.md', length: 30, coding: ['a', 'b'].map((coderId) => ({ coderId, segments: [{ codeId: 'X', start: 3, end: 9 }] })) }],
    };
    assert.deepEqual(disagreementPassages(same, 'X', 'char'), []);
    assert.deepEqual(disagreementPassages(same, 'unused', 'char'), []);
  });

  it('keeps to the continuum: coding outside the compared text is not a disagreement', () => {
    const input: AgreementInput = {
      coders: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
      codes: [{ id: 'X', name: 'X' }],
      transcripts: [{ name: 't.md', length: 30, continuum: [{ start: 10, end: 30 }], coding: [{ coderId: 'a', segments: [{ codeId: 'X', start: 0, end: 15 }] }, { coderId: 'b', segments: [] }] }],
    };
    assert.deepEqual(disagreementPassages(input, 'X', 'char'), [{ transcript: 't.md', start: 10, end: 15, codedBy: ['a'], notCodedBy: ['b'] }]);
  });

  it('adds up to exactly the disagreeing items of the figures, for random codings of two and three coders', () => {
    const LENGTH = 90;
    const units = Array.from({ length: 9 }, (_, i) => ({ start: i * 10, end: i * 10 + 10 }));
    const segment = fc
      .record({ codeId: fc.constantFrom('X', 'Y'), start: fc.integer({ min: 0, max: LENGTH - 1 }), length: fc.integer({ min: 1, max: 30 }) })
      .map(({ codeId, start, length }) => ({ codeId, start, end: Math.min(LENGTH, start + length) }));
    fc.assert(
      fc.property(fc.array(fc.array(segment, { maxLength: 6 }), { minLength: 2, maxLength: 3 }), fc.constantFrom<AgreementUnit>('char', 'turn'), (codings, unit) => {
        const input: AgreementInput = {
          coders: codings.map((_, i) => ({ id: `k${i}`, name: `K${i}` })),
          codes: [{ id: 'X', name: 'X' }, { id: 'Y', name: 'Y' }],
          transcripts: [{ name: 't.md', length: LENGTH, units, coding: codings.map((segments, i) => ({ coderId: `k${i}`, segments })) }],
        };
        const report = computeAgreement(input, { unit, continuum: 'whole text', perTranscript: false });
        for (const code of report.codes) {
          const passages = disagreementPassages(input, code.id, unit);
          const counted = unit === 'char' ? passages.reduce((n, p) => n + p.end - p.start, 0) : passages.length;
          assert.equal(counted, code.overall.counts.items - code.overall.counts.agreeing, `${code.id} over ${unit}`);
          for (const p of passages) assert.ok(p.codedBy.length > 0 && p.notCodedBy.length > 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('passage quotes', () => {
  it('keeps a short passage whole and cuts a long one with an ellipsis, never inside an emoji', () => {
    assert.equal(passageQuote('Hello there', 0, 5), 'Hello');
    assert.equal(passageQuote('abcdefghij', 0, 10, 5), 'abcd…');
    // '😀' is two UTF-16 code units: at the cut, it is left out rather than halved.
    assert.equal(passageQuote('abc😀defgh', 0, 10, 5), 'abc…');
    assert.equal(passageQuote('<img src=x onerror=alert(1)>', 0, 28), '<img src=x onerror=alert(1)>', 'quotes are data: escaping is the view’s (text content)');
  });
});

describe('reliability bands', () => {
  it("follows Krippendorff's thresholds: .800 and .667, inclusive", () => {
    assert.equal(reliabilityBand(0.8), 'reliable');
    assert.equal(reliabilityBand(0.7999), 'tentative');
    assert.equal(reliabilityBand(0.667), 'tentative');
    assert.equal(reliabilityBand(0.6669), 'unreliable');
    assert.equal(reliabilityBand(-0.2), 'unreliable');
    assert.equal(reliabilityBand(null), 'not computable');
  });
});
