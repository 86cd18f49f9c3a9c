import assert from 'node:assert/strict';
import { makeQuote } from '../../../src/core/anchoring';
import type { TranscriptCoding } from '../../../src/core/storage/coding-repository';
import { TranscriptSession } from '../../../src/core/transcript-session';

const TEXT = 'Amara: A friend from church took me to the centre. I did not trust anyone then.\n';
const PHRASE = 'took me to the centre.';
const coder = { id: 'dana-reyes', name: 'Dana Reyes' };

function coding(transcript: string): TranscriptCoding {
  const start = TEXT.indexOf(PHRASE);
  const range = { start, end: start + PHRASE.length };
  return { transcript, coders: [{ coder, segments: [{ id: 's-000000000001', codes: ['c-000000000001'], quote: makeQuote(TEXT, range), position: range }] }], problems: [] };
}

describe('a transcript renamed with unsaved edits', () => {
  it('keeps the live position of an edited segment once its coding follows it', () => {
    const old = new TranscriptSession('old.md');
    old.setText(TEXT);
    old.setCoding(coding('old.md'));
    const at = TEXT.indexOf(' the centre');
    const edited = `${TEXT.slice(0, at)} the new${TEXT.slice(at + ' the'.length)}`;
    old.applyChanges([{ start: at, end: at + ' the'.length, text: ' the new' }], edited);
    const renamed = new TranscriptSession('new.md');
    renamed.setText(edited);
    renamed.setCoding({ transcript: 'new.md', coders: [], problems: [] });
    renamed.carryOver({ text: old.currentText, placed: old.placed() });
    assert.deepEqual(renamed.placed(), [], 'nothing painted before the coding arrives');
    renamed.setCoding(coding('new.md'));
    const [p] = renamed.placed();
    assert.equal(p.status, 'exact');
    assert.equal(edited.slice(p.range!.start, p.range!.end), 'took me to the new centre.');
  });

  it('finds segments from their quotes when the text differs', () => {
    const renamed = new TranscriptSession('new.md');
    renamed.setText(`Preface.\n${TEXT}`);
    renamed.carryOver({ text: TEXT, placed: [] });
    renamed.setCoding(coding('new.md'));
    const [p] = renamed.placed();
    assert.equal(`Preface.\n${TEXT}`.slice(p.range!.start, p.range!.end), PHRASE);
  });
});

describe('a segment removed and brought back by undo', () => {
  it('comes back where the edits since took it, not found again from its outdated quote', () => {
    const session = new TranscriptSession('p01.md');
    session.setText(TEXT);
    session.setCoding(coding('p01.md'));
    const at = TEXT.indexOf(' the centre');
    const edited = `${TEXT.slice(0, at)} the new${TEXT.slice(at + ' the'.length)}`;
    session.applyChanges([{ start: at, end: at + ' the'.length, text: ' the new' }], edited);
    session.setCoding({ transcript: 'p01.md', coders: [], problems: [] });
    assert.deepEqual(session.placed(), []);
    const typed = `Note. ${edited}`;
    session.applyChanges([{ start: 0, end: 0, text: 'Note. ' }], typed);
    session.setCoding(coding('p01.md'));
    const [p] = session.placed();
    assert.equal(p.status, 'exact');
    assert.equal(typed.slice(p.range!.start, p.range!.end), 'took me to the new centre.');
  });
});
