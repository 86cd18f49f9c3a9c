import { readdirSync, readFileSync } from 'node:fs';
import {
  applySpeakerMapping,
  importTranscriptBytes,
  readSpeakerMapping,
  type ImportedTranscript,
  type SpeakerMapping,
} from '../../../../src/core/interchange/transcripts';

export const FIXTURES = new URL('../../../fixtures/transcripts/', import.meta.url);

/** One folder of test/fixtures/transcripts: `input.<ext>`, `expected.md`, maybe `options.json`. */
export interface FixtureCase {
  name: string;
  dir: URL;
  inputName: string;
  bytes: Uint8Array;
  timestamps: boolean;
  mapping: SpeakerMapping;
}

export function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => readCase(name));
}

function readCase(name: string): FixtureCase {
  const dir = new URL(`${name}/`, FIXTURES);
  const files = readdirSync(dir);
  const inputName = files.find((f) => f.startsWith('input.'));
  if (inputName === undefined) throw new Error(`${name}: no input.* file`);
  const options: { timestamps?: boolean; mapping?: unknown } = files.includes('options.json')
    ? JSON.parse(readFileSync(new URL('options.json', dir), 'utf8'))
    : {};
  const mapping = options.mapping === undefined ? { mapping: {} } : readSpeakerMapping(options.mapping);
  if ('error' in mapping) throw new Error(`${name}/options.json: ${mapping.error}`);
  return { name, dir, inputName, bytes: readFileSync(new URL(inputName, dir)), timestamps: options.timestamps === true, mapping: mapping.mapping };
}

/** The fixture's input imported and mapped, as the CLI would before writing it. */
export function importCase(c: FixtureCase): ImportedTranscript {
  return applySpeakerMapping(importTranscriptBytes(c.bytes, c.inputName), c.mapping);
}
