/**
 * Checks records against the published JSON Schemas (schemas/*.schema.json) and words each
 * violation for a researcher. The schemas are the contract other tools can rely on; checks the
 * schema language cannot express live in the file readers.
 *
 * The validators are Ajv's, compiled ahead of time by the build (scripts/lib/schema-validators.mjs)
 * into plain code: compiling at run time would build functions with `new Function`, which a browser
 * host's Content Security Policy may refuse, and it was far slower than validating anyway.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { validators } from './generated/schema-validators';
import { CODE_ID_PATTERN, CODER_ID_PATTERN, COLOR_PATTERN, SEGMENT_ID_PATTERN } from './paths';
import { quoteValue } from './problems';
import { ROUND_ID_PATTERN } from '../../rounds/rounds';

export type SchemaName = 'project' | 'code' | 'coding-header' | 'coding-segment';

/** A schema violation: where it is (a JSON pointer into the record) and what is wrong. */
export interface SchemaIssue {
  pointer: string;
  message: string;
}

function validatorFor(name: SchemaName): ValidateFunction {
  const validate = validators[name];
  if (validate === undefined) throw new Error(`no precompiled validator for schemas/${name}.schema.json: run the build`);
  return validate;
}

export function checkSchema(name: SchemaName, record: unknown): SchemaIssue[] {
  const validate = validatorFor(name);
  if (validate(record)) return [];
  return (validate.errors ?? []).map(describeSchemaError);
}

const PATTERN_MEANINGS = new Map<string, string>([
  [CODE_ID_PATTERN.source, 'a code id ("c-" and 12 characters from 0-9 and a-z without i, l, o, u)'],
  [SEGMENT_ID_PATTERN.source, 'a segment id ("s-" and 12 characters from 0-9 and a-z without i, l, o, u)'],
  [CODER_ID_PATTERN.source, 'a coder id (lowercase letters and digits joined by single hyphens, like "dana-reyes")'],
  [COLOR_PATTERN.source, 'a colour written as # and six hexadecimal digits, like "#3a7bd5"'],
  [ROUND_ID_PATTERN.source, 'a round id (lowercase letters and digits joined by single hyphens, like "focused")'],
  ['^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'a relation type id (lowercase letters and digits joined by single hyphens, like "leads-to")'],
]);

const TYPE_NAMES: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'an object',
  boolean: 'true or false',
  null: 'null',
};

function describeSchemaError(error: ErrorObject): SchemaIssue {
  const pointer = error.instancePath;
  const label = fieldLabel(pointer);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { pointer, message: `${fieldLabel(`${pointer}/${String(params.missingProperty)}`)} is missing` };
    case 'type':
      return { pointer, message: `${label} must be ${typeNames(params.type)}, not ${quoteValue(error.data)}` };
    case 'minimum':
      return { pointer, message: `${label} must be ${String(params.limit)} or more, not ${quoteValue(error.data)}` };
    case 'minLength':
      return { pointer, message: `${label} is empty` };
    case 'minItems':
      return { pointer, message: `${label} is empty${pointer === '/codes' ? '; a segment needs at least one code' : ''}` };
    case 'pattern':
      return { pointer, message: `${label} (${quoteValue(error.data)}) is not ${patternMeaning(params.pattern)}` };
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      return { pointer, message: `${label} has a field this version of Grounded does not know: "${field}"` };
    }
    case 'const':
      return { pointer, message: `${label} must be ${JSON.stringify(params.allowedValue)}, not ${quoteValue(error.data)}` };
    default:
      return { pointer, message: `${label} ${error.message ?? 'is not valid'}` };
  }
}

function typeNames(type: unknown): string {
  const names = (Array.isArray(type) ? type : String(type).split(',')).map((t: unknown) => TYPE_NAMES[String(t)] ?? String(t));
  return names.join(' or ');
}

function patternMeaning(pattern: unknown): string {
  return PATTERN_MEANINGS.get(String(pattern)) ?? `in the form ${String(pattern)}`;
}

/** `/coder/id` → `"coder.id"`, `/codes/1` → `"codes" entry 2`, `` → `the record`. */
export function fieldLabel(pointer: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  let label = '';
  for (const part of parts) {
    if (/^[0-9]+$/.test(part) && label !== '') label += ` entry ${Number(part) + 1}`;
    else if (label.endsWith('"')) label = `${label.slice(0, -1)}.${part}"`;
    else label = label === '' ? `"${part}"` : `${label}, "${part}"`;
  }
  return label === '' ? 'the record' : label;
}
