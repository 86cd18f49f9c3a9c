import assert from 'node:assert/strict';
import { AnalysisContext } from '../../../src/core/analysis';
import { projectOutline } from '../../../src/core/analysis/answer-request';
import { fixtureProject } from './analysis-fixture';

describe('the outline of codes the panel is sent', () => {
  it('names the focused code a code was gathered into, when that code is there and is another', () => {
    const project = fixtureProject();
    project.codes.push(
      { id: 'heard', name: 'Heard', parent: null, gatheredInto: 'inv' },
      { id: 'lost', name: 'Lost record', parent: null, gatheredInto: 'gone' },
      { id: 'self', name: 'Own record', parent: null, gatheredInto: 'self' },
    );
    const outline = projectOutline(new AnalysisContext(project), 'Study', new Map(), 0);
    const into = Object.fromEntries(outline.codes.map((c) => [c.id, c.gatheredInto ?? null]));
    assert.deepEqual(into, { fam: null, heard: 'inv', inv: null, lost: null, low: null, pay: null, self: null });
  });
});
