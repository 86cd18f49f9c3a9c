/**
 * The coding diff as Markdown for a pull-request comment: a summary table first, then per
 * transcript the changed passages (gained words in bold, lost words struck through), then the
 * codebook, memos and attributes. Every value from the project is escaped (see escape.ts).
 * Without quotes (privacy mode) no interview text, memo title or attribute value appears.
 */
import { escapeMarkdown, inline, marked } from './escape';
import type { CodebookChange, CodingDiff, DefinitionField, SegmentChange, SegmentChangeKind, TranscriptDiff, UnreadableFile } from './types';

export interface MarkdownOptions {
  /** Show quotes, comments, memo titles and attribute values; false: counts, names and lines only. */
  quotes: boolean;
  /** The revisions compared, for the heading (escaped too). */
  base?: string;
  head?: string;
  /** A transcript with more changes than this is folded in <details>. Default 8. */
  fold?: number;
  /** Stop listing passages past this many characters (GitHub comments hold 65,536). Default 60,000. */
  maxLength?: number;
}

const LABELS: Record<SegmentChangeKind, string> = {
  added: 'added',
  removed: 'removed',
  recoded: 'recoded',
  rebounded: 're-bounded',
  commented: 'comment changed',
  moved: 'moved by a text edit',
  'needs-review': 'needs review',
};

/** The longest quote shown whole; longer ones keep their start and end. */
const QUOTE_LIMIT = 400;

export function renderMarkdown(diff: CodingDiff, options: MarkdownOptions): string {
  const out: string[] = [];
  const revs = options.base !== undefined && options.head !== undefined ? ` (${inline(options.base)} → ${inline(options.head)})` : '';
  out.push(`### Coding changes${revs}`, '');
  out.push(...unreadableSection(diff.problems, options));
  if (isEmpty(diff)) {
    out.push(diff.problems.length > 0 ? 'No changes to coding, codes, memos or attributes in the files that could be read.' : 'No changes to coding, codes, memos or attributes.', '');
    return out.join('\n');
  }
  out.push(totalsLine(diff), '');
  if (!options.quotes) out.push('_Privacy mode: no interview text, memo titles or attribute values are shown._', '');
  out.push(...summaryTable(diff));
  const tail = [...codebookSection(diff), ...memoSection(diff, options), ...attributeSection(diff, options)];
  const budget = (options.maxLength ?? 60_000) - tail.join('\n').length - out.join('\n').length - 400;
  out.push(...transcriptSections(diff, options, budget), ...tail);
  return out.join('\n');
}

/** Files listed one by one before the rest are summed up: a botched merge can conflict hundreds. */
const UNREADABLE_SHOWN = 20;

/**
 * First, since everything below leaves these files out. One line per file and side, with its
 * first problem; in privacy mode only what kind of problem, as a message can quote a record.
 */
function unreadableSection(problems: readonly UnreadableFile[], options: MarkdownOptions): string[] {
  if (problems.length === 0) return [];
  const files = new Map<string, UnreadableFile[]>();
  for (const p of problems) {
    const key = `${p.side}\u0000${p.path}`;
    files.set(key, [...(files.get(key) ?? []), p]);
  }
  const lines = [...files.values()].slice(0, UNREADABLE_SHOWN).map(([first, ...rest]) => {
    const where = `${first.side} · ${inline(first.path)}${first.line === undefined ? '' : ` line ${first.line}`}`;
    const reason = options.quotes ? inline(first.message) : first.kind === 'merge-conflict' ? 'unresolved git merge conflict' : 'not a valid Grounded file';
    return `- ${where}: ${reason}${rest.length > 0 ? ` (and ${rest.length} more problem(s) in this file)` : ''}`;
  });
  if (files.size > UNREADABLE_SHOWN) lines.push(`- … and ${files.size - UNREADABLE_SHOWN} more file(s): run \`grounded validate\` on each side to see them.`);
  const heading = `**Unreadable files (${files.size}):** their records are left out of this comparison on both sides, not shown as added or removed. Fix them and compare again.`;
  return [heading, '', ...lines, ''];
}

function isEmpty(diff: CodingDiff): boolean {
  return diff.transcripts.length === 0 && diff.codebook.length === 0 && diff.memos.length === 0 && diff.attributes.length === 0;
}

function totalsLine(diff: CodingDiff): string {
  const parts = (Object.keys(LABELS) as SegmentChangeKind[]).filter((k) => diff.totals[k] > 0).map((k) => `${diff.totals[k]} ${LABELS[k]}`);
  const segments = parts.length > 0 ? `Segments: ${parts.join(' · ')}` : 'No segment changes';
  return `${segments} — in ${diff.transcripts.length} transcript(s); ${diff.codebook.length} codebook, ${diff.memos.length} memo and ${diff.attributes.length} attribute change(s).`;
}

function summaryTable(diff: CodingDiff): string[] {
  if (diff.summary.length === 0) return [];
  const rows = diff.summary.map((r) => `| ${inline(r.coder)} | ${inline(r.codeName)} | ${r.added > 0 ? `+${r.added}` : ''} | ${r.removed > 0 ? `−${r.removed}` : ''} |`);
  return ['| Coder | Code | Applied | Removed |', '|---|---|--:|--:|', ...rows, ''];
}

function transcriptSections(diff: CodingDiff, options: MarkdownOptions, budget: number): string[] {
  if (diff.transcripts.length === 0) return [];
  const out: string[] = ['#### Transcripts', ''];
  let used = 0;
  for (let i = 0; i < diff.transcripts.length; i++) {
    const section = transcriptSection(diff.transcripts[i], diff, options);
    const size = section.join('\n').length;
    if (used + size > budget) {
      out.push(`_… and ${diff.transcripts.length - i} more transcript(s) not shown here: run \`grounded diff\` locally to see them._`, '');
      break;
    }
    out.push(...section);
    used += size;
  }
  return out;
}

function transcriptSection(t: TranscriptDiff, diff: CodingDiff, options: MarkdownOptions): string[] {
  const coding = t.changes.filter((c) => !isOnlyMoved(c));
  const moved = t.changes.filter(isOnlyMoved);
  const text = t.file === 'deleted' ? 'the transcript file was deleted, its coding left behind' : t.file === 'created' ? 'the transcript file was created' : t.textChanged && t.status === 'changed' ? 'its text was edited' : '';
  const notes = [t.renamedFrom !== undefined ? `moved from ${inline(t.renamedFrom)}` : '', t.status === 'added' ? 'new transcript' : t.status === 'removed' ? 'transcript removed' : '', text]
    .filter((n) => n !== '')
    .join(', ');
  const out = [`**${inline(t.path)}**${notes ? ` — ${notes}` : ''}`, ''];
  const items = coding.map((c) => changeItem(c, diff, options));
  const fold = options.fold ?? 8;
  if (items.length > fold) out.push('<details>', `<summary>${items.length} changed segments</summary>`, '', ...items, '', '</details>', '');
  else if (items.length > 0) out.push(...items, '');
  if (moved.length > 0) {
    const list = moved.map((c) => `- ${inline(c.coder)} · ${codeList(c.codes, diff)} · ${lineOf(c)} (was ${rangeText(c.rangeBefore)})`);
    out.push('<details>', `<summary>${moved.length} segment(s) only moved because the transcript text changed — not a coding change</summary>`, '', ...list, '', '</details>', '');
  }
  return out;
}

function isOnlyMoved(c: SegmentChange): boolean {
  return c.kinds.length === 1 && c.kinds[0] === 'moved';
}

function changeItem(c: SegmentChange, diff: CodingDiff, options: MarkdownOptions): string {
  const kinds = c.kinds.map((k) => (k === 'needs-review' ? `**${LABELS[k]}** (${c.status === 'orphan' ? 'not found in the text' : 'placed approximately'})` : LABELS[k])).join(', ');
  const codes = c.codesBefore ? `${codeList(c.codesBefore, diff)} → ${codeList(c.codes, diff)}` : codeList(c.codes, diff);
  const head = `- ${kinds} · ${inline(c.coder)} · ${codes} · ${lineOf(c)}`;
  if (!options.quotes) return c.edges ? `${head} · ${edgeCounts(c)}` : head;
  const lines = [head, `  > ${quoteOf(c)}`];
  if (c.kinds.includes('commented')) lines.push(`  > _comment:_ ${c.commentBefore ? `${marked(c.commentBefore, '~~')} → ` : ''}${c.comment ? inline(c.comment) : '(removed)'}`);
  return lines.join('\n');
}

/** The quote with its changed edges marked: gained words bold, lost words struck through. */
function quoteOf(c: SegmentChange): string {
  if (c.edges) {
    const { start, end } = c.edges;
    const core = trimCore(c.quote, start.gained, end.gained);
    return `${marked(start.lost, '~~')}${marked(start.gained, '**')}${shorten(core)}${marked(end.gained, '**')}${marked(end.lost, '~~')}`;
  }
  if (c.quoteBefore !== undefined) return `${marked(shortenRaw(c.quoteBefore), '~~')} → ${shorten(c.quote)}`;
  return shorten(c.quote);
}

function trimCore(quote: string, gainedStart: string, gainedEnd: string): string {
  return quote.slice(gainedStart.length, quote.length - gainedEnd.length);
}

function shorten(text: string): string {
  return inline(shortenRaw(text));
}

function shortenRaw(text: string): string {
  if (text.length <= QUOTE_LIMIT) return text;
  const half = QUOTE_LIMIT / 2;
  return `${text.slice(0, half)} … ${text.slice(-half)}`;
}

function edgeCounts(c: SegmentChange): string {
  const words = (s: string): number => (s.trim() === '' ? 0 : s.trim().split(/\s+/).length);
  const { start, end } = c.edges!;
  const gained = words(start.gained) + words(end.gained);
  const lost = words(start.lost) + words(end.lost);
  return `${gained} word(s) gained, ${lost} lost at the edges`;
}

function codeList(codes: readonly string[], diff: CodingDiff): string {
  return codes.map((id) => `_${inline(diff.codeNames[id] ?? id)}_`).join(', ');
}

function lineOf(c: SegmentChange): string {
  return c.line === null ? 'not placed' : `line ${c.line} (${rangeText(c.range)})`;
}

function rangeText(range: { start: number; end: number } | null | undefined): string {
  return range ? `${range.start}–${range.end}` : 'not placed';
}

function codebookSection(diff: CodingDiff): string[] {
  if (diff.codebook.length === 0) return [];
  return ['#### Codebook', '', ...diff.codebook.map((c) => `- ${codebookLine(c)}`), ''];
}

function codebookLine(c: CodebookChange): string {
  const n = (count: number): string => `${count} segment(s)`;
  switch (c.kind) {
    case 'added':
      return `added _${inline(c.name)}_ (${n(c.segments)})`;
    case 'deleted':
      return `deleted _${inline(c.name)}_ (${n(c.segments)} had it)`;
    case 'renamed':
      return `renamed _${inline(c.from)}_ → _${inline(c.to)}_ (${n(c.segments)})`;
    case 'recoloured':
      return `recoloured _${inline(c.name)}_ ${inline(c.from)} → ${inline(c.to)}`;
    case 'moved':
      return `moved _${inline(c.name)}_ from ${c.fromName === null ? 'the top level' : `_${inline(c.fromName)}_`} to ${c.toName === null ? 'the top level' : `_${inline(c.toName)}_`} (${n(c.segments)})`;
    case 'described':
      return `description of _${inline(c.name)}_ changed`;
    case 'redefined':
      return `${listed(c.fields.map((f) => DEFINITION_LABELS[f]))} of _${inline(c.name)}_ changed`;
    case 'merged':
      return `merged _${inline(c.name)}_ into _${inline(c.intoName)}_ (${n(c.segments)} moved)`;
    case 'split':
      return `split _${inline(c.name)}_${c.kept ? '' : ' (deleted)'} into ${c.into.map((t) => `_${inline(t.name)}_ (${n(t.segments)})`).join(', ')}`;
    case 'gathered':
    case 'ungathered': {
      const names = c.codes.map((g) => `_${inline(g.name)}_`).join(', ');
      const what = c.kind === 'gathered' ? `gathered ${names} (${n(c.segments)}) into _${inline(c.name)}_` : `un-gathered ${names} (${n(c.segments)}) from _${inline(c.name)}_`;
      return `${what} — by ${inline(c.by)}`;
    }
    case 'related':
    case 'unrelated':
    case 'renoted': {
      const relation = `_${inline(c.name)}_ ${inline(c.type.replace(/-/g, ' '))} _${inline(c.targetName)}_`;
      return c.kind === 'related' ? `related ${relation}` : c.kind === 'unrelated' ? `removed the relation ${relation}` : `changed the note on ${relation}`;
    }
  }
}

const DEFINITION_LABELS: Record<DefinitionField, string> = { inclusion: 'inclusion criteria', exclusion: 'exclusion criteria', example: 'example' };

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function memoSection(diff: CodingDiff, options: MarkdownOptions): string[] {
  if (diff.memos.length === 0) return [];
  const lines = diff.memos.map((m) => {
    const title = options.quotes ? ` — ${m.titleBefore !== undefined ? `${marked(m.titleBefore, '~~')} → ` : ''}${inline(m.title)}` : '';
    return `- ${m.kind} ${inline(m.path)}${title}`;
  });
  return ['#### Memos', '', ...lines, ''];
}

function attributeSection(diff: CodingDiff, options: MarkdownOptions): string[] {
  if (diff.attributes.length === 0) return [];
  const value = (v: string | null): string => (v === null ? '(none)' : escapeMarkdown(v));
  const rows = diff.attributes.map((a) =>
    options.quotes ? `| ${inline(a.transcript)} | ${inline(a.attribute)} | ${value(a.before)} | ${value(a.after)} |` : `| ${inline(a.transcript)} | ${inline(a.attribute)} | changed | |`,
  );
  return ["#### Participants' attributes", '', '| Transcript | Attribute | Before | After |', '|---|---|---|---|', ...rows, ''];
}
