/**
 * The Frequencies and Saturation tabs: their tables and notes are drawn at once, with the page's own
 * code; the chart above them comes from the charts bundle (charts-loader.ts), which the first chart
 * tab loads. Until it has loaded the place says so, and if it cannot be loaded the place says why
 * and what to do: the counts never wait for the chart, nor are they lost with it.
 */
import type { CodeFrequency, SaturationStep } from '../core/analysis';
import type { ProjectOutline } from '../protocol';
import type { ChartViews, ChartViewsState } from './charts-loader';
import { el } from './dom';

/** Segments per code (with sub-codes) as bars, and a table a keyboard can read and sort. */
export function frequenciesTab(frequencies: CodeFrequency[], outline: ProjectOutline, charts: ChartViewsState): HTMLElement {
  const root = el('section', { 'aria-label': 'Frequencies' });
  const sorted = [...frequencies].sort((a, b) => b.withSubcodes.segments - a.withSubcodes.segments || a.path.localeCompare(b.path));
  const colors = new Map(outline.codes.map((c) => [c.id, c.color]));
  root.append(chartPlace(charts, (views) => views.frequenciesChart(sorted, colors)));
  const header = ['Code', 'Segments', 'Words', 'Transcripts', 'Participants', 'Segments with sub-codes', 'Participants with sub-codes'];
  const rows = sorted.map((f) => [f.path, f.own.segments, f.own.words, f.own.transcripts, f.own.participants, f.withSubcodes.segments, f.withSubcodes.participants]);
  root.append(sortableTable(header, rows));
  return root;
}

/** New codes per transcript in interview order (bars) and the codebook's size so far (line). */
export function saturationTab(steps: SaturationStep[], summary: string, charts: ChartViewsState): HTMLElement {
  const root = el('section', { 'aria-label': 'Saturation' });
  root.append(chartPlace(charts, (views) => views.saturationChart(steps)));
  root.append(el('p', { class: 'note' }, summary));
  root.append(sortableTable(['Transcript', 'Date', 'New codes', 'Codes so far'], steps.map((s) => [s.participant, s.date ?? '', s.newCodes.length, s.cumulative])));
  return root;
}

function chartPlace(charts: ChartViewsState, draw: (views: ChartViews) => HTMLElement): HTMLElement {
  if ('views' in charts) return draw(charts.views);
  if ('loading' in charts) return el('p', { class: 'note', role: 'status' }, 'Loading the chart…');
  return el('p', { class: 'problem', role: 'alert' }, `The chart cannot be shown: ${charts.failed}. The numbers are in the table below. Close the Analysis panel and open it again; if that does not help, reinstall Grounded.`);
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
