import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createOffsetMap, normaliseText, splitsSurrogatePair, toNormalisedOffset, toRawOffset } from '../../../src/core/anchoring';
import { canonicalText, isNfc } from '../../../src/core/anchoring/canonical';

describe('normaliseText', () => {
  it('strips a leading BOM and turns CRLF and lone CR into LF', () => {
    assert.equal(normaliseText('\uFEFFa\r\nb\rc\nd'), 'a\nb\nc\nd');
  });

  it('keeps a BOM that is not at the start, and leaves LF text as it is', () => {
    const text = 'a\uFEFFb\n';
    assert.equal(normaliseText(text), text);
  });
});

describe('offset map between a raw text and its normalised form', () => {
  it('maps offsets across CRLF and a BOM both ways', () => {
    const raw = '\uFEFFab\r\ncd\r\n\r\ne';
    const map = createOffsetMap(raw);
    assert.equal(map.text, 'ab\ncd\n\ne');
    assert.equal(map.toNormalised(0), 0);
    assert.equal(map.toNormalised(1), 0, 'just after the BOM is the start of the text');
    assert.equal(map.toNormalised(3), 2, 'the CR');
    assert.equal(map.toNormalised(4), 2, 'between CR and LF: the line break');
    assert.equal(map.toNormalised(5), 3, 'the c after the line break');
    assert.equal(map.toRaw(0), 1, 'the text starts after the BOM');
    assert.equal(map.toRaw(2), 3, 'a line break maps to its CR');
    assert.equal(map.toRaw(3), 5);
    assert.equal(map.toRaw(map.text.length), raw.length);
  });

  it('treats a lone CR as a line break of the same length', () => {
    const map = createOffsetMap('a\rb');
    assert.equal(map.text, 'a\nb');
    assert.equal(map.toRaw(2), 2);
    assert.equal(map.toNormalised(2), 2);
  });

  it('is the identity for LF text without a BOM', () => {
    const map = createOffsetMap('one\ntwo');
    assert.equal(map.toRaw(5), 5);
    assert.equal(map.toNormalised(5), 5);
    assert.equal(map.toRaw(99), 7, 'clamped to the text');
  });

  it('round-trips every normalised offset, and the raw slice normalises to the same text', () => {
    const piece = fc.constantFrom('a', 'é', '\r\n', '\n', '\r', ' ', '😀');
    fc.assert(
      fc.property(fc.boolean(), fc.array(piece, { maxLength: 30 }), (bom, pieces) => {
        const raw = (bom ? '\uFEFF' : '') + pieces.join('');
        const map = createOffsetMap(raw);
        for (let start = 0; start <= map.text.length; start++) {
          assert.equal(map.toNormalised(map.toRaw(start)), start);
          for (let end = start; end <= map.text.length; end++) {
            assert.equal(normaliseText(raw.slice(map.toRaw(start), map.toRaw(end))), map.text.slice(start, end));
          }
        }
      }),
    );
  });

  it('has one-off helpers for a single conversion', () => {
    assert.equal(toRawOffset('a\r\nb', 2), 3);
    assert.equal(toNormalisedOffset('a\r\nb', 3), 2);
  });
});

describe('surrogate pairs', () => {
  it('knows when an offset falls inside an emoji', () => {
    const text = 'a😀b';
    assert.deepEqual([0, 1, 2, 3, 4].map((o) => splitsSurrogatePair(text, o)), [false, false, true, false, false]);
  });
});

describe('canonical (NFC) text for matching', () => {
  it('is the text itself when it is already NFC', () => {
    const view = canonicalText('José 😀');
    assert.equal(view.identity, true);
    assert.equal(view.toCanonical(3), 3);
  });

  it('recomposes NFD text and maps offsets back to the decomposed text', () => {
    const nfd = 'Jose\u0301 and Zoe\u0308!';
    const view = canonicalText(nfd);
    assert.equal(view.text, 'José and Zoë!');
    assert.equal(isNfc(nfd), false);
    const zoe = view.text.indexOf('Zoë');
    assert.equal(view.startToOriginal(zoe), nfd.indexOf('Zoe'));
    assert.equal(view.endToOriginal(zoe + 3), nfd.indexOf('!'), 'the end takes in the combining mark');
    assert.equal(view.toCanonical(nfd.indexOf('!')), view.text.indexOf('!'));
    assert.equal(view.toCanonical(4), 3, 'inside a recomposed character: its start');
  });
});
