import assert from 'node:assert/strict';
import { TranscriptSession } from '../../../src/core/transcript-session';

const TEXT = 'Amara: A friend from church took me to the centre. I did not trust anyone then.\n';
const PHRASE = 'took me to the centre';

function held(session: TranscriptSession) {
  const start = TEXT.indexOf(PHRASE);
  return session.hold({ start, end: start + PHRASE.length });
}

describe('a passage held while its codes are chosen', () => {
  it('follows typing before it and inside it', () => {
    const session = new TranscriptSession('p01.md');
    session.setText(TEXT);
    const passage = held(session);
    const text = `[00:01] ${TEXT}`.replace('to the centre', 'to the big centre');
    session.applyChanges(
      [
        { start: 0, end: 0, text: '[00:01] ' },
        { start: TEXT.indexOf('centre') + 8, end: TEXT.indexOf('centre') + 8, text: 'big ' },
      ],
      text,
    );
    assert.equal(text.slice(passage.range!.start, passage.range!.end), 'took me to the big centre');
  });

  it('is found again in a text reloaded from disk, and is gone when its words are', () => {
    const session = new TranscriptSession('p01.md');
    session.setText(TEXT);
    const passage = held(session);
    const pulled = `A note from another branch.\n\n${TEXT}`;
    session.setText(pulled);
    assert.equal(pulled.slice(passage.range!.start, passage.range!.end), PHRASE);
    session.setText(TEXT.replace(PHRASE, 'came alone'));
    assert.equal(passage.range, undefined);
  });

  it('is gone once its text is deleted', () => {
    const session = new TranscriptSession('p01.md');
    session.setText(TEXT);
    const passage = held(session);
    const start = TEXT.indexOf(PHRASE);
    session.applyChanges([{ start, end: start + PHRASE.length, text: '' }], TEXT.replace(PHRASE, ''));
    assert.equal(passage.range, undefined);
  });
});
