/**
 * The published schemas, used the way another tool would use them: a fresh Ajv, the raw records of
 * each file. They must accept every valid fixture and reject every malformed one whose problem is
 * expressible in JSON Schema; the rest are checked by Grounded itself, which the last test pins.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import projectSchema from '../../../../schemas/project.schema.json';
import codeSchema from '../../../../schemas/code.schema.json';
import codingHeaderSchema from '../../../../schemas/coding-header.schema.json';
import codingSegmentSchema from '../../../../schemas/coding-segment.schema.json';
import codingUncodedSchema from '../../../../schemas/coding-uncoded.schema.json';
import { checkUncodedRecord } from '../../../../src/core/storage/format/uncoded-record';
import {
  CODER_ID_PATTERN,
  CODE_ID_PATTERN,
  COLOR_PATTERN,
  SEGMENT_ID_PATTERN,
} from '../../../../src/core/storage/format';
import { FIXTURES, type KindOfPath, kindOfPath, listDirectories, listFiles } from './format-fixtures';

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
const validate = {
  project: ajv.compile(projectSchema),
  code: ajv.compile(codeSchema),
  header: ajv.compile(codingHeaderSchema),
  segment: ajv.compile(codingSegmentSchema),
  uncoded: ajv.compile(codingUncodedSchema),
};

/** Problems found in no record's schema: they need several records, the file's name, or arithmetic. */
const BEYOND_SCHEMA = new Set([
  'code-id-does-not-match-file-name',
  'code-own-parent',
  'code-wrong-file-name',
  'coding-coder-does-not-match-file-name',
  'coding-duplicate-segment-ids',
  'coding-end-before-start',
  'coding-huge-start',
  'coding-wrong-file-name',
]);
/** Not JSON at all, so no schema applies. */
const NOT_JSON = new Set([
  'code-merge-conflict',
  'code-trailing-comma',
  'code-unterminated-string',
  'coding-deep-nesting',
  'coding-empty-file',
  'coding-invalid-json',
  'coding-merge-conflict',
  'project-deep-nesting',
  'project-merge-conflict',
]);

/** Whether every record in the file that is JSON satisfies its schema. */
function schemasAccept(kind: KindOfPath, text: string): boolean {
  const check = (fn: ValidateFunction, record: unknown): boolean => fn(record);
  if (kind === 'project') return check(validate.project, JSON.parse(text));
  if (kind === 'code') return check(validate.code, JSON.parse(text));
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.every((line, index) => {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return true; // a syntax error is not the schema's to report
    }
    // A line holding "uncoded" is a passage left uncoded, never a segment.
    const isUncoded = typeof record === 'object' && record !== null && 'uncoded' in record;
    return check(index === 0 ? validate.header : isUncoded ? validate.uncoded : validate.segment, record);
  });
}

function malformedFile(name: string): { kind: KindOfPath; text: string } {
  const [path] = listFiles(join(FIXTURES, 'malformed', name)).filter((p) => p !== 'expected-error.txt');
  return { kind: kindOfPath(path)!, text: readFileSync(join(FIXTURES, 'malformed', name, path), 'utf8') };
}

describe('format: JSON Schemas', () => {
  it('are valid draft-07 schemas with distinct $ids', () => {
    const schemas = [projectSchema, codeSchema, codingHeaderSchema, codingSegmentSchema, codingUncodedSchema];
    for (const schema of schemas) assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
    assert.equal(new Set(schemas.map((s) => s.$id)).size, schemas.length);
  });

  it('use the same id and colour patterns as the code', () => {
    assert.equal(codeSchema.properties.id.pattern, CODE_ID_PATTERN.source);
    assert.equal(codeSchema.properties.parent.pattern, CODE_ID_PATTERN.source);
    assert.equal(codeSchema.properties.color.pattern, COLOR_PATTERN.source);
    assert.equal(codingSegmentSchema.properties.id.pattern, SEGMENT_ID_PATTERN.source);
    assert.equal(codingSegmentSchema.properties.codes.items.pattern, CODE_ID_PATTERN.source);
    assert.equal(codingHeaderSchema.properties.coder.properties.id.pattern, CODER_ID_PATTERN.source);
    assert.equal(codingUncodedSchema.properties.id.pattern, SEGMENT_ID_PATTERN.source);
    assert.equal(codingUncodedSchema.properties.uncoded.items.pattern, CODE_ID_PATTERN.source);
  });

  it('accept a passage left uncoded exactly where Grounded does, but for what needs arithmetic', () => {
    const passage = { id: 's-9d4k7n2r5t8w', uncoded: ['c-2b7d4h6j8k0m'], start: 574, end: 634, exact: 'some weeks the vegetables are what gets us through to payday', prefix: 'c, how to save seeds. Honestly, ', suffix: '.\n\n**Amara:** But the plot waiti' };
    const records: [string, Record<string, unknown>][] = [
      ['as written', passage],
      ['with a field of another tool', { ...passage, note: 'kept' }],
      ['with codes as well', { ...passage, codes: ['c-2b7d4h6j8k0m'] }],
      ['with no code decided against', { ...passage, uncoded: [] }],
      ['with a malformed code id', { ...passage, uncoded: ['C-2B7D4H6J8K0M'] }],
      ['with a malformed id', { ...passage, id: 's-1' }],
      ['with no quote', { ...passage, exact: '' }],
      ['with a negative start', { ...passage, start: -1 }],
      ['with a fractional end', { ...passage, end: 634.5 }],
      ['without a prefix', { ...passage, prefix: undefined }],
      ['with a suffix that is not text', { ...passage, suffix: 7 }],
    ];
    for (const [name, record] of records) {
      const parsed = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
      assert.equal(validate.uncoded(parsed), checkUncodedRecord('c.jsonl', 2, parsed).length === 0, name);
    }
    assert.deepEqual(records.filter(([, r]) => validate.uncoded(JSON.parse(JSON.stringify(r)))).map(([name]) => name), ['as written', 'with a field of another tool']);
    // The one difference: an end before the start is Grounded's to find.
    const backwards = { ...passage, start: 634, end: 574 };
    assert.equal(validate.uncoded(backwards), true);
    assert.match(checkUncodedRecord('c.jsonl', 2, backwards)[0]?.message ?? '', /"end" \(574\) is before "start" \(634\)/);
  });

  const validDir = join(FIXTURES, 'valid');
  for (const path of listFiles(validDir).filter((p) => kindOfPath(p) !== undefined)) {
    it(`accept the valid fixture ${path}`, () => {
      assert.equal(schemasAccept(kindOfPath(path)!, readFileSync(join(validDir, path), 'utf8')), true);
    });
  }

  for (const name of listDirectories(join(FIXTURES, 'malformed'))) {
    if (NOT_JSON.has(name)) continue;
    const expectation = BEYOND_SCHEMA.has(name) ? 'leave to Grounded' : 'reject';
    it(`${expectation}: ${name}`, () => {
      const { kind, text } = malformedFile(name);
      assert.equal(schemasAccept(kind, text), BEYOND_SCHEMA.has(name));
    });
  }
});
