import { strict as assert } from 'node:assert';
import { AnalysisContext, CodeLookupError, codeFrequencies, crosstab, FilterError, retrieveSegments, type SegmentFilter } from '../../../src/core/analysis';
import { answerRequest } from '../../../src/core/analysis/answer-request';
import { parseQueryFile } from '../../../src/core/analysis/query-file';
import { fixtureProject } from './analysis-fixture';
import { DEFAULT_VIEW_STATE } from '../../../src/protocol';

/** The fixture with its coders' files: dana (Dana Reyes) and sam (Sam Okafor). Ana: age 25, sector housing; Ben: age 40, advocacy. */
function context(change: (project: ReturnType<typeof fixtureProject>) => void = () => undefined): AnalysisContext {
  const project = fixtureProject();
  project.coders = [
    { id: 'dana', name: 'Dana Reyes' },
    { id: 'sam', name: 'Sam Okafor' },
  ];
  change(project);
  return new AnalysisContext(project);
}

const texts = (c: AnalysisContext, filter: SegmentFilter) => retrieveSegments(c, { filter }).map((h) => h.text);
const failure = (c: AnalysisContext, filter: SegmentFilter): string => {
  try {
    retrieveSegments(c, { filter });
  } catch (error) {
    assert.ok(error instanceof FilterError, String(error));
    return error.message;
  }
  assert.fail('the filter ran');
};

describe('filters checked against the project', () => {
  it('refuses a coder the project does not have, and names the id meant for a display name or a prefix', () => {
    const listed = "The project's coders: dana (Dana Reyes), sam (Sam Okafor).";
    assert.equal(failure(context(), { coders: ['Dana Reyes'] }), `No coder has the id "Dana Reyes"; coders are named by id. Did you mean "dana"? ${listed}`);
    assert.equal(failure(context(), { coders: ['okafor'] }), `No coder has the id "okafor"; coders are named by id. Did you mean "sam"? ${listed}`);
    assert.equal(failure(context(), { coders: ['nobody'] }), `No coder has the id "nobody"; coders are named by id. ${listed}`);
    // A coder with a coding file but no segment here is the project's: an empty answer, not a mistake.
    assert.deepEqual(texts(context((p) => p.coders!.push({ id: 'lee', name: 'Lee' })), { coders: ['lee'] }), []);
    // Without coding files listed, the coders of the segments are the project's.
    assert.deepEqual(texts(new AnalysisContext(fixtureProject()), { coders: ['sam'] }), ['Money was short.', 'pay was low', 'My family helped.']);
  });

  it('refuses an attribute nobody records, suggesting the one meant', () => {
    assert.equal(
      failure(context(), { attributes: [{ attribute: 'sectr', equals: ['housing'] }] }),
      'Filter on "sectr": no transcript records the attribute "sectr" (recorded: age, interview_date, sector). Did you mean "sector"?',
    );
  });

  it('refuses a value no transcript records, which would keep nobody without a word, naming the one meant', () => {
    // "youth-housing" for "youth housing" in a saved query answered "No passages." and passed validate.
    assert.equal(
      failure(context(), { attributes: [{ attribute: 'sector', equals: ['housing', 'advocasy'] }] }),
      'Filter on "sector": no transcript records "sector" as "advocasy" (recorded: advocacy, housing). Did you mean "advocacy"?',
    );
    assert.equal(failure(context(), { attributes: [{ attribute: 'age', equals: [52] }] }), 'Filter on "age": no transcript records "age" as "52" (recorded: 25, 40).');
    // Case, spaces, one of several values and a crosstab's column label are recorded values.
    assert.equal(texts(context(), { attributes: [{ attribute: 'sector', equals: [' HOUSING'] }] }).length, 4);
    assert.equal(texts(context(), { attributes: [{ attribute: 'age', equals: ['≤ 30'] }] }).length, 4);
    assert.match(failure(context(), { attributes: [{ attribute: 'age', equals: ['(not recorded)'] }] }), /no transcript records "age" as "\(not recorded\)"/);
  });

  it('refuses a range that does not fit the kind of values the attribute holds', () => {
    // sector holds text: compared as text, "housing" >= "2024-01-01" kept everyone.
    assert.equal(
      failure(context(), { attributes: [{ attribute: 'sector', from: '2024-01-01' }] }),
      'Filter on "sector": "sector" holds text (e.g. "advocacy"), not dates written YYYY-MM-DD, so a date range ("from"/"to") cannot apply: for text write "equals": ["advocacy"]',
    );
    assert.match(failure(context(), { attributes: [{ attribute: 'interview_date', min: 2024 }] }), /"interview_date" holds dates, not numbers, so "min"\/"max" cannot apply: for dates write "from"\/"to"/);
    assert.match(failure(context(), { attributes: [{ attribute: 'age', to: '2024-01-01' }] }), /"age" holds numbers, not dates written YYYY-MM-DD, .*for numbers write "min"\/"max"/);
    // One age that is not a number would drop out of the range unseen: it is named instead.
    const slip = context((p) => (p.transcripts[1].attributes.age = 'unknown'));
    assert.equal(failure(slip, { attributes: [{ attribute: 'age', min: 20 }] }), 'Filter on "age": "min"/"max" needs numbers, but "age" is not a number in every transcript ("unknown" in b.md): write the value as a number, or leave it out of the front matter (the transcript is then "not recorded")');
  });

  it('reads an age written in quotes as the number', () => {
    // Ben's age "40" (YAML text) is 40: within 30–45 as if written 40.
    const quoted = context((p) => (p.transcripts[1].attributes.age = '40'));
    assert.deepEqual(texts(quoted, { attributes: [{ attribute: 'age', min: 30, max: 45 }] }), ['Nobody listened to me.', 'Money was short.']);
  });

  it('refuses conditions that conflict or cannot hold', () => {
    const message = (condition: object) => failure(context(), { attributes: [condition as never] });
    assert.match(message({ attribute: 'age', equals: [25], min: 20 }), /has both "equals" and "min"\/"max"; a condition is one of them: to ask for both, write two conditions on "age"/);
    assert.match(message({ attribute: 'age', min: 40, max: 30 }), /"min" 40 is above "max" 30, so no value is in the range: swap them/);
    assert.match(message({ attribute: 'interview_date', from: '2024-13-01' }), /"from" 2024-13-01 is not a date on the calendar/);
    assert.match(message({ attribute: 'interview_date', to: '2023-02-29' }), /"to" 2023-02-29 is not a date on the calendar/);
    assert.match(message({ attribute: 'interview_date', from: '2024-06-30', to: '2024-01-01' }), /"from" 2024-06-30 is after "to" 2024-01-01/);
    assert.match(message({ attribute: 'sector', equals: [] }), /"equals" lists no value/);
    assert.match(message({ attribute: 'age', minimum: 20 }), /"minimum" is not a condition Grounded knows \(equals, min, max, from, to\)\. Did you mean "min"\?/);
    // Both, as two conditions: every one must hold. Ana is 25 and in housing; Ben in advocacy.
    assert.deepEqual(texts(context(), { coders: ['sam'], attributes: [{ attribute: 'age', equals: [25] }, { attribute: 'age', min: 20 }] }), ['pay was low', 'My family helped.']);
  });

  it('is shown wherever an unknown code is: in every table, and in the panel as a problem', () => {
    const filter = { coders: ['nobody'] };
    assert.throws(() => codeFrequencies(context(), filter), CodeLookupError);
    assert.throws(() => crosstab(context(), 'sector', { filter }), CodeLookupError);
    const state = { ...DEFAULT_VIEW_STATE, tab: 'frequencies' as const, filter };
    assert.deepEqual(answerRequest(context(), state), { ok: false, message: `No coder has the id "nobody"; coders are named by id. The project's coders: dana (Dana Reyes), sam (Sam Okafor).` });
  });

  it('names the saved query, the field and its line when the mistake was read from one', () => {
    const text = [
      '{',
      '  "format": "grounded-query",',
      '  "version": 1,',
      '  "filter": {',
      '    "coders": ["dana"],',
      '    "attributes": [',
      '      { "attribute": "age", "min": 20 },',
      '      { "attribute": "sector", "from": "2024-01-01" }',
      '    ]',
      '  }',
      '}',
    ].join('\n');
    const parsed = parseQueryFile('.grounded/queries/q.json', text);
    assert.ok(parsed.ok);
    if (!parsed.ok) return;
    // As the CLI hands it on with --coder: the conditions are the file's still.
    const withCoder = { ...parsed.query.filter, coders: ['Sam Okafor'] };
    assert.match(failure(context(), withCoder), /^No coder has the id "Sam Okafor"; coders are named by id\. Did you mean "sam"\?/);
    assert.match(failure(context(), { ...withCoder, coders: ['sam'] }), /^\.grounded\/queries\/q\.json:8: "filter\.attributes\[1\]": "sector" holds text/);
    const renamed = parseQueryFile('.grounded/queries/q.json', text.replace('"dana"', '"dan"'));
    assert.ok(renamed.ok);
    if (renamed.ok) assert.match(failure(context(), renamed.query.filter), /^\.grounded\/queries\/q\.json:5: "filter\.coders\[0\]": no coder has the id "dan"; .* Did you mean "dana"\?/);
  });
});
