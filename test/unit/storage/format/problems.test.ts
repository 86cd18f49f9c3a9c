import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CodingFile } from '../../../../src/core/model';
import { describeProblem, parseCodingFile, serializeCodingFile } from '../../../../src/core/storage/format';
import { findJsonSyntaxError, memberLines } from '../../../../src/core/storage/format/json-scanner';
import { parseJson } from '../../../../src/core/storage/format/json-text';

const PATH = '.grounded/coding/interviews/p01.md/dana-reyes.jsonl';

function oneSegmentFile(): CodingFile {
  return {
    transcript: 'interviews/p01.md',
    coder: { id: 'dana-reyes', name: 'Dana Reyes' },
    segments: [
      {
        id: 's-1h5k9n3r7v2z',
        codes: ['c-0f3k8m2q9x1a'],
        quote: { exact: 'I felt alone', prefix: 'After the move ', suffix: '.' },
        position: { start: 100, end: 112 },
      },
    ],
  };
}

describe('format: warnings', () => {
  it('accepts a quote whose length disagrees with its position, with a warning: the quote decides', () => {
    const text = serializeCodingFile(oneSegmentFile()).replace('"end":112', '"end":115');
    const result = parseCodingFile(PATH, text);
    assert.ok(result.ok);
    assert.equal(result.value.segments[0].position.end, 115, 'the hint is kept as written');
    assert.deepEqual(result.warnings.map(describeProblem), [
      `${PATH}:2: warning: "exact" is 12 characters long but "end" - "start" is 15; the segment will be placed by its quote`,
    ]);
  });

  it('ignores blank lines with a warning each', () => {
    const [header, segment] = serializeCodingFile(oneSegmentFile()).split('\n');
    const result = parseCodingFile(PATH, `${header}\n\n${segment}\n   \n`);
    assert.ok(result.ok);
    assert.equal(result.value.segments.length, 1);
    assert.deepEqual(
      result.warnings.map((w) => [w.line, w.severity, w.message]),
      [
        [2, 'warning', 'blank line ignored'],
        [4, 'warning', 'blank line ignored'],
      ],
    );
  });

  it('gives no warnings for a canonical file, and reads one without a final newline', () => {
    const text = serializeCodingFile(oneSegmentFile());
    const result = parseCodingFile(PATH, text);
    assert.ok(result.ok);
    assert.deepEqual(result.warnings, []);
    const unterminated = parseCodingFile(PATH, text.slice(0, -1));
    assert.ok(unterminated.ok);
    assert.deepEqual(unterminated.value, result.value);
  });

  it('reads a header-only file as a coder with no segments', () => {
    const file = { ...oneSegmentFile(), segments: [] };
    const result = parseCodingFile(PATH, serializeCodingFile(file));
    assert.ok(result.ok);
    assert.deepEqual(result.value, file);
  });
});

describe('format: JSON syntax errors', () => {
  const cases: Array<[string, string]> = [
    ['{"id":"a",}', "not valid JSON at column 10: nothing follows this comma before '}'; remove the comma"],
    ['{"codes":["a",]}', "not valid JSON at column 14: nothing follows this comma before ']'; remove the comma"],
    ['{"id" "a"}', "not valid JSON at column 7: expected ':' after the property name but found '\"'"],
    ['{id:"a"}', "not valid JSON at column 2: expected a property name in double quotes but found 'i'"],
    ['{"id":"a"}}', "not valid JSON at column 11: unexpected '}' after the end of the JSON value"],
    ['{"id":"a\\q"}', 'not valid JSON at column 9: invalid escape "\\\\q" inside quoted text'],
    ['{"n":01}', 'not valid JSON at column 7: a number may not start with 0 followed by more digits'],
    ['{"n":tru}', "not valid JSON at column 6: expected a value but found 't'"],
    ['{"t":"a\tb"}', 'not valid JSON at column 8: a control character inside quoted text must be written as an escape such as \\t'],
    ['{"t":"abc', 'not valid JSON at column 10: a quoted text is never closed (a closing " is missing)'],
    ['{"t":', "not valid JSON at column 6: expected a value but found the end of the text"],
    ['{"🌱":1 2}', "not valid JSON at column 9: expected ',' or '}' but found '2'"],
  ];
  for (const [text, message] of cases) {
    it(text, () => assert.deepEqual(parseJson(text), { ok: false, line: 1, message }));
  }

  it('places an error in pretty JSON on its line and column', () => {
    assert.deepEqual(parseJson('{\n  "a": 1,\n  "b": [1,\n    2 3]\n}'), {
      ok: false,
      line: 4,
      message: "not valid JSON at column 7: expected ',' or ']' but found '3'",
    });
  });

  it('agrees with JSON.parse on what is valid JSON', () => {
    const damaged = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '"', '}', ']', '\\', '\n', '0', '-', ':'))
      .map(([json, at, insert]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + insert + json.slice(i + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged, fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        assert.equal(findJsonSyntaxError(text) === undefined, valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the line of each member of pretty JSON', () => {
    const lines = memberLines('{\n  "a": 1,\n  "b/c": {\n    "d": [\n      true,\n      null\n    ]\n  }\n}\n');
    assert.deepEqual(Object.fromEntries(lines), { '': 1, '/a': 2, '/b~1c': 3, '/b~1c/d': 4, '/b~1c/d/0': 5, '/b~1c/d/1': 6 });
  });
});
