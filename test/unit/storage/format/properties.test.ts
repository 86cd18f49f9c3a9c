import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Code, CodingFile, Segment } from '../../../../src/core/model';
import {
  CODER_ID_PATTERN,
  codeFilePath,
  codingFilePath,
  isProjectRelativePath,
  normaliseCodes,
  parseCodeFile,
  parseCodingFile,
  serializeCodeFile,
  serializeCodingFile,
} from '../../../../src/core/storage/format';

const BASE32 = [...'0123456789abcdefghjkmnpqrstvwxyz'];
const id = (prefix: string) => fc.string({ unit: fc.constantFrom(...BASE32), minLength: 12, maxLength: 12 }).map((s) => prefix + s);

/** Text a transcript may hold, weighted towards what makes JSON escaping and offsets interesting. */
const text = (minLength = 0) =>
  fc.oneof(
    fc.string({ unit: 'binary', minLength, maxLength: 40 }),
    fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u2028', 'é', 'e\u0301', '🌱', 'a', ' ', '\ud800'), minLength, maxLength: 40 }),
  );

/**
 * Unknown fields as a file would hold them: passed through JSON once, so they are plain objects
 * (fast-check also makes null-prototype ones) and `-0` is already `0`.
 */
function unknownFields(known: readonly string[]) {
  const fields = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !known.includes(k)), fc.jsonValue({ maxDepth: 2 }), {
    minKeys: 1,
    maxKeys: 3,
  });
  return fc.option(
    fields.map((f) => JSON.parse(JSON.stringify(f)) as Record<string, unknown>),
    { nil: undefined },
  );
}

const SEGMENT_KEYS = ['id', 'codes', 'start', 'end', 'exact', 'prefix', 'suffix', 'comment'];

const segment: fc.Arbitrary<Segment> = fc
  .record({
    id: id('s-'),
    codes: fc.array(id('c-'), { minLength: 1, maxLength: 4 }),
    exact: text(1),
    prefix: text(),
    suffix: text(),
    start: fc.nat({ max: 1_000_000 }),
    comment: fc.option(text(1), { nil: undefined }),
    extra: unknownFields(SEGMENT_KEYS),
  })
  .map(({ id, codes, exact, prefix, suffix, start, comment, extra }) => {
    const s: Segment = { id, codes, quote: { exact, prefix, suffix }, position: { start, end: start + exact.length } };
    if (comment !== undefined) s.comment = comment;
    if (extra !== undefined) s.extra = extra;
    return s;
  });

const pathPart = fc.string({ unit: fc.constantFrom('a', 'z', '0', ' ', '-', '.', 'é', '_'), minLength: 1, maxLength: 6 });

const codingFile: fc.Arbitrary<CodingFile> = fc
  .record({
    transcript: fc.array(pathPart, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')).filter(isProjectRelativePath),
    coder: fc.record({ id: fc.stringMatching(CODER_ID_PATTERN), name: text(1) }, { noNullPrototype: true }),
    segments: fc.uniqueArray(segment, { selector: (s) => s.id, maxLength: 8 }),
    extra: unknownFields(['format', 'version', 'coder']),
  })
  .map(({ extra, ...file }) => (extra === undefined ? file : { ...file, extra }));

/** What reading back should give: segments sorted by id, codes sorted and unique. */
function canonical(file: CodingFile): CodingFile {
  const segments = [...file.segments]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((s) => ({ ...s, codes: normaliseCodes(s.codes) }));
  return { ...file, segments };
}

/** The same content, listed in another order: records, codes, and unknown keys. */
function reordered(file: CodingFile, seed: number): CodingFile {
  const rotate = <T>(items: readonly T[]): T[] => items.map((_, i) => items[(i + seed) % items.length]);
  const reverseKeys = (o: Record<string, unknown> | undefined) => o && Object.fromEntries(Object.entries(o).reverse());
  return {
    ...file,
    extra: reverseKeys(file.extra),
    segments: rotate(file.segments).map((s) => ({ ...s, codes: [...rotate(s.codes), s.codes[0]], extra: reverseKeys(s.extra) })),
  };
}

describe('format: properties', () => {
  it('a coding file reads back as written, without warnings', () => {
    fc.assert(
      fc.property(codingFile, (file) => {
        const path = codingFilePath(file.transcript, file.coder.id);
        const result = parseCodingFile(path, serializeCodingFile(file));
        assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
        assert.deepEqual(result.warnings, []);
        assert.deepEqual(result.value, canonical(file));
      }),
      { numRuns: 300 },
    );
  });

  it('writing does not depend on the order records, codes or unknown keys come in', () => {
    fc.assert(
      fc.property(codingFile, fc.nat(), (file, seed) => {
        assert.equal(serializeCodingFile(reordered(file, seed)), serializeCodingFile(file));
      }),
      { numRuns: 300 },
    );
  });

  it('reading then writing a written file changes nothing', () => {
    fc.assert(
      fc.property(codingFile, (file) => {
        const text = serializeCodingFile(file);
        const result = parseCodingFile(codingFilePath(file.transcript, file.coder.id), text);
        assert.ok(result.ok);
        assert.equal(serializeCodingFile(result.value), text);
      }),
      { numRuns: 200 },
    );
  });

  it('a code file reads back as written', () => {
    const code: fc.Arbitrary<Code> = fc
      .record({
        id: id('c-'),
        name: text(1),
        parent: fc.option(id('c-'), { nil: null }),
        color: fc.stringMatching(/^#[0-9a-f]{6}$/),
        description: text(),
        extra: unknownFields(['format', 'version', 'id', 'name', 'parent', 'color', 'description']),
      })
      .filter((c) => c.parent !== c.id)
      .map(({ extra, ...c }) => (extra === undefined ? c : { ...c, extra }));
    fc.assert(
      fc.property(code, (c) => {
        const result = parseCodeFile(codeFilePath(c.id), serializeCodeFile(c));
        assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
        assert.deepEqual(result.value, c);
      }),
      { numRuns: 200 },
    );
  });
});
