/**
 * The block structure of a plain transcript, read line by line without a Markdown parser. Most
 * transcripts are front matter, headings and paragraphs separated by blank lines; the CommonMark
 * parser takes about 4 ms and a few megabytes of tokens for each of them, which made a tidy CSV of
 * 1,000 transcripts (every segment's speaker needs the turns) take 9 s. Anything this reader is not
 * sure to read exactly as CommonMark does — indentation, lists, block quotes, code, HTML, setext
 * headings, link definitions, escapes in headings — makes it give up (`undefined`), and the parser
 * reads the document instead. test/unit/markdown/plain-blocks.test.ts checks that both readings
 * agree wherever this one answers.
 */
import type { TextRange } from '../model';
import type { Block } from './types';

/** A line that could open a construct other than a paragraph, a heading or a thematic break. */
const OTHER_CONSTRUCT = /^(?:[ \t]|>|<|```|~~~|[*+-](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$)/;
const ATX_HEADING = /^(#{1,6})(?:[ \t]+|$)/;
/** What a heading's text may not hold here: inline markup, escapes, character references, a closing sequence. */
const HEADING_MARKUP = /[*_`[\]<\\&#\0]/;
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LINK_DEFINITION = /^\[(?:[^\]\\]|\\.)*\]:/;
const BLANK = /^[ \t]*$/;
const TRAILING_SPACE = /[ \t]$/;

/** The blocks of `text` (LF line endings), or undefined when the text needs the full parser. */
export function readPlainBlocks(text: string): Block[] | undefined {
  // A carriage return ends a line for the parser, not here.
  if (text.includes('\r')) return undefined;
  const blocks: Block[] = [];
  let at = 0;
  if (text.startsWith('---')) {
    const frontMatter = readFrontMatter(text);
    if (frontMatter === undefined) return undefined;
    blocks.push(frontMatter);
    at = frontMatter.range.end;
  }
  let paragraph: TextRange | undefined;
  const closeParagraph = (): void => {
    if (paragraph) blocks.push({ kind: 'paragraph', range: paragraph });
    paragraph = undefined;
  };
  while (at <= text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(at, end);
    const heading = ATX_HEADING.exec(line);
    if (BLANK.test(line)) closeParagraph();
    else if (THEMATIC_BREAK.test(line)) {
      // Under a paragraph, dashes underline a setext heading.
      if (paragraph || TRAILING_SPACE.test(line)) return undefined;
      blocks.push({ kind: 'break', range: { start: at, end } });
    } else if (OTHER_CONSTRUCT.test(line)) return undefined;
    else if (heading) {
      const words = line.slice(heading[0].length);
      if (HEADING_MARKUP.test(words) || TRAILING_SPACE.test(line)) return undefined;
      closeParagraph();
      blocks.push({ kind: 'heading', range: { start: at, end }, depth: heading[1].length, text: words.trim() });
    } else if (paragraph) paragraph.end = end;
    else if (LINK_DEFINITION.test(line)) return undefined;
    // A paragraph's range holds its last line whole, trailing spaces too, as the parser's does.
    else paragraph = { start: at, end };
    if (newline === -1) break;
    at = newline + 1;
  }
  closeParagraph();
  return blocks;
}

/** `---`, the YAML, `---`: the block and where the line after it starts; undefined when unclosed or unusual. */
function readFrontMatter(text: string): Block | undefined {
  if (!text.startsWith('---\n')) return undefined;
  const inner = 4;
  const close = text.startsWith('---', inner) ? inner : text.indexOf('\n---', inner) + 1;
  if (close === 0) return undefined;
  const fenceEnd = close + 3;
  if (fenceEnd < text.length && text[fenceEnd] !== '\n') return undefined;
  return { kind: 'front-matter', range: { start: 0, end: fenceEnd }, yaml: text.slice(inner, Math.max(inner, close - 1)) };
}
