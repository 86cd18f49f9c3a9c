/**
 * Defects once found by the property test and by the benchmark's scenarios on more seeds, each as
 * a small hand-made case: a segment is placed on its own text, or not at all.
 */
import assert from 'node:assert/strict';
import { makeQuote, reanchor, type Anchor } from '../../../src/core/anchoring';
import type { TextRange } from '../../../src/core/model';

function anchorAt(text: string, range: TextRange, id = 's'): Anchor {
  return { id, quote: makeQuote(text, range), position: range };
}

function anchorOn(text: string, phrase: string, id = phrase): Anchor {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0 && text.indexOf(phrase, start + 1) === -1, `"${phrase}" must occur once`);
  return anchorAt(text, { start, end: start + phrase.length }, id);
}

function placed(text: string, anchor: Anchor): string | undefined {
  const [placement] = reanchor(text, [anchor]);
  return placement.range && text.slice(placement.range.start, placement.range.end);
}

describe('reanchor: a segment that began or ended the text', () => {
  const text = 'Amara said she came in the winter with one suitcase and a phone number.\n\nShe did not know anyone at the bakery, not one person';

  it('keeps its first word when that word lost a letter (an empty prefix says the text began there)', () => {
    const anchor = anchorOn(text, 'Amara said she came in the winter');
    assert.equal(placed(text.slice(1), anchor), 'mara said she came in the winter');
  });

  it('keeps its last word when that word lost a letter (an empty suffix says the text ended there)', () => {
    const anchor = anchorOn(text, 'at the bakery, not one person');
    assert.equal(placed(text.slice(0, -1), anchor), 'at the bakery, not one perso');
  });
});
