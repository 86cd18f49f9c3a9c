import assert from 'node:assert/strict';
import { RecentMessages } from '../../../src/vscode/ui/recent-messages';

describe('the messages a panel posted, as tests observe them', () => {
  it('finds the messages posted after a mark even once older ones are dropped', () => {
    const posted = new RecentMessages<number>(3);
    for (let i = 0; i < 5; i++) posted.push(i);
    const mark = posted.length;
    assert.equal(mark, 5, 'positions count every message ever posted');
    assert.deepEqual(posted.slice(mark), [], 'nothing new yet');
    posted.push(5);
    posted.push(6);
    assert.deepEqual(posted.slice(mark), [5, 6]);
    assert.deepEqual(posted.slice(0), [4, 5, 6], 'only the last three are kept');
    assert.equal(posted.at(-1), 6);
    assert.equal(posted.at(5), 5);
    assert.equal(posted.at(1), undefined, 'a dropped message is gone');
  });
});
