// What the end-to-end tests read back from the workspace on disk: codes and coded segments.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredSegment {
  id: string;
  codes: string[];
  exact: string;
}

export interface StoredCode {
  id: string;
  name: string;
}

export function readCodes(workspace: string): StoredCode[] {
  const dir = join(workspace, '.grounded', 'codes');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as StoredCode);
}

/** The segments of one coding file (JSON Lines after its header line); none if it is absent. */
export function readSegments(file: string): StoredSegment[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as StoredSegment);
}

/** The segments of every coder's file in a transcript's coding folder. */
export function readAllSegments(codingDir: string): StoredSegment[] {
  if (!existsSync(codingDir)) return [];
  return readdirSync(codingDir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readSegments(join(codingDir, f)));
}
