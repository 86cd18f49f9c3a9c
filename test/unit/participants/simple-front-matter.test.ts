import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFrontMatterAttributes, readFrontMatterAttributesAsYaml } from '../../../src/core/participants/front-matter-attributes';
import { readSimpleFrontMatter } from '../../../src/core/participants/simple-front-matter';

const keys = fc.constantFrom('participant', 'age', 'sector', 'P_1', '_x', 'true', 'null', 'Yes', '__proto__', 'interview date', 'ä', '1st', 'age');
const values = fc.oneof(
  fc.constantFrom('34', '0', '007', '-5', '3.5', '1e3', '0x1f', 'true', 'False', 'NULL', 'yes', 'no', 'on', '~', 'woman', 'domestic work', 'non-binary'),
  fc.constantFrom('a  b', 'trailing ', ' lead', 'x # note', 'a: b', '"quoted"', "'single'", '2024-01-10', 'Ünal', 'P0001', '[1, 2]', '{a: 1}', ''),
  fc.stringMatching(/^[A-Za-z0-9 _#:'"-]{0,8}$/),
);
const line = fc.oneof(
  fc.tuple(keys, fc.constantFrom(': ', ':  ', ':\t', ':'), values).map(([k, sep, v]) => `${k}${sep}${v}`),
  fc.constantFrom('# a comment', '', '  indented: 1', '- item', '--- ', 'tags:', '  - x'),
);

describe('simple front matter without the YAML parser', () => {
  it('reads exactly what YAML reads whenever it reads anything', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.constantFrom('---', '--- ', '...'), fc.constantFrom('\nBody text.\n', '', '\n'), (lines, fence, rest) => {
        const text = `---\n${lines.map((l) => `${l}\n`).join('')}${fence}${rest}`;
        const simple = readSimpleFrontMatter(text);
        if (simple !== undefined) assert.deepEqual(simple, readFrontMatterAttributesAsYaml(text));
        assert.deepEqual(readFrontMatterAttributes(text), readFrontMatterAttributesAsYaml(text));
      }),
      { numRuns: 600 },
    );
  });

  it('reads the usual transcript header itself, numbers as numbers, with each key’s line', () => {
    const text = '---\nparticipant: P0007\nage: 41\nsector: domestic work\n---\n**P0007:** Hello.\n';
    assert.deepEqual(readSimpleFrontMatter(text), {
      data: { participant: 'P0007', age: 41, sector: 'domestic work' },
      lines: new Map([['participant', 2], ['age', 3], ['sector', 4]]),
      present: true,
    });
  });

  it('leaves to YAML what YAML reads differently from plain text: true, dates, quotes, duplicates', () => {
    for (const header of ['consent: true', 'date: 2024-01-10', 'name: "Ana"', 'age: 41\nage: 42', 'note: a # b']) {
      assert.equal(readSimpleFrontMatter(`---\n${header}\n---\n`), undefined, header);
    }
  });
});
