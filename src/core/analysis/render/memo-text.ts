/**
 * A researcher's own Markdown (a memo's body) for a report: kept as written — paragraphs, emphasis,
 * lists, quotes, code, headings below the report's own — with nothing left that could act. A link
 * or image becomes its text, raw HTML and autolinks read as typed, link definitions are dropped.
 * Memos can come from a collaborator's pull request, so the text itself is untrusted: every value
 * is escaped for the format it goes into, and only the structure the parser found is written.
 *
 * The inline parser's cost grows faster than the text on hostile input (a paragraph of `_a*_a*…`):
 * memos or paragraphs too long to read that way are shown as plain paragraphs, escaped.
 */
import type { Nodes, Parents, Root } from 'mdast';
import { parseWithInlineMarkup } from '../../markdown';
import { escapeHtml } from '../../views/untrusted-text';
import { escapeMarkdown } from './table-text';

/** Longer memos, or memos with a longer paragraph, are shown as plain paragraphs. */
const MAX_MEMO_CHARS = 20_000;
const MAX_PARAGRAPH_CHARS = 4_000;
/** Containers (lists, quotes) deeper than this are written as their plain text. */
const MAX_DEPTH = 16;

/** `headingBase`: the report's level the memo sits under; the memo's `#` becomes one below it. */
export function memoAsMarkdown(text: string, headingBase: number): string {
  const tree = parsed(text);
  if (!tree) return plainParagraphs(text).map((p) => p.split('\n').map((line) => escapeMarkdown(readEscapes(line))).join('\n')).join('\n\n');
  return new MemoWriter(MARKDOWN, headingBase).blocks(tree.children, 0);
}

export function memoAsHtml(text: string, headingBase: number): string {
  const tree = parsed(text);
  if (!tree) return plainParagraphs(text).map((p) => `<p>${escapeHtml(readEscapes(p)).replace(/\n/g, '<br>')}</p>`).join('');
  return new MemoWriter(HTML, headingBase).blocks(tree.children, 0);
}

function parsed(text: string): Root | undefined {
  if (text.length > MAX_MEMO_CHARS || plainParagraphs(text).some((p) => p.length > MAX_PARAGRAPH_CHARS)) return undefined;
  return parseWithInlineMarkup(text.trim());
}

/** A backslash before ASCII punctuation, as Markdown reads it: the character alone (memos too long to parse are still read so). */
function readEscapes(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function plainParagraphs(text: string): string[] {
  return text
    .trim()
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The text a node shows, markup left out (an image shows its description). */
function plainText(node: Nodes): string {
  if ('value' in node) return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '';
}

/** How one output format writes each piece the writer keeps; every argument is already written. */
interface MemoFormat {
  text(value: string): string;
  emphasis(inner: string): string;
  strong(inner: string): string;
  code(value: string): string;
  lineBreak: string;
  paragraph(inner: string): string;
  /** A paragraph that is the whole of a tight list's item. */
  tightParagraph(inner: string): string;
  heading(level: number, inner: string): string;
  quote(inner: string): string;
  list(ordered: boolean, start: number, spread: boolean, items: string[]): string;
  codeBlock(value: string): string;
  rule: string;
  /** Blocks one after another. */
  join(blocks: string[]): string;
}

const MARKDOWN: MemoFormat = {
  text: escapeMarkdown,
  emphasis: (inner) => `*${inner}*`,
  strong: (inner) => `**${inner}**`,
  code: (value) => {
    const ticks = backticks(value, 1);
    const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${value}${pad}${ticks}`;
  },
  lineBreak: '\\\n',
  paragraph: (inner) => inner,
  tightParagraph: (inner) => inner,
  heading: (level, inner) => `${'#'.repeat(level)} ${inner}`,
  quote: (inner) => inner.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n'),
  list: (ordered, start, spread, items) =>
    items
      .map((item, i) => {
        const marker = ordered ? `${start + i}. ` : '- ';
        return marker + item.split('\n').map((line, j) => (j === 0 || line === '' ? line : ' '.repeat(marker.length) + line)).join('\n');
      })
      .join(spread ? '\n\n' : '\n'),
  codeBlock: (value) => `${backticks(value, 3)}\n${value}\n${backticks(value, 3)}`,
  rule: '---',
  join: (blocks) => blocks.filter((b) => b !== '').join('\n\n'),
};

const HTML: MemoFormat = {
  text: escapeHtml,
  emphasis: (inner) => `<em>${inner}</em>`,
  strong: (inner) => `<strong>${inner}</strong>`,
  code: (value) => `<code>${escapeHtml(value)}</code>`,
  lineBreak: '<br>',
  paragraph: (inner) => `<p>${inner}</p>`,
  tightParagraph: (inner) => inner,
  heading: (level, inner) => `<h${level}>${inner}</h${level}>`,
  quote: (inner) => `<blockquote>${inner}</blockquote>`,
  list: (ordered, start, _spread, items) => {
    const body = items.map((item) => `<li>${item}</li>`).join('');
    return ordered ? `<ol${start === 1 ? '' : ` start="${start}"`}>${body}</ol>` : `<ul>${body}</ul>`;
  },
  codeBlock: (value) => `<pre><code>${escapeHtml(value)}</code></pre>`,
  rule: '<hr>',
  join: (blocks) => blocks.join(''),
};

/** Walks the parsed memo and writes what it keeps through a format; everything else becomes text. */
class MemoWriter {
  constructor(
    private readonly format: MemoFormat,
    private readonly headingBase: number,
  ) {}

  blocks(nodes: readonly Nodes[], depth: number): string {
    return this.format.join(nodes.map((node) => this.block(node, depth)));
  }

  private block(node: Nodes, depth: number): string {
    const f = this.format;
    if (depth > MAX_DEPTH) return f.paragraph(f.text(plainText(node)));
    switch (node.type) {
      case 'paragraph':
        return f.paragraph(this.inline(node));
      case 'heading':
        return f.heading(Math.min(6, this.headingBase + node.depth), this.inline(node));
      case 'blockquote':
        return f.quote(this.blocks(node.children, depth + 1));
      case 'list': {
        // Loose, as CommonMark has it, when items are apart or an item holds blocks apart.
        const spread = node.spread === true || node.children.some((item) => item.spread === true);
        const items = node.children.map((item) =>
          f.join(item.children.map((child) => (child.type === 'paragraph' && !spread ? f.tightParagraph(this.inline(child)) : this.block(child, depth + 1)))),
        );
        return f.list(node.ordered === true, node.start ?? 1, spread, items);
      }
      case 'code':
        return f.codeBlock(node.value);
      case 'thematicBreak':
        return f.rule;
      case 'definition':
      case 'footnoteDefinition':
        return '';
      default:
        return f.paragraph(f.text(plainText(node)));
    }
  }

  private inline(parent: Parents): string {
    return (parent.children as Nodes[]).map((node) => this.span(node)).join('');
  }

  private span(node: Nodes): string {
    const f = this.format;
    switch (node.type) {
      case 'emphasis':
        return f.emphasis(this.inline(node));
      case 'strong':
        return f.strong(this.inline(node));
      case 'inlineCode':
        return f.code(node.value);
      case 'break':
        return f.lineBreak;
      case 'link':
      case 'linkReference':
        return this.inline(node);
      default:
        // Text, raw HTML, an image's description: as written, escaped.
        return f.text(plainText(node));
    }
  }
}

/** A run of backticks longer than any inside `text`, at least `min` long: code that cannot end early. */
function backticks(text: string, min: number): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(min, longest + 1));
}
