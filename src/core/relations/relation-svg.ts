/**
 * The relations network drawn as SVG, from a computed layout. One renderer for the panel and the
 * export: the panel styles the classes with the editor theme's colours; a standalone export
 * carries its own style sheet (fixed colours that read on white and in print).
 */
import { EDGE_FONT_SIZE, NODE_FONT_SIZE, type EdgeRoute, type NodeBox, type RelationLayout } from './relation-layout';
import { svgElement, type SvgElement } from './svg-tree';

export interface SvgOptions {
  /** A title for the drawing (the project's name). */
  title: string;
  /** Standalone file: namespace, size and its own colours. Otherwise the panel's styles apply. */
  standalone: boolean;
  /** Nodes can be focused and carry the code id (the panel's keyboard navigation). */
  interactive?: boolean;
}

const EXPORT_STYLE = [
  'svg { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #ffffff; }',
  '.node-label { fill: #1f1f1f; }',
  '.node-count { fill: #5f5f5f; }',
  '.edge-line { stroke: #5f5f5f; fill: none; stroke-width: 1.4; }',
  '.arrow-head { fill: #5f5f5f; }',
  '.edge-label { fill: #3b3b3b; }',
  '.edge-label-bg { fill: #ffffff; fill-opacity: 0.9; }',
].join('\n');

export function renderRelationsSvg(layout: RelationLayout, options: SvgOptions): SvgElement {
  const width = String(Math.max(layout.width, 1));
  const height = String(Math.max(layout.height, 1));
  // Drawn at its own size (the panel scrolls a large network rather than shrinking its text).
  const attrs: Record<string, string> = { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'relations', 'aria-labelledby': 'relations-title' };
  if (options.standalone) attrs.xmlns = 'http://www.w3.org/2000/svg';
  return svgElement(
    'svg',
    attrs,
    svgElement('title', { id: 'relations-title' }, `Relations between codes: ${options.title}`),
    options.standalone ? svgElement('style', {}, EXPORT_STYLE) : undefined,
    svgElement('defs', {}, svgElement('marker', { id: 'relations-arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '8', markerHeight: '8', orient: 'auto-start-reverse' }, svgElement('path', { class: 'arrow-head', d: 'M0,0 L10,5 L0,10 z' }))),
    svgElement('g', { class: 'edges' }, ...layout.edges.map(edgeElement)),
    svgElement('g', { class: 'nodes' }, ...layout.nodes.map((n) => nodeElement(n, options.interactive === true))),
  );
}

function edgeElement(edge: EdgeRoute): SvgElement {
  const [first, ...rest] = edge.points;
  const d = first ? `M${first.x},${first.y}${rest.map((p) => ` L${p.x},${p.y}`).join('')}` : '';
  const labelHeight = EDGE_FONT_SIZE + 6;
  return svgElement(
    'g',
    { class: 'edge', 'data-type': edge.type },
    svgElement('title', {}, edge.note ? `${edge.label}: ${edge.note}` : edge.label),
    svgElement('path', { class: 'edge-line', d, 'marker-end': 'url(#relations-arrow)' }),
    svgElement('rect', { class: 'edge-label-bg', x: num(edge.labelX - edge.labelWidth / 2), y: num(edge.labelY - labelHeight / 2), width: num(edge.labelWidth), height: num(labelHeight), rx: '3' }),
    svgElement('text', { class: 'edge-label', x: num(edge.labelX), y: num(edge.labelY), 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': String(EDGE_FONT_SIZE) }, edge.label),
  );
}

function nodeElement(node: NodeBox, interactive: boolean): SvgElement {
  const count = `${node.segments} segment${node.segments === 1 ? '' : 's'}`;
  const attrs: Record<string, string> = { class: 'node' };
  if (interactive) Object.assign(attrs, { tabindex: '0', role: 'button', 'data-code': node.id, 'aria-label': `${node.label}, ${count}` });
  return svgElement(
    'g',
    attrs,
    svgElement('title', {}, `${node.label} (${count})`),
    svgElement('rect', { class: 'node-box', x: num(node.x - node.width / 2), y: num(node.y - node.height / 2), width: num(node.width), height: num(node.height), rx: '8', fill: safeColor(node.color), 'fill-opacity': '0.22', stroke: safeColor(node.color), 'stroke-width': '2' }),
    svgElement('text', { class: 'node-label', x: num(node.x), y: num(node.y - 3), 'text-anchor': 'middle', 'font-size': String(NODE_FONT_SIZE) }, node.shownLabel),
    svgElement('text', { class: 'node-count', x: num(node.x), y: num(node.y + NODE_FONT_SIZE - 2), 'text-anchor': 'middle', 'font-size': String(EDGE_FONT_SIZE - 1) }, String(node.segments)),
  );
}

/** Colours come from code files (checked as #rrggbb on read); anything else is drawn grey. */
function safeColor(color: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#888888';
}

function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}
