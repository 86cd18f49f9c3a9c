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
      ['4: "codes": a code name is missing at the end (at character 8)', '5: "filter.attributes[0]": "min" and "max" must be numbers', '5: "filter.colour" is not a filter Grounded knows (coders, transcripts, speakers, text, regex, attributes, rounds)'],
    );
    const broken = parseQueryFile(PATH, '{\n  "format": "grounded-query",\n  "version": 1,\n');
    assert.equal(broken.ok, false);
    if (!broken.ok) assert.equal(broken.problems[0].path, PATH);
  });

  it('makes file-name-safe names from titles', () => {
    assert.equal(queryNameFor('Invalidation × Pay (youth housing)'), 'invalidation-pay-youth-housing');
    assert.equal(queryNameFor('Éducation'), 'education');
    assert.equal(queryNameFor('***'), 'query');
  });
});
