import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { TextRange } from '../model';

/** The leaf blocks of a Markdown document, flattened in reading order. */
export type Block =
  | { kind: 'front-matter'; range: TextRange; yaml: string }
  | { kind: 'paragraph'; range: TextRange }
  | { kind: 'heading'; range: TextRange; depth: number; text: string }
  /** A thematic break (`---`, `***`): like a heading, it closes the current turn. */
  | { kind: 'break'; range: TextRange }
  /** Code, HTML, tables…: part of whatever turn is open, never the start of one. */
  | { kind: 'other'; range: TextRange };

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export function readBlocks(text: string): Block[] {
  const root: Root = processor.parse(text);
  const blocks: Block[] = [];
  for (const child of root.children) collect(child, blocks);
  return blocks;
}

function collect(node: Nodes, blocks: Block[]): void {
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
      blocks.push({ kind: 'heading', range, depth: node.depth, text: plainText(node).trim() });
      return;
    case 'thematicBreak':
      blocks.push({ kind: 'break', range });
      return;
    case 'blockquote':
    case 'list':
    case 'listItem':
    case 'footnoteDefinition':
      for (const child of node.children) collect(child, blocks);
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

/** The text a reader sees, without markup: enough for headings, which hold only phrasing. */
function plainText(node: Nodes): string {
  if (node.type === 'html') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  if ('children' in node) return node.children.map((child: Nodes) => plainText(child)).join('');
  return '';
}
