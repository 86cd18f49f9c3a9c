import assert from 'node:assert/strict';
import { unitRangeAt } from '../../../src/core/keyboard/unit-at';
import { nextRange, previousRange } from '../../../src/core/keyboard/segment-navigation';
import { parseTranscript } from '../../../src/core/markdown';
import type { TextRange } from '../../../src/core/model';

describe('moving between coded segments', () => {
  const ranges: TextRange[] = [{ start: 30, end: 40 }, { start: 10, end: 50 }, { start: 10, end: 20 }, { start: 10, end: 20 }, { start: 5, end: 5 }];

  it('visits every distinct range once, in reading order, outer before inner at the same start', () => {
    const visited: TextRange[] = [];
    for (let at: TextRange | undefined = { start: 0, end: 0 }; (at = nextRange(ranges, at)); ) visited.push(at);
    assert.deepEqual(visited, [{ start: 10, end: 20 }, { start: 10, end: 50 }, { start: 30, end: 40 }]);
    const back: TextRange[] = [];
    for (let at: TextRange | undefined = { start: 60, end: 60 }; (at = previousRange(ranges, at)); ) back.push(at);
    assert.deepEqual(back, [...visited].reverse());
  });

  it('from a cursor inside a segment goes on to the next start, or back to this one', () => {
    assert.deepEqual(nextRange(ranges, { start: 15, end: 15 }), { start: 30, end: 40 });
    assert.deepEqual(previousRange(ranges, { start: 15, end: 15 }), { start: 10, end: 50 });
    assert.equal(nextRange([], { start: 0, end: 0 }), undefined);
  });
});

describe('the unit at the cursor', () => {
  const TEXT = [
    '# Interview',
    '',
    '**Interviewer:** How was it? Tell me.',
    '',
    '[00:01:10] **Amara:** It was hard. Really hard.',
    'Then it got better.',
    '',
    'A note without a speaker. Two sentences.',
    '',
  ].join('\n');
  const transcript = parseTranscript(TEXT);
  const at = (needle: string, delta = 0): number => TEXT.indexOf(needle) + delta;
  const slice = (r: TextRange | undefined): string | undefined => r && TEXT.slice(r.start, r.end);

  it('leaves the speaker label and timestamp out of lines, sentences, paragraphs and turns', () => {
    assert.equal(slice(unitRangeAt(TEXT, transcript, at('Really'), 'line')), 'It was hard. Really hard.');
    assert.equal(slice(unitRangeAt(TEXT, transcript, at('Really'), 'sentence')), 'Really hard.');
    assert.equal(slice(unitRangeAt(TEXT, transcript, at('got'), 'paragraph')), 'It was hard. Really hard.\nThen it got better.');
    assert.equal(slice(unitRangeAt(TEXT, transcript, at('got'), 'turn')), 'It was hard. Really hard.\nThen it got better.\n\nA note without a speaker. Two sentences.');
  });

  it('counts a cursor on the label as at the start of what was said', () => {
    assert.equal(slice(unitRangeAt(TEXT, transcript, at('Amara', 2), 'sentence')), 'It was hard.');
    assert.equal(slice(unitRangeAt(TEXT, transcript, at('[00:01'), 'line')), 'It was hard. Really hard.');
  });

  it('finds nothing to code on a blank line or between paragraphs', () => {
    assert.equal(unitRangeAt(TEXT, transcript, at('\n\nA note') + 1, 'line'), undefined);
    assert.equal(unitRangeAt(TEXT, transcript, at('\n\nA note') + 1, 'paragraph'), undefined);
  });

  it('codes a heading line only when asked for the line', () => {
    assert.equal(slice(unitRangeAt(TEXT, transcript, 3, 'line')), '# Interview');
    assert.equal(unitRangeAt(TEXT, transcript, 3, 'sentence'), undefined);
  });
});
