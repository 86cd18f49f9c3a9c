/**
 * `.grounded/speakers.json`: the speaker mapping a project used for earlier imports, proposed for
 * the next one, so a Zoom display name is given the same pseudonym every time.
 */
import type { FileSystem } from '../../core/ports';
import type { ProjectStore } from '../../core/storage/project-store';
import { readSpeakerMapping, speakerMappingProblems, type SpeakerMapping } from '../../core/interchange/transcripts';

export const SPEAKERS_FILE = '.grounded/speakers.json';
const FORMAT = 'grounded-speakers';
const VERSION = 1;

/** Pretty JSON with the labels sorted (by code unit, so every machine writes the same bytes). */
export function serializeSpeakersFile(mapping: SpeakerMapping): string {
  const speakers: SpeakerMapping = {};
  for (const label of Object.keys(mapping).sort()) speakers[label] = { name: mapping[label].name, role: mapping[label].role };
  return `${JSON.stringify({ format: FORMAT, version: VERSION, speakers }, null, 2)}\n`;
}

export function parseSpeakersFile(text: string): { mapping: SpeakerMapping } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'not a JSON object' };
  const file = value as Record<string, unknown>;
  if (file.format !== FORMAT) return { error: `"format" must be "${FORMAT}"` };
  if (file.version !== VERSION) {
    const newer = typeof file.version === 'number' && file.version > VERSION;
    return { error: newer ? `written by a newer version of Grounded (version ${file.version})` : `"version" must be ${VERSION}` };
  }
  return readSpeakerMapping(file.speakers ?? {});
}

/** The remembered mapping; an unreadable file is reported rather than silently replaced. */
export async function readRememberedSpeakers(fs: FileSystem): Promise<{ mapping: SpeakerMapping } | { error: string }> {
  const text = await fs.readFile(SPEAKERS_FILE);
  if (text === undefined) return { mapping: {} };
  const parsed = parseSpeakersFile(text);
  return 'error' in parsed ? { error: `${SPEAKERS_FILE} cannot be read: ${parsed.error}` } : parsed;
}

/**
 * Adds `used` to the remembered mapping (a label mapped again takes its new name). Entries whose
 * name cannot label a turn are never stored. The write goes through the store, so a file changed
 * on disk between reading and writing (a `git pull`) is kept, not overwritten. Returns a problem to
 * show when the file was not written.
 */
export async function rememberSpeakers(fs: FileSystem, store: ProjectStore, used: SpeakerMapping): Promise<string | undefined> {
  const labels = Object.keys(used).filter((label) => speakerMappingProblems({ [label]: used[label] }).length === 0);
  if (labels.length === 0) return undefined;
  const before = await fs.readFile(SPEAKERS_FILE);
  const remembered = before === undefined ? { mapping: {} } : parseSpeakersFile(before);
  if ('error' in remembered) return `${SPEAKERS_FILE} cannot be read: ${remembered.error}; it was left as it is.`;
  const merged: SpeakerMapping = { ...remembered.mapping };
  for (const label of labels) merged[label] = used[label];
  const text = serializeSpeakersFile(merged);
  if (text === before) return undefined;
  const outcome = await store.writeProjectFile(SPEAKERS_FILE, text, before);
  return outcome === 'kept-on-disk' ? `${SPEAKERS_FILE} changed on disk while they were being saved; the version on disk was kept.` : undefined;
}
