/**
 * Garbage-collection pauses of this host, from Node's `gc` performance entries, so the host
 * benchmarks can say how much of a block the collector took rather than Grounded's code. The web
 * extension host has no such entries: there, nothing is recorded and the figures are unknown.
 */

interface GcEntry {
  startTime: number;
  duration: number;
  /** Node's `detail.kind`: which collection paused the host. */
  detail?: { kind?: number };
}

/** Node's perf_hooks constants NODE_PERFORMANCE_GC_MINOR, _MAJOR, _INCREMENTAL and _WEAKCB. */
const KINDS: Record<number, string> = { 1: 'minor', 4: 'major', 8: 'incremental', 16: 'weak callbacks' };

interface Observer {
  observe(options: { entryTypes: string[] }): void;
  takeRecords(): GcEntry[];
  disconnect(): void;
}

type ObserverClass = (new (callback: (list: { getEntries(): GcEntry[] }) => void) => Observer) & { supportedEntryTypes?: readonly string[] };

export class GcPauses {
  private readonly pauses: { start: number; end: number; kind: string }[] = [];
  private readonly observer: Observer | undefined;

  constructor() {
    const PerformanceObserver = (globalThis as { PerformanceObserver?: ObserverClass }).PerformanceObserver;
    if (!PerformanceObserver?.supportedEntryTypes?.includes('gc')) return;
    this.observer = new PerformanceObserver((list) => this.note(list.getEntries()));
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /**
   * Milliseconds the collector paused the host between `from` and `to` (`performance.now()` times),
   * by kind of collection (minor, major…; kinds with none are left out); undefined where the host
   * does not report its collections.
   */
  byKindWithin(from: number, to: number): Record<string, number> | undefined {
    if (!this.observer) return undefined;
    // Entries reach the callback a moment after the pause: the ones still on their way too.
    this.note(this.observer.takeRecords());
    const byKind: Record<string, number> = {};
    for (const { start, end, kind } of this.pauses) {
      const overlap = Math.min(end, to) - Math.max(start, from);
      if (overlap > 0) byKind[kind] = (byKind[kind] ?? 0) + overlap;
    }
    return byKind;
  }

  dispose(): void {
    this.observer?.disconnect();
  }

  private note(entries: readonly GcEntry[]): void {
    for (const { startTime, duration, detail } of entries) {
      this.pauses.push({ start: startTime, end: startTime + duration, kind: KINDS[detail?.kind ?? 0] ?? `kind ${detail?.kind}` });
    }
  }
}
