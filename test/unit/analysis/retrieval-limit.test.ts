import assert from 'node:assert/strict';
import { AnalysisContext, parseCodeExpression, retrieveSegments, runExpression, type AnalysisProject } from '../../../src/core/analysis';
import { answerRequest } from '../../../src/core/analysis/answer-request';
import { firstPassages } from '../../../src/core/analysis/retrieval';
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
  it('orders passages by interview, then start and end, ties in their own order, as one plain sort would', () => {
    const context = new AnalysisContext(crowded());
    const passages = context.project.segments.map((s, i) => ({ transcript: s.transcript, start: s.start, end: s.end, i }));
    // Ties on purpose: the same passage twice, far apart in the list.
    passages.push({ ...passages[3], i: passages.length }, { ...passages[10], i: passages.length + 1 });
    const sorted = [...passages].sort((a, b) => context.orderOf(a.transcript) - context.orderOf(b.transcript) || a.start - b.start || a.end - b.end);
    assert.deepEqual(firstPassages(context, passages), sorted);
    assert.deepEqual(firstPassages(context, passages, 7), sorted.slice(0, 7));
    assert.deepEqual(firstPassages(context, passages, sorted.length + 5), sorted);
    assert.deepEqual(firstPassages(context, [], 3), []);
    // The fixture's first transcript in interview order is not the first in the list.
    assert.notEqual(passages[0].transcript, sorted[0].transcript);
  });

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
