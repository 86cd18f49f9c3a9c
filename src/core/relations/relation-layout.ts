/**
 * Where the nodes and edges of the relations network go: a layered (Sugiyama) layout by dagre, a
 * pure JavaScript library, so it runs in the core. Pure: the same graph always gives the same
 * positions (nodes and edges are added in sorted order, coordinates rounded).
 */
import { graphlib, layout } from '@dagrejs/dagre';
import type { RelationGraph, RelationGraphEdge, RelationGraphNode } from './relation-graph';

export type LayoutDirection = 'TB' | 'LR';

export interface Point {
  x: number;
  y: number;
}

/** A node's box: centre, size, and the label as drawn (cut to fit; the full one is in `node.label`). */
export interface NodeBox extends RelationGraphNode {
  x: number;
  y: number;
  width: number;
  height: number;
  shownLabel: string;
}

export interface EdgeRoute extends RelationGraphEdge {
  points: Point[];
  /** Centre of the edge's label. */
  labelX: number;
  labelY: number;
  labelWidth: number;
}

export interface RelationLayout {
  width: number;
  height: number;
  direction: LayoutDirection;
  nodes: NodeBox[];
  edges: EdgeRoute[];
}

/** Sizes in SVG user units (CSS pixels at 100%): the renderer draws text at these sizes. */
export const NODE_FONT_SIZE = 13;
export const EDGE_FONT_SIZE = 11;
const MAX_LABEL = 40;
const MARGIN = 16;

/** Approximate text width: layout cannot measure fonts, so it errs on the wide side. */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil([...text].length * fontSize * 0.6);
}

export function shortLabel(text: string, max = MAX_LABEL): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

export function layoutRelations(graph: RelationGraph, direction: LayoutDirection = 'TB'): RelationLayout {
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: direction, nodesep: 40, ranksep: 70, edgesep: 20, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  const most = Math.max(1, ...graph.nodes.map((n) => n.segments));
  const shown = new Map<string, string>();
  for (const node of graph.nodes) {
    // Area grows with the number of segments: a square-root scale keeps small codes readable.
    const scale = Math.sqrt(node.segments / most);
    const label = shortLabel(node.label);
    shown.set(node.id, label);
    g.setNode(node.id, { width: textWidth(label, NODE_FONT_SIZE) + 24 + Math.round(48 * scale), height: 30 + Math.round(30 * scale) });
  }
  graph.edges.forEach((edge, i) => {
    g.setEdge(edge.source, edge.target, { width: textWidth(edge.label, EDGE_FONT_SIZE) + 8, height: EDGE_FONT_SIZE + 6, labelpos: 'c' }, `e${i}`);
  });
  layout(g);
  const size = g.graph();
  const nodes: NodeBox[] = graph.nodes.map((node) => {
    const box = g.node(node.id);
    return { ...node, x: round(box.x ?? 0), y: round(box.y ?? 0), width: box.width, height: box.height, shownLabel: shown.get(node.id)! };
  });
  const edges: EdgeRoute[] = graph.edges.map((edge, i) => {
    const route = g.edge(edge.source, edge.target, `e${i}`);
    return {
      ...edge,
      points: (route.points ?? []).map((p: Point) => ({ x: round(p.x), y: round(p.y) })),
      labelX: round(route.x ?? 0),
      labelY: round(route.y ?? 0),
      labelWidth: route.width ?? 0,
    };
  });
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), direction, nodes, edges };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
