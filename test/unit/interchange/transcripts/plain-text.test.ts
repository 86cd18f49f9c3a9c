import assert from 'node:assert/strict';
import { docxHtmlToText, importDocxHtml, importPlainText } from '../../../../src/core/interchange/transcripts';
import { importError } from './import-errors';

const speakers = (text: string): (string | undefined)[] => importPlainText(text, 'a.txt').turns.map((t) => t.speaker);

describe('plain-text import', () => {
  it('reads Name: turns, joining wrapped lines and keeping blank-line paragraphs in the turn', () => {
    const imported = importPlainText('Title line\n\nAmara: I went\nto the centre.\n\nIt was far.\nBen: Why?\nAmara: Work.\nBen: Ok.\n', 'a.txt');
    assert.deepEqual(imported.turns, [
      { paragraphs: ['Title line'] },
      { speaker: 'Amara', paragraphs: ['I went to the centre.', 'It was far.'] },
      { speaker: 'Ben', paragraphs: ['Why?'] },
      { speaker: 'Amara', paragraphs: ['Work.'] },
      { speaker: 'Ben', paragraphs: ['Ok.'] },
    ]);
    assert.deepEqual(imported.notes, []);
  });

  it('reads the timestamp forms [t] Name:, (t) Name:, Name: [t] and Name (t):', () => {
    const imported = importPlainText('[00:00:05] A: one\n(1:02) B: two\nA: [00:01:10.5] three\nB (01:02:03): four\nB [00:00:09]: five\n', 'a.txt');
    assert.deepEqual(
      imported.turns.map((t) => [t.speaker, t.start, t.paragraphs[0]]),
      [['A', 5, 'one'], ['B', 62, 'two'], ['A', 70.5, 'three'], ['B', 3723, 'four'], ['B', 9, 'five']],
    );
  });

  it('needs a plain name twice, unless a repeated speaker has already spoken; notes the one-off', () => {
    assert.deepEqual(speakers('Location: Leeds\nAmara: hi\nBen: hello\nAmara: yes\nBen: ok\nInterpreter: she says yes\n'), [
      undefined, 'Amara', 'Ben', 'Amara', 'Ben', 'Interpreter',
    ]);
    const imported = importPlainText('Amara: hi\nAmara: again\nInterpreter: she says yes\n', 'a.txt');
    assert.deepEqual(imported.notes, [{ line: 3, message: '"Interpreter" labels only this turn; check that it is a speaker.' }]);
  });

  it('takes a bold label on its own, and never a note word or a lowercase phrase', () => {
    assert.deepEqual(speakers('**Support worker:** hello\nNote: paused\nNote: resumed\nthe manager: no\nthe manager: no\n'), ['Support worker']);
  });

  it('imports text without labels as paragraphs, with a note saying so', () => {
    const imported = importPlainText('Just some\ntext.\n\nMore.\n', 'a.txt');
    assert.deepEqual(imported.turns, [{ paragraphs: ['Just some text.', 'More.'] }]);
    assert.match(imported.notes[0].message, /no speaker labels/);
  });

  it('drops a label with no text before the next one, and drops an impossible time with a note', () => {
    const imported = importPlainText('A: one\nB:\nA: two\nB (00:99:00): three\n', 'a.txt');
    assert.deepEqual(imported.turns.map((t) => [t.speaker, t.start, t.paragraphs]), [
      ['A', undefined, ['one']],
      ['A', undefined, ['two']],
      ['B', undefined, ['three']],
    ]);
    assert.deepEqual(imported.notes, [{ line: 4, message: '"00:99:00" is not a valid time; the turn was imported without it.' }]);
  });

  it('refuses an empty file', () => {
    assert.equal(importError('a.txt', '\n\n').reason, 'the file is empty.');
  });

  describe('Word documents (mammoth HTML)', () => {
    it('makes paragraphs of paragraphs and lines of line breaks, without markup', () => {
      const html = '<h1>Interview P03</h1><p>Interviewer: <strong>hello</strong> there?<br />Lucía: hi &amp;amp; &lt;b&gt;</p><p></p><table><tr><td><p>cell</p></td></tr></table>';
      assert.equal(docxHtmlToText(html), 'Interview P03\n\nInterviewer: hello there?\nLucía: hi &amp; <b>\n\ncell');
    });

    it('imports the text as a docx transcript', () => {
      const imported = importDocxHtml('<p>Interviewer: Ready?<br />Lucía: Yes.</p><p>Interviewer: Good.</p><p>Lucía: Start.</p>', 'p03.docx');
      assert.equal(imported.format, 'docx');
      assert.deepEqual(imported.turns.map((t) => t.speaker), ['Interviewer', 'Lucía', 'Interviewer', 'Lucía']);
    });

    it('refuses a document with no text', () => {
      assert.throws(() => importDocxHtml('<p></p><p><img src="" /></p>', 'p03.docx'), /^TranscriptImportError: p03\.docx: the document has no text\.$/);
    });
  });
});
