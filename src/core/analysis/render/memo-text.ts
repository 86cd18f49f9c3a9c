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
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { escapeHtml } from './html-text';
import { escapeMarkdown } from './table-text';

const parser = unified().use(remarkParse);

/** Longer memos, or memos with a longer paragraph, are shown as plain paragraphs. */
const MAX_MEMO_CHARS = 20_000;
const MAX_PARAGRAPH_CHARS = 4_000;
/** Containers (lists, quotes) deeper than this are written as their plain text. */
const MAX_DEPTH = 16;

/** `headingBase`: the report's level the memo sits under; the memo's `#` becomes one below it. */
export function memoAsMarkdown(text: string, headingBase: number): string {
  const tree = parsed(text);
  if (!tree) return plainParagraphs(text).map((p) => p.split('\n').map(escapeMarkdown).join('\n')).join('\n\n');
  return new MarkdownWriter(headingBase).blocks(tree.children, 0);
}

export function memoAsHtml(text: string, headingBase: number): string {
  const tree = parsed(text);
  if (!tree) return plainParagraphs(text).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
  return new HtmlWriter(headingBase).blocks(tree.children, 0);
}

function parsed(text: string): Root | undefined {
  if (text.length > MAX_MEMO_CHARS || plainParagraphs(text).some((p) => p.length > MAX_PARAGRAPH_CHARS)) return undefined;
  return parser.parse(text.trim());
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

class MarkdownWriter {
  constructor(private readonly headingBase: number) {}

  blocks(nodes: readonly Nodes[], depth: number): string {
    return nodes
      .map((node) => this.block(node, depth))
      .filter((b) => b !== '')
      .join('\n\n');
  }

  private block(node: Nodes, depth: number): string {
    if (depth > MAX_DEPTH) return escapeMarkdown(plainText(node));
    switch (node.type) {
      case 'paragraph':
        return this.inline(node);
      case 'heading':
        return `${'#'.repeat(Math.min(6, this.headingBase + node.depth))} ${this.inline(node)}`;
      case 'blockquote':
        return prefixLines(this.blocks(node.children, depth + 1), '> ');
      case 'list':
        return node.children
          .map((item, i) => {
            const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
            const body = this.blocks(item.children, depth + 1);
            return marker + body.split('\n').join(`\n${' '.repeat(marker.length)}`).replace(/\n +\n/g, '\n\n');
          })
          .join(node.spread ? '\n\n' : '\n');
      case 'code':
        return `${backticks(node.value, 3)}\n${node.value}\n${backticks(node.value, 3)}`;
      case 'thematicBreak':
        return '---';
      case 'definition':
      case 'footnoteDefinition':
        return '';
      case 'html':
        return escapeMarkdown(node.value);
      default:
        return escapeMarkdown(plainText(node));
    }
  }

  private inline(parent: Parents): string {
    return (parent.children as Nodes[]).map((node) => this.span(node)).join('');
  }

  private span(node: Nodes): string {
    switch (node.type) {
      case 'text':
      case 'html':
        return escapeMarkdown(node.value);
      case 'emphasis':
        return `*${this.inline(node)}*`;
      case 'strong':
        return `**${this.inline(node)}**`;
      case 'inlineCode': {
        const ticks = backticks(node.value, 1);
        const pad = node.value.startsWith('`') || node.value.endsWith('`') ? ' ' : '';
        return `${ticks}${pad}${node.value}${pad}${ticks}`;
      }
      case 'break':
        return '\\\n';
      case 'link':
      case 'linkReference':
        return this.inline(node);
      default:
        return escapeMarkdown(plainText(node));
    }
  }
}

class HtmlWriter {
  constructor(private readonly headingBase: number) {}

  blocks(nodes: readonly Nodes[], depth: number): string {
    return nodes.map((node) => this.block(node, depth)).join('');
  }

  private block(node: Nodes, depth: number): string {
    if (depth > MAX_DEPTH) return `<p>${escapeHtml(plainText(node))}</p>`;
    switch (node.type) {
      case 'paragraph':
        return `<p>${this.inline(node)}</p>`;
      case 'heading': {
        const level = Math.min(6, this.headingBase + node.depth);
        return `<h${level}>${this.inline(node)}</h${level}>`;
      }
      case 'blockquote':
        return `<blockquote>${this.blocks(node.children, depth + 1)}</blockquote>`;
      case 'list': {
        const items = node.children.map((item) => {
          // A tight list's items hold their text without paragraphs around it.
          const body = item.children.map((child) => (child.type === 'paragraph' && !node.spread ? this.inline(child) : this.block(child, depth + 1))).join('');
          return `<li>${body}</li>`;
        });
        const start = node.ordered && node.start !== null && node.start !== undefined && node.start !== 1 ? ` start="${node.start}"` : '';
        return node.ordered ? `<ol${start}>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`;
      }
      case 'code':
        return `<pre><code>${escapeHtml(node.value)}</code></pre>`;
      case 'thematicBreak':
        return '<hr>';
      case 'definition':
      case 'footnoteDefinition':
        return '';
      case 'html':
        return `<p>${escapeHtml(node.value)}</p>`;
      default:
        return `<p>${escapeHtml(plainText(node))}</p>`;
    }
  }

  private inline(parent: Parents): string {
    return (parent.children as Nodes[]).map((node) => this.span(node)).join('');
  }

  private span(node: Nodes): string {
    switch (node.type) {
      case 'text':
      case 'html':
        return escapeHtml(node.value);
      case 'emphasis':
        return `<em>${this.inline(node)}</em>`;
      case 'strong':
        return `<strong>${this.inline(node)}</strong>`;
      case 'inlineCode':
        return `<code>${escapeHtml(node.value)}</code>`;
      case 'break':
        return '<br>';
      case 'link':
      case 'linkReference':
        return this.inline(node);
      default:
        return escapeHtml(plainText(node));
    }
  }
}

/** A run of backticks longer than any inside `text`, at least `min` long: code that cannot end early. */
function backticks(text: string, min: number): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(min, longest + 1));
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? prefix.trimEnd() : prefix + line))
    .join('\n');
}
