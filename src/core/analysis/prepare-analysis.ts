/**
 * The analysis of one project snapshot as an editor panel needs it: the analysis view, the context
 * every query over it shares, and the outline the panel's page draws its controls from.
 */
import type { ProjectSnapshot } from '../project-index';
import { projectRounds } from '../rounds';
import { NO_SLICES, type Slices } from '../time-slices';
import type { ProjectOutline } from '../../protocol';
import { AnalysisContext } from './analysis-context';
import { projectOutline } from './answer-request';
import { analysisProjectInSlices } from './from-snapshot';

export interface PreparedSnapshot {
  snapshot: ProjectSnapshot;
  context: AnalysisContext;
  outline: ProjectOutline;
}

/** Made through `slices` (in the editor's host, a panel's page may be loading meanwhile). */
export async function prepareAnalysis(snapshot: ProjectSnapshot, slices: Slices = NO_SLICES): Promise<PreparedSnapshot> {
  const view = await analysisProjectInSlices(snapshot, slices);
  const context = await slices.run(() => new AnalysisContext(view.project));
  const colors = new Map(snapshot.codes.map((c) => [c.id, c.color]));
  const outline = await slices.run(() => projectOutline(context, snapshot.config.name, colors, view.unplaced, projectRounds(snapshot.config)));
  return { snapshot, context, outline };
}
