/**
 * Disagreements between coders, on hand-placed segments. Offsets are written down next to each
 * fixture so the expected lists can be checked by counting characters.
 */
import assert from 'node:assert/strict';
import { computeDisagreements, type Disagreement } from '../../../src/core/disagreements';
import type { PlacedSegment } from '../../../src/core/placement';

const A = 'ana';
const B = 'ben';
const C = 'cy';

let serial = 0;
/** A segment of `coder` with `codes` placed at [start, end). */
function at(coder: string, start: number, end: number, codes: string[]): PlacedSegment {
  serial++;
  return { coder: { id: coder, name: coder.toUpperCase() }, segment: { id: `s-${coder}-${serial}`, codes, quote: { exact: '', prefix: '', suffix: '' }, position: { start, end } }, status: 'exact', range: { start, end } };
}

const brief = (d: Disagreement): string => `${d.kind} ${d.codes.join('+')} ${d.range.start}-${d.range.end} without[${d.without.join(',')}] ${d.applications.map((a) => `${a.coder}:${a.code}@${a.range.start}-${a.range.end}`).join(' ')}`;

describe('disagreements between coders', () => {
  it('finds nothing where every coder applied the same code to the same text', () => {
    const placed = [at(A, 10, 20, ['trust']), at(B, 10, 20, ['trust'])];
    assert.deepEqual(computeDisagreements('t.md', placed, [A, B]), []);
  });

  it('treats one coder\'s two touching segments and the other\'s one segment over the same text as agreement', () => {
    // ana: [10,15) + [15,20) = [10,20); ben: [10,20)
    const placed = [at(A, 10, 15, ['trust']), at(A, 15, 20, ['trust']), at(B, 10, 20, ['trust'])];
    assert.deepEqual(computeDisagreements('t.md', placed, [A, B]), []);
  });

  it('lists a code applied by one coder only, and the same code with different boundaries', () => {
    // trust: ana [0,10), ben [4,12) → boundaries over 0–12.
    // work:  ana [30,40) only → only, ben without.
    const placed = [at(A, 0, 10, ['trust']), at(B, 4, 12, ['trust']), at(A, 30, 40, ['work'])];
    assert.deepEqual(computeDisagreements('t.md', placed, [A, B]).map(brief), [
      'boundaries trust 0-12 without[] ana:trust@0-10 ben:trust@4-12',
      'only work 30-40 without[ben] ana:work@30-40',
    ]);
  });

  it('joins different codes on overlapping text by coders who share no code there into one', () => {
    // ana: trust [0,20); ben: fear [5,25). Neither applied the other's code → one "codes" disagreement 0–25.
    const placed = [at(A, 0, 20, ['trust']), at(B, 5, 25, ['fear'])];
    assert.deepEqual(computeDisagreements('t.md', placed, [A, B]).map(brief), ['codes fear+trust 0-25 without[] ana:trust@0-20 ben:fear@5-25']);
  });

  it('keeps an extra code as "only" when the coders agree on another code over the same text', () => {
    // ana: one segment [0,20) with trust and fear; ben: trust [0,20). Trust agrees; fear is ana's alone.
    const placed = [at(A, 0, 20, ['fear', 'trust']), at(B, 0, 20, ['trust'])];
    assert.deepEqual(computeDisagreements('t.md', placed, [A, B]).map(brief), ['only fear 0-20 without[ben] ana:fear@0-20']);
  });

  it('does not join different codes that only touch', () => {
    // ana: trust [0,10); ben: fear [10,20): adjacent, no shared character.
    const placed = [at(A, 0, 10, ['trust']), at(B, 10, 20, ['fear'])];
    assert.deepEqual(computeDisagreements('t.md', placed, [A, B]).map(brief), ['only trust 0-10 without[ben] ana:trust@0-10', 'only fear 10-20 without[ana] ben:fear@10-20']);
  });

  it('with three coders: two agree, the third differs or is missing', () => {
    // trust: ana [0,10), ben [0,10), cy nothing → only (ana, ben) without cy.
    // work:  ana [20,30), ben [20,30), cy [22,30) → boundaries.
    // 40–50: ana help, cy help, ben fear → codes (help by ana+cy, fear by ben).
    const placed = [
      at(A, 0, 10, ['trust']), at(B, 0, 10, ['trust']),
      at(A, 20, 30, ['work']), at(B, 20, 30, ['work']), at(C, 22, 30, ['work']),
      at(A, 40, 50, ['help']), at(C, 40, 50, ['help']), at(B, 40, 50, ['fear']),
    ];
    assert.deepEqual(computeDisagreements('t.md', placed, [A, B, C]).map(brief), [
      'only trust 0-10 without[cy] ana:trust@0-10 ben:trust@0-10',
      'boundaries work 20-30 without[] ana:work@20-30 ben:work@20-30 cy:work@22-30',
      'codes fear+help 40-50 without[] ana:help@40-50 ben:fear@40-50 cy:help@40-50',
    ]);
  });

  it('leaves out coders not compared, unplaced segments and empty ranges', () => {
    const orphan: PlacedSegment = { ...at(B, 0, 10, ['trust']), status: 'orphan', range: undefined };
    const placed = [at(A, 0, 10, ['trust']), orphan, at(C, 0, 10, ['trust']), at(B, 5, 5, ['trust'])];
    assert.deepEqual(computeDisagreements('t.md', placed, [A, B]).map(brief), ['only trust 0-10 without[ben] ana:trust@0-10']);
  });

  it('chains overlapping segments of one code into one passage', () => {
    // ana: [0,10) and [8,20); ben: [15,30). One passage 0–30 with different boundaries.
    const placed = [at(A, 0, 10, ['trust']), at(A, 8, 20, ['trust']), at(B, 15, 30, ['trust'])];
    const found = computeDisagreements('t.md', placed, [A, B]);
    assert.deepEqual(found.map((d) => [d.kind, d.range]), [['boundaries', { start: 0, end: 30 }]]);
    assert.equal(found[0].id, ['t.md', 'boundaries', 'trust', '0-30'].join('\u0000'));
  });
});

describe('disagreements on a project read from files', () => {
  it('works on a CRLF transcript with a BOM: ranges are on the LF text, rows quote the passage', async () => {
    const { seg, snapshot, DANA, SAM, TRUST, WORK, code } = await import('../coding-review/projects');
    const { disagreementRow } = await import('../../../src/core/disagreements');
    const lf = '**Interviewer:** Tell me.\n\n**Ama:** I did not trust anyone.\nThen the centre helped.\n';
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    const snap = await snapshot({
      codes: [code(TRUST, 'trust'), code(WORK, 'Work : paid')],
      texts: { 'interviews/p01.md': crlf },
      coding: {
        'interviews/p01.md': {
          [DANA.id]: [seg(lf, 's-000000000001', 'I did not trust anyone.\nThen', [TRUST])],
          [SAM.id]: [seg(lf, 's-000000000002', 'did not trust anyone', [TRUST]), seg(lf, 's-000000000003', 'the centre helped', [WORK])],
        },
      },
    });
    const t = snap.transcripts.find((x) => x.path === 'interviews/p01.md')!;
    assert.deepEqual([t.text, snap.problems], [lf, []]);
    const found = computeDisagreements(t.path, t.segments, [DANA.id, SAM.id]);
    assert.deepEqual(found.map((d) => [d.kind, t.text.slice(d.range.start, d.range.end)]), [
      ['boundaries', 'I did not trust anyone.\nThen'],
      ['only', 'the centre helped'],
    ]);
    const names = { code: (id: string) => snap.codes.find((c) => c.id === id)?.name ?? id, coder: (id: string) => snap.coders.find((c) => c.id === id)?.name ?? id };
    const row = disagreementRow(found[1], t.text, names, [DANA.id, SAM.id]);
    assert.deepEqual(row, {
      label: 'Work : paid — only Sam Okafor',
      description: '“the centre helped”',
      versions: [
        { id: DANA.id, coder: 'Dana Reyes', text: 'nothing here' },
        { id: SAM.id, coder: 'Sam Okafor', text: 'Work : paid: “the centre helped”' },
      ],
    });
    assert.equal(disagreementRow(found[0], t.text, names, [DANA.id, SAM.id]).description, '“I did not trust anyone. Then”', 'line breaks fold to a space');
  });
});
