import assert from 'node:assert/strict';
import { readCueText } from '../../../../src/core/interchange/transcripts/webvtt';
import { importError, importText } from './import-errors';

const cue = (timing: string, ...lines: string[]): string => `${timing}\n${lines.join('\n')}\n`;

describe('WebVTT import', () => {
  describe('reads', () => {
    it('speaker turns from Zoom prefixes, merging one speaker’s consecutive cues', () => {
      const imported = importText(
        'zoom.vtt',
        `WEBVTT\n\n1\n${cue('00:00:01.000 --> 00:00:02.000', 'Dana: Hello.')}\n2\n${cue('00:00:02.000 --> 00:00:03.000', 'Dana: Ready?')}\n` +
          `3\n${cue('00:01:00.250 --> 00:01:03.000', 'Amara: Yes.', 'I am.')}`,
      );
      assert.deepEqual(imported.turns, [
        { speaker: 'Dana', start: 1, paragraphs: ['Hello. Ready?'] },
        { speaker: 'Amara', start: 60.25, paragraphs: ['Yes. I am.'] },
      ]);
      assert.equal(imported.format, 'webvtt');
      assert.equal(imported.source, 'zoom.vtt');
    });

    it('a cue whose timing line has no blank line before it, with or without a cue number', () => {
      const imported = importText(
        'a.vtt',
        'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nINT: Where did you work?\n2\n00:00:03.000 --> 00:00:06.000\nP1: On a farm.\n' +
          '00:00:06.000 --> 00:00:07.000\nINT: Why?\n',
      );
      assert.deepEqual(imported.turns, [
        { speaker: 'INT', start: 1, paragraphs: ['Where did you work?'] },
        { speaker: 'P1', start: 3, paragraphs: ['On a farm.'] },
        { speaker: 'INT', start: 6, paragraphs: ['Why?'] },
      ]);
    });

    it('a line inside a cue that starts with the label of a speaker the file has as that speaker’s turn', () => {
      const imported = importText(
        'a.vtt',
        `WEBVTT\n\n${cue('00:00:01.000 --> 00:00:02.000', 'Dana Reyes: So tell me.', 'Amara Osei: Well, OK.', 'It was hard.')}\n` +
          `${cue('00:00:03.000 --> 00:00:04.000', 'Amara Osei: Really.', 'Note: not a speaker here.')}\n${cue('00:00:05.000 --> 00:00:06.000', 'Dana Reyes: Go on.')}`,
      );
      assert.deepEqual(imported.turns, [
        { speaker: 'Dana Reyes', start: 1, paragraphs: ['So tell me.'] },
        { speaker: 'Amara Osei', start: 1, paragraphs: ['Well, OK. It was hard. Really. Note: not a speaker here.'] },
        { speaker: 'Dana Reyes', start: 5, paragraphs: ['Go on.'] },
      ]);
    });

    it('voice spans, with classes, several in one cue, and without an end tag', () => {
      assert.deepEqual(readCueText('<v.loud.x Dana Reyes>Hi</v> <v Amara>Hello\nthere'), [
        { voice: 'Dana Reyes', text: 'Hi' },
        { voice: 'Amara', text: 'Hello\nthere' },
      ]);
      assert.deepEqual(readCueText('before <v Dana>in</v> after'), [{ text: 'before' }, { voice: 'Dana', text: 'in' }, { text: 'after' }]);
    });

    it('cue text without tags, timestamps inside cues, and with entities decoded', () => {
      assert.deepEqual(readCueText('<c.yellow.bg_blue>It</c> <00:00:01.500><b>was</b> <i>&lt;fine&gt;</i> &amp;&nbsp;ok&lrm; <ruby>漢<rt>kan</rt></ruby> 1 &lt; 2'), [
        { text: 'It was <fine> &\u00a0ok\u200e 漢kan 1 < 2' },
      ]);
    });

    it('a colon inside a caption is not a speaker unless the name recurs or most cues have one', () => {
      const text = `WEBVTT\n\n${cue('00:00:01.000 --> 00:00:02.000', 'So the point is: nobody asked.')}\n${cue('00:00:02.000 --> 00:00:03.000', 'And then we left.')}`;
      assert.deepEqual(importText('a.vtt', text).turns.map((t) => t.speaker), [undefined, undefined]);
      const times = `WEBVTT\n\n${cue('00:00:01.000 --> 00:00:02.000', 'At 10:30 we met.')}\n${cue('00:00:03.000 --> 00:00:04.000', 'See https://example.org')}`;
      assert.deepEqual(importText('a.vtt', times).turns.map((t) => t.paragraphs[0]), ['At 10:30 we met.', 'See https://example.org']);
    });

    it('ignores a header’s metadata, NOTE/STYLE/REGION blocks, identifiers and cue settings', () => {
      const text =
        'WEBVTT - Zoom export\nKind: captions\n\nNOTE\nA note with --> an arrow is still a note\n\nSTYLE\n::cue { color: red }\n\n' +
        `REGION\nid:r1\n\nintro\n${cue('00:00:01.000 --> 00:00:02.000 region:r1 align:start position:10%', '<v Dana>Hi.</v>')}`;
      assert.deepEqual(importText('a.vtt', text).turns, [{ speaker: 'Dana', start: 1, paragraphs: ['Hi.'] }]);
    });

    it('skips an empty cue in the middle of the file', () => {
      const text = `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\n${cue('00:00:02.000 --> 00:00:03.000', '<v Dana>Hi.</v>')}`;
      assert.equal(importText('a.vtt', text).turns.length, 1);
    });
  });

  describe('refuses, naming the file and line,', () => {
    it('a file without the WEBVTT header (and spots SRT)', () => {
      const plain = importError('talk.vtt', 'Hello there\n');
      assert.equal(plain.line, 1);
      assert.match(plain.reason, /not a WebVTT file: the first line must be "WEBVTT", found "Hello there"/);
      assert.match(importError('talk.vtt', '1\n00:00:01,000 --> 00:00:02,000\nHi\n').reason, /looks like SubRip; rename it to \.srt/);
      assert.match(importError('talk.vtt', 'WEBVTTX\n').reason, /not a WebVTT file/);
    });

    it('a truncated last cue: timing without text, an identifier alone, a cut-off timing line', () => {
      const noText = importError('t.vtt', `WEBVTT\n\n${cue('00:00:01.000 --> 00:00:02.000', 'Hi')}\n00:00:03.000 --> 00:00:04.000\n`);
      assert.equal(noText.line, 6);
      assert.match(noText.reason, /last cue has no text: the file seems to be truncated/);
      const idOnly = importError('t.vtt', `WEBVTT\n\n${cue('00:00:01.000 --> 00:00:02.000', 'Hi')}\n42\n`);
      assert.equal(idOnly.line, 6);
      assert.match(idOnly.reason, /cue "42" has no timing line \(the file seems to be truncated\)/);
      const cut = importError('t.vtt', `WEBVTT\n\n${cue('00:00:01.000 --> 00:00:02.000', 'Hi')}\n00:00:03.000 --> 00:00:0`);
      assert.equal(cut.line, 6);
      assert.match(cut.reason, /invalid timestamp "00:00:0" .*truncated/);
    });

    it('invalid timestamps, with what was expected', () => {
      for (const bad of ['00:61:00.000', '1:02.000', '00:00:01', '00:00:01,000', 'aa:bb:cc.ddd', '00:00:01.5']) {
        const error = importError('t.vtt', `WEBVTT\n\n${cue(`${bad} --> 99:00:00.000`, 'Hi')}\n${cue('00:00:01.000 --> 00:00:02.000', 'x')}`);
        assert.equal(error.line, 3, bad);
        assert.equal(error.reason, `invalid timestamp "${bad}" (expected hh:mm:ss.ttt or mm:ss.ttt).`);
      }
      assert.match(importError('t.vtt', `WEBVTT\n\n${cue('00:00:01.000 -> 00:00:02.000', 'Hi')}`).reason, /malformed cue timing line "00:00:01.000 -> 00:00:02.000"/);
    });

    it('a cue that ends before it starts', () => {
      const error = importError('t.vtt', `WEBVTT\n\n${cue('00:00:05.000 --> 00:00:04.000', 'Hi')}`);
      assert.equal(error.line, 3);
      assert.match(error.reason, /ends \(00:00:04\.000\) before it starts \(00:00:05\.000\)/);
    });

    it('text that belongs to no cue, instead of dropping it', () => {
      const error = importError('t.vtt', `WEBVTT\n\n${cue('00:00:01.000 --> 00:00:02.000', 'Hi')}\nA stray line\nand another\n\n${cue('00:00:03.000 --> 00:00:04.000', 'x')}`);
      assert.equal(error.line, 7);
      assert.match(error.reason, /expected a cue timing line such as "00:00:01\.000 --> 00:00:04\.000", found "and another"/);
    });

    it('a file with no cues, and an empty one', () => {
      assert.match(importError('t.vtt', 'WEBVTT\n\nNOTE nothing here\n').reason, /has no cues/);
      assert.equal(importError('t.vtt', '').reason, 'the file is empty.');
    });
  });
});
