/** A small in-memory project whose expectations can be checked by hand. */
import { makeQuote } from '../../../src/core/anchoring';
import type { Segment } from '../../../src/core/model';
import { PROJECT_FILE, codeFilePath, codingFilePath, serializeCodeFile, serializeCodingFile, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';

export const P01 = '---\nparticipant: Amara\nage: 34\n---\n**Interviewer:** How did you find help?\n\n**Amara:** A friend from church took me to the centre. I did not trust anyone then.\n';
export const P02 = '**Interviewer:** And work?\n\n**Tomasz:** We slept on site. 🏗️ Nobody paid us.\n';
export const dana = { id: 'dana-reyes', name: 'Dana Reyes' };
export const sam = { id: 'sam-okafor', name: 'Sam Okafor' };
export const TRUST = 'c-000000000001';
export const WORK = 'c-000000000002';

export function segmentOn(text: string, id: string, phrase: string, codes = [TRUST]): Segment {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(phrase);
  const range = { start, end: start + phrase.length };
  return { id, codes, quote: makeQuote(text, range), position: range };
}

/**
 * p01 (CRLF and BOM on disk) coded by Dana (one exact segment, one whose text is gone) and Sam;
 * p02 without front matter, coded by Sam; coding left behind for a deleted p03; a malformed coding
 * file; a memo about the trust code; a notes file the globs do not select.
 */
export function smallProject(): MemoryFileSystem {
  const gone = { ...segmentOn(P01, 's-000000000003', 'A friend from church'), quote: { exact: 'words nobody said', prefix: 'x', suffix: 'y' }, position: { start: 0, end: 17 } };
  return new MemoryFileSystem({
    [PROJECT_FILE]: serializeProjectFile({ name: 'Small study', transcripts: ['interviews/**/*.md'], memos: 'memos' }),
    [codeFilePath(TRUST)]: serializeCodeFile({ id: TRUST, name: 'trust', parent: null, color: '#1f77b4', description: '' }),
    [codeFilePath(WORK)]: serializeCodeFile({ id: WORK, name: 'Work', parent: TRUST, color: '#ff7f0e', description: '' }),
    'interviews/p01.md': `\ufeff${P01.replace(/\n/g, '\r\n')}`,
    'interviews/p02.md': P02,
    'notes.md': '# Not a transcript\n',
    [codingFilePath('interviews/p01.md', dana.id)]: serializeCodingFile({
      transcript: 'interviews/p01.md',
      coder: dana,
      segments: [segmentOn(P01, 's-000000000001', 'A friend from church'), gone],
    }),
    [codingFilePath('interviews/p01.md', sam.id)]: serializeCodingFile({ transcript: 'interviews/p01.md', coder: sam, segments: [segmentOn(P01, 's-000000000002', 'I did not trust anyone then')] }),
    [codingFilePath('interviews/p02.md', sam.id)]: serializeCodingFile({ transcript: 'interviews/p02.md', coder: sam, segments: [segmentOn(P02, 's-000000000004', 'Nobody paid us', [WORK])] }),
    [codingFilePath('interviews/p03.md', dana.id)]: serializeCodingFile({ transcript: 'interviews/p03.md', coder: dana, segments: [segmentOn(P02, 's-000000000005', 'We slept on site')] }),
    [codingFilePath('interviews/p02.md', 'broken')]: '{"format":"grounded-coding"\n',
    'memos/trust.md': `---\ncode: ${TRUST}\ndate: 2024-05-01\n---\n# Trust comes late\n\nAmara trusted the church first.\n`,
  });
}
