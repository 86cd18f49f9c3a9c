import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CodingFile, Segment } from '../../../../src/core/model';
import { parseCodingFile, serializeCodingFile } from '../../../../src/core/storage/format';
import { parseCodingFileCarefully, readUsualCodingFile } from '../../../../src/core/storage/format/coding-file';

const PATH = '.grounded/coding/interviews/p01.md/dana.jsonl';
const LOCATION = { transcript: 'interviews/p01.md', coderId: 'dana' };

const BASE32 = [...'0123456789abcdefghjkmnpqrstvwxyz'];
const id = (prefix: string) => fc.string({ unit: fc.constantFrom(...BASE32), minLength: 12, maxLength: 12 }).map((s) => prefix + s);
/** Any text a transcript may hold: emoji, accents, quotes, line breaks. */
const words = (minLength: number) => fc.string({ unit: 'grapheme', minLength, maxLength: 12 });

const segment: fc.Arbitrary<Segment> = fc
  .record({
    id: id('s-'),
    codes: fc.uniqueArray(id('c-'), { minLength: 1, maxLength: 3 }),
    start: fc.nat({ max: 5_000 }),
    exact: words(1),
    prefix: words(0),
    suffix: words(0),
    comment: fc.option(words(0), { nil: undefined }),
  })
  .map(({ start, exact, prefix, suffix, comment, ...rest }) => ({
    ...rest,
    codes: [...rest.codes].sort(),
    quote: { exact, prefix, suffix },
    position: { start, end: start + exact.length },
    ...(comment ? { comment } : {}),
  }));

const codingFile: fc.Arbitrary<CodingFile> = fc.uniqueArray(segment, { selector: (s) => s.id, maxLength: 8 }).map((segments) => ({
  transcript: LOCATION.transcript,
  coder: { id: 'dana', name: 'Dana Reyes' },
  segments: segments.sort((a, b) => (a.id < b.id ? -1 : 1)),
}));

/** Ways a real file departs from the usual one: each must be left to the careful reading. */
type Change = (lines: string[]) => string[];
const changes: fc.Arbitrary<Change>[] = [
  fc.constant((lines) => lines.map((l) => `${l}\r`)),
  fc.constant((lines) => [`\uFEFF${lines[0]}`, ...lines.slice(1)]),
  fc.constant((lines) => [...lines, '']),
  fc.constant((lines) => [lines[0], '<<<<<<< HEAD', ...lines.slice(1), '=======', '>>>>>>> theirs']),
  fc.nat().map((n) => (lines) => (lines.length > 2 ? swap(lines, 1 + (n % (lines.length - 2))) : lines)),
  fc.nat().map((n) => (lines) => (lines.length > 1 ? [...lines, lines[1 + (n % (lines.length - 1))]] : lines)),
  fc.constantFrom('version', 'coder').map((key) => (lines) => [retouch(lines[0], key === 'version' ? { version: 2 } : { coder: { id: 'sam', name: 'Sam' } }), ...lines.slice(1)]),
  fc.constant((lines) => [retouch(lines[0], { note: { nested: [1, 2] } }), ...lines.slice(1)]),
  fc.record({ at: fc.nat(), field: fc.constantFrom('end', 'start', 'round', 'note', 'exact', 'codes', 'comment') }).map(
    ({ at, field }) =>
      (lines) => {
        if (lines.length < 2) return lines;
        const i = 1 + (at % (lines.length - 1));
        const record = parsed(lines[i]);
        if (record === undefined || !Array.isArray(record.codes)) return lines;
        const changed: Record<string, unknown> = {
          end: { end: (record.end as number) + 1 },
          start: { start: 2 ** 60 },
          round: { round: 'r-initial' },
          note: { note: 'from another tool' },
          exact: { exact: '' },
          codes: { codes: [...(record.codes as string[])].reverse().concat(record.codes as string[]) },
          comment: { comment: 7 },
        }[field] as Record<string, unknown>;
        return lines.map((l, j) => (j === i ? retouch(l, changed) : l));
      },
  ),
  fc.constant((lines) => [...lines, JSON.stringify({ id: 's-zzzzzzzzzzzz', uncoded: true, start: 0, end: 1, exact: 'a', prefix: '', suffix: '' })]),
];

function parsed(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function swap(lines: string[], i: number): string[] {
  const out = [...lines];
  [out[i], out[i + 1]] = [out[i + 1], out[i]];
  return out;
}

/** The line's record with these fields; a line an earlier change left unreadable stays as it is. */
function retouch(line: string, fields: Record<string, unknown>): string {
  try {
    return JSON.stringify({ ...(JSON.parse(line) as object), ...fields });
  } catch {
    return line;
  }
}

function linesOf(file: CodingFile): string[] {
  return serializeCodingFile(file).split('\n').slice(0, -1);
}

describe('format: the one-pass reading of the usual coding file', () => {
  it('takes a file as Grounded writes it, and makes of it what the careful reading makes', () => {
    fc.assert(
      fc.property(codingFile, (file) => {
        const text = serializeCodingFile(file);
        const usual = readUsualCodingFile(PATH, text, LOCATION);
        assert.notEqual(usual, undefined, text);
        const careful = parseCodingFileCarefully(PATH, text, LOCATION);
        assert.ok(careful.ok);
        assert.deepEqual(careful.warnings, []);
        assert.deepEqual(usual, careful.value);
        assert.deepEqual(usual, file);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves every other file to the careful reading, so problems are found and worded as before', () => {
    fc.assert(
      fc.property(codingFile, fc.array(fc.oneof(...changes), { minLength: 1, maxLength: 3 }), (file, picked) => {
        const text = `${picked.reduce((lines, change) => change(lines), linesOf(file)).join('\n')}\n`;
        const careful = parseCodingFileCarefully(PATH, text, LOCATION);
        assert.deepEqual(parseCodingFile(PATH, text), careful);
        // Whatever the one-pass reading takes, it reads as the careful one does, with nothing to report.
        const usual = readUsualCodingFile(PATH, text, LOCATION);
        if (usual !== undefined) assert.deepEqual({ ok: true, value: usual, warnings: [] }, careful, text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is not taken by a file with problems the careful reading reports', () => {
    const file: CodingFile = {
      transcript: LOCATION.transcript,
      coder: { id: 'dana', name: 'Dana' },
      segments: [{ id: 's-000000000001', codes: ['c-000000000001'], quote: { exact: 'pay', prefix: '', suffix: '' }, position: { start: 0, end: 3 } }],
    };
    const [header, line] = linesOf(file);
    const repeated = `${header}\n${line}\n${line}\n`;
    assert.equal(readUsualCodingFile(PATH, repeated, LOCATION), undefined);
    const result = parseCodingFile(PATH, repeated);
    assert.ok(!result.ok && result.problems.some((p) => p.message.includes('used twice')));

    const stale = `${header}\n${retouch(line, { end: 9 })}\n`;
    assert.equal(readUsualCodingFile(PATH, stale, LOCATION), undefined);
    const read = parseCodingFile(PATH, stale);
    assert.ok(read.ok && read.warnings.some((p) => p.message.includes('placed by its quote')));
  });
});
