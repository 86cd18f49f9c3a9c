/**
 * What the REFI-QDA tests share: a small study built in memory through the project store (nested
 * codes, front matter, emoji, a CRLF transcript with a BOM, two coders, three kinds of memo), the
 * vendor-shaped fixtures zipped as their programs would, and schema validation with xmllint-wasm.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { makeQuote, normaliseText } from '../../../../src/core/anchoring';
import { sequentialIds } from '../../../../src/core/ids';
import type { Segment } from '../../../../src/core/model';
import type { FileSystem } from '../../../../src/core/ports';
import { PROJECT_FILE, codingFilePath, parseCodingFile, serializeCodingFile, serializeProjectFile } from '../../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../../src/core/storage/project-store';

export const FIXTURES = new URL('../../../fixtures/refi/', import.meta.url);

export const DANA = { id: 'dana-reyes', name: 'Dana Reyes' };
export const SAM = { id: 'sam-okafor', name: 'Sam Okafor' };

export const AMARA = [
  '---',
  'participant: Amara',
  'age: 34',
  'interviewed: 2024-03-12',
  'consent: true',
  'hours_per_week: 61.5',
  '---',
  '',
  '# Interview P01 😀',
  '',
  '**Interviewer:** How did you first hear about the centre?',
  '',
  '**Amara:** A woman from my church 🙏 told me. I did not believe her at first.',
  '',
  '**Amara:** Having my own phone 📱 and a key to my own door. That was freedom.',
  '',
].join('\n');

/** Stored with a BOM and CR LF, as a Windows editor would leave it. */
export const LI_ON_DISK = `\uFEFF${['---', 'participant: Li', 'age: 41', 'interviewed: 2024-03-19', 'consent: false', '---', '', '**Li:** The forms. Always the same questions, again and again.', '', '**Li:** My sister came with me the second time.', ''].join('\r\n')}`;

export const NOTES = 'Loose notes from the fieldwork, not an interview.\n\nNothing coded here yet.\n';

export const MEMOS = {
  peer: ['---', 'code: CODE', 'author: Dana Reyes', 'date: 2024-05-06', '---', '', '# Peers come first', '', 'Every first contact went through someone who had been through it.', ''].join('\n'),
  li: ['---', 'transcript: interviews/p02-li.md', 'author: Sam Okafor', '---', '', '# Li: forms as a barrier', '', 'Compare with Amara & the "phone" passage <here>.', ''].join('\n'),
  loose: 'Questions for the next round of interviews.\n',
};

export interface TestProject {
  fs: MemoryFileSystem;
  codes: { support: string; peer: string; practical: string; emotions: string; hope: string; barriers: string };
}

/** The study, built through ProjectStore so every file is exactly what Grounded writes. */
export async function buildTestProject(): Promise<TestProject> {
  const fs = new MemoryFileSystem({
    [PROJECT_FILE]: serializeProjectFile({ name: 'Pathways: a test study', transcripts: ['interviews/**/*.md'], memos: 'memos' }),
    'interviews/p01-amara.md': AMARA,
    'interviews/p02-li.md': LI_ON_DISK,
    'interviews/notes.md': NOTES,
  });
  const store = await ProjectStore.open(fs, { coder: DANA, ids: sequentialIds() });
  const support = store.addCode({ name: 'Support', description: 'Help the participant received.' });
  const codes = {
    support,
    peer: store.addCode({ name: 'Peer support', parent: support, color: '#59a14f', description: 'Help from people with the same experience.' }),
    practical: store.addCode({ name: 'Practical help', parent: support }),
    emotions: store.addCode({ name: 'Emotions' }),
    hope: '',
    barriers: store.addCode({ name: 'Barriers', description: 'What made it "harder" — forms & <queues>.' }),
  };
  codes.hope = store.addCode({ name: 'Hope', parent: codes.emotions, description: 'Looking forward.' });
  const at = (transcript: string, phrase: string, codeIds: string[]): Promise<Segment> => code(fs, store, transcript, phrase, codeIds);
  await at('interviews/p01-amara.md', 'A woman from my church 🙏 told me.', [codes.peer]);
  const phone = await at('interviews/p01-amara.md', 'Having my own phone 📱 and a key to my own door', [codes.practical, codes.hope]);
  await at('interviews/p02-li.md', 'The forms. Always the same questions, again and again.', [codes.barriers]);
  store.setCoder(SAM);
  await at('interviews/p01-amara.md', 'A woman from my church 🙏 told me.', [codes.peer, codes.support]);
  await at('interviews/p01-amara.md', 'That was freedom.', [codes.hope]);
  await at('interviews/p02-li.md', 'My sister came with me the second time.', [codes.peer]);
  await store.flush();
  addComment(fs, 'interviews/p01-amara.md', DANA.id, phone.id, 'Phone first, then the key.');
  fs.files.set('memos/peer-support.md', MEMOS.peer.replace('CODE', codes.peer));
  fs.files.set('memos/li.md', MEMOS.li);
  fs.files.set('memos/loose.md', MEMOS.loose);
  return { fs, codes };
}

async function code(fs: FileSystem, store: ProjectStore, transcript: string, phrase: string, codes: string[]): Promise<Segment> {
  const text = normaliseText((await fs.readFile(transcript))!);
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  const range = { start, end: start + phrase.length };
  return store.applyCodes(transcript, { range, quote: makeQuote(text, range) }, codes);
}

/** The store does not edit comments: add one by rewriting the coder's file with the format's serializer. */
function addComment(fs: MemoryFileSystem, transcript: string, coderId: string, segmentId: string, comment: string): void {
  const path = codingFilePath(transcript, coderId);
  const parsed = parseCodingFile(path, fs.files.get(path)!);
  assert.ok(parsed.ok);
  const segments = parsed.value.segments.map((s) => (s.id === segmentId ? { ...s, comment } : s));
  fs.files.set(path, serializeCodingFile({ ...parsed.value, segments }));
}

/** The archive's entries as text. */
export function unzipText(bytes: Uint8Array): Map<string, string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, decoder.decode(data)]));
}

/** A fixture folder zipped as a .qdpx, with a directory entry per folder as most zip tools write. */
export function zipFixture(name: string, replace: (path: string, bytes: Uint8Array) => Uint8Array = (_, b) => b): Uint8Array {
  const root = new URL(`${name}/`, FIXTURES);
  const files: Record<string, Uint8Array> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(new URL(folder, root))) {
      const path = `${folder}${entry}`;
      if (statSync(new URL(path, root)).isDirectory()) {
        files[`${path}/`] = new Uint8Array(0);
        walk(`${path}/`);
      } else files[path] = replace(path, new Uint8Array(readFileSync(new URL(path, root))));
    }
  };
  walk('');
  return zipSync(files);
}

/** Replace text in one fixture file while zipping it. */
export function zipFixtureWith(name: string, file: string, edit: (text: string) => string): Uint8Array {
  return zipFixture(name, (path, bytes) => (path === file ? new TextEncoder().encode(edit(new TextDecoder().decode(bytes))) : bytes));
}

export function zipEntries(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, typeof value === 'string' ? new TextEncoder().encode(value) : value])));
}

/** Schema errors of an XML document against one of the shipped REFI-QDA schemas (empty when valid). */
export async function schemaErrors(xml: string, schema: 'Project.xsd' | 'Codebook.xsd'): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: schema === 'Project.xsd' ? 'project.qde' : 'codebook.qdc', contents: xml }],
    schema: [readFileSync(new URL(`schemas/${schema}`, FIXTURES), 'utf8')],
  });
  return result.errors.map((e) => e.rawMessage);
}

/** The imported files as a MemoryFileSystem, opened as a project. */
export async function openImported(files: readonly { path: string; content: string }[]): Promise<{ fs: MemoryFileSystem; store: ProjectStore }> {
  const fs = new MemoryFileSystem(Object.fromEntries(files.map((f) => [f.path, f.content])));
  const store = await ProjectStore.open(fs, { coder: { id: 'reader', name: 'Reader' } });
  await store.loadAllCoding();
  return { fs, store };
}
