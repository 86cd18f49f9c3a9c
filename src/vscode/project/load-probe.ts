/**
 * How opening a project went, for the host benchmarks (through the extension's API): how long from
 * activation until every view had its data, and the longest stretch the extension host's event
 * loop was busy meanwhile — while it is busy, nothing else in the host answers (an editor opened
 * then waits for its colours). Measured by a timer that notes how late it fires; it stops when the
 * load is over, so it costs nothing afterwards.
 */
import type * as vscode from 'vscode';
import type { ProjectHost } from './project-host';

export interface LoadReport {
  /** From activation until the last view had its data, in milliseconds. */
  totalMs: number;
  /** The longest time the event loop did not come round to a timer, less the timer's period. */
  longestBlockMs: number;
  /** When each view had its data, in milliseconds after activation. */
  views: Record<string, number>;
}

const TICK_MS = 10;

export class LoadProbe implements vscode.Disposable {
  private readonly started = performance.now();
  private readonly marks = new Map<string, number>();
  private longest = 0;
  private last = this.started;
  private timer: ReturnType<typeof setInterval> | undefined;
  private finish: (report: LoadReport) => void = () => undefined;
  /** Resolves once every expected view has its data. */
  readonly report = new Promise<LoadReport>((resolve) => (this.finish = resolve));

  constructor(private readonly expected: readonly string[]) {
    this.timer = setInterval(() => {
      const now = performance.now();
      this.longest = Math.max(this.longest, now - this.last - TICK_MS);
      this.last = now;
    }, TICK_MS);
  }

  /** This view has its data (the first time counts). */
  mark(view: string): void {
    if (this.timer === undefined || this.marks.has(view)) return;
    this.marks.set(view, performance.now() - this.started);
    if (this.expected.every((v) => this.marks.has(v))) {
      // The block that ends with the last mark counts too.
      this.longest = Math.max(this.longest, performance.now() - this.last - TICK_MS);
      this.dispose();
      this.finish({ totalMs: Math.max(...this.marks.values()), longestBlockMs: Math.max(0, this.longest), views: Object.fromEntries(this.marks) });
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
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
