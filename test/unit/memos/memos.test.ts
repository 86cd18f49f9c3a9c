import assert from 'node:assert/strict';
import { memoSummaryProblems } from '../../../src/core/validation/study-files';
import { defaultMemoTitle, isoDate, kebabCase, listMemos, memoPath, memosForCode, newMemoText, parseMemo, type MemoLink } from '../../../src/core/memos';
import type { ProjectConfig } from '../../../src/core/model';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { demoFileSystem } from '../pseudonymise/demo-files';

const CONFIG: ProjectConfig = { name: 'Demo', transcripts: ['interviews/**/*.md'], memos: 'memos' };

describe('memos', () => {
  it('lists the demo memos with title, link, author, date and excerpt', async () => {
    const memos = await listMemos(demoFileSystem(), CONFIG);
    assert.deepEqual(
      memos.map((m) => ({ path: m.path, title: m.title, links: m.links, author: m.author, date: m.date })),
      [
        { path: 'memos/fear-of-authorities.md', title: 'Fear of authorities: not irrational, but informed', links: [{ kind: 'code', code: 'c-eev1kyas3c52' }], author: 'Dana Reyes', date: '2024-05-06' },
        { path: 'memos/p03-lucia.md', title: 'Lucía: the caravan as the first support service', links: [{ kind: 'transcript', transcript: 'interviews/p03-lucia.md' }], author: 'Sam Okafor', date: '2024-05-08' },
        { path: 'memos/reflexive-coding-across-two-studies.md', title: 'Reflexive note: one project, two studies, two coders', links: [], author: 'Sam Okafor', date: '2025-03-04' },
        {
          path: 'memos/validation-cycle.md',
          title: 'The validation cycle: invited in, then talked over',
          links: ['c-8dnm630c8w6r', 'c-5szwn2bywrx1', 'c-4264hm3s3a1e', 'c-70zeg6q0rwxh'].map((code) => ({ kind: 'code', code })),
          author: 'Dana Reyes',
          date: '2025-02-18',
        },
      ],
    );
    assert.match(memos[0].excerpt, /^Across all five interviews, fear of police and immigration comes before any contact/);
    assert.ok(memos[0].excerpt.length <= 200 && memos[0].excerpt.endsWith('…'));
    assert.ok(!memos[1].excerpt.includes('*'), 'emphasis marks are left out of the excerpt');
  });

  it('reads a segment link with its transcript and coder, and lists of codes', () => {
    const memo = parseMemo('memos/x.md', '---\nsegment: s-abc\ntranscript: interviews/p01.md\ncoder: dana-reyes\ncode: [c-1, c-2]\n---\n\n# On this passage\n\nFirst thoughts.\n');
    assert.deepEqual(memo.links, [
      { kind: 'code', code: 'c-1' },
      { kind: 'code', code: 'c-2' },
      { kind: 'segment', segment: 's-abc', transcript: 'interviews/p01.md', coder: 'dana-reyes' },
    ]);
    assert.equal(memo.excerpt, 'First thoughts.');
  });

  it('still lists a memo without front matter, or with front matter it cannot read', () => {
    assert.deepEqual(parseMemo('memos/loose-ideas.md', 'Just a thought.\n'), { path: 'memos/loose-ideas.md', title: 'loose-ideas', links: [], excerpt: 'Just a thought.' });
    const broken = parseMemo('memos/b.md', '---\ncode: [c-1\n---\n\n# Broken\n');
    assert.equal(broken.title, 'Broken');
    assert.match(broken.problem ?? '', /not valid YAML/);
  });

  it('says where a memo’s problem is: the date line, or the first conflict, which comes before what it breaks', () => {
    const undated = parseMemo('memos/a.md', '---\ncode: c-1\nauthor: Dana\ndate: 2024-5-7\n---\n\n# A\n');
    assert.match(undated.problem ?? '', /date: 2024-05-07/);
    assert.equal(undated.problemLine, 4);
    assert.equal(undated.conflicted, undefined);
    const conflicted = parseMemo('memos/b.md', '---\ndate: 2024-05-07\n<<<<<<< HEAD\nauthor: Dana\n=======\nauthor: Sam\n>>>>>>> sam\n---\n\n# B\n');
    assert.match(conflicted.problem ?? '', /unresolved git merge conflict between "HEAD" and "sam"/);
    assert.equal(conflicted.problemLine, 3);
    assert.equal(conflicted.conflicted, true);
    assert.equal(parseMemo('memos/c.md', '---\ndate: 2024-05-07\n---\n\n# C\n').problem, undefined);
    // As the Problems panel lists them: a conflict is an error, a date a warning, each at its line.
    assert.deepEqual(memoSummaryProblems([undated, conflicted]).map((p) => [p.path, p.line, p.severity]), [['memos/a.md', 4, 'warning'], ['memos/b.md', 3, 'error']]);
  });

  it('writes a new memo that reads back as created, with the cursor under the heading', () => {
    const links: MemoLink[] = [
      { kind: 'code', code: 'c-eev1kyas3c52' },
      { kind: 'transcript', transcript: 'interviews/p01-amara.md' },
      { kind: 'segment', segment: 's-15v1f7k0dxp2', transcript: 'interviews/p01-amara.md', coder: 'dana-reyes' },
    ];
    for (const link of links) {
      const { text, cursor } = newMemoText({ title: 'Trust: earned, then lost', link, author: 'Zoë: "Z" Ólafsdóttir', date: '2024-06-01' });
      const memo = parseMemo('memos/m.md', text);
      assert.deepEqual(memo.links, [link]);
      assert.equal(memo.title, 'Trust: earned, then lost');
      assert.equal(memo.author, 'Zoë: "Z" Ólafsdóttir');
      assert.equal(memo.date, '2024-06-01');
      assert.equal(cursor, text.length);
      assert.ok(text.endsWith('\n# Trust: earned, then lost\n\n'));
    }
    assert.equal(
      newMemoText({ title: 'Fear', link: links[0], author: 'Dana Reyes', date: '2024-05-06' }).text,
      '---\ncode: c-eev1kyas3c52\nauthor: Dana Reyes\ndate: 2024-05-06\n---\n\n# Fear\n\n',
    );
  });

  it('names memo files in kebab case, unique whatever the case of existing names', () => {
    assert.equal(kebabCase('Fear of authorities: not irrational, but informed'), 'fear-of-authorities-not-irrational-but-informed');
    assert.equal(kebabCase('Lucía — “the caravan”'), 'lucia-the-caravan');
    assert.equal(kebabCase('恐惧 与 信任'), '恐惧-与-信任');
    assert.equal(kebabCase('?!'), 'memo');
    assert.equal(kebabCase('CON'), 'con-memo');
    assert.ok(kebabCase('word '.repeat(40)).length <= 60);
    const existing = ['memos/Fear.md', 'memos/fear-2.md'];
    assert.equal(memoPath('memos/', 'Fear', existing), 'memos/fear-3.md');
    assert.equal(memoPath('notes', 'Hope', existing), 'notes/hope.md');
  });

  it('suggests a title from what the memo is about', () => {
    assert.equal(defaultMemoTitle({ kind: 'code', code: 'c-1' }, { code: 'Mistrust' }), 'Mistrust');
    assert.equal(defaultMemoTitle({ kind: 'transcript', transcript: 'interviews/p01.md' }, { transcript: 'Interview P01 — Amara' }), 'Interview P01 — Amara');
    assert.equal(
      defaultMemoTitle({ kind: 'segment', segment: 's-1', transcript: 'interviews/p01.md', coder: 'd' }, { transcript: 'P01', quote: 'My story didn’t change. My English changed. And that was what they heard.' }),
      'P01: “My story didn’t change. My English changed. And…”',
    );
    assert.equal(isoDate(new Date(2024, 0, 5, 23, 59)), '2024-01-05');
  });

  it('finds the memos of a code, newest first, in nested folders too', async () => {
    const fs = new MemoryFileSystem({
      'memos/a.md': '---\ncode: c-1\ndate: 2024-01-01\n---\n# A\n',
      'memos/deeper/b.md': '---\ncode: c-1\ndate: 2024-03-01\n---\n# B\n',
      'memos/c.md': '---\ncode: c-2\n---\n# C\n',
      'memos/readme.txt': 'not a memo',
      'interviews/p01.md': '# Not a memo\n',
    });
    const memos = await listMemos(fs, CONFIG);
    assert.deepEqual(memos.map((m) => m.path), ['memos/a.md', 'memos/c.md', 'memos/deeper/b.md']);
    assert.deepEqual(memosForCode(memos, 'c-1').map((m) => m.title), ['B', 'A']);
  });
});
