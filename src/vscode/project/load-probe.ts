/**
 * How opening a project went, for the host benchmarks (through the extension's API): how long from
 * activation until every view had its data, and the longest stretch the extension host's event
 * loop was busy meanwhile — while it is busy, nothing else in the host answers (an editor opened
 * then waits for its colours). Measured by a timer that notes how late it fires; it stops when the
 * load is over, so it costs nothing afterwards.
 */
import type * as vscode from 'vscode';
import { GcPauses } from './gc-pauses';
import type { ProjectHost } from './project-host';

export interface LoadReport {
  /** From activation until the last view had its data, in milliseconds. */
  totalMs: number;
  /** The longest time the event loop did not come round to a timer, less the timer's period. */
  longestBlockMs: number;
  /**
   * The processor time the host used during that longest block: on a machine busy with other
   * work the block can be much longer than the work in it (undefined where the host cannot say).
   */
  longestBlockCpuMs: number | undefined;
  /**
   * How much of that longest block the garbage collector paused the host (undefined where the host
   * does not report its collections): a block that is mostly collection is V8 copying and marking
   * what the host keeps, not Grounded's code running.
   */
  longestBlockGcMs: number | undefined;
  /** The same by kind of collection (`minor`: copying new objects; `major`: marking and compacting). */
  longestBlockGcByKind: Record<string, number> | undefined;
  /** When that longest block ended, in milliseconds after activation (to find it in a profile). */
  longestBlockEndedMs: number;
  /** When each view had its data, in milliseconds after activation. */
  views: Record<string, number>;
}

const TICK_MS = 10;

/** Processor time of this process so far (user and system), where the host can say. */
function cpuMs(): number | undefined {
  const usage = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process?.cpuUsage?.();
  return usage && (usage.user + usage.system) / 1000;
}

export class LoadProbe implements vscode.Disposable {
  private readonly started = performance.now();
  private readonly marks = new Map<string, number>();
  private longest = 0;
  private longestCpu: number | undefined;
  private longestEnded = 0;
  /** When the longest block began and ended, as `performance.now()` times. */
  private longestSpan = { from: 0, to: 0 };
  private readonly collections = new GcPauses();
  private last = this.started;
  private lastCpu = cpuMs();
  private timer: ReturnType<typeof setInterval> | undefined;
  private finish: (report: LoadReport) => void = () => undefined;
  /** Resolves once every expected view has its data. */
  readonly report = new Promise<LoadReport>((resolve) => (this.finish = resolve));

  constructor(private readonly expected: readonly string[]) {
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  /** This view has its data (the first time counts). */
  mark(view: string): void {
    if (this.timer === undefined || this.marks.has(view)) return;
    this.marks.set(view, performance.now() - this.started);
    if (this.expected.every((v) => this.marks.has(v))) {
      // The block that ends with the last mark counts too.
      this.tick();
      const longestBlockGcByKind = this.collections.byKindWithin(this.longestSpan.from, this.longestSpan.to);
      const longestBlockGcMs = longestBlockGcByKind && Object.values(longestBlockGcByKind).reduce((sum, ms) => sum + ms, 0);
      this.dispose();
      this.finish({
        totalMs: Math.max(...this.marks.values()),
        longestBlockMs: Math.max(0, this.longest),
        longestBlockCpuMs: this.longestCpu,
        longestBlockGcMs,
        longestBlockGcByKind,
        longestBlockEndedMs: this.longestEnded,
        views: Object.fromEntries(this.marks),
      });
    }
  }

  private tick(): void {
    const [now, cpu] = [performance.now(), cpuMs()];
    if (now - this.last - TICK_MS > this.longest) {
      this.longest = now - this.last - TICK_MS;
      this.longestEnded = now - this.started;
      this.longestSpan = { from: this.last, to: now };
      this.longestCpu = cpu !== undefined && this.lastCpu !== undefined ? cpu - this.lastCpu : undefined;
    }
    [this.last, this.lastCpu] = [now, cpu];
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.collections.dispose();
  }
}

/** The views a project's load waits for. */
export const LOADED_VIEWS = ['index', 'codebook', 'memos', 'participants', 'needsReview'] as const;

/**
 * Marks each view once it has what it shows first (its top-level items), asking it as VS Code
 * would when it is visible. Without a project there is nothing to wait for.
 */
export function watchLoad(probe: LoadProbe, host: ProjectHost, views: Record<(typeof LOADED_VIEWS)[number], () => Promise<unknown>>): void {
  if (!host.project) return probe.dispose();
  for (const [name, ready] of Object.entries(views)) {
    void ready().then(
      () => probe.mark(name),
      () => probe.dispose(),
    );
  }
}
