import { strict as assert } from 'node:assert';
import { searchTranscript, SearchError } from '../../../src/core/analysis/text-search';

const TEXT = [
  '---',
  'participant: Ana',
  'note: pay was discussed',
  '---',
  '',
  '**Interviewer:** Tell me about pay.',
  '',
  '**Ana:** The pay was low. I was paying rent. Pay day was late, and Ana was tired.',
  '',
  'Later the PAY got better.',
  '',
  '**Interviewer:** Thank you.',
  '',
].join('\n');

const texts = (unit: 'match' | 'sentence' | 'paragraph' | 'turn', extra: object = {}) =>
  searchTranscript('a.md', TEXT, { text: 'pay', unit, ...extra }).map((h) => TEXT.slice(h.range.start, h.range.end));

describe('search and autocode targets', () => {
  it('finds whole words without regard to case, never in front matter or labels', () => {
    assert.deepEqual(texts('match'), ['pay', 'pay', 'Pay', 'PAY']);
    assert.deepEqual(searchTranscript('a.md', TEXT, { text: 'Ana', unit: 'match' }).map((h) => h.match), ['Ana']);
  });

  it('widens each match to its sentence, merging two matches in one sentence', () => {
    assert.deepEqual(texts('sentence'), ['Tell me about pay.', 'The pay was low.', 'Pay day was late, and Ana was tired.', 'Later the PAY got better.']);
  });

  it('widens to the paragraph without its speaker label, or to the whole turn', () => {
    assert.deepEqual(texts('paragraph', { speakers: ['ana'] }), ['The pay was low. I was paying rent. Pay day was late, and Ana was tired.', 'Later the PAY got better.']);
    assert.deepEqual(texts('turn', { speakers: ['Ana'] }), ['The pay was low. I was paying rent. Pay day was late, and Ana was tired.\n\nLater the PAY got better.']);
  });

  it('takes a speaker’s whole turns when no words are given', () => {
    const hits = searchTranscript('a.md', TEXT, { speakers: ['Interviewer'], unit: 'turn' });
    assert.deepEqual(hits.map((h) => TEXT.slice(h.range.start, h.range.end)), ['Tell me about pay.', 'Thank you.']);
    assert.equal(hits[0].speaker, 'Interviewer');
  });

  it('reads regular expressions, and refuses broken or runaway ones with a reason', () => {
    assert.deepEqual(searchTranscript('a.md', TEXT, { text: 'pay(ing)?\\b', regex: true, unit: 'match' }).map((h) => h.match), ['pay', 'pay', 'paying', 'Pay', 'PAY']);
    assert.throws(() => searchTranscript('a.md', TEXT, { text: '(a+)+$', regex: true, unit: 'match' }), (e: unknown) => e instanceof SearchError && /Nested repetition/.test(e.message));
    assert.throws(() => searchTranscript('a.md', TEXT, { text: '[', regex: true, unit: 'match' }), /Not a valid regular expression/);
  });
});
