import assert from 'node:assert/strict';
import { makeQuote } from '../../../src/core/anchoring';
import { CONTEXT_LENGTH } from '../../../src/core/model';

describe('makeQuote', () => {
  const text = `${'p'.repeat(40)}QUOTE${'s'.repeat(40)}`;

  it('takes the covered text and up to 32 characters either side', () => {
    const quote = makeQuote(text, { start: 40, end: 45 });
    assert.equal(quote.exact, 'QUOTE');
    assert.equal(quote.prefix, 'p'.repeat(CONTEXT_LENGTH));
    assert.equal(quote.suffix, 's'.repeat(CONTEXT_LENGTH));
  });

  it('takes less context at the start and end of the text', () => {
    const quote = makeQuote('ab QUOTE cd', { start: 3, end: 8 });
    assert.deepEqual(quote, { exact: 'QUOTE', prefix: 'ab ', suffix: ' cd' });
  });

  it('never cuts a surrogate pair in half at the edge of the context', () => {
    const emoji = '😀';
    const before = `${emoji}${'x'.repeat(31)}`; // the pair straddles the 32-unit boundary
    const after = `${'y'.repeat(31)}${emoji}`;
    const quote = makeQuote(`${before}Q${after}`, { start: before.length, end: before.length + 1 });
    assert.equal(quote.prefix, 'x'.repeat(31));
    assert.equal(quote.suffix, 'y'.repeat(31));
    assert.equal(quote.prefix.length, CONTEXT_LENGTH - 1);
  });

  it('keeps a whole emoji at the edge when it fits', () => {
    const quote = makeQuote(`${'x'.repeat(30)}😀Q😀${'y'.repeat(30)}`, { start: 32, end: 33 });
    assert.equal(quote.prefix, `${'x'.repeat(30)}😀`);
    assert.equal(quote.suffix, `😀${'y'.repeat(30)}`);
  });

  it('refuses a range outside the text', () => {
    assert.throws(() => makeQuote('abc', { start: 2, end: 5 }), RangeError);
    assert.throws(() => makeQuote('abc', { start: 2, end: 1 }), RangeError);
  });
});
