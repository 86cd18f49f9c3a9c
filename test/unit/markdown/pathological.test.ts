/**
 * Input built to make a Markdown parser slow. Each of these took from 17 seconds to minutes with a
 * full inline parse (emphasis and link resolution are quadratic on long runs), and deep nesting
 * grows with the square of the depth; the transcript parser reads block structure only, so they
 * now parse within the test's ordinary timeout and keep the structure around them.
 */
import assert from 'node:assert/strict';
import { parseTranscript } from '../../../src/core/markdown';

const AROUND = (inside: string): string => `---\nparticipant: Amara\n---\n\n**Interviewer:** How did it start?\n\n**Amara:** ${inside} And then?\n\n# Part two\n\n**Amara:** Later.\n`;

describe('parseTranscript: pathological input', () => {
  for (const [name, run] of [
    ['emphasis', '*_'.repeat(50_000)],
    ['brackets', '['.repeat(100_000)],
    ['links', '[a]('.repeat(30_000)],
    ['images', '!['.repeat(50_000)],
    ['code spans', '`'.repeat(100_000)],
  ] as const) {
    it(`reads turns and headings around a run of ${name}`, () => {
      const text = AROUND(run);
      const parsed = parseTranscript(text);
      assert.deepEqual(parsed.turns.map((t) => t.speaker), ['Interviewer', 'Amara', 'Amara']);
      assert.deepEqual(parsed.headings.map((h) => h.text), ['Part two']);
      assert.deepEqual(parsed.frontMatter?.data, { participant: 'Amara' });
      assert.ok(text.slice(parsed.turns[1].textRange.start, parsed.turns[1].textRange.end).endsWith('And then?'));
    });
  }

  it('reads lists and quotes nested 50,000 deep as text past 32 levels, keeping offsets', () => {
    for (const marker of ['- ', '> ', '1. ']) {
      const text = `${marker.repeat(50_000)}x\n\n**Amara:** After.\n\n**Amara:** Again.\n`;
      const parsed = parseTranscript(text);
      const after = text.indexOf('**Amara:** After.');
      assert.deepEqual(parsed.turns.map((t) => [t.speaker, t.range.start]), [['Amara', after], ['Amara', text.indexOf('**Amara:** Again.')]], marker);
    }
  });

  it('still reads inline markup in headings (a memo is titled by its first heading)', () => {
    assert.deepEqual(parseTranscript('# On *trust* and [the centre](x.md)\n\ntext\n').headings.map((h) => h.text), ['On trust and the centre']);
  });

  it('reads headings without inline markup as the reader sees them: references, escapes, closing hashes, setext lines', () => {
    const text = '# Tom &amp; Jerry &#35;2\n\n## Ends with hashes ##\n\n### A \\# sign, 50% — and “quotes” 🙂\n\nTwo\nlines\n===\n\nOne line\n---\n\n# `code` and <b>html</b> and _this_\n';
    assert.deepEqual(
      parseTranscript(text).headings.map((h) => h.text),
      ['Tom & Jerry #2', 'Ends with hashes', 'A # sign, 50% — and “quotes” 🙂', 'Two lines', 'One line', 'code and html and this'],
    );
  });
});
