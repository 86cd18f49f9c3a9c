import type { Heading, Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import type { TextRange } from '../model';
import { readPlainBlocks } from './plain-blocks';
import type { Block } from './types';

/**
 * Inline constructs whose resolution is quadratic (or worse) on pathological input: a line of
 * `*_*_…` or `[[[…` took tens of seconds. Grounded needs only block structure — front matter,
 * paragraphs, headings, breaks — and block boundaries never depend on inline markup in CommonMark,
 * so the document is parsed with these switched off, which keeps the parse linear.
 */
const SLOW_INLINE_CONSTRUCTS = ['attention', 'labelStartLink', 'labelStartImage', 'labelEnd', 'autolink', 'htmlText', 'codeText'];

function withoutInlineMarkup(this: Processor): void {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), { disable: { null: SLOW_INLINE_CONSTRUCTS } }];
}

const blockProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(withoutInlineMarkup);
/** The full parser, inline markup included: a memo's title (`# On *trust*` shows "On trust"), a memo in a report. */
const inlineProcessor = unified().use(remarkParse);

/**
 * The document with its inline markup (emphasis, links, code…) read too. That reading can take
 * time that grows faster than the text on hostile input (see SLOW_INLINE_CONSTRUCTS): callers
 * bound what they give it.
 */
export function parseWithInlineMarkup(text: string): Root {
  return inlineProcessor.parse(text);
}

/** Heading text read with inline markup: bounded per heading and per document, so it stays cheap. */
const MAX_HEADING_INLINE = 300;
const MAX_INLINE_PER_DOCUMENT = 20_000;

/**
 * Block quotes and list items nest without limit in CommonMark, and the parser's cost grows with
 * the square of the depth: a line of 35,000 `- ` took seconds. No transcript nests that deep, so
 * container markers past this depth are read as text (replaced one for one, so offsets hold).
 */
const MAX_CONTAINER_DEPTH = 32;
const CONTAINER_MARKER = /[ \t]{0,3}(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/y;
const NEUTRAL = '\u00b7';

function flattenDeepContainers(text: string): string {
  let out: string[] | undefined;
  let copied = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    const lineEnd = text.indexOf('\n', lineStart) === -1 ? text.length : text.indexOf('\n', lineStart);
    let depth = 0;
    CONTAINER_MARKER.lastIndex = lineStart;
    for (let m = CONTAINER_MARKER.exec(text); m !== null && m[0] !== '' && CONTAINER_MARKER.lastIndex <= lineEnd; m = CONTAINER_MARKER.exec(text)) {
      if (++depth <= MAX_CONTAINER_DEPTH) continue;
      out ??= [];
      out.push(text.slice(copied, m.index), m[0].replace(/[^ \t]/g, NEUTRAL));
      copied = CONTAINER_MARKER.lastIndex;
    }
    lineStart = lineEnd + 1;
  }
  return out === undefined ? text : out.join('') + text.slice(copied);
}

/** The leaf blocks: read line by line when the text is plain enough (see plain-blocks.ts), else parsed. */
export function readBlocks(text: string): Block[] {
  return readPlainBlocks(text) ?? parseBlocks(text);
}

/** The leaf blocks as the CommonMark parser reads them. */
export function parseBlocks(text: string): Block[] {
  const root: Root = blockProcessor.parse(flattenDeepContainers(text));
  const blocks: Block[] = [];
  const budget = { left: MAX_INLINE_PER_DOCUMENT };
  for (const child of root.children) collect(text, child, blocks, budget);
  return blocks;
}

function collect(text: string, node: Nodes, blocks: Block[], budget: { left: number }): void {
  const range = rangeOf(node);
  if (range === undefined) return;
  switch (node.type) {
    case 'yaml':
      blocks.push({ kind: 'front-matter', range, yaml: node.value });
      return;
    case 'paragraph':
      blocks.push({ kind: 'paragraph', range });
      return;
    case 'heading':
      blocks.push({ kind: 'heading', range, depth: node.depth, text: headingText(text, node, budget) });
      return;
    case 'thematicBreak':
      blocks.push({ kind: 'break', range });
      return;
    case 'blockquote':
    case 'list':
    case 'listItem':
    case 'footnoteDefinition':
      for (const child of node.children) collect(text, child, blocks, budget);
      return;
    default:
      blocks.push({ kind: 'other', range });
  }
}

function rangeOf(node: Nodes): TextRange | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/**
 * The characters the constructs switched off in the block parse start or end with (emphasis, code,
 * links, images, autolinks, inline HTML). Escapes and character references are read in both parses.
 */
const INLINE_MARKUP = /[*_`[\]<]/;

/** A heading's words without markup; its raw text when the inline budget is spent. */
function headingText(text: string, heading: Heading, budget: { left: number }): string {
  const first = heading.children[0]?.position?.start.offset;
  const last = heading.children[heading.children.length - 1]?.position?.end.offset;
  const raw = plainText(heading).trim();
  if (first === undefined || last === undefined) return raw;
  const source = text.slice(first, last).replace(/\n/g, ' ');
  // One line without a character that can open or close inline markup reads the same either way:
  // no need to parse it again (the inline parser costs a memo list a millisecond per memo).
  if (!INLINE_MARKUP.test(source) && !text.slice(first, last).includes('\n')) return raw;
  if (source.length > MAX_HEADING_INLINE || source.length > budget.left) return raw;
  budget.left -= source.length;
  const reparsed = inlineProcessor.parse(`# ${source}`).children[0];
  return reparsed?.type === 'heading' ? plainText(reparsed).trim() : raw;
}

/** The text a reader sees, without markup: enough for headings, which hold only phrasing. */
function plainText(node: Nodes): string {
  if (node.type === 'html') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  if ('children' in node) return node.children.map((child: Nodes) => plainText(child)).join('');
  return '';
}
