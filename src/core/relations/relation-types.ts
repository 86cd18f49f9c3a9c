/**
 * The kinds of relation a project uses between its codes. A project declares its own in
 * `.grounded/project.json` (`relationTypes`); without that, four that theoretical coding commonly
 * needs are used. The schema has checked the declared list's shape when the project was read.
 */
import type { ProjectConfig } from '../model';

export interface RelationType {
  /** What code files store, e.g. `leads-to`. */
  id: string;
  /** How it reads between two code names, e.g. `leads to`. */
  label: string;
  description?: string;
}

export const DEFAULT_RELATION_TYPES: readonly RelationType[] = [
  { id: 'condition-of', label: 'is a condition of', description: 'the source is a condition under which the target occurs' },
  { id: 'leads-to', label: 'leads to', description: 'the source brings about, or is followed by, the target' },
  { id: 'part-of', label: 'is part of', description: 'the source is a property, dimension or part of the target' },
  { id: 'contradicts', label: 'contradicts', description: 'the source stands against, or complicates, the target' },
];

/** The project's relation types: its own when it declares any, otherwise the defaults. Duplicate ids: the first wins. */
export function relationTypesOf(config: ProjectConfig): RelationType[] {
  const declared = config.extra?.relationTypes;
  if (!Array.isArray(declared) || declared.length === 0) return [...DEFAULT_RELATION_TYPES];
  const seen = new Set<string>();
  const types: RelationType[] = [];
  for (const entry of declared as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, label, description } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || typeof label !== 'string' || seen.has(id)) continue;
    seen.add(id);
    types.push(typeof description === 'string' && description !== '' ? { id, label, description } : { id, label });
  }
  return types.length > 0 ? types : [...DEFAULT_RELATION_TYPES];
}

/** The label of a type id; an id the project does not declare reads as itself. */
export function relationLabel(types: readonly RelationType[], id: string): string {
  return types.find((t) => t.id === id)?.label ?? id;
}
