import assert from 'node:assert/strict';
import { plainQuote } from '../../../src/core/markdown';
import { defaultMemoTitle } from '../../../src/core/memos/new-memo';

describe('a stored quote read as words', () => {
  it('leaves out the emphasised label a quote opens with, timestamp and all', () => {
    assert.equal(plainQuote('**Amara:** I was sixteen. 🙂'), 'I was sixteen. 🙂');
    assert.equal(plainQuote('**Amara:** [00:12:31] I was sixteen.'), 'I was sixteen.');
    assert.equal(plainQuote('__Dee Okafor:__ Later.'), 'Later.');
  });

  it('keeps a quote that starts mid-line with words and a colon, which may be a sentence', () => {
    assert.equal(plainQuote('Money: it was the whole problem.'), 'Money: it was the whole problem.');
  });

  it('writes the labels of later lines plainly, so the quote still says who speaks', () => {
    assert.equal(plainQuote('nobody asked.\r\n\n**Interviewer:** And later?\n\nAmara: I ran it.'), 'nobody asked.\r\n\nInterviewer: And later?\n\nAmara: I ran it.');
  });

  it('keeps a quote that is nothing but a label as it is', () => {
    assert.equal(plainQuote('**Amara:**'), '**Amara:**');
    assert.equal(plainQuote('**Amara:** '), '**Amara:** ');
  });

  it('names a memo on a segment by its words, not its label', () => {
    const link = { kind: 'segment' as const, segment: 's-1', transcript: 'p01.md', coder: 'dana' };
    assert.equal(defaultMemoTitle(link, { transcript: 'Amara', quote: '**Amara:** I was sixteen.' }), 'Amara: “I was sixteen.”');
  });
});
