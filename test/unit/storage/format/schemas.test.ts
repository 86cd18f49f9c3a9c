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
    return check(index === 0 ? validate.header : validate.segment, record);
  });
}

function malformedFile(name: string): { kind: KindOfPath; text: string } {
  const [path] = listFiles(join(FIXTURES, 'malformed', name)).filter((p) => p !== 'expected-error.txt');
  return { kind: kindOfPath(path)!, text: readFileSync(join(FIXTURES, 'malformed', name, path), 'utf8') };
}

describe('format: JSON Schemas', () => {
  it('are valid draft-07 schemas with distinct $ids', () => {
    const schemas = [projectSchema, codeSchema, codingHeaderSchema, codingSegmentSchema];
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
