/**
 * The line-by-line reading of plain transcripts (plain-blocks.ts) against the CommonMark parser:
 * wherever the line reader answers, both readings give the same blocks, on every Markdown file of
 * the repository and on generated documents mixing plain lines with every construct it must leave
 * to the parser.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { normaliseText } from '../../../src/core/anchoring';
import { parseTranscript } from '../../../src/core/markdown';
import { parseBlocks } from '../../../src/core/markdown/blocks';
import { readPlainBlocks } from '../../../src/core/markdown/plain-blocks';

const ROOT = new URL('../../../', import.meta.url).pathname;

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** Lines a transcript is made of, and lines that open something else (or nearly do). */
const LINES = [
  '**Amara:** It was not quick. I was working in a house.',
  '[00:01:02] **Interviewer:** What made you leave?',
  'Interviewer: And then?',
  'amara : lower case, a space before the colon 🌱',
  '*Recorded at the drop-in centre.*',
  'A line with trailing spaces  ',
  'A line with a tab\tinside',
  '#hashtag is not a heading',
  '# Interview P01 — Amara',
  '## Part two',
  '####### seven is text',
  '#',
  '# Heading with *emphasis*',
  '# Heading with a closing sequence #',
  '# Heading \\# escaped',
  '# Heading &amp; entity',
  '# Heading with trailing space ',
  '***',
  '---',
  '___',
  '- - -',
  '--',
  '===',
  '- a list item',
  '* a list item',
  '+ a list item',
  '1. an ordered item',
  '2024) an ordered item',
  '2024 was the year',
  '> a quotation',
  '    indented code',
  '  two spaces in',
  '\tA tab in',
  '```',
  '~~~',
  '`code` at the start',
  '<div>',
  '<!-- a comment -->',
  '[ref]: https://example.org',
  '[not a definition] but text',
  '| a | table |',
  '\\*escaped',
  '',
  '',
  '',
  '   ',
];

const FRONT_MATTER = ['', '---\nparticipant: Amara\nage: 34\n---\n', '---\n---\n', '---\ntitle: never closed\n', '---\n\n---\n', '----\nx\n----\n'];

const documents = fc
  .tuple(fc.constantFrom(...FRONT_MATTER), fc.array(fc.constantFrom(...LINES), { maxLength: 14 }), fc.boolean())
  .map(([frontMatter, lines, finalNewline]) => frontMatter + lines.join('\n') + (finalNewline ? '\n' : ''));

describe('plain transcripts read line by line', () => {
  it('reads every Markdown file of the repository as the parser does, wherever it answers', () => {
    const files = ['demo', 'docs', 'test/fixtures'].flatMap((folder) => markdownFiles(join(ROOT, folder)));
    let answered = 0;
    for (const file of files) {
      const text = normaliseText(readFileSync(file, 'utf8'));
      const plain = readPlainBlocks(text);
      if (plain === undefined) continue;
      answered++;
      assert.deepEqual(plain, parseBlocks(text), file);
    }
    // Most of them are plain: the reading is not a path nothing takes.
    assert.ok(answered > files.length / 2, `${answered} of ${files.length} read line by line`);
  });

  it('reads generated documents as the parser does, wherever it answers, and answers for plain ones', () => {
    let answered = 0;
    fc.assert(
      fc.property(documents, (text) => {
        const plain = readPlainBlocks(text);
        if (plain !== undefined) {
          answered++;
          assert.deepEqual(plain, parseBlocks(text));
        }
      }),
      { numRuns: 3000, seed: 20261204 },
    );
    assert.ok(answered > 300, `${answered} generated documents read line by line`);
  });

  it('leaves to the parser what it cannot be sure of', () => {
    for (const text of [
      'Text\n  indented continuation\n',
      'Title\n---\n',
      'Title\n===\n',
      '[ref]: /url\n',
      '- item\n',
      '> quote\n',
      '```\ncode\n```\n',
      '<div>\n',
      '# A \\* heading\n',
      'one\rtwo\n',
      '---\nnever: closed\n',
    ]) {
      assert.equal(readPlainBlocks(text), undefined, JSON.stringify(text));
    }
  });

  it('gives a transcript the same turns, paragraphs and headings either way', () => {
    const text = normaliseText(readFileSync(join(ROOT, 'demo/interviews/p01-amara.md'), 'utf8'));
    assert.ok(readPlainBlocks(text), 'the demo transcript is plain');
    const parsed = parseTranscript(text);
    assert.ok(parsed.turns.length > 20);
    assert.deepEqual(parsed.turns[0].speaker, 'Interviewer');
    assert.equal(parsed.frontMatter?.data.participant, 'Amara');
    assert.deepEqual(parsed.headings.map((h) => h.text), ['Interview P01 — Amara']);
  });
});
