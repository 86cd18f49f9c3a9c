import assert from 'node:assert/strict';
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { memoAsHtml, memoAsMarkdown } from '../../../src/core/analysis/render/memo-text';

const parse = (text: string): Root => unified().use(remarkParse).parse(text);

/** The tree without positions, and with each text run joined to its neighbours: what a reader sees. */
function shape(node: Nodes): unknown {
  if ('value' in node) return { type: node.type, value: node.value };
  const children = 'children' in node ? (node.children as Nodes[]).map(shape) : [];
  const { type } = node;
  const extra = node.type === 'heading' ? { depth: node.depth } : node.type === 'list' ? { ordered: node.ordered, start: node.start } : {};
  return { type, ...extra, children };
}

function nodeTypes(node: Nodes): string[] {
  return [node.type, ...('children' in node ? (node.children as Nodes[]).flatMap(nodeTypes) : [])];
}

const MEMO = [
  'The cycle has **four** moments, *often* in one event:',
  '',
  '1. *Invitation.* The story is wanted.',
  '2. *Extraction* — a `voucher`, not pay.',
  '',
  '> "Instinct. Not judgement." (P12)',
  '',
  '## Open questions',
  '',
  '- Is **Burnout** the cost?',
  '- Agree a rule with Sam.',
].join('\n');

describe('a memo in a report', () => {
  it('keeps emphasis, lists, quotes, code and headings as written, the headings below the report\'s own', () => {
    const markdown = memoAsMarkdown(MEMO, 3);
    // Read back, it is the same document, except the heading is three levels lower.
    const expected = parse(MEMO.replace('## Open questions', '##### Open questions'));
    assert.deepEqual(shape(parse(markdown)), shape(expected));
    assert.equal(
      memoAsHtml(MEMO, 3),
      '<p>The cycle has <strong>four</strong> moments, <em>often</em> in one event:</p>' +
        '<ol><li><em>Invitation.</em> The story is wanted.</li><li><em>Extraction</em> — a <code>voucher</code>, not pay.</li></ol>' +
        '<blockquote><p>&quot;Instinct. Not judgement.&quot; (P12)</p></blockquote>' +
        '<h5>Open questions</h5>' +
        '<ul><li>Is <strong>Burnout</strong> the cost?</li><li>Agree a rule with Sam.</li></ul>',
    );
  });

  it('lets nothing act: links and images become their text, HTML and autolinks read as typed', () => {
    const hostile = [
      'See [the funder](https://example.org/track?id=1) and ![a photo](https://example.org/p.png "x").',
      '',
      '<script>alert(1)</script> <img src=x onerror=alert(2)> <https://example.org> https://example.org www.example.org mail@example.org',
      '',
      '[ref]: https://example.org/defined',
      '',
      'A [reference link][ref] and `code with [a](b)`.',
    ].join('\n');
    const markdown = memoAsMarkdown(hostile, 3);
    const tree = parse(markdown);
    for (const kind of ['link', 'image', 'linkReference', 'imageReference', 'definition', 'html']) assert.ok(!nodeTypes(tree).includes(kind), `${kind} in ${markdown}`);
    // What GFM would link by itself is broken up too.
    assert.doesNotMatch(markdown.replace(/`[^`]*`/g, ''), /https:\/\/|www\.example|mail@/);
    assert.match(markdown, /See the funder and a photo\./);
    const html = memoAsHtml(hostile, 3);
    // No tag but the few the writer makes, each without attributes.
    assert.doesNotMatch(html, /<(?!\/?(?:p|em|strong|code|h[1-6]|ol|ul|li|blockquote|pre|br|hr)>)/);
    assert.match(html, /See the funder and a photo\./);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /<code>code with \[a\]\(b\)<\/code>/);
  });

  it('keeps a loose list loose, a list that starts at 3 at 3, and a hard line break', () => {
    const memo = 'Line one  \nline two\n\n3. third\n4. fourth\n\n- a\n\n  more of a\n- b';
    assert.deepEqual(shape(parse(memoAsMarkdown(memo, 3))), shape(parse(memo)));
    assert.equal(memoAsHtml(memo, 3), '<p>Line one<br>line two</p><ol start="3"><li>third</li><li>fourth</li></ol><ul><li><p>a</p><p>more of a</p></li><li><p>b</p></li></ul>');
  });

  it('writes code that holds backticks inside a longer fence', () => {
    const memo = 'Typed as ``a ` b`` in the transcript.\n\n````\n```\nfenced\n```\n````';
    assert.deepEqual(shape(parse(memoAsMarkdown(memo, 3))), shape(parse(memo)));
  });

  it('shows a memo the inline parser would take seconds over as plain paragraphs, escaped', () => {
    // A paragraph of `_a*` repeated: the emphasis resolution grows faster than the text.
    const slow = `Before.\n\n${'_a*'.repeat(2_000)}\n\n**After.**`;
    const markdown = memoAsMarkdown(slow, 3);
    const html = memoAsHtml(slow, 3);
    assert.ok(markdown.startsWith('Before.\n\n\\_a\\*\\_a\\*'));
    assert.ok(markdown.endsWith('\\*\\*After.\\*\\*'), 'the whole memo is plain: nothing in it is read as markup');
    assert.ok(html.endsWith('<p>**After.**</p>'));
  });

  it('writes lists nested past any sensible depth as their text', () => {
    const deep = `${'- '.repeat(40)}deep`;
    const markdown = memoAsMarkdown(deep, 3);
    assert.match(markdown, /deep$/);
    assert.match(memoAsHtml(deep, 3), /deep/);
  });
});
