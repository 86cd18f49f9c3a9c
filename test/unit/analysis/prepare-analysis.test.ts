import assert from 'node:assert/strict';
import { prepareAnalysis } from '../../../src/core/analysis/prepare-analysis';
import { retrieveSegments } from '../../../src/core/analysis/retrieval';
import { TimeSlices } from '../../../src/core/time-slices';
import { DANA, P01, P02, SAM, TRUST, WORK, baseSpec, seg, snapshot } from '../coding-review/projects';

describe('the analysis of a snapshot, prepared for a panel', () => {
  it('gives the context every query shares and the outline the page draws from, the same in slices as at once', async () => {
    const project = await snapshot({
      ...baseSpec(),
      coding: {
        'interviews/p01.md': { [DANA.id]: [seg(P01, 's-000000000001', 'did not trust anyone')], [SAM.id]: [seg(P01, 's-000000000003', 'A friend from church', [TRUST, WORK])] },
        'interviews/p02.md': { [DANA.id]: [seg(P02, 's-000000000004', 'Nobody paid us', [WORK])] },
        // Coding of a transcript that is gone: not analysed, and not counted as left out (the
        // outline counts segments of existing transcripts that could not be placed).
        'interviews/gone.md': { [SAM.id]: [seg(P02, 's-000000000005', 'We slept on site')] },
      },
    });
    const atOnce = await prepareAnalysis(project);
    const sliced = await prepareAnalysis(project, new TimeSlices(0));
    assert.equal(atOnce.snapshot, project);
    // Three placed segments: Trust in two (p01 by Dana, p01 by Sam), Work in two (Sam's, p02).
    assert.deepEqual(atOnce.context.segmentsOf([TRUST]).map((s) => s.id), ['s-000000000001', 's-000000000003']);
    assert.deepEqual(atOnce.context.segmentsOf([WORK]).map((s) => s.id), ['s-000000000003', 's-000000000004']);
    assert.equal(atOnce.outline.unplaced, 0);
    assert.deepEqual(atOnce.context.project.transcripts.map((t) => t.path), ['interviews/p01.md', 'interviews/p02.md']);
    assert.deepEqual(atOnce.outline.codes.map((c) => c.id), [TRUST, WORK]);
    assert.deepEqual(atOnce.outline.coders, [DANA.id, SAM.id]);
    assert.deepEqual(sliced.outline, atOnce.outline);
    assert.deepEqual(sliced.context.project.segments, atOnce.context.project.segments);
  });

  it('gives a passage context from its own turn, without the Markdown of the speaker label', async () => {
    const project = await snapshot({
      ...baseSpec(),
      coding: {
        'interviews/p01.md': { [DANA.id]: [seg(P01, 's-000000000001', 'took me to the centre'), seg(P01, 's-000000000002', 'Now I run the group')] },
        'interviews/p02.md': { [DANA.id]: [seg(P02, 's-000000000003', 'Nobody paid us', [WORK])] },
      },
    });
    const { context } = await prepareAnalysis(project);
    const hits = retrieveSegments(context);
    // P01: "**Amara:** A friend from church took me to the centre." The context runs back to "A",
    // where what Amara said begins; a passage at that start has none. P02's label is "**Tomasz:**".
    assert.deepEqual(
      hits.map((h) => [h.speaker, h.before, h.beforeCut, h.text, h.after, h.afterCut]),
      [
        ['Amara', 'A friend from church ', false, 'took me to the centre', '. I did not trust anyone then.', false],
        ['Amara', '', false, 'Now I run the group', ' on Thursdays, and we cook together.', false],
        ['Tomasz', 'We slept on site. ', false, 'Nobody paid us', '.', false],
      ],
    );
  });

  it('cuts a long context at a word and says so', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const text = `**Amara:** ${words} the passage itself ${words}\n`;
    const project = await snapshot({
      ...baseSpec(),
      texts: { 'interviews/p01.md': text },
      coding: { 'interviews/p01.md': { [DANA.id]: [seg(text, 's-000000000001', 'the passage itself')] } },
    });
    const [hit] = retrieveSegments((await prepareAnalysis(project)).context);
    // 80 characters each side, then to the nearest whole word: "word…" pieces are never shown cut.
    assert.equal(hit.beforeCut, true);
    assert.equal(hit.afterCut, true);
    assert.match(hit.before, /^word\d+ .* word39 $/);
    assert.match(hit.after, /^ word0 .* word\d+$/);
    assert.ok(hit.before.length <= 80 && hit.after.length <= 80);
  });
});
