/** Theoretical relations between codes: types, the network, its layout and its drawings. */
export { DEFAULT_RELATION_TYPES, relationLabel, relationTypesOf, type RelationType } from './relation-types';
export { relationGraph, type RelationGraph, type RelationGraphEdge, type RelationGraphNode } from './relation-graph';
export { layoutRelations, type EdgeRoute, type LayoutDirection, type NodeBox, type RelationLayout } from './relation-layout';
export { renderRelationsSvg, type SvgOptions } from './relation-svg';
export { relationsMermaid, mermaidLabel } from './relation-mermaid';
export { svgMarkup, type SvgElement, type SvgTag, SVG_TAGS } from './svg-tree';
export { relationsNetwork, type RelationsNetwork } from './relations-network';
export { relationLines, type RelationLine } from './relation-summary';
