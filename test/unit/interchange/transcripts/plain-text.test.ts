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

  it('reads the labels people type: lower case, a space before the colon, numbered speakers, Q and A', () => {
    assert.deepEqual(speakers('interviewer: How did it start?\ninterviewee: With a job offer.\nInterviewer: And then?\ninterviewee: I went.\n'), ['Interviewer', 'Interviewee', 'Interviewer', 'Interviewee']);
    assert.deepEqual(speakers('Intervieweuse1 : Bonjour.\nInterviewé\u00a0: Bonjour.\nIntervieweuse1\u202f: Alors ?\nInterviewé : Oui.\n'), ['Intervieweuse1', 'Interviewé', 'Intervieweuse1', 'Interviewé']);
    assert.deepEqual(speakers('speaker 1: hi\nspeaker 2: hello\nspeaker 1: ok\nspeaker 2: fine\n'), ['Speaker 1', 'Speaker 2', 'Speaker 1', 'Speaker 2']);
    assert.deepEqual(speakers('Q: Ready?\nA: Yes.\nQ: Sure?\nA: Yes.\nP1: me\nP1 : me again\n'), ['Q', 'A', 'Q', 'A', 'P1', 'P1']);
    const imported = importPlainText('interviewer: hi\ninterviewee: hello\ninterviewer: ok\ninterviewee: fine\n', 'a.txt');
    assert.deepEqual(imported.notes, []);
  });

  it('takes no sentence, time or address for a loose label, and needs a loose one twice even mid-dialogue', () => {
    assert.deepEqual(speakers('Amara: We met at 10:30: it was fine.\nBen: See https://example.org: good.\nAmara: ok\nBen: the manager: no\n'), ['Amara', 'Ben', 'Amara', 'Ben']);
    assert.deepEqual(speakers('Amara: hi\nBen: hello\nAmara: so\nbasically: that was it\nBen: ok\n'), ['Amara', 'Ben', 'Amara', 'Ben']);
    assert.deepEqual(speakers('Meeting at 10:30\n10:45: start\n11:00: end\nhttps://example.org\n'), [undefined]);
  });

  it('warns, showing the first lines, when a text that looks like a dialogue has no speaker it can read', () => {
    const imported = importPlainText('Researcher (Dana): hi\nParticipant (P1): hello\nResearcher (Dana): fine\nParticipant (P1): yes\n', 'a.txt');
    assert.deepEqual(imported.turns.map((t) => t.speaker), [undefined]);
    assert.equal(imported.notes.length, 1);
    assert.equal(imported.notes[0].warning, true);
    assert.equal(imported.notes[0].line, 1);
    assert.match(imported.notes[0].message, /^no speaker was recognised, although 4 lines look like labels \(line 1: "Researcher \(Dana\): hi"; line 2: "Participant \(P1\): hello"; line 3: "Researcher \(Dana\): fine"\)/);
    const prose = importPlainText('We met at 10:30.\nThe plan: go.\nSee https://example.org/a:b for more.\n', 'a.txt');
    assert.equal(prose.notes[0].warning, undefined, 'prose with a colon is not a dialogue');
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
