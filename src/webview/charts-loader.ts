/**
 * Loads the chart views' bundle on first need. The script element carries the page's nonce, so the
 * Content Security Policy stays as strict as it is (only scripts with the nonce run); its address
 * comes from the page (`data-charts` on the root), set by the extension to a file of its own.
 */
import type { frequenciesChart, saturationChart } from './charts-view';

export interface ChartViews {
  frequenciesChart: typeof frequenciesChart;
  saturationChart: typeof saturationChart;
}

/** Where the charts bundle leaves its views. */
export const CHARTS_GLOBAL = 'groundedChartViews';

let loading: Promise<ChartViews> | undefined;
/** Why the bundle could not be loaded, once that has happened (kept: asking again would loop). */
let failure: string | undefined;

export type ChartViewsState = { views: ChartViews } | { loading: true } | { failed: string };

/**
 * The chart views when their bundle has run; else whether it is still loading (it starts now, and
 * `onSettled` runs when it has loaded or failed) or why it could not be loaded.
 */
export function chartViewsNow(root: HTMLElement, onSettled: () => void): ChartViewsState {
  const loaded = (globalThis as Record<string, unknown>)[CHARTS_GLOBAL] as ChartViews | undefined;
  if (loaded) return { views: loaded };
  if (failure !== undefined) return { failed: failure };
  loading ??= load(root).catch((error: unknown) => {
    failure = error instanceof Error ? error.message : String(error);
    throw error;
  });
  loading.then(onSettled, onSettled);
  return { loading: true };
}

function load(root: HTMLElement): Promise<ChartViews> {
  return new Promise((resolve, reject) => {
    const source = root.dataset.charts;
    if (!source) return reject(new Error('the page does not say where the chart code is'));
    const script = document.createElement('script');
    script.nonce = root.dataset.nonce ?? '';
    script.src = source;
    script.addEventListener('load', () => {
      const views = (globalThis as Record<string, unknown>)[CHARTS_GLOBAL] as ChartViews | undefined;
      if (views) resolve(views);
      else reject(new Error('the chart code loaded but did not start'));
    });
    script.addEventListener('error', () => reject(new Error('the chart code could not be loaded')));
    document.head.append(script);
  });
}
