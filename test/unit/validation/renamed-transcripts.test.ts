import assert from 'node:assert/strict';
import { findRenamedTranscripts } from '../../../src/core/validation/renamed-transcripts';

describe('coding left behind by a rename', () => {
  it('pairs coding whose transcript is gone with the one transcript of that name elsewhere', () => {
    const found = findRenamedTranscripts(
      [
        { transcript: 'interviews/p02-tomasz.md', coderIds: ['dana-reyes', 'sam-okafor'] },
        { transcript: 'interviews/p01.md', coderIds: ['dana-reyes'] },
      ],
      ['interviews/p01.md', 'interviews/2024/p02-tomasz.md'],
    );
    assert.deepEqual(found, [{ from: 'interviews/p02-tomasz.md', to: 'interviews/2024/p02-tomasz.md' }]);
  });

  it('pairs a move that stopped halfway: the new place has only the other coders', () => {
    const found = findRenamedTranscripts(
      [
        { transcript: 'a/p02.md', coderIds: ['sam-okafor'] },
        { transcript: 'b/p02.md', coderIds: ['dana-reyes'] },
      ],
      ['b/p02.md'],
    );
    assert.deepEqual(found, [{ from: 'a/p02.md', to: 'b/p02.md' }]);
  });

  it('guesses nothing when the name is ambiguous, taken by the same coder, or wanted twice', () => {
    assert.deepEqual(findRenamedTranscripts([{ transcript: 'a/p02.md', coderIds: ['dana'] }], ['b/p02.md', 'c/p02.md']), []);
    assert.deepEqual(
      findRenamedTranscripts(
        [
          { transcript: 'a/p02.md', coderIds: ['dana'] },
          { transcript: 'b/p02.md', coderIds: ['dana'] },
        ],
        ['b/p02.md'],
      ),
      [],
    );
    assert.deepEqual(
      findRenamedTranscripts(
        [
          { transcript: 'a/p02.md', coderIds: ['dana'] },
          { transcript: 'c/p02.md', coderIds: ['sam'] },
        ],
        ['b/p02.md'],
      ),
      [],
    );
    assert.deepEqual(findRenamedTranscripts([{ transcript: 'a/p02.md', coderIds: ['dana'] }], ['a/p03.md']), []);
  });
});
