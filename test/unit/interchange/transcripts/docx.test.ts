import assert from 'node:assert/strict';
import { docxToHtml } from '../../../../src/cli/commands/import';
import { importDocxHtml, TranscriptImportError, writeTranscriptMarkdown } from '../../../../src/core/interchange/transcripts';
import { parseTranscript } from '../../../../src/core/markdown';
import { buildDocx } from './docx-builder';

describe('Word (.docx) import', () => {
  const document = buildDocx([
    ['Interview P03 — Lucía'],
    ['Interviewer: ', '**Shall we start?'],
    ['Lucía: Yes. The farm & the ', '**<van>', '.', '\n', 'Interviewer: Who drove it?'],
    ['Lucía: The boss.'],
    ['He never let us drive.'],
    ['# He wrote the rules on the wall.'],
  ]);

  it('reads paragraphs and line breaks into turns, decoding what Word escaped', async () => {
    const imported = importDocxHtml(await docxToHtml(document, 'p03.docx'), 'p03.docx');
    assert.deepEqual(imported.turns, [
      { paragraphs: ['Interview P03 — Lucía'] },
      { speaker: 'Interviewer', paragraphs: ['Shall we start?'] },
      { speaker: 'Lucía', paragraphs: ['Yes. The farm & the <van>.'] },
      { speaker: 'Interviewer', paragraphs: ['Who drove it?'] },
      { speaker: 'Lucía', paragraphs: ['The boss.', 'He never let us drive.', '# He wrote the rules on the wall.'] },
    ]);
  });

  it('writes Markdown that reads back as the same turns', async () => {
    const imported = importDocxHtml(await docxToHtml(document, 'p03.docx'), 'p03.docx');
    const { markdown } = writeTranscriptMarkdown(imported);
    assert.match(markdown, /^---\nsource: p03\.docx\nimported_from: docx\n---\n\nInterview P03 — Lucía\n\n\*\*Interviewer:\*\* Shall we start\?\n/);
    assert.match(markdown, /\n\n\\# He wrote the rules on the wall\.\n$/);
    const parsed = parseTranscript(markdown);
    assert.deepEqual(parsed.turns.map((t) => t.speaker), ['Interviewer', 'Lucía', 'Interviewer', 'Lucía']);
    assert.deepEqual(parsed.headings, []);
  });

  it('refuses a file that is not a ZIP archive, and one that is not a Word document', async () => {
    await assert.rejects(docxToHtml(new TextEncoder().encode('{\\rtf1 hello}'), 'p.docx'), (error: unknown) => {
      assert.ok(error instanceof TranscriptImportError);
      assert.equal(error.message, 'p.docx: not a Word document: a .docx file is a ZIP archive and this one is not (an older .doc file, or a renamed one?).');
      return true;
    });
    await assert.rejects(docxToHtml(document.subarray(0, 100), 'p.docx'), /p\.docx: the Word document could not be read/);
  });
});
