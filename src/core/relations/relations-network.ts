/** From a project snapshot to the network and its layout: what the panel, the export and the CLI share. */
import { Codebook } from '../codebook';
import type { ProjectSnapshot } from '../project-index';
import { relationGraph, type RelationGraph } from './relation-graph';
import { layoutRelations, type LayoutDirection, type RelationLayout } from './relation-layout';
import { relationTypesOf, type RelationType } from './relation-types';

export interface RelationsNetwork {
  types: RelationType[];
  graph: RelationGraph;
  layout: RelationLayout;
}

/** Node labels are code names, or the code's path where two codes share a name. */
export function relationsNetwork(snapshot: ProjectSnapshot, direction: LayoutDirection = 'TB'): RelationsNetwork {
  const codebook = new Codebook(snapshot.codes);
  const counts: Record<string, number> = {};
  for (const transcript of snapshot.transcripts) {
    for (const { segment } of transcript.segments) for (const id of segment.codes) counts[id] = (counts[id] ?? 0) + 1;
  }
  const nameCounts = new Map<string, number>();
  for (const code of snapshot.codes) nameCounts.set(code.name, (nameCounts.get(code.name) ?? 0) + 1);
  const types = relationTypesOf(snapshot.config);
  const graph = relationGraph(snapshot.codes, types, counts, (code) => ((nameCounts.get(code.name) ?? 0) > 1 ? codebook.path(code.id).join(' / ') : code.name));
  return { types, graph, layout: layoutRelations(graph, direction) };
}
