import assert from 'node:assert/strict';
import { DEFAULT_MIN_FUZZY_SCORE, isUnchanged, makeQuote, reanchor, type Anchor } from '../../../src/core/anchoring';
import type { TextRange } from '../../../src/core/model';

const TRANSCRIPT = [
  '**Interviewer:** How did you come to Lisbon?',
  '',
  "**Amara:** My cousin was already here, you know, and he said there was work at the bakery. I don't know, it was a long time ago. I came in the winter, with one suitcase and a phone number.",
  '',
  '**Interviewer:** And the language?',
  '',
  "**Amara:** Hard. I don't know how I managed. At the bakery nobody spoke English, and the forms at the town hall were all in Portuguese. Yes.",
  '',
].join('\n');

/** A stored segment on the n-th occurrence of `phrase` in `text`. */
function anchorOn(text: string, phrase: string, id = phrase, occurrence = 0): Anchor {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  assert.ok(start >= 0, `"${phrase}" #${occurrence} is not in the text`);
  const position = { start, end: start + phrase.length };
  return { id, quote: makeQuote(text, position), position };
}

function placedText(text: string, range: TextRange | undefined): string | undefined {
  return range && text.slice(range.start, range.end);
}

describe('reanchor', () => {
  it('places segments of an unchanged text exactly, and says the text is unchanged', () => {
    const anchors = [anchorOn(TRANSCRIPT, 'with one suitcase'), anchorOn(TRANSCRIPT, 'Hard.')];
    assert.equal(isUnchanged(TRANSCRIPT, anchors), true);
    for (const placement of reanchor(TRANSCRIPT, anchors)) {
      assert.equal(placement.status, 'exact');
      assert.equal(placement.score, 1);
    }
  });

  it('knows the text changed when a quote or its context moved or changed', () => {
    const anchors = [anchorOn(TRANSCRIPT, 'with one suitcase')];
    assert.equal(isUnchanged(TRANSCRIPT.replace('winter', 'summer'), anchors), false, 'context edited');
    assert.equal(isUnchanged(`# P03\n${TRANSCRIPT}`, anchors), false, 'everything shifted');
    assert.equal(isUnchanged(TRANSCRIPT.replace('Yes.', 'Yes!'), anchors), true, 'an edit far away');
  });

  it('answers in the order of the anchors given, whatever their positions', () => {
    const anchors = [anchorOn(TRANSCRIPT, 'Yes.', 'last'), anchorOn(TRANSCRIPT, 'My cousin', 'first')];
    assert.deepEqual(reanchor(TRANSCRIPT, anchors).map((p) => p.id), ['last', 'first']);
  });

  it('follows segments shifted by text inserted before them', () => {
    const anchors = [anchorOn(TRANSCRIPT, 'at the bakery'), anchorOn(TRANSCRIPT, 'all in Portuguese')];
    const after = `# Interview P03\n\n${TRANSCRIPT}`;
    for (const placement of reanchor(after, anchors)) {
      assert.equal(placement.status, 'moved');
      assert.equal(placedText(after, placement.range), placement.id);
      assert.equal(placement.range!.start, anchors.find((a) => a.id === placement.id)!.position.start + 17);
    }
  });

  it('puts a repeated phrase back on the occurrence its context names', () => {
    const second = anchorOn(TRANSCRIPT, "I don't know", 'second', 1);
    const after = TRANSCRIPT.replace('**Amara:** Hard.', "**Amara:** I don't know. Hard.");
    const [placement] = reanchor(after, [second]);
    assert.equal(placement.status, 'moved');
    assert.equal(after.slice(placement.range!.start - 6, placement.range!.end + 6), "Hard. I don't know how I", 'not the new one');
  });

  it('orphans a repeated phrase when a copy is typed right beside it: either copy could be the old one', () => {
    // "Hard. I don't know how" → "Hard. I don't know. I don't know how": typed before or after it?
    const second = anchorOn(TRANSCRIPT, "I don't know", 'second', 1);
    const after = TRANSCRIPT.replace('**Amara:** Hard.', "**Amara:** Hard. I don't know.");
    assert.equal(reanchor(after, [second])[0].status, 'orphan');
  });

  it('orphans a deleted segment even when its words still occur elsewhere', () => {
    const first = anchorOn(TRANSCRIPT, "I don't know, it was a long time ago.", 'first');
    const after = TRANSCRIPT.replace(" I don't know, it was a long time ago.", '');
    const [placement] = reanchor(after, [first]);
    assert.equal(placement.status, 'orphan');
    assert.equal(placement.range, undefined);
    assert.equal(placement.score, 0);
  });

  it('places an edited quote as fuzzy, covering the edit', () => {
    const anchor = anchorOn(TRANSCRIPT, 'the forms at the town hall were all in Portuguese');
    const after = TRANSCRIPT.replace('town hall were', 'town hall [inaudible] were');
    const [placement] = reanchor(after, [anchor]);
    assert.equal(placement.status, 'fuzzy');
    assert.equal(placedText(after, placement.range), 'the forms at the town hall [inaudible] were all in Portuguese');
    assert.ok(placement.score >= DEFAULT_MIN_FUZZY_SCORE && placement.score < 1);
  });

  it('finds an edited quote in a paragraph moved far away', () => {
    const anchor = anchorOn(TRANSCRIPT, 'you know, and he said there was work at the bakery.');
    const paragraph = TRANSCRIPT.split('\n\n')[1];
    const moved = `${TRANSCRIPT.replace(`${paragraph}\n\n`, '')}\n${paragraph.replace('was work', 'was some work')}\n`;
    const [placement] = reanchor(moved, [anchor]);
    assert.equal(placement.status, 'fuzzy');
    assert.equal(placedText(moved, placement.range), 'you know, and he said there was some work at the bakery.');
  });

  it('never places a very short quote approximately', () => {
    const anchor = anchorOn(TRANSCRIPT, 'Yes.');
    const [placement] = reanchor(TRANSCRIPT.replace('Yes.', 'Yse.'), [anchor]);
    assert.equal(placement.status, 'orphan');
  });

  it('does not put a short quote on the same letters elsewhere once its context is gone', () => {
    const anchor = anchorOn(TRANSCRIPT, 'Hard.');
    const after = TRANSCRIPT.replace('**Amara:** Hard. ', '').replace('the language?', 'the language? It was hard.');
    const [placement] = reanchor(after, [anchor]);
    assert.equal(placement.status, 'orphan');
  });

  it('places the last sentence of a transcript, still its last, when the question before it was reworded', () => {
    // Stored context: the reworded question before, and only "\n" after (the text ended there).
    const last = 'At the bakery nobody spoke English, and the forms at the town hall were all in Portuguese. Yes.';
    const anchor = anchorOn(TRANSCRIPT, last);
    assert.equal(anchor.quote.suffix, '\n');
    const after = TRANSCRIPT.replace("Hard. I don't know how I managed. ", 'Hard, really hard. ').replace('And the language?', 'And what about the language, then?');
    const [placement] = reanchor(after, [anchor]);
    assert.equal(placement.status, 'moved');
    assert.equal(placedText(after, placement.range), last);

    // The same for the first words of a text whose next sentence changed.
    const first = '**Interviewer:** How did you come to Lisbon?';
    const opening = anchorOn(TRANSCRIPT, first);
    const [start] = reanchor(TRANSCRIPT.replace('My cousin was already here', 'My older cousin had been here for years'), [opening]);
    assert.equal(start.status, 'exact');
  });

  it('does not take the end of the text as context once something was added after the quote', () => {
    const last = 'the forms at the town hall were all in Portuguese. Yes.';
    const anchor = anchorOn(TRANSCRIPT, last);
    // The words before it reworded beyond recognition, and a new turn after it: no side of its context is left.
    const after = TRANSCRIPT.replace("Hard. I don't know how I managed. At the bakery nobody spoke English, and ", 'Nobody at work, no teacher, nothing; and ').concat('\n**Interviewer:** Thank you.\n');
    const [placement] = reanchor(after, [anchor]);
    assert.notEqual(placement.status, 'exact');
    if (placement.status === 'moved') assert.equal(placedText(after, placement.range), last, 'only where it is, never elsewhere');
  });

  it('scores fall as more and more of a quote is changed, down to an orphan', () => {
    const phrase = 'At the bakery nobody spoke English, and the forms at the town hall were all in Portuguese.';
    const anchor = anchorOn(TRANSCRIPT, phrase);
    const scores: number[] = [];
    for (let changed = 0; changed <= phrase.length; changed += 4) {
      // Replace every letter among the first `changed` characters, keeping length and spaces.
      const edited = phrase.slice(0, changed).replace(/[a-z]/gi, 'x') + phrase.slice(changed);
      scores.push(reanchor(TRANSCRIPT.replace(phrase, edited), [anchor])[0].score);
    }
    for (let i = 1; i < scores.length; i++) assert.ok(scores[i] <= scores[i - 1], `score rose: ${scores.join(', ')}`);
    assert.equal(scores[0], 1);
    assert.ok(scores.some((s) => s > 0 && s < 1), 'some fuzzy scores in between');
    assert.equal(scores[scores.length - 1], 0, 'a quote changed throughout is an orphan');
  });

  it('lets the caller demand more of a fuzzy match', () => {
    const anchor = anchorOn(TRANSCRIPT, 'the forms at the town hall were all in Portuguese');
    const after = TRANSCRIPT.replace('town hall were', 'town hall [inaudible] were');
    const [lenient] = reanchor(after, [anchor]);
    const [strict] = reanchor(after, [anchor], { minFuzzyScore: Math.min(1, lenient.score + 0.01) });
    assert.equal(lenient.status, 'fuzzy');
    assert.equal(strict.status, 'orphan');
  });

  it('orphans an empty quote rather than guess', () => {
    const [placement] = reanchor(TRANSCRIPT, [{ id: 'e', quote: { exact: '', prefix: 'a', suffix: 'b' }, position: { start: 3, end: 3 } }]);
    assert.equal(placement.status, 'orphan');
  });

  it('treats NFD and NFC text as the same, reporting offsets in the text given', () => {
    const nfc = 'Ela disse: "Não sei, José." E depois saiu.';
    const anchor = anchorOn(nfc, 'Não sei, José.');
    const nfd = nfc.normalize('NFD');
    const [placement] = reanchor(nfd, [anchor]);
    assert.equal(placedText(nfd, placement.range), 'Não sei, José.'.normalize('NFD'));
    assert.notEqual(placement.status, 'orphan');
  });

  it('places quotes with emoji and never splits an emoji', () => {
    const text = 'Hi 😀 there. I loved 💛 the garden, really. Then 😀 we left.';
    const anchor = anchorOn(text, 'I loved 💛 the garden');
    const after = text.replace('Hi', 'Hi 🎉').replace('loved 💛', 'loved 💛💛');
    const [placement] = reanchor(after, [anchor]);
    assert.equal(placedText(after, placement.range), 'I loved 💛💛 the garden');
  });
});
