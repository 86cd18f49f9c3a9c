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

describe('reanchor: a stock phrase said again after the same sentence', () => {
  const answer = (tail: string) => `It was hard, it was really hard for us. You know what I mean, it's just how it is. ${tail}`;
  const before = [
    '**Interviewer:** How was the first winter?',
    '',
    `**P07:** ${answer("I don't know, I really don't know. My cousin found the job at the factory and we moved twice.")}`,
    '',
    '**Interviewer:** And the papers?',
    '',
    `**P07:** ${answer('My sister waited for the visa all summer, every single day, and then it came in the autumn.')}`,
    '',
  ].join('\n');
  const phrase = "You know what I mean, it's just how it is.";

  it('goes to its own copy, edited, rather than to another copy with only the same sentence before it', () => {
    const start = before.indexOf(phrase);
    const anchor = anchorAt(before, { start, end: start + phrase.length });
    // Re-transcribed: the run-on sentence ends with a comma; a heading added at the top shifts everything.
    const after = `# Interview P07, second transcription\n\n${before}`.replace(`${phrase} I don't know`, "You know what I mean, it's just how it is, i don't know");
    const [placement] = reanchor(after, [anchor]);
    assert.ok(placement.range, 'placed');
    assert.equal(after.slice(placement.range.start, placement.range.end), "You know what I mean, it's just how it is,");
    assert.equal(placement.range.start, after.indexOf('You know what I mean'));
  });
});

describe('reanchor: an edge where a filler was dropped', () => {
  it('does not claim a word its context has too ("I don\'t know, you «know, it\'s…»" re-transcribed "I don\'t know, it\'s…")', () => {
    const before = "**P07:** The winter was long. I don't know, you know, it's hard to say. Um, my husband cried over the forms during the holidays, every one of them.\n";
    const anchor = anchorOn(before, "know, it's hard to say. Um, my husband cried over the forms during the holidays");
    const after = "**P07:** The winter was long. I don't also know, it's to say. My husband cried over the forms during the holidays, every one of them.\n";
    const text = placed(after, anchor);
    assert.ok(text !== undefined, 'placed');
    assert.ok(after.indexOf(text) > after.indexOf("know, it's"), `placed on «${text}», which claims the context's "know,"`);
    assert.ok(text.endsWith('during the holidays'));
  });

  it('does not claim the context\'s next word when the quote\'s last words were dropped ("in secret. «You know,» my mother" → "in secret. My mother")', () => {
    const before = '**P07:** We kept the money under the floor. The kids called the recipes in secret. You know, my mother called the church before every holiday.\n';
    const anchor = anchorOn(before, 'The kids called the recipes in secret. You know,');
    const after = '**P07:** We kept the money under the floor. The kids called the recipes in secret. My honestly mother called the church before every holiday.\n';
    const text = placed(after, anchor);
    assert.ok(text !== undefined, 'placed');
    assert.ok(!/\bMy\b/.test(text), `placed on «${text}», which claims the context's "My"`);
    assert.equal(text, 'The kids called the recipes in secret.');
  });
});

describe('reanchor: a boundary set by a piece of the quote said again beside it', () => {
  it('ends where the whole quote ends, not at the next copy of its last words', () => {
    const stock = "I don't know, you know, it's hard to say.";
    const coded = `the job at the factory. Kind of my mother waited the money but the neighbours felt the school. I mean, I tried so, the garden. ${stock} The kids noticed the winter but my sister remembered the visa. ${stock}`;
    const before = `**P07:** Daniel asked the bakery at the beginning but Tomasz worried ${coded} ${stock} I don't know, I really don't know. My friend Amara laughed.\n`;
    const anchor = anchorOn(before, coded);
    // Re-transcribed: fillers and commas dropped, the stock phrase run on into its repetition, whose
    // copy is now the only place where the quote's last words and the suffix's first ones meet.
    const after = "**P07:** Daniel asked the bakery at the beginning but Tomasz worried the job at the factory, kind of my mother waited the money but the neighbours felt the school. I mean I tried so the garden, i don't know, it's hard to say. The kids noticed a winter but my sister remembered the visa. I don't know, it's hard to say, i don't know it's hard to say. I don't know, I really don't know. My friend Amara laughed.\n";
    const text = placed(after, anchor);
    assert.ok(text?.endsWith("remembered the visa. I don't know, it's hard to say,"), `placed on «${text}»`);
  });
});

describe('reanchor: an edge whose two outermost words were both reworded', () => {
  it('leaves the rewritten stretch out, back to a word the quote has near that edge', () => {
    const before = '**P07:** The landlord decided, I mean, the visa. My father missed the house back home and my sister remembered the visa. Amara asked actually, the border. Mr Haddad started again in the spring.\n';
    const anchor = anchorOn(before, 'My father missed the house back home and my sister remembered the visa. Amara asked actually,');
    // "asked actually," reworded "inquired about", and an adverb added after it: which of the new
    // words are the quote's, no reading of the characters can tell.
    const after = '**P07:** The landlord decided, I mean, the visa. My father missed the house back home and my sister remembered the visa. Amara inquired about  also the border. Mr just Haddad started again in the spring.\n';
    const text = placed(after, anchor);
    assert.ok(text !== undefined, 'placed');
    assert.ok(text.startsWith('My father missed') && !text.includes('also'), `placed on «${text}», which claims "also"`);
  });
});
