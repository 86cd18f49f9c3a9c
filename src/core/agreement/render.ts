import type { AgreementFigures, AgreementReport, CodeAgreement } from './types';

/**
 * Text renderings of an agreement report: a table for people (worst codes first) and CSV for
 * spreadsheets. Code names and paths are untrusted: control characters never reach a terminal, and
 * no CSV cell can start a spreadsheet formula.
 */

const UNIT_NAMES = { char: 'characters', turn: 'speaker turns', paragraph: 'paragraphs', line: 'lines' } as const;

export function renderAgreementTable(report: AgreementReport, project: string, options: { detail?: boolean; warnings?: readonly string[] } = {}): string {
  const two = report.coders.length === 2;
  const out: string[] = [];
  out.push(printable(project));
  out.push(`Agreement of ${report.coders.map((c) => `${printable(c.id)} (${printable(c.name)})`).join(', ')} over ${UNIT_NAMES[report.unit]}`);
  out.push(`uα on the character continuum: ${report.continuum}`);
  out.push(`${report.transcripts.length} transcript(s) compared`, '');
  const used = report.codes.filter((c) => Object.values(c.overall.counts.segments).some((n) => n > 0));
  const unused = report.codes.filter((c) => !used.includes(c));
  out.push(row('Code (worst first)', ['% agree', two ? 'Cohen κ' : 'Cohen κ*', 'Fleiss κ', 'Kripp. α', 'uα', 'segments']));
  for (const code of worstFirst(used, two)) {
    out.push(row(`  ${printable(code.path)}`, cells(code.overall), code.overall.warnings.length > 0 ? ' !' : ''));
    if (options.detail) for (const t of code.transcripts) out.push(row(`      ${printable(t.transcript)}`, cells(t), t.warnings.length > 0 ? ' !' : ''));
  }
  out.push(row('  All codes (pooled)', cells(report.overall)));
  out.push('', `segments: placed segments per coder (${report.coders.map((c) => printable(c.id)).join('/')})`);
  if (!two) out.push('', '* Cohen κ is defined for two coders: see the pairs in --json.');
  if (unused.length > 0) out.push('', `Not used by any coder: ${unused.map((c) => printable(c.path)).join(', ')}`);
  const warnings = [...(options.warnings ?? []), ...report.warnings, ...report.overall.warnings.map((w) => `All codes: ${w}`)];
  for (const code of used) {
    for (const w of code.overall.warnings) warnings.push(`${printable(code.path)}: ${w}`);
    if (options.detail) for (const t of code.transcripts) for (const w of t.warnings) warnings.push(`${printable(code.path)} in ${printable(t.transcript)}: ${w}`);
  }
  if (warnings.length > 0) out.push('', 'Warnings (!):', ...warnings.map((w) => `  ${printable(w)}`));
  return `${out.join('\n')}\n`;
}

export function renderAgreementCsv(report: AgreementReport): string {
  const coderColumns = report.coders.map((c) => `segments_${c.id}`);
  const header = ['code_id', 'code', 'transcript', 'unit', 'percent', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'unitized_alpha', 'items', 'agreeing', ...coderColumns, 'warnings'];
  const lines = [header.map(csvText).join(',')];
  const line = (id: string, name: string, transcript: string, f: AgreementFigures): void => {
    const numbers = [f.percent, f.cohen_kappa, f.fleiss_kappa, f.krippendorff_alpha, f.unitized_alpha, f.counts.items, f.counts.agreeing, ...report.coders.map((c) => f.counts.segments[c.id])];
    lines.push([csvText(id), csvText(name), csvText(transcript), report.unit, ...numbers.map((n) => (n === null || n === undefined ? '' : String(n))), csvText(f.warnings.join('; '))].join(','));
  };
  for (const code of report.codes) {
    line(code.id, code.path, '', code.overall);
    for (const t of code.transcripts) line(code.id, code.path, t.transcript, t);
  }
  line('', 'All codes (pooled)', '', report.overall);
  return `${lines.join('\n')}\n`;
}

function worstFirst(codes: readonly CodeAgreement[], two: boolean): CodeAgreement[] {
  const key = (c: CodeAgreement): number | null => (two ? c.overall.cohen_kappa : c.overall.krippendorff_alpha) ?? c.overall.unitized_alpha;
  return [...codes].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? a.path.localeCompare(b.path) : x === null ? 1 : -1;
    return x - y || a.path.localeCompare(b.path);
  });
}

function cells(f: AgreementFigures): string[] {
  const segments = Object.values(f.counts.segments).join('/');
  return [f.percent === null ? '—' : f.percent.toFixed(1), fixed(f.cohen_kappa), fixed(f.fleiss_kappa), fixed(f.krippendorff_alpha), fixed(f.unitized_alpha), segments];
}

function fixed(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

function row(label: string, values: string[], mark = ''): string {
  // Cut before an emoji (a surrogate pair) rather than through it.
  const cut = /[\uD800-\uDBFF]/.test(label[42] ?? '') ? 42 : 43;
  const name = label.length > 44 ? `${label.slice(0, cut)}…`.padEnd(44) : label.padEnd(44);
  return `${name} ${values.map((v, i) => (i === values.length - 1 ? `  ${v}` : v.padStart(9))).join('')}${mark}`;
}

/** Control characters (terminal escapes among them) shown as U+FFFD. */
function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? '\ufffd' : ch;
  }
  return out;
}

/** A CSV field: quoted when needed; a leading = + - @ or tab is defused so no formula runs. */
function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
