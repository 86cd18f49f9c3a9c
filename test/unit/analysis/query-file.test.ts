import { strict as assert } from 'node:assert';
import { parseQueryFile, queryNameFor, writeQueryFile } from '../../../src/core/analysis/query-file';

const PATH = '.grounded/queries/invalidation-and-pay.json';

describe('saved query files', () => {
  it('round-trips a query byte for byte, keeping keys it does not know', () => {
    const text = [
      '{',
      '  "format": "grounded-query",',
      '  "version": 1,',
      '  "title": "Invalidation and pay",',
      '  "codes": "Invalidation AND Pay",',
      '  "filter": {',
      '    "coders": [',
      '      "dana"',
      '    ],',
      '    "attributes": [',
      '      {',
      '        "attribute": "age",',
      '        "min": 22,',
      '        "max": 30',
      '      }',
      '    ]',
      '  },',
      '  "groupBy": "participant",',
      '  "x-note": "kept"',
      '}',
      '',
    ].join('\n');
    const parsed = parseQueryFile(PATH, text);
    assert.ok(parsed.ok);
    if (!parsed.ok) return;
    assert.deepEqual(parsed.expression, { and: [{ code: 'Invalidation' }, { code: 'Pay' }] });
    assert.deepEqual(parsed.query.filter.attributes, [{ attribute: 'age', min: 22, max: 30 }]);
    assert.equal(writeQueryFile(parsed.query), text);
  });

  it('names the line of each problem', () => {
    const text = '{\n  "format": "grounded-query",\n  "version": 1,\n  "codes": "Pay AND",\n  "filter": { "attributes": [ { "attribute": "age", "min": "old" } ], "colour": 1 }\n}\n';
    const parsed = parseQueryFile(PATH, text);
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.deepEqual(
      parsed.problems.map((p) => `${p.line}: ${p.message}`),
      ['4: "codes": a code name is missing at the end (at character 8)', '5: "filter.attributes[0]": "min" and "max" must be numbers', '5: "filter.colour" is not a filter Grounded knows (coders, transcripts, speakers, text, regex, attributes, rounds).'],
    );
    const broken = parseQueryFile(PATH, '{\n  "format": "grounded-query",\n  "version": 1,\n');
    assert.equal(broken.ok, false);
    if (!broken.ok) assert.equal(broken.problems[0].path, PATH);
  });

  it('refuses keys it does not know, saying which was meant, rather than run without them', () => {
    const problems = (query: object) => {
      const parsed = parseQueryFile(PATH, JSON.stringify({ format: 'grounded-query', version: 1, ...query }, null, 2));
      return parsed.ok ? [] : parsed.problems.map((p) => `${p.line}: ${p.message}`);
    };
    const keys = '(format, version, title, description, codes, filter, groupBy; notes go under a key starting with "x-")';
    // "code" ran over every segment, "filters" without the filter.
    assert.deepEqual(problems({ code: 'Pay' }), [`4: "code" is not a key of a saved query ${keys}. Did you mean "codes"?`]);
    assert.deepEqual(problems({ filters: { coders: ['dana'] } }), [`4: "filters" is not a key of a saved query ${keys}. Did you mean "filter"?`]);
    assert.deepEqual(problems({ group_by: 'code' }), [`4: "group_by" is not a key of a saved query ${keys}. Did you mean "groupBy"?`]);
    assert.deepEqual(problems({ colour: 'red' }), [`4: "colour" is not a key of a saved query ${keys}.`]);
    assert.deepEqual(problems({ filter: { coder: ['dana'] } }), ['5: "filter.coder" is not a filter Grounded knows (coders, transcripts, speakers, text, regex, attributes, rounds). Did you mean "coders"?']);
    assert.deepEqual(problems({ 'x-reviewed-by': 'sam' }), []);
  });

  it('refuses conditions that conflict or name impossible dates, on their own line', () => {
    const text = [
      '{',
      '  "format": "grounded-query",',
      '  "version": 1,',
      '  "filter": {',
      '    "attributes": [',
      '      { "attribute": "age", "equals": [29], "min": 20 },',
      '      { "attribute": "interview_date", "from": "2024-13-01" },',
      '      { "attribute": "age", "min": 30, "max": 20 }',
      '    ]',
      '  }',
      '}',
    ].join('\n');
    const parsed = parseQueryFile(PATH, text);
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.deepEqual(
      parsed.problems.map((p) => `${p.line}: ${p.message}`),
      [
        '6: "filter.attributes[0]": has both "equals" and "min"/"max"; a condition is one of them: to ask for both, write two conditions on "age" (every condition must hold)',
        '7: "filter.attributes[1]": "from" 2024-13-01 is not a date on the calendar (month 01–12, and a day that month has)',
        '8: "filter.attributes[2]": "min" 30 is above "max" 20, so no value is in the range: swap them',
      ],
    );
  });

  it('makes file-name-safe names from titles', () => {
    assert.equal(queryNameFor('Invalidation × Pay (youth housing)'), 'invalidation-pay-youth-housing');
    assert.equal(queryNameFor('Éducation'), 'education');
    assert.equal(queryNameFor('***'), 'query');
  });
});
