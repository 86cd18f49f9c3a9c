import assert from 'node:assert/strict';
import { AnalysisContext, retrieveSegments } from '../../../src/core/analysis';
import type { AnalysisProject } from '../../../src/core/analysis/analysis-model';
import { parseQueryFile } from '../../../src/core/analysis/query-file';

const TEXT = 'one two three four five six seven eight';

function project(): AnalysisProject {
  const at = (word: string) => ({ start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length });
  return {
    codes: [{ id: 'c-a', name: 'A', parent: null }],
    transcripts: [{ path: 'p01.md', participant: 'P01', attributes: {}, text: TEXT, turns: [] }],
    segments: [
      { transcript: 'p01.md', coder: 'dana', id: 's-1', codes: ['c-a'], ...at('one'), round: 'initial' },
      { transcript: 'p01.md', coder: 'sam', id: 's-2', codes: ['c-a'], ...at('three'), round: 'focused' },
      { transcript: 'p01.md', coder: 'dana', id: 's-3', codes: ['c-a'], ...at('five') },
    ],
  };
}

describe('the round filter', () => {
  it('keeps segments created in the chosen rounds, leaves out those with none recorded, and combines with other filters', () => {
    const context = new AnalysisContext(project());
    const texts = (filter: object) => retrieveSegments(context, { filter }).map((h) => h.text);
    assert.deepEqual(texts({}), ['one', 'three', 'five']);
    assert.deepEqual(texts({ rounds: ['focused'] }), ['three']);
    assert.deepEqual(texts({ rounds: ['initial', 'focused'] }), ['one', 'three']);
    assert.deepEqual(texts({ rounds: ['focused'], coders: ['dana'] }), []);
    assert.deepEqual(texts({ rounds: [] }), ['one', 'three', 'five'], 'an empty list filters nothing');
  });

  it('is read from a saved query, and a wrong shape is reported', () => {
    const good = parseQueryFile('.grounded/queries/q.json', JSON.stringify({ format: 'grounded-query', version: 1, filter: { rounds: ['focused'] } }));
    assert.ok(good.ok);
    if (good.ok) assert.deepEqual(good.query.filter, { rounds: ['focused'] });
    const bad = parseQueryFile('.grounded/queries/q.json', JSON.stringify({ format: 'grounded-query', version: 1, filter: { rounds: 'focused' } }));
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.match(bad.problems.map((p) => p.message).join('\n'), /"filter.rounds" must be a list of text/);
  });
});
