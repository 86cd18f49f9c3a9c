import assert from 'node:assert/strict';
import { mapRange, NameMatcher, PseudonymError, protectedRanges } from '../../../src/core/pseudonymise';

const replaceAll = (text: string, name: string, pseudonym: string, variants?: string[]): string => new NameMatcher({ name, pseudonym, variants }).replaceAll(text);

describe('finding a name', () => {
  it('replaces whole words only, never a name inside another word', () => {
    const text = 'Ann said the Annual report was for Joanna, not Ann. MaryAnn agreed; Ann_2 is a file.';
    assert.equal(replaceAll(text, 'Ann', 'Beth'), 'Beth said the Annual report was for Joanna, not Beth. MaryAnn agreed; Ann_2 is a file.');
  });

  it('replaces possessives and keeps the case the name was written in', () => {
    assert.equal(replaceAll("Amara's sister and Amara’s friend", 'Amara', 'Zola'), "Zola's sister and Zola’s friend");
    assert.equal(replaceAll('AMARA: yes. amara, Amara, aMaRa.', 'Amara', 'Zola'), 'ZOLA: yes. zola, Zola, Zola.');
  });

  it('finds accented names in composed and decomposed form, next to emoji and markup', () => {
    const decomposed = 'Lucía'.normalize('NFD');
    const text = `**Lucía:** hola 👋Lucía! ${decomposed} and LUCÍA. Lucían is someone else; so is Lucía\u0301x.`;
    const out = replaceAll(text, 'Lucía', 'Rosa');
    assert.equal(out, '**Rosa:** hola 👋Rosa! Rosa and ROSA. Lucían is someone else; so is Lucía\u0301x.');
    // A name typed decomposed finds the composed one too.
    assert.equal(replaceAll('Lucía', decomposed, 'Rosa'), 'Rosa');
  });

  it('replaces variants, the longest first, with any spacing between words', () => {
    const text = 'Amara Okoye (Amara, or "Ama") met Amara  Okoye, then Amara\u00a0Okoye again.';
    assert.equal(replaceAll(text, 'Amara', 'Zola', ['Amara Okoye', 'Ama']), 'Zola (Zola, or "Zola") met Zola, then Zola again.');
  });

  it('finds a name that wraps across a line break, or has a no-break space between its words', () => {
    const text = 'My full name is José María\nGarcía. José\u00a0María  García\n\tsaid so.';
    assert.equal(replaceAll(text, 'José María García', 'P1'), 'My full name is P1. P1\n\tsaid so.');
    assert.deepEqual(NameMatcher.forNames(['José María García']).find('is José María\r\nGarcía').map((o) => o.found), ['José María\r\nGarcía']);
    // Still a whole name: the words must all be there, in order.
    assert.equal(replaceAll('José María\n\nLópez', 'José María García', 'P1'), 'José María\n\nLópez');
  });

  it('matches straight and typographic apostrophes with each other', () => {
    assert.equal(replaceAll("Ms O’Brien, O'Brien and Oʼbrien; not OBrien", "O'Brien", 'Smith'), 'Ms Smith, Smith and Smith; not OBrien');
    assert.equal(replaceAll("O'Neil", 'O’Neil', 'Byrne'), 'Byrne');
    // A part of the name cut at the edge of a quote's context, whatever its apostrophe.
    assert.equal(NameMatcher.forNames(["O'Brien"]).fragmentAtStart('’Brien said'), '’Brien');
  });

  it('treats regular-expression characters in a name literally', () => {
    assert.equal(replaceAll('Dr. K. (Kim) and Dr K', 'Dr. K.', 'Dr. X.'), 'Dr. X. (Kim) and Dr K');
    assert.equal(replaceAll('O’Neil and O’Neill', 'O’Neil', 'Byrne'), 'Byrne and O’Neill');
  });

  it('refuses an empty name or pseudonym, and a pseudonym equal to the name', () => {
    assert.throws(() => new NameMatcher({ name: ' ', pseudonym: 'X' }), PseudonymError);
    assert.throws(() => new NameMatcher({ name: 'Ann', pseudonym: '' }), /pseudonym/);
    assert.throws(() => new NameMatcher({ name: 'Ann', pseudonym: 'Ann' }), /same/);
    assert.throws(() => new NameMatcher({ name: '--', pseudonym: 'X' }), /letter/);
  });

  it('leaves file references alone: link destinations and a memo\'s link fields', () => {
    const memo = '---\ntranscript: interviews/p01-amara.md\ncode:\n- c-1\nauthor: Amara Fan\n---\n\nSee [Amara](../interviews/p01-amara.md) and <file:///amara>.\n\n[ref]: ./amara.md\n';
    const matcher = new NameMatcher({ name: 'Amara', pseudonym: 'Zola' });
    const found = matcher.find(memo, protectedRanges(memo, 'memo')).map((o) => o.found);
    assert.deepEqual(found, ['Amara', 'Amara'], 'the author and the link text');
    const transcriptFound = matcher.find(memo, protectedRanges(memo, 'transcript'));
    assert.equal(transcriptFound.length, 3, 'a transcript has no link fields: its front matter is prose');
  });
});

describe('mapping ranges through replacements', () => {
  const text = 'Ann met Ann. Then Ann left.';
  const occurrences = new NameMatcher({ name: 'Ann', pseudonym: 'Beatrice' }).find(text);
  const after = 'Beatrice met Beatrice. Then Beatrice left.';

  it('shifts ranges after a replacement and grows ranges around one', () => {
    const range = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length });
    const cut = (r: { start: number; end: number }) => after.slice(r.start, r.end);
    assert.equal(cut(mapRange(range('met Ann'), occurrences)), 'met Beatrice');
    assert.equal(cut(mapRange(range('Then'), occurrences)), 'Then');
    assert.equal(cut(mapRange(range('Ann left'), occurrences)), 'Beatrice left');
    assert.equal(cut(mapRange(range('.'), occurrences)), '.');
  });

  it('moves a boundary inside a name to the edge that keeps the whole pseudonym', () => {
    assert.equal(after.slice(mapRange({ start: 1, end: 7 }, occurrences).start, mapRange({ start: 1, end: 7 }, occurrences).end), 'Beatrice met');
    const endInside = mapRange({ start: 4, end: 10 }, occurrences);
    assert.equal(after.slice(endInside.start, endInside.end), 'met Beatrice');
  });
});
