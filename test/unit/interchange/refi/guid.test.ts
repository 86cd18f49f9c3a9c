import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { base32Id, normaliseGuid, stableGuid, uuidV5 } from '../../../../src/core/interchange/refi/guid';
import { sha1 } from '../../../../src/core/interchange/refi/sha1';

describe('REFI-QDA GUIDs', () => {
  it('computes SHA-1 as Node does, across block boundaries and for multi-byte text', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'Zoë 😀 '.repeat(50)]) {
      const expected = createHash('sha1').update(text).digest('hex');
      assert.equal(Buffer.from(sha1(new TextEncoder().encode(text))).toString('hex'), expected, JSON.stringify(text.slice(0, 10)));
    }
  });

  it('derives version-5 UUIDs as RFC 9562 defines them', () => {
    // The DNS namespace example every UUID library reproduces.
    assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org'), '886313e1-3b8a-5372-9b90-0c9aee199e5d');
    assert.equal(stableGuid('code', 'c-0f3k8m2q9x1a'), stableGuid('code', 'c-0f3k8m2q9x1a'));
    assert.notEqual(stableGuid('code', 'c-0f3k8m2q9x1a'), stableGuid('source', 'c-0f3k8m2q9x1a'));
  });

  it('compares GUIDs whatever their case and braces, keeping non-GUID keys as they are', () => {
    assert.equal(normaliseGuid(' {AD68FBE7-E1EE-4A82-A279-23CC698C89EB} '), 'ad68fbe7-e1ee-4a82-a279-23cc698c89eb');
    assert.equal(normaliseGuid('ad68fbe7-e1ee-4a82-a279-23cc698c89eb'), 'ad68fbe7-e1ee-4a82-a279-23cc698c89eb');
    assert.equal(normaliseGuid('C-Emotions'), 'c-emotions');
  });

  it('makes 12-character Crockford base32 ids for imported codes and segments', () => {
    const id = base32Id('code:ad68fbe7-e1ee-4a82-a279-23cc698c89eb');
    assert.match(id, /^[0-9a-hjkmnp-tv-z]{12}$/);
    assert.equal(base32Id('code:ad68fbe7-e1ee-4a82-a279-23cc698c89eb'), id);
    assert.notEqual(base32Id('code:x'), base32Id('code:y'));
  });
});
