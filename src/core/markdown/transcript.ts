import { readBlocks } from './blocks';
import { detectUnclosedFrontMatter, readFrontMatter } from './front-matter';
import { findTurns } from './turns';
import type { FrontMatter, Transcript } from './types';

/**
 * Reads a Markdown transcript's structure: front matter, speaker turns, paragraphs and headings.
 * `text` must already have LF line endings and no byte-order mark, so that offsets agree with the
 * positions stored in coding files. Never throws on odd input: every string is some transcript.
 */
export function parseTranscript(text: string): Transcript {
  const blocks = readBlocks(text);
  let frontMatter: FrontMatter | undefined;
  for (const block of blocks) {
    if (block.kind === 'front-matter') frontMatter = readFrontMatter(text, block.range, block.yaml);
  }
  return {
    frontMatter: frontMatter ?? detectUnclosedFrontMatter(text),
    turns: findTurns(text, blocks),
    paragraphs: blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.range] : [])),
    headings: blocks.flatMap((b) => (b.kind === 'heading' ? [{ depth: b.depth, text: b.text, range: b.range }] : [])),
  };
}
