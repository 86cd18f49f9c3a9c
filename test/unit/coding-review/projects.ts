/** Small in-memory projects, before and after, built by hand for the coding diff's tests. */
import { makeQuote } from '../../../src/core/anchoring';
import type { Code, Segment } from '../../../src/core/model';
import { loadSnapshot, type ProjectSnapshot } from '../../../src/core/project-index';
import { PROJECT_FILE, codeFilePath, codingFilePath, serializeCodeFile, serializeCodingFile, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';

export const P01 =
  '---\nparticipant: Amara\nage: 34\n---\n**Interviewer:** How did you find help?\n\n**Amara:** A friend from church took me to the centre. I did not trust anyone then.\n\n**Interviewer:** And now?\n\n**Amara:** Now I run the group on Thursdays, and we cook together.\n';
export const P02 = '**Interviewer:** And work?\n\n**Tomasz:** We slept on site. Nobody paid us.\n';
export const DANA = { id: 'dana-reyes', name: 'Dana Reyes' };
export const SAM = { id: 'sam-okafor', name: 'Sam Okafor' };
export const TRUST = 'c-000000000001';
export const WORK = 'c-000000000002';
export const HELP = 'c-000000000003';
export const FRIENDS = 'c-000000000004';

export function code(id: string, name: string, extra: Partial<Code> = {}): Code {
  return { id, name, parent: null, color: '#1f77b4', description: '', ...extra };
}

/** A segment over the first occurrence of `phrase` in `text`. */
export function seg(text: string, id: string, phrase: string, codes: string[] = [TRUST], extra: Partial<Segment> = {}): Segment {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`not in the text: ${phrase}`);
  const range = { start, end: start + phrase.length };
  return { id, codes, quote: makeQuote(text, range), position: range, ...extra };
}

export interface ProjectSpec {
  codes: Code[];
  texts: Record<string, string>;
  /** transcript → coder id → segments */
  coding: Record<string, Record<string, Segment[]>>;
  memos?: Record<string, string>;
}

export function files(spec: ProjectSpec): MemoryFileSystem {
  const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'Study', transcripts: ['interviews/**/*.md'], memos: 'memos' }) });
  for (const c of spec.codes) fs.files.set(codeFilePath(c.id), serializeCodeFile(c));
  for (const [path, text] of Object.entries(spec.texts)) fs.files.set(path, text);
  for (const [transcript, coders] of Object.entries(spec.coding)) {
    for (const [coderId, segments] of Object.entries(coders)) {
      if (segments.length === 0) continue;
      const coder = coderId === DANA.id ? DANA : coderId === SAM.id ? SAM : { id: coderId, name: coderId };
      const sorted = [...segments].sort((a, b) => (a.id < b.id ? -1 : 1));
      fs.files.set(codingFilePath(transcript, coderId), serializeCodingFile({ transcript, coder, segments: sorted }));
    }
  }
  for (const [path, text] of Object.entries(spec.memos ?? {})) fs.files.set(path, text);
  return fs;
}

export function snapshot(spec: ProjectSpec): Promise<ProjectSnapshot> {
  return loadSnapshot(files(spec));
}

/** The base project: two transcripts, two coders, codes trust and work. */
export function baseSpec(): ProjectSpec {
  return {
    codes: [code(TRUST, 'Trust'), code(WORK, 'Work', { color: '#ff7f0e' })],
    texts: { 'interviews/p01.md': P01, 'interviews/p02.md': P02 },
    coding: {
      'interviews/p01.md': {
        [DANA.id]: [seg(P01, 's-00000000000a', 'A friend from church'), seg(P01, 's-00000000000b', 'I did not trust anyone then'), seg(P01, 's-00000000000c', 'I run the group', [WORK])],
        [SAM.id]: [seg(P01, 's-00000000000d', 'did not trust anyone')],
      },
      'interviews/p02.md': { [SAM.id]: [seg(P02, 's-00000000000e', 'Nobody paid us', [WORK])] },
    },
  };
}

/** `ours` and `theirs` as `git merge` leaves a file both changed: the differing lines between markers. */
export function conflicted(ours: string, theirs: string, theirsLabel: string): string {
  const [a, b] = [ours.split('\n'), theirs.split('\n')];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  if (start === a.length && start === b.length) throw new Error('the two versions are the same');
  return [...a.slice(0, start), '<<<<<<< HEAD', ...a.slice(start, a.length - end), '=======', ...b.slice(start, b.length - end), `>>>>>>> ${theirsLabel}`, ...a.slice(a.length - end)].join('\n');
}
