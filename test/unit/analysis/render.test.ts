import { strict as assert } from 'node:assert';
import { AnalysisContext, retrieveSegments } from '../../../src/core/analysis';
import { createHash } from 'node:crypto';
import { codeSection, REPORT_STYLE, REPORT_STYLE_HASH, reportAsHtml, reportAsMarkdown } from '../../../src/core/analysis/render/report';
import { hitsAsMarkdown } from '../../../src/core/analysis/render/render-results';
import { csvTable, markdownTable } from '../../../src/core/analysis/render/table-text';
import { tidyCsv } from '../../../src/core/analysis/render/tidy-csv';
import { fixtureProject } from './analysis-fixture';

const HOSTILE = '[click](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D) <img src=x onerror=alert(1)> **bold** https://example.org';

function hostileProject() {
  const project = fixtureProject();
  project.codes[0].name = HOSTILE;
  project.codes[0].description = '<script>alert(1)</script>';
  project.transcripts[0].participant = '<b>Ana</b>';
  return project;
}

describe('analysis output', () => {
  it('writes one tidy CSV row per segment and code, with attributes as columns, in interview order', () => {
    const csv = tidyCsv(new AnalysisContext(fixtureProject()));
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'transcript,participant,coder,segment,code_id,code,start,end,words,speaker,approximate,age,interview_date,sector,quote');
    assert.equal(lines.length, 1 + 6);
    assert.match(lines[1], /^b\.md,Ben,dana,s5,inv,Invalidation,\d+,\d+,4,Ben,false,40,2023-12-01,advocacy,Nobody listened to me\.$/);
    assert.ok(lines.some((l) => l.startsWith('a.md,Ana,sam,s4,low,Pay/Low pay,')));
  });

  it('keeps attributes named like a fixed column in columns of their own, prefixed attr_', () => {
    const project = fixtureProject();
    // Ana's front matter has quote, code and attr_code; Ben's has segment. participant is the participant column.
    Object.assign(project.transcripts[0].attributes, { quote: 'Home is where', code: 'A-7', attr_code: 'x', participant: 'Ana' });
    Object.assign(project.transcripts[1].attributes, { segment: 'north' });
    const lines = tidyCsv(new AnalysisContext(project)).trimEnd().split('\r\n');
    // Sorted attributes: age, attr_code, code, interview_date, quote, sector, segment.
    // code → attr_code is taken by an attribute → attr_attr_code; quote → attr_quote; segment → attr_segment.
    assert.equal(lines[0], 'transcript,participant,coder,segment,code_id,code,start,end,words,speaker,approximate,age,attr_code,attr_attr_code,interview_date,attr_quote,sector,attr_segment,quote');
    // Ben's row (s5): his segment attribute under attr_segment, the quote last; Ana's values empty.
    assert.match(lines[1], /^b\.md,Ben,dana,s5,inv,Invalidation,\d+,\d+,4,Ben,false,40,,,2023-12-01,,advocacy,north,Nobody listened to me\.$/);
    const ana = lines.find((l) => l.startsWith('a.md,Ana,sam,s3,'))!;
    assert.match(ana, /,25,x,A-7,2024-01-10,Home is where,housing,,My family helped\.$/);
  });

  it('defuses spreadsheet formulas and quotes what needs quoting in CSV', () => {
    assert.equal(csvTable(['a', 'b'], [['=HYPERLINK("x")', 'one, "two"\nthree']]), 'a,b\r\n\'=HYPERLINK(""x"")","one, ""two""\nthree"\r\n'.replace('\'=HYPERLINK(""x"")"', '"\'=HYPERLINK(""x"")"'));
    assert.equal(csvTable(['n'], [[-3]]), 'n\r\n-3\r\n');
    assert.equal(csvTable(['t'], [['-3 days']]), "t\r\n'-3 days\r\n");
    // A group of a number attribute is text, but exactly a number: no formula, so left as it is.
    assert.equal(csvTable(['group'], [['-2'], ['-2.5'], ['7']]), 'group\r\n-2\r\n-2.5\r\n7\r\n');
    // Anything more than a number keeps the guard: a sum, a sign before a cell reference, a trailing word.
    assert.equal(csvTable(['t'], [['-2+3'], ['+5'], ['-A1'], ['-2 ']]), "t\r\n'-2+3\r\n'+5\r\n'-A1\r\n'-2 \r\n");
  });

  it('escapes code names and quotes in Markdown so nothing becomes a link, a command or HTML', () => {
    const context = new AnalysisContext(hostileProject());
    const markdown = hitsAsMarkdown(context, retrieveSegments(context), 'code') + markdownTable(['code'], [[HOSTILE]]);
    assert.doesNotMatch(markdown, /(?<!\\)\]\(command:/);
    assert.doesNotMatch(markdown, /(?<!\\)<img/);
    assert.doesNotMatch(markdown, /(?<!\\)\*\*bold/);
    assert.doesNotMatch(markdown, /https:\/\//);
    assert.match(markdown, /\\\[click\\\]\(command:workbench/);
  });

  it('writes out the references in a memo as the memo report does: codes by name, segments quoted', () => {
    const project = fixtureProject();
    project.codes.push({ id: 'c-eev1kyas3c52', name: 'Fear of authorities', parent: null });
    // s2, Ana's "The pay was low.", with an id as the editor makes them.
    project.segments[1].id = 's-10w36s4vbf7t';
    const body = 'Pay and [[c-eev1kyas3c52|old name]] meet in [[s-10w36s4vbf7t|the low pay]], again [[s-10w36s4vbf7t]].\n\nBy name: [[Family]]. Gone: [[s-000000000000|a quote]], [[Nobody]].';
    project.memos = [{ path: 'memos/pay.md', title: 'Pay', codes: ['pay'], transcripts: [], body }];
    const section = codeSection(new AnalysisContext(project), 'pay');
    const markdown = reportAsMarkdown('Study', [section]);
    // The code by its name now, the segment by its label (or "(quoted below)"), a broken one by its label or target.
    assert.ok(markdown.includes('Pay and Fear of authorities meet in the low pay, again (quoted below).\n\nBy name: Family. Gone: a quote, Nobody.\n'), markdown);
    // The cited passage once, quoted after the memo with its participant; then what leads nowhere, and why.
    assert.ok(markdown.includes('\n> The pay was low.\n>\n> — Ana, a.md\n'), markdown);
    assert.ok(markdown.includes('*(s-000000000000: not in the current text of any transcript (deleted, or could not be placed: see grounded validate))*'), markdown);
    assert.ok(markdown.includes('*(Nobody: no code is named "Nobody" (renamed? references by id survive renaming))*'), markdown);
    assert.equal(markdown.match(/> The pay was low\./g)!.length, 2, 'once for the memo, once among the passages of Pay');
    assert.doesNotMatch(markdown, /\\\[\\\[|\[\[/);
    const html = reportAsHtml('Study', [section]);
    assert.ok(html.includes('<p>Pay and Fear of authorities meet in the low pay, again (quoted below).</p>'), html);
    assert.ok(html.includes('<blockquote><p>The pay was low.</p><p class="where">— Ana, a.md</p></blockquote><p class="where">(s-000000000000: '), html);
    assert.doesNotMatch(html, /\[\[/);
  });

  it('reports a code with its definition and passages grouped by participant, as Markdown and as inert HTML', () => {
    const context = new AnalysisContext(fixtureProject());
    const section = codeSection(context, 'pay');
    assert.deepEqual(section.groups.map((g) => [g.participant, g.hits.map((h) => h.text)]), [
      ['Ben', ['Money was short.']],
      ['Ana', ['The pay was low.', 'pay was low']],
    ]);
    assert.equal(section.summary, '3 segments · 7 words · 2 participants (with sub-codes)');
    assert.match(reportAsMarkdown('Study', [section]), /## Pay\n\n3 segments/);
    // One of a kind is written in the singular: Family has one segment, of one participant.
    assert.equal(codeSection(context, 'fam').summary, '1 segment · 3 words · 1 participant (with sub-codes)');

    const hostile = new AnalysisContext(hostileProject());
    const html = reportAsHtml('<Study>', [codeSection(hostile, 'inv')]);
    assert.doesNotMatch(html, /<script>|<img|<b>Ana/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'"/);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    // The policy allows the report's own style sheet and nothing else.
    assert.equal(REPORT_STYLE_HASH, `sha256-${createHash('sha256').update(REPORT_STYLE, 'utf8').digest('base64')}`);
  });
});
