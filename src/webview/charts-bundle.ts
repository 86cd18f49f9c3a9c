/**
 * The charts as a bundle of their own (`dist/webview/charts-bundle.js`): Chart.js is more than
 * half of the Analysis panel's code, and only the Frequencies and Saturation tabs draw charts. The
 * panel loads this script the first time one of those tabs is shown (see charts-loader.ts), so the
 * Segments tab, which a panel most often opens on, starts without it.
 */
import { frequenciesChart, saturationChart } from './charts-view';
import { CHARTS_GLOBAL, type ChartViews } from './charts-loader';

const views: ChartViews = { frequenciesChart, saturationChart };
(globalThis as Record<string, unknown>)[CHARTS_GLOBAL] = views;
