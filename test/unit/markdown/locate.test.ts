import assert from 'node:assert/strict';
import { lineAt, paragraphAt, parseTranscript, sentenceAt, turnAt, withoutSpeakerLabel } from '../../../src/core/markdown';
import type { TextRange } from '../../../src/core/model';

const TEXT = [
  '# Interview',
  '',
  '**Interviewer:** How did you find the centre? Was it far?',
  '',
  '**Amara:** [00:01:10] A friend, Mrs. Okoye, took me. She knew Dr. Reyes… and the nurse.',
  'It was far, e.g. two buses. But I went!',
  '',
  'Then I went every week 😀. Every single week.',
  '',
].join('\n');
const transcript = parseTranscript(TEXT);
const slice = (range: TextRange | undefined): string | undefined => range && TEXT.slice(range.start, range.end);
const at = (needle: string): number => {
  const i = TEXT.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i;
};

describe('sentenceAt', () => {
  it('finds the sentence around an offset, skipping abbreviations and lowercase continuations', () => {
    assert.equal(slice(sentenceAt(TEXT, at('Okoye'))), '**Amara:** [00:01:10] A friend, Mrs. Okoye, took me.');
    assert.equal(slice(sentenceAt(TEXT, at('nurse'))), 'She knew Dr. Reyes… and the nurse.');
    assert.equal(slice(sentenceAt(TEXT, at('two buses'))), 'It was far, e.g. two buses.');
    assert.equal(slice(sentenceAt(TEXT, at('I went!'))), 'But I went!');
  });

  it('keeps a speaker label out when given the turn text as bounds', () => {
    const turn = turnAt(transcript, at('Okoye'));
    assert.ok(turn);
    assert.equal(slice(sentenceAt(TEXT, at('Okoye'), turn.textRange)), 'A friend, Mrs. Okoye, took me.');
  });

  it('counts the space after a full stop as the end of that sentence', () => {
    assert.equal(slice(sentenceAt(TEXT, at(' Was it far'))), '**Interviewer:** How did you find the centre?');
    assert.equal(slice(sentenceAt(TEXT, at('Was it far'))), 'Was it far?');
  });

  it('does not cross a blank line and handles emoji', () => {
    assert.equal(slice(sentenceAt(TEXT, at('every week'))), 'Then I went every week 😀.');
    assert.equal(slice(sentenceAt(TEXT, TEXT.length - 2)), 'Every single week.');
  });

  it('is empty on a blank line', () => {
    const blank = at('\n\n**Interviewer') + 1;
    assert.deepEqual(sentenceAt(TEXT, blank), { start: blank, end: blank });
  });
});

describe('paragraphAt, turnAt, lineAt', () => {
  it('finds the paragraph, inclusive of its end', () => {
    const p = paragraphAt(transcript, at('two buses'));
    assert.equal(slice(p)?.split('\n')[1], 'It was far, e.g. two buses. But I went!');
    assert.deepEqual(paragraphAt(transcript, p?.end ?? -1), p);
    assert.equal(paragraphAt(transcript, at('\n\n**Amara') + 1), undefined);
  });

  it('finds the turn across paragraphs and none before the first label', () => {
    assert.equal(turnAt(transcript, at('every week'))?.speaker, 'Amara');
    assert.equal(turnAt(transcript, at('How did'))?.speaker, 'Interviewer');
    assert.equal(turnAt(transcript, at('Interview\n')), undefined);
  });

  it('finds the line without its newline, also at the ends of the text', () => {
    assert.equal(slice(lineAt(TEXT, at('e.g.'))), 'It was far, e.g. two buses. But I went!');
    assert.deepEqual(lineAt(TEXT, 0), { start: 0, end: '# Interview'.length });
    assert.deepEqual(lineAt(TEXT, TEXT.length), { start: TEXT.length, end: TEXT.length });
    assert.deepEqual(lineAt('', 0), { start: 0, end: 0 });
  });

  it('takes the label and timestamp off a range that opens a turn, and nothing else', () => {
    const opening = paragraphAt(transcript, at('Okoye'));
    assert.ok(opening);
    assert.equal(slice(withoutSpeakerLabel(transcript, opening))?.slice(0, 9), 'A friend,');
    const later = paragraphAt(transcript, at('every week'));
    assert.ok(later);
    assert.deepEqual(withoutSpeakerLabel(transcript, later), later);
  });
});
