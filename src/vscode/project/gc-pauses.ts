/**
 * Garbage-collection pauses of this host, from Node's `gc` performance entries, so the host
 * benchmarks can say how much of a block the collector took rather than Grounded's code. The web
 * extension host has no such entries: there, nothing is recorded and the figures are unknown.
 */

interface GcEntry {
  startTime: number;
  duration: number;
}

interface Observer {
  observe(options: { entryTypes: string[] }): void;
  takeRecords(): GcEntry[];
  disconnect(): void;
}

type ObserverClass = (new (callback: (list: { getEntries(): GcEntry[] }) => void) => Observer) & { supportedEntryTypes?: readonly string[] };

export class GcPauses {
  private readonly pauses: { start: number; end: number }[] = [];
  private readonly observer: Observer | undefined;

  constructor() {
    const PerformanceObserver = (globalThis as { PerformanceObserver?: ObserverClass }).PerformanceObserver;
    if (!PerformanceObserver?.supportedEntryTypes?.includes('gc')) return;
    this.observer = new PerformanceObserver((list) => this.note(list.getEntries()));
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /**
   * Milliseconds the collector paused the host between `from` and `to` (`performance.now()` times);
   * undefined where the host does not report its collections.
   */
  within(from: number, to: number): number | undefined {
    if (!this.observer) return undefined;
    // Entries reach the callback a moment after the pause: the ones still on their way too.
    this.note(this.observer.takeRecords());
    let total = 0;
    for (const { start, end } of this.pauses) total += Math.max(0, Math.min(end, to) - Math.max(start, from));
    return total;
  }

  dispose(): void {
    this.observer?.disconnect();
  }

  private note(entries: readonly GcEntry[]): void {
    for (const { startTime, duration } of entries) this.pauses.push({ start: startTime, end: startTime + duration });
  }
}
