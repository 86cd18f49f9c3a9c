import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { CodeFrequency, SaturationStep } from '../core/analysis';
import { el } from './dom';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

/** Chart colours from the theme, so dark and light themes both read. */
function theme(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

let current: Chart | undefined;

function chartCanvas(label: string): { box: HTMLElement; canvas: HTMLCanvasElement } {
  current?.destroy();
  current = undefined;
  const canvas = el('canvas', { role: 'img', 'aria-label': label });
  return { box: el('div', { class: 'chart' }, canvas), canvas };
}

function baseOptions() {
  const foreground = theme('--vscode-foreground', '#888');
  const grid = theme('--vscode-editorWidget-border', '#8884');
  return {
    maintainAspectRatio: false,
    animation: false as const,
    color: foreground,
    scales: {
      x: { ticks: { color: foreground }, grid: { color: grid } },
      y: { ticks: { color: foreground }, grid: { color: grid }, beginAtZero: true },
    },
  };
}

/** Segments per code (with sub-codes) as bars, in the order given (the table's). */
export function frequenciesChart(sorted: readonly CodeFrequency[], colors: ReadonlyMap<string, string>): HTMLElement {
  const { box, canvas } = chartCanvas('Segments per code');
  queueMicrotask(() => {
    current = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: sorted.map((f) => f.path),
        datasets: [{ label: 'Segments (with sub-codes)', data: sorted.map((f) => f.withSubcodes.segments), backgroundColor: sorted.map((f) => colors.get(f.code) ?? theme('--vscode-charts-blue', '#37f')) }],
      },
      options: { ...baseOptions(), indexAxis: 'y' },
    });
  });
  return box;
}

/** New codes per transcript in interview order (bars) and the codebook's size so far (line). */
export function saturationChart(steps: readonly SaturationStep[]): HTMLElement {
  const { box, canvas } = chartCanvas('New codes per transcript in interview order');
  queueMicrotask(() => {
    current = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: steps.map((s) => (s.date ? `${s.participant} (${s.date})` : s.participant)),
        datasets: [
          { type: 'bar', label: 'New codes', data: steps.map((s) => s.newCodes.length), backgroundColor: theme('--vscode-charts-blue', '#37f') },
          { type: 'line', label: 'Codes so far', data: steps.map((s) => s.cumulative), borderColor: theme('--vscode-charts-orange', '#f80'), backgroundColor: theme('--vscode-charts-orange', '#f80') },
        ],
      },
      options: baseOptions(),
    });
  });
  return box;
}
