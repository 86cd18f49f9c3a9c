import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { CodeFrequency, SaturationStep } from '../core/analysis';
import type { ProjectOutline } from '../protocol';
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

/** Segments per code (with sub-codes) as bars, and a table a keyboard can read and sort. */
export function frequenciesView(frequencies: CodeFrequency[], outline: ProjectOutline): HTMLElement {
  const root = el('section', { 'aria-label': 'Frequencies' });
  const sorted = [...frequencies].sort((a, b) => b.withSubcodes.segments - a.withSubcodes.segments || a.path.localeCompare(b.path));
  const colors = new Map(outline.codes.map((c) => [c.id, c.color]));
  const { box, canvas } = chartCanvas('Segments per code');
  root.append(box);
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
  const header = ['Code', 'Segments', 'Words', 'Transcripts', 'Participants', 'Segments with sub-codes', 'Participants with sub-codes'];
  const rows = sorted.map((f) => [f.path, f.own.segments, f.own.words, f.own.transcripts, f.own.participants, f.withSubcodes.segments, f.withSubcodes.participants]);
  root.append(sortableTable(header, rows));
  return root;
}

/** New codes per transcript in interview order (bars) and the codebook's size so far (line). */
export function saturationView(steps: SaturationStep[]): HTMLElement {
  const root = el('section', { 'aria-label': 'Saturation' });
  const { box, canvas } = chartCanvas('New codes per transcript in interview order');
  root.append(box);
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
  const last = steps.slice(-3);
  const growing = last.some((s) => s.newCodes.length > 0);
  root.append(el('p', { class: 'note' }, steps.length === 0 ? 'No transcripts.' : growing ? `The last ${last.length} transcripts still brought ${last.reduce((n, s) => n + s.newCodes.length, 0)} new code(s): the codebook is still growing.` : `The last ${last.length} transcripts brought no new code.`));
  root.append(sortableTable(['Transcript', 'Date', 'New codes', 'Codes so far'], steps.map((s) => [s.participant, s.date ?? '', s.newCodes.length, s.cumulative])));
  return root;
}

function sortableTable(header: string[], rows: (string | number)[][]): HTMLElement {
  const tbody = el('tbody');
  const fill = (sorted: (string | number)[][]) => {
    tbody.replaceChildren(...sorted.map((row) => el('tr', {}, ...row.map((v, i) => (i === 0 ? el('th', { scope: 'row' }, String(v)) : el('td', {}, String(v)))))));
  };
  let sortedBy = -1;
  const headings = header.map((h, i) => {
    const button = el('button', { title: `Sort by ${h}` }, h);
    button.addEventListener('click', () => {
      const descending = sortedBy !== i;
      sortedBy = descending ? i : -1;
      for (const other of headings) other.removeAttribute('aria-sort');
      button.parentElement?.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      fill([...rows].sort((a, b) => (typeof a[i] === 'number' ? (b[i] as number) - (a[i] as number) : String(a[i]).localeCompare(String(b[i]))) * (descending ? 1 : -1)));
    });
    return el('th', { scope: 'col' }, button);
  });
  fill(rows);
  return el('table', { class: 'matrix' }, el('thead', {}, el('tr', {}, ...headings)), tbody);
}
