import assert from 'node:assert/strict';
import { importError, importText } from './import-errors';

describe('SRT import', () => {
  it('reads numbered cues with comma times, tags and ASS overrides removed, speakers when present', () => {
    const imported = importText(
      'film.srt',
      '1\n00:00:01,500 --> 00:00:03,000\n{\\an8}<i>JOHN:</i> Hello <font color="red">there</font>.\n\n' +
        '2\n00:00:03,000 --> 00:00:04,000\nJOHN: Still me &amp; you.\n\n3\n00:01:00,000 --> 00:01:02,000\nMARY: Hi, <b>John</b>.\n',
    );
    assert.deepEqual(imported.turns, [
      { speaker: 'JOHN', start: 1.5, paragraphs: ['Hello there. Still me & you.'] },
      { speaker: 'MARY', start: 60, paragraphs: ['Hi, John.'] },
    ]);
    assert.equal(imported.format, 'srt');
  });

  it('keeps angle-bracket words that are not SRT formatting', () => {
    assert.deepEqual(importText('a.srt', '1\n00:00:01,000 --> 00:00:02,000\nHe said <laughs> no.\n').turns[0].paragraphs, ['He said <laughs> no.']);
  });

  it('keeps text after a blank line inside a cue as part of it, with a note', () => {
    const imported = importText('a.srt', '1\n00:00:01,000 --> 00:00:02,000\nFirst line\n\nsecond line\n\n2\n00:00:03,000 --> 00:00:04,000\nNext\n');
    assert.deepEqual(imported.turns.map((t) => t.paragraphs), [['First line second line'], ['Next']]);
    assert.deepEqual(imported.notes, [{ line: 5, message: 'text after a blank line inside a cue was kept as part of that cue.' }]);
  });

  it('starts a new cue at a timing line that has no blank line before it, with its cue number', () => {
    const imported = importText(
      'a.srt',
      '1\n00:00:01,000 --> 00:00:03,000\nINT: Where did you work?\n2\n00:00:03,000 --> 00:00:06,000\nP1: On a farm.\n\n' +
        '3\n00:00:06,000 --> 00:00:07,000\nINT: Why?\n00:00:07,000 --> 00:00:09,000\nP1: Family.\n',
    );
    assert.deepEqual(imported.turns, [
      { speaker: 'INT', start: 1, paragraphs: ['Where did you work?'] },
      { speaker: 'P1', start: 3, paragraphs: ['On a farm.'] },
      { speaker: 'INT', start: 6, paragraphs: ['Why?'] },
      { speaker: 'P1', start: 7, paragraphs: ['Family.'] },
    ]);
    const badTime = importError('a.srt', '1\n00:00:01,000 --> 00:00:02,000\nHi\n2\n00:00:61,000 --> 00:01:02,000\nHo\n');
    assert.equal(badTime.line, 5);
  });

  it('reads dialogue dashes as turns, each line with its own label', () => {
    const imported = importText(
      'a.srt',
      '1\n00:00:01,000 --> 00:00:02,000\nDana: Ready?\n\n2\n00:00:02,000 --> 00:00:04,000\n- Dana: hi\n- Amara: yo\n\n' +
        '3\n00:00:04,000 --> 00:00:05,000\nDana: Good.\n',
    );
    assert.deepEqual(imported.turns, [
      { speaker: 'Dana', start: 1, paragraphs: ['Ready? hi'] },
      { speaker: 'Amara', start: 2, paragraphs: ['yo'] },
      { speaker: 'Dana', start: 4, paragraphs: ['Good.'] },
    ]);
  });

  describe('refuses, naming the file and line,', () => {
    it('a file that does not start with a cue', () => {
      const error = importError('a.srt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n');
      assert.equal(error.line, 1);
      assert.match(error.reason, /not an SRT file: expected a cue number or a timing line/);
    });

    it('a cue number without a timing line', () => {
      const middle = importError('a.srt', '1\nHello\n\n2\n00:00:01,000 --> 00:00:02,000\nHi\n');
      assert.equal(middle.line, 2);
      assert.match(middle.reason, /expected a timing line such as "00:00:01,000 --> 00:00:04,000", found "Hello"/);
      const end = importError('a.srt', '1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n');
      assert.equal(end.line, 5);
      assert.match(end.reason, /cue 2 has no timing line \(the file seems to be truncated\)/);
    });

    it('a truncated last cue and invalid times', () => {
      assert.match(importError('a.srt', '1\n00:00:01,000 --> 00:00:02,000\n').reason, /last cue has no text/);
      const badTime = importError('a.srt', '1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:61,000 --> 00:01:02,000\nHo\n');
      assert.equal(badTime.line, 6);
      assert.equal(badTime.reason, 'invalid timestamp "00:00:61,000" (expected hh:mm:ss,ttt).');
      assert.match(importError('a.srt', '1\n00:00:03,000 --> 00:00:02,000\nHi\n').reason, /ends .* before it starts/);
    });
  });
});
