import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { findFrontMatter, parseTranscript } from '../../../src/core/markdown';

// The splitter reads front matter without a Markdown parse; it must find exactly what the parser finds.
const CASES = [
  '---\nage: 34\n---\nbody',
  '---\n---\nbody',
  '--- \nage: 34\n---  \nbody',
  '---\nage: 34\n---',
  '---\nage: 34\n---\n',
  '---\t\nage: 34\n---\t\nbody',
  '---\nage: 34\n',
  '---\nage: 34\n----\nbody',
  '---\nage: 34\n --- \nbody',
  '---\nnote: |\n  ---\n---\nbody',
  '---\nnote: |\n  text\n\n  more\n---\nbody',
  'text\n---\nage: 34\n---\n',
  ' ---\nage: 34\n---\n',
  '---\nThis is a rule, then prose.\n',
  '---',
  '',
  '---\nage: [34\n---\nbody',
  '---\n- a list\n---\n',
  '---\nparticipant: Amara 🌍\nrole : survivor leader\n---\n**Amara:** hello',
];

describe('findFrontMatter', () => {
  for (const text of CASES) {
    it(`agrees with the Markdown parser on ${JSON.stringify(text)}`, () => {
      assert.deepEqual(findFrontMatter(text), parseTranscript(text).frontMatter);
    });
  }

  it('agrees with the Markdown parser on every demo transcript and memo', () => {
    for (const folder of ['interviews', 'memos']) {
      const dir = new URL(`../../../demo/${folder}/`, import.meta.url);
      for (const file of readdirSync(dir)) {
        const text = readFileSync(new URL(file, dir), 'utf8');
        assert.deepEqual(findFrontMatter(text), parseTranscript(text).frontMatter, `${folder}/${file}`);
      }
    }
  });

  it('finds the attributes of a real transcript', () => {
    assert.deepEqual(findFrontMatter('---\nage: 34\n---\nbody')?.data, { age: 34 });
  });
});
