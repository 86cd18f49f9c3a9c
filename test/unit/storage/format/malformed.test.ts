import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeProblem } from '../../../../src/core/storage/format';
import { FIXTURES, UPDATE, kindOfPath, listDirectories, listFiles, parseByKind, writeFixture } from './format-fixtures';

const MALFORMED = join(FIXTURES, 'malformed');
const EXPECTED = 'expected-error.txt';

/** Problems about where the file is, rather than a line in it. */
const WHOLE_FILE_CASES = new Set(['code-wrong-file-name', 'coding-wrong-file-name']);

function malformedCase(name: string): { path: string; text: string } {
  const files = listFiles(join(MALFORMED, name)).filter((p) => p !== EXPECTED);
  assert.equal(files.length, 1, `${name} should hold exactly one file besides ${EXPECTED}`);
  return { path: files[0], text: readFileSync(join(MALFORMED, name, files[0]), 'utf8') };
}

describe('format: malformed files are refused with file, line and problem', () => {
  for (const name of listDirectories(MALFORMED)) {
    it(name, () => {
      const { path, text } = malformedCase(name);
      const kind = kindOfPath(path);
      assert.ok(kind, `${path} is not where a Grounded file lives`);
      const result = parseByKind(kind, path, text);
      assert.equal(result.ok, false, 'a malformed file was accepted');
      if (result.ok) return;

      const errors = result.problems.filter((p) => p.severity === 'error');
      assert.ok(errors.length > 0);
      for (const problem of result.problems) {
        assert.equal(problem.path, path);
        if (!WHOLE_FILE_CASES.has(name)) assert.ok(problem.line !== undefined && problem.line >= 1, problem.message);
      }

      const actual = `${result.problems.map(describeProblem).join('\n')}\n`;
      const expectedPath = join(MALFORMED, name, EXPECTED);
      if (UPDATE) writeFixture(expectedPath, actual);
      assert.ok(existsSync(expectedPath), `missing ${expectedPath}: run with UPDATE=1 and review it`);
      assert.equal(actual, readFileSync(expectedPath, 'utf8'));
    });
  }
});
