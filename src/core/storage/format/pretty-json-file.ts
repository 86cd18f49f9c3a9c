/**
 * The reading steps shared by the pretty-printed files (project.json and code files): JSON syntax,
 * format and version, migration, schema — each problem placed on the line it concerns.
 */
import type { FileProblem } from '../../model';
import { lineOfMember, memberLines } from './json-scanner';
import { type JsonObject, normaliseText, parseJson } from './json-text';
import { type FileKind, MIGRATIONS, checkFormatAndVersion, migrateDocument } from './migrations';
import { conflictProblems } from './merge-conflict';
import { fileError, firstProblems, withSummary } from './problems';
import { type SchemaName, checkSchema } from './schema-validation';

export type PrettyRead =
  | { ok: true; record: JsonObject; lineOf: (pointer: string) => number }
  | { ok: false; problems: FileProblem[] };

export function readPrettyJsonFile(path: string, text: string, kind: FileKind, schema: SchemaName): PrettyRead {
  const normalised = normaliseText(text);
  const conflicts = conflictProblems(path, normalised, kind === 'code');
  if (conflicts !== undefined) return { ok: false, problems: conflicts };
  const parsed = parseJson(normalised);
  if (!parsed.ok) return { ok: false, problems: [fileError(path, parsed.line, parsed.message)] };
  const lineOf = (pointer: string): number => lineOfMember(memberLines(normalised, [pointer]), pointer);

  const version = checkFormatAndVersion(kind, parsed.value);
  if (!version.ok) return { ok: false, problems: [fileError(path, lineOf(version.pointer), version.message)] };

  const migrated = migrateDocument({ header: parsed.value as JsonObject, segments: [] }, version.version, MIGRATIONS[kind]);
  if (!migrated.ok) return { ok: false, problems: [fileError(path, 1, migrated.message)] };

  const record = migrated.document.header;
  const issues = checkSchema(schema, record);
  if (issues.length > 0) {
    const { kept, more } = firstProblems(issues);
    const lines = memberLines(normalised, kept.map((i) => i.pointer));
    const problems = kept.map((issue) => fileError(path, lineOfMember(lines, issue.pointer), issue.message));
    return { ok: false, problems: withSummary(path, problems, more) };
  }
  return { ok: true, record, lineOf };
}

