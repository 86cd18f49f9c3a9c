/**
 * The reading steps shared by the pretty-printed files (project.json and code files): JSON syntax,
 * format and version, migration, schema — each problem placed on the line it concerns.
 */
import type { FileProblem } from '../../model';
import { memberLines } from './json-scanner';
import { type JsonObject, normaliseText, parseJson } from './json-text';
import { type FileKind, MIGRATIONS, checkFormatAndVersion, migrateDocument } from './migrations';
import { fileError } from './problems';
import { type SchemaName, checkSchema } from './schema-validation';

export type PrettyRead =
  | { ok: true; record: JsonObject; lineOf: (pointer: string) => number }
  | { ok: false; problems: FileProblem[] };

export function readPrettyJsonFile(path: string, text: string, kind: FileKind, schema: SchemaName): PrettyRead {
  const normalised = normaliseText(text);
  const parsed = parseJson(normalised);
  if (!parsed.ok) return { ok: false, problems: [fileError(path, parsed.line, parsed.message)] };
  const lineOf = lineFinder(normalised);

  const version = checkFormatAndVersion(kind, parsed.value);
  if (!version.ok) return { ok: false, problems: [fileError(path, lineOf(version.pointer), version.message)] };

  const migrated = migrateDocument({ header: parsed.value as JsonObject, segments: [] }, version.version, MIGRATIONS[kind]);
  if (!migrated.ok) return { ok: false, problems: [fileError(path, 1, migrated.message)] };

  const record = migrated.document.header;
  const issues = checkSchema(schema, record);
  if (issues.length > 0) {
    return { ok: false, problems: issues.map((issue) => fileError(path, lineOf(issue.pointer), issue.message)) };
  }
  return { ok: true, record, lineOf };
}

/**
 * Line of a member, or of the nearest enclosing member that exists in the text (a missing field is
 * reported where its object starts). Scanned once, on first need: files without problems never pay.
 */
function lineFinder(text: string): (pointer: string) => number {
  let lines: Map<string, number> | undefined;
  return (pointer) => {
    lines ??= memberLines(text);
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const line = lines.get(p);
      if (line !== undefined) return line;
      if (p === '') return 1;
    }
  };
}
