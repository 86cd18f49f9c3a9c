/**
 * A generated study on disk: transcripts with front matter and two coders' segments on answers,
 * written in the project's own format, for benchmarks of reading whole projects.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeQuote } from '../../src/core/anchoring';
import { CODE_PALETTE } from '../../src/core/codebook';
import type { Code, Segment } from '../../src/core/model';
import { PROJECT_FILE, codeFilePath, codingFilePath, serializeCodeFile, serializeCodingFile, serializeProjectFile } from '../../src/core/storage/format';
import type { Random } from './random';
import { generateTranscript } from './transcript';

export const CODERS = [
  { id: 'dana-reyes', name: 'Dana Reyes' },
  { id: 'sam-okafor', name: 'Sam Okafor' },
];

/** Writes the project under `root`; returns the transcript paths. */
export function writeProject(root: string, random: Random, transcripts: number, segmentsPerTranscript: number, words: number): string[] {
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write(PROJECT_FILE, serializeProjectFile({ name: 'Generated study', transcripts: ['interviews/**/*.md'], memos: 'memos' }));
  const codes: Code[] = Array.from({ length: 40 }, (_, i) => ({
    id: `c-${String(i).padStart(12, '0')}`,
    name: `Code ${i}`,
    parent: i < 8 ? null : `c-${String(i % 8).padStart(12, '0')}`,
    color: CODE_PALETTE[i % CODE_PALETTE.length],
    description: '',
  }));
  for (const code of codes) write(codeFilePath(code.id), serializeCodeFile(code));
  const paths: string[] = [];
  for (let t = 0; t < transcripts; t++) {
    const speaker = `P${String(t + 1).padStart(4, '0')}`;
    const body = generateTranscript(random, words, speaker);
    const frontMatter = `---\nparticipant: ${speaker}\nage: ${random.int(19, 70)}\ngender: ${random.pick(['woman', 'man', 'non-binary'])}\nsector: ${random.pick(['domestic work', 'construction', 'agriculture'])}\n---\n`;
    const text = frontMatter + body.text;
    const path = `interviews/${speaker.toLowerCase()}.md`;
    write(path, text);
    paths.push(path);
    CODERS.forEach((coder, c) => {
      const segments: Segment[] = [];
      for (let s = 0; s < segmentsPerTranscript / CODERS.length; s++) {
        const answer = body.answers[(s * 2 + c) % body.answers.length];
        const start = frontMatter.length + answer.start + random.int(0, Math.min(20, answer.end - answer.start - 10));
        const end = Math.min(frontMatter.length + answer.end, start + random.int(20, 200));
        const range = { start, end };
        segments.push({ id: `s-${String(t).padStart(4, '0')}${String(c)}${String(s).padStart(7, '0')}`, codes: [codes[random.int(0, codes.length - 1)].id], quote: makeQuote(text, range), position: range });
      }
      write(codingFilePath(path, coder.id), serializeCodingFile({ transcript: path, coder, segments }));
    });
  }
  return paths;
}
