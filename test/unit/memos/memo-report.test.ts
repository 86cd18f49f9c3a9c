import assert from 'node:assert/strict';
import { buildMemoReport } from '../../../src/core/memos/memo-report';
import { memoReportAsHtml, memoReportAsMarkdown } from '../../../src/core/memos/memo-report-render';
import { normaliseText } from '../../../src/core/anchoring';
import { loadSnapshot } from '../../../src/core/project-index';
import { formatProblem } from '../../../src/core/storage/errors';
import { checkProject } from '../../../src/core/validation/project-check';
import { demoFileSystem } from '../pseudonymise/demo-files';

const FEAR = 'c-eev1kyas3c52';
const PHONE = 's-15v1f7k0dxp2';

function withMemos(memos: Record<string, string>) {
  const fs = demoFileSystem();
  for (const [path, text] of Object.entries(memos)) fs.files.set(path, text);
  return fs;
}

const THEORY = `---\nkind: theoretical\ndate: 2026-03-02\nsegments: [${PHONE}]\n---\n\n# Safety\n\n<script>alert(1)</script> Fear ([[${FEAR}|old name]]) comes first; see [[${PHONE}|the phone]].\n\nBroken: [[Nobody]].\n`;
const EARLY = `---\nkind: theoretical\ndate: 2026-01-10\n---\n\n# Early\n\nFirst idea.\n`;
const REFLEXIVE = `---\nkind: reflexive\ndate: 2025-12-01\n---\n\n# Me\n\nMy reaction.\n`;

describe('the memo report', () => {
  it('groups memos by kind in timeline order and quotes the segments they cite where they cite them', async () => {
    const fs = withMemos({ 'memos/theory.md': THEORY, 'memos/early.md': EARLY, 'memos/me.md': REFLEXIVE });
    const snapshot = await loadSnapshot(fs);
    const texts = Object.fromEntries(snapshot.memos.map((m) => [m.path, normaliseText(fs.files.get(m.path)!)]));
    const report = buildMemoReport(snapshot, texts);
    assert.deepEqual(report.groups.map((g) => [g.heading, g.memos.map((m) => m.title)]).slice(0, 2), [
      ['Theoretical memos', ['Early', 'Safety']],
      ['Reflexive memos', ['Me']],
    ]);
    const theory = report.groups[0].memos[1];
    assert.deepEqual(theory.blocks.map((b) => b.kind), ['quote', 'text', 'quote', 'text', 'missing']);
    assert.equal(theory.blocks[1].text, '<script>alert(1)</script> Fear (Fear of authorities) comes first; see the phone.');
    assert.equal(theory.blocks[2].text, 'A phone, a proper phone with my own number');
    assert.match(theory.blocks[4].text, /Nobody: no code is named "Nobody"/);

    const markdown = memoReportAsMarkdown(report);
        assert.ok(markdown.includes('\\<script\\>alert(1)\\</script\\> Fear (Fear of authorities) comes first; see the phone.\n\n> A phone, a proper phone with my own number\n>\n> — '));
    const html = memoReportAsHtml(report);
    assert.match(html, /content="default-src 'none'; style-src 'sha256-/);
    assert.doesNotMatch(html, /<script/);
    assert.ok(html.includes('<p>&lt;script&gt;alert(1)&lt;/script&gt; Fear (Fear of authorities)'));
  });

  it('shows a referenced code by its name as written, never as Markdown, and writes out references in a title', async () => {
    const fs = withMemos({ 'memos/odd.md': `---\nkind: theoretical\n---\n\n# How [[${FEAR}|fear]] shapes help\n\nPlain [[${FEAR}]] text.\n` });
    const path = `.grounded/codes/${FEAR}.json`;
    const code = JSON.parse(fs.files.get(path)!) as { name: string };
    fs.files.set(path, `${JSON.stringify({ ...code, name: 'Focused: `code` #hash [x](y) *star*' }, null, 2)}\n`);
    const snapshot = await loadSnapshot(fs);
    const report = buildMemoReport(snapshot, { 'memos/odd.md': normaliseText(fs.files.get('memos/odd.md')!) });
    const memo = report.groups.flatMap((g) => g.memos).find((m) => m.path === 'memos/odd.md')!;
    // A code is written as its name now, whatever label it was given (labels go stale on renames).
    assert.equal(memo.title, 'How Focused: `code` #hash [x](y) *star* shapes help');
    const html = memoReportAsHtml(report);
    assert.ok(html.includes('Plain Focused: `code` #hash [x](y) *star* text.'), 'the name as written');
    assert.doesNotMatch(html, /<code>|<em>|<a /);
    const markdown = memoReportAsMarkdown(report);
    assert.ok(markdown.includes('### How Focused: \\`code\\`'), markdown.slice(0, 400));
    assert.doesNotMatch(markdown, /Plain Focused: `code`/, 'backticks are escaped in Markdown');
  });

  it('does not quote a cited passage whose words were removed from the transcript (a name redacted), and says why', async () => {
    const fs = withMemos({ 'memos/theory.md': THEORY });
    const p01 = 'interviews/p01-amara.md';
    fs.files.set(p01, fs.files.get(p01)!.replace('A phone, a proper phone with my own number', '[REDACTED]'));
    const snapshot = await loadSnapshot(fs);
    const report = buildMemoReport(snapshot, { 'memos/theory.md': normaliseText(THEORY) });
    const blocks = report.groups.flatMap((g) => g.memos).find((m) => m.title === 'Safety')!.blocks;
    assert.ok(!blocks.some((b) => b.text.includes('proper phone')), 'the removed words are not quoted');
    assert.ok(blocks.some((b) => b.kind === 'missing' && b.text === `segment ${PHONE} is not in the current text of ${p01} (its words were changed or removed; see grounded validate)`));
  });

  it('validate reports broken references, unknown kinds and missing segments at file:line', async () => {
    const fs = withMemos({
      'memos/theory.md': THEORY,
      'memos/odd.md': `---\nkind: musing\nsegments:\n  - s-000000000000\n  - nope\n---\n# Odd\n\nby name [[Fear of authorities]] is fine, [[c-000000000000|gone]] is not\n`,
    });
    const problems = (await checkProject(fs)).problems.filter((p) => p.path.startsWith('memos/odd') || p.path.startsWith('memos/theory')).map(formatProblem);
    assert.deepEqual(problems, [
      'memos/odd.md:2: "kind" is "musing"; a memo\'s kind is one of code, theoretical, methodological, reflexive',
      'memos/odd.md:3: "segments" lists segment s-000000000000, which no longer exists',
      'memos/odd.md:3: "segments" lists "nope", which is not a segment id (s- and 12 characters)',
      'memos/odd.md:9: the reference [[c-000000000000|gone]] at column 42 leads nowhere: code c-000000000000 is not in the codebook (deleted or merged?)',
      'memos/theory.md:11: the reference [[Nobody]] at column 9 leads nowhere: no code is named "Nobody" (renamed? references by id survive renaming)',
    ]);
  });
});
