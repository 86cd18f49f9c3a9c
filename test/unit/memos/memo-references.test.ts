import assert from 'node:assert/strict';
import { escapeReferenceText, formatReference, lineAndColumn, parseReferences, resolveReference } from '../../../src/core/memos';
import type { Code } from '../../../src/core/model';

const code = (id: string, name: string): Code => ({ id, name, parent: null, color: '#112233', description: '' });
const FEAR = code('c-eev1kyas3c52', 'Fear of authorities');
const HOSTILE = code('c-4264hm3s3a1e', 'a]]b | <script>alert(1)</script> \\ [[x');
const SEGMENT = 's-15v1f7k0dxp2';
const exists = (id: string): boolean => id === SEGMENT;

describe('memo references', () => {
  it('reads [[id]], [[id|label]] and [[name]] with their offsets, and ignores unclosed or multi-line brackets', () => {
    const text = `See [[${FEAR.id}|Fear]] and [[${SEGMENT}]], [[ Fear of authorities ]].\n[[not closed\n]] [[]] [[a\nb]]`;
    const found = parseReferences(text);
    assert.deepEqual(
      found.map((r) => [r.target, r.label, text.slice(r.start, r.end)]),
      [
        [FEAR.id, 'Fear', `[[${FEAR.id}|Fear]]`],
        [SEGMENT, undefined, `[[${SEGMENT}]]`],
        ['Fear of authorities', undefined, '[[ Fear of authorities ]]'],
      ],
    );
    assert.equal(text.slice(found[0].targetStart, found[0].targetEnd), FEAR.id);
  });

  it('round-trips a name holding ]], |, brackets and backslashes through escaping', () => {
    const written = formatReference(HOSTILE.id, HOSTILE.name);
    assert.equal(written, `[[${HOSTILE.id}|a\\]\\]b \\| <script>alert(1)</script> \\\\ \\[\\[x]]`);
    const [reference] = parseReferences(`before ${written} after`);
    assert.equal(reference.target, HOSTILE.id);
    assert.equal(reference.label, HOSTILE.name);
    const byName = parseReferences(`[[${escapeReferenceText(HOSTILE.name)}]]`);
    assert.equal(byName.length, 1);
    assert.deepEqual(resolveReference(byName[0].target, [FEAR, HOSTILE], exists), { kind: 'code', code: HOSTILE.id });
  });

  it('resolves ids and names, and says why a reference is broken', () => {
    const codes = [FEAR, HOSTILE];
    assert.deepEqual(resolveReference(FEAR.id, codes, exists), { kind: 'code', code: FEAR.id });
    assert.deepEqual(resolveReference('fear  OF authorities', codes, exists), { kind: 'code', code: FEAR.id });
    assert.deepEqual(resolveReference(SEGMENT, codes, exists), { kind: 'segment', segment: SEGMENT });
    assert.match((resolveReference('s-000000000000', codes, exists) as { reason: string }).reason, /segment s-000000000000 no longer exists/);
    assert.match((resolveReference('c-000000000000', codes, exists) as { reason: string }).reason, /not in the codebook/);
    assert.match((resolveReference('Fear', codes, exists) as { reason: string }).reason, /no code is named "Fear"/);
    const twins = [FEAR, { ...FEAR, id: 'c-000000000001' }];
    assert.match((resolveReference('Fear of authorities', twins, exists) as { reason: string }).reason, /2 codes are named/);
  });

  it('a reference by id survives renaming the code; one by name does not', () => {
    const renamed = [{ ...FEAR, name: 'Fear of the state' }];
    assert.deepEqual(resolveReference(parseReferences(formatReference(FEAR.id, FEAR.name))[0].target, renamed, exists), { kind: 'code', code: FEAR.id });
    assert.equal(resolveReference('Fear of authorities', renamed, exists).kind, 'broken');
  });

  it('finds 1-based line and column', () => {
    assert.deepEqual(lineAndColumn('ab\ncd\nef', 7), { line: 3, column: 2 });
    assert.deepEqual(lineAndColumn('ab', 0), { line: 1, column: 1 });
  });
});
