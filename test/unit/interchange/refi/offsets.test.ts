import assert from 'node:assert/strict';
import { chooseReading, nameMatches, preferredReading } from '../../../../src/core/interchange/refi/offset-detection';
import { type OffsetReading, codePointCounter, readingMap } from '../../../../src/core/interchange/refi/positions';

/** LF text with astral characters on most lines, so every convention gives different positions. */
const TEXT = [
  'Interviewer: How did you first hear about the centre? 🙂',
  'Amara: A woman from my church told me. I did not believe her 😅 at first.',
  '',
  'Interviewer: What helped most, in the end?',
  'Amara: Having my own phone 📱 and a key to my own door. That was freedom.',
  'Interviewer: And the hardest part? 🙄',
  'Amara: The forms. Always the same questions, in every single office.',
  '',
].join('\n');

const PHRASES = ['A woman from my church told me.', 'did not believe her', 'Having my own phone 📱 and a key', 'That was freedom.', 'The forms.', 'the same questions'];

const READINGS: OffsetReading[] = (['code-points', 'utf-16'] as const).flatMap((unit) =>
  ([1, 2] as const).flatMap((crlf) => [false, true].map((bomCounted) => ({ unit, crlf, bomCounted }))),
);

/**
 * Where `offset` (UTF-16, in the LF text) lies when counted as `reading` in the file written with
 * a BOM and CR LF: an encoder written independently of the importer's mapping.
 */
function positionUnder(reading: OffsetReading, offset: number): number {
  const before = TEXT.slice(0, offset);
  const characters = reading.unit === 'utf-16' ? before.length : [...before].length;
  const extraCr = reading.crlf === 2 ? before.split('\n').length - 1 : 0;
  return (reading.bomCounted ? 1 : 0) + characters + extraCr;
}

function selectionsUnder(reading: OffsetReading, withNames: boolean): { start: number; end: number; name?: string }[] {
  return PHRASES.map((phrase) => {
    const start = TEXT.indexOf(phrase);
    const selection = { start: positionUnder(reading, start), end: positionUnder(reading, start + phrase.length) };
    return withNames ? { ...selection, name: phrase } : selection;
  });
}

const RAW = TEXT.replace(/\n/g, '\r\n');

describe('REFI-QDA positions', () => {
  it('counts code points before a UTF-16 offset, rounding an offset inside a pair down', () => {
    const count = codePointCounter('a😀b😀c');
    assert.deepEqual([0, 1, 3, 4, 6, 7].map(count), [0, 1, 2, 3, 4, 5]);
    assert.equal(count(2), 1);
    assert.equal(codePointCounter('plain')(3), 3);
  });

  it('maps every position of every reading onto the normalised text, flagging positions inside a character or a CR LF', () => {
    const raw = 'a😀\r\nb';
    const utf16 = readingMap(raw, true, { unit: 'utf-16', crlf: 2, bomCounted: true });
    assert.equal(utf16.length, 7);
    const mapped = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((p) => utf16.toText(p));
    assert.deepEqual(mapped.map((m) => m?.offset), [0, 0, 1, 1, 3, 3, 4, 5, undefined]);
    assert.deepEqual(mapped.map((m) => m?.aligned), [true, true, true, false, true, false, true, true, undefined]);
    const points = readingMap(raw, false, { unit: 'code-points', crlf: 1, bomCounted: false });
    assert.equal(points.length, 4);
    assert.deepEqual([0, 1, 2, 3, 4].map((p) => points.toText(p)?.offset), [0, 1, 3, 4, 5]);
  });

  for (const withNames of [true, false]) {
    it(`recognises each of the eight conventions from the selections alone (${withNames ? 'with' : 'without'} quoted names)`, () => {
      for (const reading of READINGS) {
        const choice = chooseReading(RAW, true, selectionsUnder(reading, withNames), 'Some other program');
        assert.deepEqual(choice.reading, reading, JSON.stringify(reading));
        assert.equal(choice.basis, withNames ? 'quoted text' : 'word boundaries');
        const texts = choice.placed.map((p) => TEXT.slice(p.start, p.end));
        assert.deepEqual(texts, PHRASES);
        assert.ok(choice.placed.every((p) => p.fits));
      }
    });
  }

  it('falls back to what the exporting program writes when the selections cannot tell', () => {
    const ascii = 'Short text.\r\nSecond line.\r\n';
    assert.deepEqual(chooseReading(ascii, false, [], 'NVivo 12 (Windows)').reading, { unit: 'utf-16', crlf: 2, bomCounted: false });
    assert.deepEqual(chooseReading(ascii, false, [], 'ATLAS.ti 9').reading.crlf, 1);
    assert.equal(chooseReading(ascii, false, [], 'ATLAS.ti 9').basis, 'default');
    assert.deepEqual(preferredReading('MAXQDA 2022'), { unit: 'code-points', crlf: 1, bomCounted: false });
    assert.deepEqual(preferredReading(''), { unit: 'code-points', crlf: 2, bomCounted: false });
    assert.deepEqual(chooseReading('one\ntwo', false, [], '').relevant, { unit: false, crlf: false, bom: false });
  });

  it('reports selections that fit under no reading, and those outside the text', () => {
    const reading = READINGS[3];
    const selections = [...selectionsUnder(reading, false), { start: 8, end: 11 }, { start: 5000, end: 5010 }];
    const choice = chooseReading(RAW, true, selections, '');
    assert.deepEqual(choice.reading, reading);
    assert.deepEqual(choice.placed.map((p) => p.fits), [true, true, true, true, true, true, false, false]);
    assert.equal(choice.placed[7].inRange, false);
  });

  it('matches names that hold the whole quote or its start cut with an ellipsis, white space aside', () => {
    assert.ok(nameMatches('A woman from my church', 'A woman from my\nchurch'));
    assert.ok(nameMatches('I did try the gluten free bread, but it…', 'I did try the gluten free bread, but it was always so soggy'));
    assert.ok(nameMatches('The forms...', 'The forms. Always'));
    assert.ok(!nameMatches('Quotation 6:1', 'The forms.'));
    assert.ok(!nameMatches('', 'anything'));
    assert.ok(!nameMatches(undefined, 'anything'));
  });
});
