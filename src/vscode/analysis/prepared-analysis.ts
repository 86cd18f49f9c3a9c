import { AnalysisContext } from '../../core/analysis';
import { projectOutline } from '../../core/analysis/answer-request';
import { analysisProjectInSlices } from '../../core/analysis/from-snapshot';
import type { ProjectSnapshot } from '../../core/project-index';
import { projectRounds } from '../../core/rounds';
import type { ProjectOutline } from '../../protocol';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';

/** The analysis of one project state. */
export interface Prepared {
  snapshot: ProjectSnapshot;
  context: AnalysisContext;
  outline: ProjectOutline;
}

/**
 * The analysis of the index's current snapshot (the analysis view, the context queries share, the
 * panel's outline): worked out once per snapshot, for the panel, the keyboard's analysis commands,
 * autocode and the CSV export alike. Each transcript's part of the view is kept with the
 * transcript's snapshot (see from-snapshot), so after an edit only the edited transcript's part is
 * made again.
 */
export class PreparedAnalysis {
  private prepared: Promise<Prepared | undefined> | undefined;
  /** The index's snapshot when `prepared` was asked for. */
  private preparedFor: ProjectSnapshot | undefined;

  constructor(
    private readonly host: ProjectHost,
    private readonly index: IndexHost,
  ) {}

  /** The analysis of the project as the index has it now; undefined when no project is open. */
  get(): Promise<Prepared | undefined> {
    // The index applied a change whose (debounced) announcement has not come yet: prepare again.
    const current = this.index.snapshot();
    if (this.preparedFor !== current) this.prepared = undefined;
    this.preparedFor = current;
    this.prepared ??= this.prepareNow().catch((error: unknown) => {
      this.prepared = undefined;
      throw error;
    });
    return this.prepared;
  }

  /** The context alone (what commands outside the panel query). */
  async context(): Promise<AnalysisContext | undefined> {
    return (await this.get())?.context;
  }

  /** In slices: a panel's page may be loading meanwhile, and VS Code needs the host to answer. */
  private async prepareNow(): Promise<Prepared | undefined> {
    const index = await this.index.settled();
    const snapshot = index?.snapshot();
    if (!snapshot) return undefined;
    const slices = this.host.slices;
    const view = await analysisProjectInSlices(snapshot, slices);
    const context = await slices.run(() => new AnalysisContext(view.project));
    const colors = new Map(snapshot.codes.map((c) => [c.id, c.color]));
    const outline = await slices.run(() => projectOutline(context, snapshot.config.name, colors, view.unplaced, projectRounds(snapshot.config)));
    return { snapshot, context, outline };
  }
}
