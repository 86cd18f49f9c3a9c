/**
 * Tables as Markdown and CSV. Cells are untrusted (code names, quotes): Markdown cells escape every
 * character that could start markup, a link or HTML, so a pasted report or a pull-request comment
 * shows the text as written; CSV cells that a spreadsheet would run as a formula are defused.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import { controlsAsSpaces, showBidiControls } from '../../views/untrusted-text';

/** Untrusted text that must stay on one line (a heading, a name): line breaks become spaces. */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' '));
}

export type Cell = string | number;

export function markdownTable(header: Cell[], rows: Cell[][], align: ('left' | 'right')[] = []): string {
  const line = (cells: Cell[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (align[i] === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

/** One cell of a Markdown table: literal text on one line. */
export function markdownCell(value: Cell): string {
  return escapeMarkdown(String(value)).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/**
 * Text that renders literally in CommonMark/GFM — no emphasis, link, image, HTML, code, heading,
 * list, quote or autolink — while staying readable in a terminal: only what could start markup is
 * escaped (brackets, so no link; `<`, so no HTML; block markers at a line's start; the `://`, `www.`
 * and `@` that GFM turns into links by themselves).
 */
export function escapeMarkdown(text: string): string {
  return controlsAsSpaces(showBidiControls(text))
    .replace(/[\\`*_[\]<>|~&!{}$]/g, '\\$&')
    .replace(/^([ \t]*)([#+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/**
 * RFC 4180 CSV (quoted where needed, CRLF between records). A cell starting with =, +, -, @, tab or
 * carriage return is prefixed with an apostrophe: spreadsheets run such cells as formulas (CSV
 * injection), and quotes come from interviews and collaborators' files. A cell that is exactly a
 * number (`-2`, a group of a number attribute) is not a formula and is written as it is, so R and
 * Python read it as the number.
 */
export function csvTable(header: Cell[], rows: Cell[][]): string {
  return stringify([header, ...rows].map((row) => row.map(csvCell)), { record_delimiter: 'windows' });
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function csvCell(value: Cell): Cell {
  if (typeof value === 'number' || PLAIN_NUMBER.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function formatNumber(value: number, digits = 1): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}
