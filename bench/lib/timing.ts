/** The middle value: one slow run (a GC pause, another process) does not move it. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall-clock time of `runs` calls, in milliseconds. */
export function timeMs(runs: number, action: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    action();
    times.push(performance.now() - started);
  }
  return median(times);
}
