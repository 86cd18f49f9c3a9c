/**
 * Format versions and the upgrades between them. Every file read goes through `migrateDocument`,
 * so a future version 2 only adds a step here: readers and the rest of the core keep seeing the
 * current shape. Only version 1 exists today, so there are no steps yet.
 *
 * Policy: a file of a newer version than this build knows is refused (never rewritten); an older
 * one is upgraded in memory and written back in the current version only when its content changes.
 */
import { type JsonObject, isJsonObject } from './json-text';
import { quoteValue } from './problems';

export const CURRENT_VERSION = 1;

export type FileKind = 'project' | 'code' | 'coding';

export const FORMAT_NAMES: Record<FileKind, string> = {
  project: 'grounded-project',
  code: 'grounded-code',
  coding: 'grounded-coding',
};

/** A file's records as read: its first (or only) record, and a coding file's segment records. */
export interface RawDocument {
  header: JsonObject;
  segments: JsonObject[];
}

/** Upgrades one version's records to the next version's shape. Pure: returns new objects. */
export interface Migration {
  /** The version this step reads; it produces version `from + 1`. */
  from: number;
  /** The project or code record, or a coding file's header. */
  upgradeHeader(record: JsonObject): JsonObject;
  /** Each segment record of a coding file; identity when absent. */
  upgradeSegment?(record: JsonObject): JsonObject;
}

export const MIGRATIONS: Record<FileKind, readonly Migration[]> = {
  project: [],
  code: [],
  coding: [],
};

export type VersionCheck = { ok: true; version: number } | { ok: false; pointer: string; message: string };

/** Reads `format` and `version` from a file's first record, refusing what this build cannot read. */
export function checkFormatAndVersion(kind: FileKind, header: unknown, supported = CURRENT_VERSION): VersionCheck {
  const expected = FORMAT_NAMES[kind];
  if (!isJsonObject(header)) {
    return { ok: false, pointer: '', message: `expected a JSON object starting with "format": "${expected}"` };
  }
  const { format, version } = header;
  if (format === undefined) return { ok: false, pointer: '', message: `"format" is missing (expected "${expected}")` };
  if (format !== expected) {
    const shown = typeof format === 'string' ? JSON.stringify(format) : quoteValue(format);
    return { ok: false, pointer: '/format', message: `unknown "format" value ${shown} (expected "${expected}")` };
  }
  if (version === undefined) return { ok: false, pointer: '', message: '"version" is missing' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const message = `"version" must be a whole number of 1 or more, not ${quoteValue(version)}`;
    return { ok: false, pointer: '/version', message };
  }
  if (version > supported) {
    const message =
      `unsupported format version ${version} ` +
      `(this version of Grounded reads version ${supported}; update Grounded)`;
    return { ok: false, pointer: '/version', message };
  }
  return { ok: true, version };
}

/** Applies the steps from `version` up to `target`; the result's header carries `target` as its version. */
export function migrateDocument(
  document: RawDocument,
  version: number,
  steps: readonly Migration[],
  target = CURRENT_VERSION,
): { ok: true; document: RawDocument } | { ok: false; message: string } {
  let current = document;
  for (let v = version; v < target; v++) {
    const step = steps.find((s) => s.from === v);
    if (step === undefined) {
      return { ok: false, message: `format version ${v} can no longer be read by this version of Grounded` };
    }
    const upgradeSegment = step.upgradeSegment ?? ((record: JsonObject) => record);
    current = {
      header: { ...step.upgradeHeader(current.header), version: v + 1 },
      segments: current.segments.map(upgradeSegment),
    };
  }
  return { ok: true, document: current };
}
