/**
 * Attribute values as researchers write them by hand — lists, several values in one text, stray
 * spaces — read from real front matter into the analysis view, then grouped and filtered.
 */
import assert from 'node:assert/strict';
import { AnalysisContext, crosstab, retrieveSegments } from '../../../src/core/analysis';
import { analysisProjectOf } from '../../../src/core/analysis/from-snapshot';
import { DANA, TRUST, code, seg, snapshot } from '../coding-review/projects';

const BODY = '**Interviewer:** How did you find help?\n\n**P:** A friend took me to the centre.\n';

function transcript(frontMatter: string): string {
  return `---\n${frontMatter}---\n${BODY}`;
}

async function contextOf(texts: Record<string, string>): Promise<AnalysisContext> {
  const coding: Record<string, Record<string, ReturnType<typeof seg>[]>> = {};
  let n = 0;
  for (const [path, text] of Object.entries(texts)) coding[path] = { [DANA.id]: [seg(text, `s-${String(++n).padStart(12, '0')}`, 'A friend took me')] };
  const view = analysisProjectOf(await snapshot({ codes: [code(TRUST, 'Trust')], texts, coding }));
  return new AnalysisContext(view.project);
}

describe('attribute values written by hand, in analysis', () => {
  it('keeps a list of values (race as a YAML list) instead of leaving the participant "not recorded"', async () => {
    const context = await contextOf({
      'interviews/a.md': transcript('participant: Dee\nrace_ethnicity: [white, Jewish]\n'),
      'interviews/b.md': transcript('participant: Ana\nrace_ethnicity:\n  - Black\n  - Latina\n'),
      'interviews/c.md': transcript('participant: Ben\nrace_ethnicity: white\n'),
    });
    const attributes = context.project.transcripts.map((t) => t.attributes.race_ethnicity);
    assert.deepEqual(attributes, ['white, Jewish', 'Black, Latina', 'white']);
    // One group per combination: each participant stays in one group, as the test needs.
    assert.deepEqual(crosstab(context, 'race_ethnicity').columns.map((c) => [c.value, c.participants]), [
      ['Black, Latina', 1],
      ['white', 1],
      ['white, Jewish', 1],
    ]);
  });

  it('matches "equals" against each of several values, whether a list or written "Black, Latina"', async () => {
    const context = await contextOf({
      'interviews/a.md': transcript('participant: Dee\nrace_ethnicity: [white, Jewish]\n'),
      'interviews/b.md': transcript('participant: Ana\nrace_ethnicity: "Black, Latina"\n'),
      'interviews/c.md': transcript('participant: Ben\nrace_ethnicity: white\n'),
      'interviews/d.md': transcript('participant: Cy\nrace_ethnicity: Black African\n'),
    });
    const who = (equals: string[]) =>
      retrieveSegments(context, { filter: { attributes: [{ attribute: 'race_ethnicity', equals }] } }).map((h) => h.transcript);
    assert.deepEqual(who(['White']), ['interviews/a.md', 'interviews/c.md']);
    assert.deepEqual(who(['latina']), ['interviews/b.md']);
    // The whole value still matches; a part of a word does not ("Black" is not "Black African").
    assert.deepEqual(who(['black, latina']), ['interviews/b.md']);
    assert.deepEqual(who(['Black']), ['interviews/b.md']);
  });

  it('groups a value by what it says: stray spaces are not a group of their own, blank is not recorded', async () => {
    const context = await contextOf({
      'interviews/a.md': transcript('participant: A\nsector: "youth housing "\nage: "55 "\n'),
      'interviews/b.md': transcript('participant: B\nsector: youth housing\nage: 55\n'),
      'interviews/c.md': transcript('participant: C\nsector: "  "\nage: 30\n'),
    });
    assert.deepEqual(crosstab(context, 'sector').columns.map((c) => [c.value, c.participants]), [
      ['youth housing', 2],
      ['(not recorded)', 1],
    ]);
    assert.deepEqual(crosstab(context, 'age').columns.map((c) => [c.value, c.participants]), [
      ['30', 1],
      ['55', 2],
    ]);
  });
});
