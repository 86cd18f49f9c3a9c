import assert from 'node:assert/strict';
import type { Code } from '../../../src/core/model';
import { DEFAULT_RELATION_TYPES, layoutRelations, mermaidLabel, relationGraph, relationsMermaid, renderRelationsSvg, svgMarkup } from '../../../src/core/relations';

const A = 'c-aaaaaaaaaaaa';
const B = 'c-bbbbbbbbbbbb';
const C = 'c-cccccccccccc';
const HOSTILE = '</text><script>alert(1)</script>"\' & "]] --> x #quot; `md` \\n <br> %% |';

function code(id: string, name: string, relations: Code['relations'] = undefined): Code {
  return { id, name, parent: null, color: '#3a7bd5', description: '', ...(relations ? { relations } : {}) };
}

const codes = [
  code(A, 'Isolation', [{ type: 'leads-to', target: B, note: 'a note </title>' }, { type: 'leads-to', target: 'c-dddddddddddd' }, { type: 'part-of', target: A }]),
  code(B, HOSTILE, [{ type: 'contradicts', target: C }]),
  code(C, 'Work'),
  code('c-eeeeeeeeeeee', 'Unrelated'),
];

describe('the relations network', () => {
  it('holds the codes that have relations and the relations whose target exists, leaving out self-relations', () => {
    const graph = relationGraph(codes, DEFAULT_RELATION_TYPES, { [A]: 4, [B]: 10 });
    assert.deepEqual(graph.nodes.map((n) => [n.id, n.segments]), [[A, 4], [B, 10], [C, 0]]);
    assert.deepEqual(graph.edges.map((e) => `${e.source} ${e.label} ${e.target}`), [`${A} leads to ${B}`, `${B} contradicts ${C}`]);
  });

  it('lays out the same graph the same way every time, whatever order the codes come in', () => {
    const one = layoutRelations(relationGraph(codes, DEFAULT_RELATION_TYPES, { [A]: 4, [B]: 10 }));
    const two = layoutRelations(relationGraph([...codes].reverse(), DEFAULT_RELATION_TYPES, { [B]: 10, [A]: 4 }));
    assert.deepEqual(two, one);
    assert.ok(one.width > 0 && one.height > 0);
    const [a, b] = one.nodes;
    assert.ok(b.width * b.height > a.width * a.height, 'the code with more segments is drawn larger');
    // Top to bottom: a relation's source sits above its target, and its route joins the two.
    assert.ok(a.y < b.y);
    assert.ok(one.edges.every((e) => e.points.length >= 2));
    const lr = layoutRelations(relationGraph(codes, DEFAULT_RELATION_TYPES, {}), 'LR');
    assert.ok(lr.nodes[0].x < lr.nodes[1].x);
  });

  it('lays out an empty network as an empty drawing', () => {
    const empty = layoutRelations({ nodes: [], edges: [] });
    assert.deepEqual(empty.nodes, []);
    assert.match(svgMarkup(renderRelationsSvg(empty, { title: 'S', standalone: true })), /^<svg /);
  });
});

describe('drawing the network as SVG', () => {
  const layout = layoutRelations(relationGraph(codes, DEFAULT_RELATION_TYPES, { [A]: 4, [B]: 10 }));

  it('escapes every code name and note, so no name can close an element or start a script', () => {
    const svg = svgMarkup(renderRelationsSvg(layout, { title: 'Study <b>&', standalone: true, interactive: true }));
    assert.equal(svg.includes('<script'), false);
    assert.equal(svg.includes('</text><script>'), false);
    assert.ok(svg.includes('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39; &amp;'));
    assert.ok(svg.includes('a note &lt;/title&gt;'));
    assert.ok(svg.includes('Study &lt;b&gt;&amp;'));
    // Well-formed: every element that opens closes, in order.
    const stack: string[] = [];
    for (const [, closing, name] of svg.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
      if (closing) assert.equal(stack.pop(), name);
      else stack.push(name);
    }
    assert.deepEqual(stack, []);
    const tags = new Set([...svg.matchAll(/<([a-z]+)/g)].map((m) => m[1]));
    assert.deepEqual([...tags].sort(), ['defs', 'g', 'marker', 'path', 'rect', 'style', 'svg', 'text', 'title']);
  });

  it('drops characters XML does not allow, so the file still opens', () => {
    const bell = layoutRelations(relationGraph([code(A, 'a\u0007b\ud800', [{ type: 'leads-to', target: C }]), code(C, 'c')], DEFAULT_RELATION_TYPES, {}));
    const svg = svgMarkup(renderRelationsSvg(bell, { title: 'S', standalone: true }));
    assert.ok(svg.includes('>ab<'));
    assert.equal(svg.includes('\u0007') || svg.includes('\ud800'), false);
  });

  it('makes nodes focusable with the code id only when drawn for the panel', () => {
    const panel = svgMarkup(renderRelationsSvg(layout, { title: 'S', standalone: false, interactive: true }));
    assert.ok(panel.includes(`tabindex="0" role="button" data-code="${A}"`));
    assert.equal(panel.includes('<style>'), false);
    const file = svgMarkup(renderRelationsSvg(layout, { title: 'S', standalone: true }));
    assert.equal(file.includes('tabindex'), false);
    assert.ok(file.startsWith('<svg viewBox="0 0 ') && file.includes('xmlns="http://www.w3.org/2000/svg"'));
  });
});

describe('the network as Mermaid text', () => {
  it('quotes every label and writes any character Mermaid could read as syntax as a numeric entity', () => {
    assert.equal(mermaidLabel('Trust (in people)'), '"Trust (in people)"');
    assert.equal(mermaidLabel('a"b'), '"a#34;b"');
    assert.equal(mermaidLabel('<br>#quot;'), '"#60;br#62;#35;quot#59;"');
    assert.equal(mermaidLabel('line\nbreak'), '"line break"');
    assert.equal(mermaidLabel('Vertrauen – Zuhause 🏡'), '"Vertrauen #8211; Zuhause #127969;"');
    assert.equal(mermaidLabel('Ça va'), '"Ça va"');
  });

  it('writes a flowchart with generated node ids, one line per node and per relation', () => {
    const text = relationsMermaid(relationGraph(codes, DEFAULT_RELATION_TYPES, {}), 'LR');
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], 'flowchart LR');
    assert.equal(lines[1], '  n1["Isolation"]');
    assert.equal(lines[3], '  n3["Work"]');
    assert.deepEqual(lines.slice(4), ['  n1 -->|"leads to"| n2', '  n2 -->|"contradicts"| n3']);
    // The hostile name stays inside its quotes: no quote, bracket, pipe, angle bracket, # or backtick of its own.
    const label = lines[2].slice('  n2['.length, -1);
    assert.match(label, /^"[^"<>`|[\]\\%]*"$/);
    assert.equal(label.replace(/#\d+;/g, '').includes('#'), false);
  });
});
