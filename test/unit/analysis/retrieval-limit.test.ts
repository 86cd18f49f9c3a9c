import assert from 'node:assert/strict';
import { AnalysisContext, parseCodeExpression, retrieveSegments, runExpression, type AnalysisProject } from '../../../src/core/analysis';
import { answerRequest } from '../../../src/core/analysis/answer-request';
import { DEFAULT_VIEW_STATE, MAX_HITS } from '../../../src/protocol';
import { fixtureProject } from './analysis-fixture';

/** The fixture's two transcripts with many more segments than a panel shows, in shuffled order. */
function crowded(): AnalysisProject {
  const project = fixtureProject();
  const [a, b] = project.transcripts;
  for (let i = 0; i < MAX_HITS + 300; i++) {
    const t = i % 3 === 0 ? a : b;
    const start = (i * 7919) % (t.text.length - 5);
    project.segments.push({ transcript: t.path, coder: i % 2 ? 'dana' : 'sam', id: `x${i}`, codes: [i % 2 ? 'pay' : 'inv'], start, end: start + 1 + (i % 4) });
  }
  return project;
}

describe('retrieval of the first passages only', () => {
  it('gives exactly the first hits of the whole sorted list', () => {
    const context = new AnalysisContext(crowded());
    assert.deepEqual(retrieveSegments(context, { limit: 25 }), retrieveSegments(context).slice(0, 25));
    const expression = parseCodeExpression('Pay OR Invalidation');
    assert.deepEqual(runExpression(context, expression, {}, 3), runExpression(context, expression).slice(0, 3));
  });

  it('tells the panel that there were more than it shows', () => {
    const context = new AnalysisContext(crowded());
    const answer = answerRequest(context, { ...DEFAULT_VIEW_STATE, tab: 'segments', expression: '' });
    assert.ok(answer.ok && answer.result.tab === 'segments');
    if (!answer.ok || answer.result.tab !== 'segments') return;
    assert.equal(answer.result.hits.length, MAX_HITS);
    assert.equal(answer.result.truncated, true);
    assert.deepEqual(answer.result.hits, retrieveSegments(context).slice(0, MAX_HITS));
  });

  it('answers with the first passages only when asked for fewer, saying whether more exist', () => {
    const context = new AnalysisContext(crowded());
    const state = { ...DEFAULT_VIEW_STATE, tab: 'segments' as const, expression: '' };
    const first = answerRequest(context, state, { hits: 40 });
    const all = retrieveSegments(context);
    assert.ok(first.ok && first.result.tab === 'segments');
    if (!first.ok || first.result.tab !== 'segments') return;
    assert.deepEqual(first.result.hits, all.slice(0, 40));
    assert.equal(first.result.truncated, true);
    const everything = answerRequest(context, state, { hits: all.length });
    assert.ok(everything.ok && everything.result.tab === 'segments' && !everything.result.truncated && everything.result.hits.length === all.length);
  });
});
