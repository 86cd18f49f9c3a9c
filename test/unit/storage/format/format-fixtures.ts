/** Shared by the format tests: where the fixtures are, and reading any Grounded file by its path. */
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Code, CodingFile, ProjectConfig } from '../../../../src/core/model';
import {
  CODES_DIR,
  CODING_DIR,
  PROJECT_FILE,
  type ParseResult,
  parseCodeFile,
  parseCodingFile,
  parseProjectFile,
  serializeCodeFile,
  serializeCodingFile,
  serializeProjectFile,
} from '../../../../src/core/storage/format';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/format/', import.meta.url));

/** `UPDATE=1 npx mocha …` rewrites expected files from the current output, for review in the diff. */
export const UPDATE = process.env.UPDATE === '1';

export type KindOfPath = 'project' | 'code' | 'coding';

/** Every file under `dir`, as sorted POSIX paths relative to it. */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  walk('');
  return found.sort();
}

export function listDirectories(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function kindOfPath(path: string): KindOfPath | undefined {
  if (path === PROJECT_FILE) return 'project';
  if (path.startsWith(`${CODES_DIR}/`) && path.endsWith('.json')) return 'code';
  if (path.startsWith(`${CODING_DIR}/`) && path.endsWith('.jsonl')) return 'coding';
  return undefined;
}

export type AnyParsed = ProjectConfig | Code | CodingFile;

export function parseByKind(kind: KindOfPath, path: string, text: string): ParseResult<AnyParsed> {
  if (kind === 'project') return parseProjectFile(path, text);
  if (kind === 'code') return parseCodeFile(path, text);
  return parseCodingFile(path, text);
}

export function serializeByKind(kind: KindOfPath, value: AnyParsed): string {
  if (kind === 'project') return serializeProjectFile(value as ProjectConfig);
  if (kind === 'code') return serializeCodeFile(value as Code);
  return serializeCodingFile(value as CodingFile);
}

export function writeFixture(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
