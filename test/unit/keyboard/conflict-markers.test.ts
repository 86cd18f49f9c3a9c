import assert from 'node:assert/strict';
import { codingUnits } from '../../../src/core/keyboard/coding-units';
import { withoutConflictMarkers } from '../../../src/core/keyboard/conflict-markers';
import { parseTranscript } from '../../../src/core/markdown';

const TEXT = ['**Interviewer:** What helped?', '', '<<<<<<< HEAD', '**Ada:** No news.', '||||||| base', '**Ada:** News.', '=======', '**Ada:** Nothing new.', '>>>>>>> coder-b', ''].join('\n');

describe('conflict markers in a transcript', () => {
  it('read as blank lines of the same length, so every offset stays', () => {
    const read = withoutConflictMarkers(TEXT);
    assert.equal(read.length, TEXT.length);
    assert.ok(!/[<=>|]{7}/.test(read));
    assert.equal(read.slice(read.indexOf('**Ada:** No news.')), TEXT.slice(TEXT.indexOf('**Ada:** No news.')).replace(/^[<=>|]{7}.*$/gm, (l) => ' '.repeat(l.length)));
  });

  it('give every version its own units and no marker becomes one', () => {
    const read = withoutConflictMarkers(TEXT);
    const units = codingUnits(read, parseTranscript(read), { unit: 'line', skipSpeakers: ['Interviewer'] });
    assert.deepEqual(units.map((u) => TEXT.slice(u.start, u.end)), ['No news.', 'News.', 'Nothing new.']);
  });

  it('leave a text without an opening marker alone (a setext heading stays one)', () => {
    const heading = 'Interview notes\n=======\n\n**Ada:** Hello.\n';
    assert.equal(withoutConflictMarkers(heading), heading);
  });
});
