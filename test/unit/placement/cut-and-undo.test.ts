import assert from 'node:assert/strict';
import { makeQuote } from '../../../src/core/anchoring';
import { TranscriptSession } from '../../../src/core/transcript-session';

const TEXT = 'Amara: A friend from church took me to the centre. I did not trust anyone then.\n';
const PHRASE = 'took me to the centre.';
const coder = { id: 'dana-reyes', name: 'Dana Reyes' };

function session(): TranscriptSession {
  const start = TEXT.indexOf(PHRASE);
  const range = { start, end: start + PHRASE.length };
  const s = new TranscriptSession('p01.md');
  s.setText(TEXT);
  s.setCoding({ transcript: 'p01.md', coders: [{ coder, segments: [{ id: 's-000000000001', codes: ['c-000000000001'], quote: makeQuote(TEXT, range), position: range }] }], problems: [] });
  return s;
}

const covered = (s: TranscriptSession): string => {
  const { range } = s.placed()[0];
  return s.currentText.slice(range!.start, range!.end);
};

/** Deletes [from, to) and puts the same text back, as an undo does. */
function cutAndUndo(s: TranscriptSession, from: number, to: number): void {
  const removed = TEXT.slice(from, to);
  s.applyChanges([{ start: from, end: to, text: '' }], TEXT.slice(0, from) + TEXT.slice(to));
  s.applyChanges([{ start: from, end: from, text: removed }], TEXT);
}

describe('a coded passage cut across its edge', () => {
  it('covers its words again when a cut across its end is undone', () => {
    const s = session();
    const at = TEXT.indexOf('the centre');
    cutAndUndo(s, at, at + 'the centre. I did'.length);
    assert.equal(covered(s), PHRASE);
    assert.equal(s.editedQuotes().size, 0, 'nothing to rewrite on save');
  });

  it('covers its words again when a cut across its start is undone', () => {
    const s = session();
    const at = TEXT.indexOf('church');
    cutAndUndo(s, at, at + 'church took me'.length);
    assert.equal(covered(s), PHRASE);
  });

  it('covers its words again when the cut was saved before it was undone (auto save)', () => {
    const s = session();
    const at = TEXT.indexOf('the centre');
    const cut = TEXT.slice(0, at) + TEXT.slice(at + 'the centre. I did'.length);
    s.applyChanges([{ start: at, end: at + 'the centre. I did'.length, text: '' }], cut);
    // Saving rewrites the record with the words left; the store sends the coding back.
    const [p] = s.placed();
    const requoted = { ...p.segment, quote: makeQuote(cut, p.range!), position: { ...p.range! } };
    s.setCoding({ transcript: 'p01.md', coders: [{ coder, segments: [requoted] }], problems: [] });
    s.applyChanges([{ start: at, end: at, text: 'the centre. I did' }], TEXT);
    assert.equal(covered(s), PHRASE);
    assert.equal(s.editedQuotes().get(coder.id)?.get(p.segment.id)?.quote.exact, PHRASE, 'the next save gives the record its words back');
  });

  it('stays cut while the words are not back, and does not grab other words', () => {
    const s = session();
    const at = TEXT.indexOf('the centre');
    s.applyChanges([{ start: at, end: at + 'the centre.'.length, text: 'the office.' }], TEXT.replace('the centre.', 'the office.'));
    assert.equal(covered(s), 'took me to the office.');
  });
});
