import assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { AnalysisContext } from '../../../src/core/analysis';
import { codeSection, reportAsHtml, reportAsMarkdown } from '../../../src/core/analysis/render/report';
import { escapeMarkdown, escapeMarkdownLine } from '../../../src/core/analysis/render/table-text';
import { formatProblem } from '../../../src/core/storage/errors';
import { fixtureProject } from './analysis-fixture';

/** A code name with a line break, a carriage return, an escape sequence and a right-to-left override. */
const NAME = 'Line1\nLine2\r \u001b[31mred\u001b[0m \u202Eevil';

describe('names that would break a report or a terminal', () => {
  it('keeps a heading on one line and turns control characters into spaces, bidirectional overrides into code points', () => {
    const project = fixtureProject();
    project.codes[0].name = NAME;
    project.codes[0].description = 'First paragraph.\n\n## Not a heading\n- not a list';
    const markdown = reportAsMarkdown('Study', [codeSection(new AnalysisContext(project), project.codes[0].id)]);
    const headings = markdown.split('\n').filter((l) => l.startsWith('## '));
    assert.equal(headings.length, 1);
    assert.match(headings[0], /^## Line1 Line2 {2}\\\[31mred \\\[0m ⟦U\+202E⟧evil$/);
    for (const character of ['\u001b', '\r', '\u202e']) assert.ok(!markdown.includes(character), JSON.stringify(character));
    // Each paragraph of the definition in italics of its own: emphasis cannot run across paragraphs.
    const tree = fromMarkdown(markdown);
    const emphasised = tree.children.filter((n) => n.type === 'paragraph' && n.children.length === 1 && n.children[0].type === 'emphasis');
    assert.equal(emphasised.length, 2);
    assert.ok(!tree.children.some((n) => n.type === 'heading' && n.depth === 2 && JSON.stringify(n).includes('Not a heading')), 'the definition adds no heading');
    const html = reportAsHtml('Study', [codeSection(new AnalysisContext(project), project.codes[0].id)]);
    assert.match(html, /<p class="definition">First paragraph\.<\/p><p class="definition">## Not a heading - not a list<\/p>/);
  });

  it('escapes a line for a heading, and keeps line breaks in quoted text', () => {
    assert.equal(escapeMarkdownLine('a\r\nb\u2028c'), 'a b c');
    assert.equal(escapeMarkdown('a\nb'), 'a\nb');
  });

  it('writes each problem on one line, whatever its message holds', () => {
    assert.equal(formatProblem({ path: 'memos/a.md', line: 3, message: `is about code "${'x\ny'}"`, severity: 'error' }), 'memos/a.md:3: is about code "x y"');
  });
});
