import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCodingFile } from '../../../../src/core/storage/format';
import { checkSchema } from '../../../../src/core/storage/format/schema-validation';
import { isPlainSegment } from '../../../../src/core/storage/format/segment-shape';

const BASE32 = [...'0123456789abcdefghjkmnpqrstvwxyz'];
const validId = (prefix: string) => fc.string({ unit: fc.constantFrom(...BASE32), minLength: 12, maxLength: 12 }).map((s) => prefix + s);
/** Ids that are nearly right: wrong prefix, case, length or letters the alphabet leaves out. */
const nearId = (prefix: string) =>
  fc.oneof(
    validId(prefix),
    validId(prefix).map((s) => s.toUpperCase()),
    validId(prefix).map((s) => `${s}0`),
    validId(prefix).map((s) => s.slice(0, -1)),
    validId(prefix).map((s) => `${s.slice(0, -1)}i`),
    validId(prefix).map((s) => ` ${s}`),
    validId(prefix).map((s) => `${s}\n`),
    validId(prefix === 's-' ? 'c-' : 's-'),
  );
/** Anything JSON can hold, plus the numbers JSON.parse makes of `1e400` and `-0`. */
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(Infinity, -Infinity, -0, 1.5, -1, 2 ** 53, ''));
const offset = fc.oneof(fc.nat(), anyValue);
const text = fc.oneof(fc.string(), anyValue);
const codes = fc.oneof(fc.array(fc.oneof(nearId('c-'), anyValue), { maxLength: 3 }), anyValue);

/** A record with some of the plain fields, each valid or nearly so, or anything at all. */
const plainRecord = fc.record(
  {
    id: fc.oneof(nearId('s-'), anyValue),
    codes,
    start: offset,
    end: offset,
    exact: text,
    prefix: text,
    suffix: text,
    comment: text,
  },
  { requiredKeys: [] },
);

const schemaAccepts = (value: unknown): boolean => checkSchema('coding-segment', value).length === 0;

describe('format: the quick segment check agrees with the segment schema', () => {
  it('on records of the plain fields, it accepts exactly what the schema accepts', () => {
    fc.assert(
      fc.property(plainRecord, (record) => {
        const value = JSON.parse(JSON.stringify(record)) as unknown;
        assert.equal(isPlainSegment(value), schemaAccepts(value), JSON.stringify(value));
        // Infinity and -0 do not survive JSON text; JSON.parse can still make them (1e400, -0).
        assert.equal(isPlainSegment(record), schemaAccepts(record));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts nothing the schema refuses, whatever the record holds', () => {
    const extra = fc.record({ round: anyValue, gathered: anyValue, note: anyValue, __proto__: anyValue }, { requiredKeys: [] });
    const record = fc.oneof(
      anyValue,
      fc.tuple(plainRecord, extra).map(([plain, more]) => ({ ...plain, ...more })),
    );
    fc.assert(
      fc.property(record, (value) => {
        if (isPlainSegment(value)) assert.ok(schemaAccepts(value), JSON.stringify(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves records with rounds, uncoded passages or other tools’ fields to the full check', () => {
    const plain = { id: 's-000000000001', codes: ['c-000000000001'], start: 0, end: 3, exact: 'abc', prefix: '', suffix: '' };
    assert.equal(isPlainSegment(plain), true);
    assert.equal(isPlainSegment({ ...plain, round: 'open' }), false);
    assert.equal(isPlainSegment({ ...plain, tool: 'x' }), false);
    const { codes, ...passage } = plain;
    assert.equal(isPlainSegment({ ...passage, uncoded: codes }), false, 'a passage left uncoded is checked as one');
    assert.equal(isPlainSegment(JSON.parse('{"__proto__": 1, "id": "s-000000000001"}')), false);
  });
});

describe('format: a malformed segment line is still reported at its line, in the schema’s words', () => {
  const header = '{"format":"grounded-coding","version":1,"coder":{"id":"dana","name":"Dana"}}';
  const good = (id: string) => `{"id":"s-00000000000${id}","codes":["c-000000000001"],"start":0,"end":3,"exact":"abc","prefix":"","suffix":""}`;
  const bad: [string, string][] = [
    ['a negative start', '{"id":"s-000000000009","codes":["c-000000000001"],"start":-1,"end":3,"exact":"abc","prefix":"","suffix":""}'],
    ['a fractional end', '{"id":"s-000000000009","codes":["c-000000000001"],"start":0,"end":2.5,"exact":"abc","prefix":"","suffix":""}'],
    ['an end too large to be a number', '{"id":"s-000000000009","codes":["c-000000000001"],"start":0,"end":1e400,"exact":"abc","prefix":"","suffix":""}'],
    ['no codes', '{"id":"s-000000000009","codes":[],"start":0,"end":3,"exact":"abc","prefix":"","suffix":""}'],
    ['a code id in capitals', '{"id":"s-000000000009","codes":["C-000000000001"],"start":0,"end":3,"exact":"abc","prefix":"","suffix":""}'],
    ['a segment id with a letter base32 leaves out', '{"id":"s-00000000000i","codes":["c-000000000001"],"start":0,"end":3,"exact":"abc","prefix":"","suffix":""}'],
    ['an empty quote', '{"id":"s-000000000009","codes":["c-000000000001"],"start":0,"end":0,"exact":"","prefix":"","suffix":""}'],
    ['no prefix', '{"id":"s-000000000009","codes":["c-000000000001"],"start":0,"end":3,"exact":"abc","suffix":""}'],
    ['a comment that is a number', '{"id":"s-000000000009","codes":["c-000000000001"],"start":0,"end":3,"exact":"abc","prefix":"","suffix":"","comment":5}'],
    ['a round id with a space', '{"id":"s-000000000009","codes":["c-000000000001"],"start":0,"end":3,"exact":"abc","prefix":"","suffix":"","round":"open coding"}'],
    ['a list', '["s-000000000009"]'],
  ];
  for (const [name, line] of bad) {
    it(`${name}: the schema's problem, on line 3`, () => {
      const path = '.grounded/coding/interviews/a.md/dana.jsonl';
      const result = parseCodingFile(path, [header, good('1'), line, good('2')].join('\n') + '\n');
      assert.equal(result.ok, false);
      if (result.ok) return;
      const parsed = JSON.parse(line) as unknown;
      const expected = Array.isArray(parsed) ? ['expected a JSON object ({…}) on this line, not a list'] : checkSchema('coding-segment', parsed).map((i) => i.message);
      assert.ok(expected.length > 0);
      assert.deepEqual(
        result.problems.map((p) => [p.line, p.severity]),
        expected.map(() => [3, 'error']),
      );
      assert.deepEqual(
        result.problems.map((p) => p.message),
        expected,
      );
    });
  }

  it('too deep a line: refused at its line before any recursive reader sees it', () => {
    const path = '.grounded/coding/interviews/a.md/dana.jsonl';
    const deep = `{"id":"s-000000000009","codes":["c-000000000001"],"start":0,"end":3,"exact":"abc","prefix":"","suffix":"","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const result = parseCodingFile(path, [header, good('1'), deep].join('\n') + '\n');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.problems.map((p) => [p.line, /nested more than 100 levels deep/.test(p.message)]),
      [[3, true]],
    );
  });

  it('a blank line and a line that is not JSON: a warning and an error at their lines', () => {
    const path = '.grounded/coding/interviews/a.md/dana.jsonl';
    const result = parseCodingFile(path, [header, good('1'), '  ', `${good('2')} x`].join('\n') + '\n');
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.problems.map((p) => [p.line, p.severity]),
      [
        [3, 'warning'],
        [4, 'error'],
      ],
    );
    assert.match(result.problems[1].message, /^not valid JSON at column 1\d\d:/);
  });
});
