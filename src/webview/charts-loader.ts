/**
 * Loads the chart views' bundle on first need. The script element carries the page's nonce, so the
 * Content Security Policy stays as strict as it is (only scripts with the nonce run); its address
 * comes from the page (`data-charts` on the root), set by the extension to a file of its own.
 */
import type { frequenciesView, saturationView } from './charts-view';

export interface ChartViews {
  frequenciesView: typeof frequenciesView;
  saturationView: typeof saturationView;
}

/** Where the charts bundle leaves its views. */
export const CHARTS_GLOBAL = 'groundedChartViews';

let loading: Promise<ChartViews> | undefined;

/** The chart views when their bundle has run, else undefined (and the bundle starts loading). */
export function chartViewsNow(root: HTMLElement, onLoaded: () => void): ChartViews | undefined {
  const loaded = (globalThis as Record<string, unknown>)[CHARTS_GLOBAL] as ChartViews | undefined;
  if (loaded) return loaded;
  loading ??= load(root);
  loading.then(onLoaded, () => undefined);
  return undefined;
}

function load(root: HTMLElement): Promise<ChartViews> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.nonce = root.dataset.nonce ?? '';
    script.src = root.dataset.charts ?? '';
    script.addEventListener('load', () => {
      const views = (globalThis as Record<string, unknown>)[CHARTS_GLOBAL] as ChartViews | undefined;
      if (views) resolve(views);
      else reject(new Error('the charts bundle did not load'));
    });
    script.addEventListener('error', () => {
      // Asked again next time rather than failing for good.
      loading = undefined;
      reject(new Error('the charts bundle could not be loaded'));
    });
    document.head.append(script);
  });
}
