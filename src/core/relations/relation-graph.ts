/**
 * The network of codes that have relations: what the Relations panel, its SVG and its Mermaid
 * export draw. Plain data, sorted, so the same codebook always gives the same graph (and layout).
 */
import type { Code } from '../model';
import { compareCodeUnits } from '../storage/format/json-text';
import { relationLabel, type RelationType } from './relation-types';

export interface RelationGraphNode {
  id: string;
  /** The code's name (its path where names repeat), untrusted text. */
  label: string;
  /** `#rrggbb`. */
  color: string;
  /** Segments coded with it, by every coder: sets the node's size. */
  segments: number;
}

export interface RelationGraphEdge {
  source: string;
  target: string;
  /** The relation type's id, and its label as it reads between the two names. */
  type: string;
  label: string;
  note?: string;
}

export interface RelationGraph {
  nodes: RelationGraphNode[];
  edges: RelationGraphEdge[];
}

/**
 * Every relation whose target is in the codebook, and the codes they join. Relations to missing
 * codes or to the code itself are left out here (the project check reports them).
 */
export function relationGraph(codes: readonly Code[], types: readonly RelationType[], segmentCounts: Readonly<Record<string, number>>, labelOf: (code: Code) => string = (c) => c.name): RelationGraph {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const edges: RelationGraphEdge[] = [];
  const joined = new Set<string>();
  for (const code of codes) {
    for (const r of code.relations ?? []) {
      if (r.target === code.id || !byId.has(r.target)) continue;
      edges.push({ source: code.id, target: r.target, type: r.type, label: relationLabel(types, r.type), ...(r.note ? { note: r.note } : {}) });
      joined.add(code.id).add(r.target);
    }
  }
  edges.sort((a, b) => compareCodeUnits(a.source, b.source) || compareCodeUnits(a.target, b.target) || compareCodeUnits(a.type, b.type));
  const nodes = [...joined]
    .sort(compareCodeUnits)
    .map((id) => byId.get(id)!)
    .map((code) => ({ id: code.id, label: labelOf(code), color: code.color, segments: segmentCounts[code.id] ?? 0 }));
  return { nodes, edges };
}
