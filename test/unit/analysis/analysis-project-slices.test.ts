import assert from 'node:assert/strict';
import { analysisProjectInSlices, analysisProjectOf } from '../../../src/core/analysis/from-snapshot';
import { TimeSlices } from '../../../src/core/time-slices';
import { DANA, P01, P02, SAM, TRUST, WORK, code, seg, snapshot } from '../coding-review/projects';

describe('the analysis view made in slices', () => {
  it('is the view made at once: the same segments in the same order, the same count left out', async () => {
    const project = await snapshot({
      codes: [code(TRUST, 'Trust'), code(WORK, 'Work')],
      texts: { 'interviews/p01.md': P01, 'interviews/p02.md': P02 },
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
});
