/**
 * The page's clock for its first-paint marks. Imported first by a page's main module, so that
 * `scriptBegan` is taken before the rest of the bundle is evaluated.
 */
export const wallClock = (): number => performance.timeOrigin + performance.now();

export const scriptBegan = wallClock();

let loadedAt: number | undefined;
window.addEventListener('load', () => (loadedAt = wallClock()), { once: true });

/** When the page's load event came, once it has. */
export function loaded(): number | undefined {
  return loadedAt;
}

/** When the bundle named `name` began to be fetched and had arrived, by the page's resource timing. */
export function fetchOf(name: string): { scriptFetchStart?: number; scriptFetched?: number } {
  const entry = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.includes(name));
  return entry ? { scriptFetchStart: performance.timeOrigin + entry.fetchStart, scriptFetched: performance.timeOrigin + entry.responseEnd } : {};
}
