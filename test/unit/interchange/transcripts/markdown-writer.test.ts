import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import {
  escapeParagraphStart,
  writeTranscriptMarkdown,
  writtenLabels,
  type ImportedTranscript,
  type ImportedTurn,
} from '../../../../src/core/interchange/transcripts';
import { parseTranscript } from '../../../../src/core/markdown';
import { expectedTurns, parsedTurns, unlabelledParagraphs } from './round-trip';

/** The blocks remark reads from `markdown`, each with the text it shows. */
function shownBlocks(markdown: string): { type: string; text: string }[] {
  const root = unified().use(remarkParse).parse(markdown);
  const text = (node: Nodes): string =>
    'value' in node && typeof node.value === 'string' ? node.value : 'children' in node ? node.children.map((c: Nodes) => text(c)).join('') : '';
  return root.children.map((node) => ({ type: node.type, text: text(node) }));
}

function transcript(turns: ImportedTurn[], attributes: Record<string, string | string[]> = {}): ImportedTranscript {
  return { source: 'x.vtt', format: 'webvtt', turns, attributes, notes: [] };
}

describe('writing imported transcripts as Markdown', () => {
  describe('escaping the start of a paragraph', () => {
    const risky = [
      '# Heading-like', '###### six', '> quoted', '- dash', '+ plus', '* star', '-', '1. first', '12) twelfth',
      '2024. A year', '---', '* * *', '___', '```', '~~~ fence', '<div>block</div>', '<!-- comment', '</p> closing',
      '[ref]: https://example.org', '[^1]: footnote', 'Amara: speaks', 'Speaker 2: speaks', '**Amara:** bold',
      '__Amara__: underscored', '[00:01:02] Amara: stamped', '(1:02) Amara: stamped',
    ];

    for (const text of risky) {
      it(`keeps ${JSON.stringify(text)} a paragraph that shows the same text`, () => {
        const escaped = escapeParagraphStart(text, 'line-start');
        assert.notEqual(escaped, text);
        assert.equal(escaped.replace('\\', ''), text, 'one backslash added, nothing else changed');
        // Shown as it would be in the middle of a line, where it has no block meaning.
        const inline = shownBlocks(`x ${text}\n`)[0].text.slice(2);
        assert.deepEqual(shownBlocks(`Before.\n\n${escaped}\n`), [
          { type: 'paragraph', text: 'Before.' },
          { type: 'paragraph', text: inline },
        ]);
        const parsed = parseTranscript(`**Dana:** hi\n\n**Dana:** again\n\n${escaped}\n`);
        assert.deepEqual(parsed.turns.map((t) => t.speaker), ['Dana', 'Dana'], 'no turn starts at the escaped paragraph');
      });
    }

    it('leaves text alone that Markdown would not misread (minimal escaping)', () => {
      for (const text of ['#hashtag', '-5 degrees', '*laughs* yes', '2024 was hard', 'Note: paused', '<3 you', '1.5 hours', 'so: what', '[inaudible] yes', '>']) {
        const expected = text === '>' ? '\\>' : text;
        assert.equal(escapeParagraphStart(text, 'line-start'), expected, text);
      }
      assert.equal(escapeParagraphStart('# not here', 'after-label'), '# not here');
      assert.equal(escapeParagraphStart('Amara: inline', 'after-label'), 'Amara: inline');
      assert.equal(escapeParagraphStart('# fine', 'after-timestamp'), '# fine');
    });

    it('after a label, escapes only a time the parser would take as the turn’s timestamp', () => {
      assert.equal(escapeParagraphStart('[00:05] then', 'after-label'), '\\[00:05] then');
      assert.equal(escapeParagraphStart('(01:02:03) then', 'after-label'), '\\(01:02:03) then');
      assert.equal(escapeParagraphStart('[00:05]then', 'after-label'), '[00:05]then');
      const parsed = parseTranscript(`**Dana:** ${escapeParagraphStart('[00:05] then', 'after-label')}\n`);
      assert.equal(parsed.turns[0].timestamp, undefined);
    });

    it('after a timestamp, escapes a speaker label', () => {
      assert.equal(escapeParagraphStart('Amara: hi', 'after-timestamp'), 'Amara\\: hi');
      assert.deepEqual(parseTranscript('[00:00:01] Amara\\: hi\n\n[00:00:02] Amara\\: again\n').turns, []);
    });
  });

  describe('speaker labels', () => {
    it('keeps names a label can hold and tidies the rest, each speaker keeping a label of its own', () => {
      const labels = writtenLabels(['Dana Reyes', 'dana reyes', 'john.smith@example.org', '+44 7700 900123', 'Amara (Guest)', 'Note', 'Maria de', '99', 'Speaker 1']);
      assert.deepEqual(Object.fromEntries(labels), {
        'Dana Reyes': 'Dana Reyes',
        'dana reyes': 'Dana Reyes 2',
        'john.smith@example.org': 'John Smith',
        '+44 7700 900123': 'Speaker 2',
        'Amara (Guest)': 'Amara',
        Note: 'Speaker 3',
        'Maria de': 'Speaker 4',
        '99': 'Speaker 5',
        'Speaker 1': 'Speaker 1',
      });
    });

    it('notes every label that differs from the speaker’s name', () => {
      const written = writeTranscriptMarkdown(transcript([{ speaker: 'amara', paragraphs: ['hi'] }, { speaker: 'Ben', paragraphs: ['yo'] }]));
      assert.deepEqual(written.notes, [{ message: 'speaker "amara" is written as "Amara" (a label is one to four words starting with a capital letter).' }]);
    });
  });

  it('writes front matter that reads back, quoting what YAML would misread', () => {
    const imported = { ...transcript([{ speaker: 'A', paragraphs: ['x'] }]), source: 'no: #1 "call".vtt' };
    const written = writeTranscriptMarkdown({ ...imported, attributes: { participant: ['Lucía', 'Mei'], interviewer: 'A' } });
    assert.ok(written.markdown.startsWith('---\nsource: '));
    assert.match(written.markdown, /\nparticipant: Lucía, Mei\ninterviewer: A\n---\n\n\*\*A:\*\* x\n$/);
    assert.deepEqual(parseTranscript(written.markdown).frontMatter?.data, {
      source: 'no: #1 "call".vtt',
      imported_from: 'webvtt',
      participant: 'Lucía, Mei',
      interviewer: 'A',
    });
  });

  it('writes timestamps only when asked, rounded down, and none past 99 hours', () => {
    const turns: ImportedTurn[] = [
      { speaker: 'A', start: 3723.999, paragraphs: ['one'] },
      { speaker: 'B', paragraphs: ['two'] },
      { speaker: 'A', start: 100 * 3600, paragraphs: ['three'] },
    ];
    assert.equal(writeTranscriptMarkdown(transcript(turns)).markdown.split('---\n\n')[1], '**A:** one\n\n**B:** two\n\n**A:** three\n');
    assert.equal(writeTranscriptMarkdown(transcript(turns), { timestamps: true }).markdown.split('---\n\n')[1], '[01:02:03] **A:** one\n\n**B:** two\n\n**A:** three\n');
  });

  it('reads back as the same turns for any text and any speaker names (property)', () => {
    const token = fc.constantFrom(
      'word', 'Amara', 'said:', 'Amara:', '**Ben:**', '#', '>', '-', '+', '*', '1.', '2)', '---', '```', '~~~', '<div>', '<3',
      '[00:01]', '(1:02:03)', '[ref]:', 'Note:', '_', '`', 'é', '🎙️', '&', '?', '|', '=', '\u00a0',
    );
    const paragraph = fc.array(token, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ').trim()).filter((p) => p !== '');
    const names = fc.constantFrom('Dana Reyes', 'amara', 'john.smith@x.org', '+44 7700', 'Note', 'Speaker 1', 'Maria de', 'Ana (she/her)', 'Dr. Who', 'ÉLODIE', '李明');
    const start = fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: undefined });
    const turn = (speaker: fc.Arbitrary<string | undefined>): fc.Arbitrary<ImportedTurn> =>
      fc.record({ speaker, start, paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }) }).map((t) => ({
        ...(t.speaker !== undefined ? { speaker: t.speaker } : {}),
        ...(t.start !== undefined ? { start: t.start } : {}),
        paragraphs: t.paragraphs,
      }));
    const turns = fc.tuple(fc.array(turn(fc.constant(undefined)), { maxLength: 2 }), fc.array(turn(names), { maxLength: 6 }));
    fc.assert(
      fc.property(turns, fc.boolean(), ([unlabelled, labelled], timestamps) => {
        const imported = transcript([...unlabelled, ...labelled]);
        const written = writeTranscriptMarkdown(imported, { timestamps });
        const parsed = parseTranscript(written.markdown);
        assert.deepEqual(parsedTurns(written.markdown, parsed), expectedTurns(imported, written.labels, timestamps));
        assert.deepEqual(unlabelledParagraphs(written.markdown, parsed), expectedTurns(imported, written.labels, timestamps, 'unlabelled'));
        assert.deepEqual(parsed.headings, []);
      }),
      { numRuns: 300 },
    );
  });
});
