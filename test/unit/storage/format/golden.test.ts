import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodingFile } from '../../../../src/core/model';
import { parseCodingFile } from '../../../../src/core/storage/format';
import {
  FIXTURES,
  UPDATE,
  kindOfPath,
  listDirectories,
  listFiles,
  parseByKind,
  serializeByKind,
  writeFixture,
} from './format-fixtures';

const VALID = join(FIXTURES, 'valid');
const NONCANONICAL = join(FIXTURES, 'noncanonical');

function groundedFiles(dir: string): string[] {
  return listFiles(dir).filter((path) => kindOfPath(path) !== undefined);
}

describe('format: canonical files', () => {
  it('the valid fixtures include every kind of file', () => {
    const kinds = new Set(groundedFiles(VALID).map(kindOfPath));
    assert.deepEqual([...kinds].sort(), ['code', 'coding', 'project']);
  });

  for (const path of groundedFiles(VALID)) {
    it(`round-trips byte for byte: ${path}`, () => {
      const text = readFileSync(join(VALID, path), 'utf8');
      const kind = kindOfPath(path)!;
      const result = parseByKind(kind, path, text);
      assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
      assert.deepEqual(result.warnings, []);
      assert.equal(serializeByKind(kind, result.value), text);
    });
  }

  it('reads what the file says: transcript from the path, decoded text, unknown fields', () => {
    const path = '.grounded/coding/interviews/p01-amara.md/dana-reyes.jsonl';
    const result = parseCodingFile(path, readFileSync(join(VALID, path), 'utf8'));
    assert.ok(result.ok);
    const file: CodingFile = result.value;
    assert.equal(file.transcript, 'interviews/p01-amara.md');
    assert.deepEqual(file.coder, { id: 'dana-reyes', name: 'Dana Reyes' });
    assert.equal(file.segments.length, 4);
    const [first, second, , last] = file.segments;
    assert.equal(first.comment, 'First contact through a neighbour: "invited in".');
    assert.deepEqual(second.codes, ['c-0f3k8m2q9x1a', 'c-5n9p3r7s1t4v']);
    assert.equal(last.extra?.['x-confidence'], 0.8);
    assert.deepEqual(last.extra?.['x-reviewed-by'], ['sam-okafor']);
  });

  it('positions in the valid fixtures are UTF-16 offsets into their transcripts', () => {
    for (const path of groundedFiles(VALID).filter((p) => kindOfPath(p) === 'coding')) {
      const result = parseCodingFile(path, readFileSync(join(VALID, path), 'utf8'));
      assert.ok(result.ok);
      const transcript = readFileSync(join(VALID, result.value.transcript), 'utf8');
      for (const { quote, position } of result.value.segments) {
        assert.equal(transcript.slice(position.start, position.end), quote.exact);
        assert.ok(transcript.slice(0, position.start).endsWith(quote.prefix));
        assert.ok(transcript.slice(position.end).startsWith(quote.suffix));
      }
    }
  });
});

describe('format: non-canonical files are read and written canonically', () => {
  for (const name of listDirectories(NONCANONICAL)) {
    for (const path of listFiles(join(NONCANONICAL, name, 'input'))) {
      it(`${name}: ${path}`, () => {
        const kind = kindOfPath(path);
        assert.ok(kind, `${path} is not where a Grounded file lives`);
        const input = readFileSync(join(NONCANONICAL, name, 'input', path), 'utf8');
        const result = parseByKind(kind, path, input);
        assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
        const actual = serializeByKind(kind, result.value);

        const expectedPath = join(NONCANONICAL, name, 'expected', path);
        if (UPDATE) writeFixture(expectedPath, actual);
        assert.ok(existsSync(expectedPath), `missing ${expectedPath}: run with UPDATE=1 and review it`);
        const expected = readFileSync(expectedPath, 'utf8');
        assert.equal(actual, expected);
        assert.notEqual(input, expected, 'the input is already canonical: it tests nothing');

        const reread = parseByKind(kind, path, expected);
        assert.ok(reread.ok);
        assert.deepEqual(reread.value, result.value);
        assert.equal(serializeByKind(kind, reread.value), expected);
      });
    }
  }
});
