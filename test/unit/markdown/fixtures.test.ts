import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseTranscript } from '../../../src/core/markdown';
import { describeTranscript } from './describe-transcript';

// Each folder holds input.md and the parse we expect from it. Run with UPDATE=1 to rewrite the
// expectations from the current parser, then review the diff before committing it.
const FIXTURES = new URL('../../fixtures/markdown/', import.meta.url);
const update = process.env.UPDATE === '1';

describe('transcript parser fixtures', () => {
  const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory());

  it('has fixtures to run', () => {
    assert.ok(folders.length >= 8, `expected the fixture folders in ${FIXTURES.pathname}`);
  });

  for (const folder of folders) {
    it(folder.name, () => {
      const dir = new URL(`${folder.name}/`, FIXTURES);
      const text = readFileSync(new URL('input.md', dir), 'utf8');
      const actual = describeTranscript(text, parseTranscript(text));
      const expectedFile = new URL('expected.json', dir);
      if (update) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      assert.ok(existsSync(expectedFile), `${folder.name}/expected.json is missing: run with UPDATE=1`);
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
