import type { AnalysisContext } from '../../core/analysis';
import { prepareAnalysis, type PreparedSnapshot } from '../../core/analysis/prepare-analysis';
import type { ProjectSnapshot } from '../../core/project-index';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';

/**
 * The analysis of the index's current snapshot (the analysis view, the context queries share, the
 * panel's outline): worked out once per snapshot, for the panel, the keyboard's analysis commands,
 * autocode and the CSV export alike. Each transcript's part of the view is kept with the
 * transcript's snapshot (see from-snapshot), so after an edit only the edited transcript's part is
 * made again.
 */
export class PreparedAnalysis {
  private prepared: Promise<PreparedSnapshot | undefined> | undefined;
  /** The index's snapshot when `prepared` was asked for. */
  private preparedFor: ProjectSnapshot | undefined;

  constructor(
    private readonly host: ProjectHost,
    private readonly index: IndexHost,
  ) {}

  /** The analysis of the project as the index has it now; undefined when no project is open. */
  get(): Promise<PreparedSnapshot | undefined> {
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
  private async prepareNow(): Promise<PreparedSnapshot | undefined> {
    const index = await this.index.settled();
    const snapshot = index?.snapshot();
    return snapshot && prepareAnalysis(snapshot, this.host.slices);
  }
}
