import assert from 'node:assert/strict';
import { analysisProjectInSlices, analysisProjectOf } from '../../../src/core/analysis/from-snapshot';
import { TimeSlices } from '../../../src/core/time-slices';
import { DANA, P01, P02, SAM, TRUST, WORK, baseSpec, seg, snapshot } from '../coding-review/projects';

describe('the analysis view made in slices', () => {
  it('is the view made at once: the same segments in the same order, the same count left out', async () => {
    const project = await snapshot({
      ...baseSpec(),
      coding: {
        'interviews/p01.md': {
          [DANA.id]: [seg(P01, 's-000000000001', 'did not trust anyone'), seg(P01, 's-000000000002', 'run the group', [WORK])],
          [SAM.id]: [seg(P01, 's-000000000003', 'A friend from church', [TRUST, WORK])],
        },
        'interviews/p02.md': { [DANA.id]: [seg(P02, 's-000000000004', 'Nobody paid us', [WORK])] },
        // Coding for a transcript that is gone: left out of analysis, like at once.
        'interviews/gone.md': { [SAM.id]: [seg(P02, 's-000000000005', 'We slept on site')] },
      },
    });
    // A budget of 0 ms: every transcript in a slice of its own, the host getting a turn between.
    const sliced = await analysisProjectInSlices(project, new TimeSlices(0));
    const whole = analysisProjectOf(project);
    assert.deepEqual(sliced.project.segments, whole.project.segments);
    assert.deepEqual(sliced.project.segments.map((s) => s.id), ['s-000000000001', 's-000000000002', 's-000000000003', 's-000000000004']);
    assert.equal(sliced.unplaced, whole.unplaced);
    assert.deepEqual(sliced.project.codes, whole.project.codes);
    assert.deepEqual(sliced.project.transcripts.map((t) => t.path), whole.project.transcripts.map((t) => t.path));
  });

  it('makes again only the part of a transcript whose snapshot changed, and the result is the view made afresh', async () => {
    const before = await snapshot({
      ...baseSpec(),
      coding: {
        'interviews/p01.md': { [DANA.id]: [seg(P01, 's-000000000001', 'did not trust anyone')] },
        'interviews/p02.md': { [DANA.id]: [seg(P02, 's-000000000004', 'Nobody paid us', [WORK])] },
      },
    });
    const first = analysisProjectOf(before);
    // What the index does after an edit of p02: a new snapshot object for p02, the same one for p01.
    const [p01, p02] = before.transcripts;
    const edited = { ...p02, segments: p02.segments.map((s) => ({ ...s, segment: { ...s.segment, codes: [TRUST] } })) };
    const after = { ...before, transcripts: [p01, edited] };
    const second = await analysisProjectInSlices(after, new TimeSlices(0));
    assert.equal(second.project.segments[0], first.project.segments[0], 'the unchanged transcript’s segment is the one made before');
    assert.notEqual(second.project.segments[1], first.project.segments[1]);
    assert.deepEqual(second.project.segments[1].codes, [TRUST]);
    // Made from copies (no part kept for them), the view is the same.
    assert.deepEqual(second.project.segments, analysisProjectOf(structuredClone(after)).project.segments);
    assert.deepEqual(first.project.segments[1].codes, [WORK], 'the view made before is left as it was');
  });
});
