/**
 * Ways a file arrives damaged or hostile, as fast-check arbitraries over a valid file's bytes:
 * random bytes, truncation, deep nesting, huge numbers, git conflict markers, invalid UTF-8, runs
 * of Markdown emphasis and brackets, enormous lines — and several of them at once.
 */
import fc from 'fast-check';

export type Mutation = { name: string; apply(bytes: Uint8Array): Uint8Array };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const start = Math.min(at, bytes.length);
  const end = Math.min(bytes.length, start + remove);
  const out = new Uint8Array(bytes.length - (end - start) + insert.length);
  out.set(bytes.subarray(0, start), 0);
  out.set(insert, start);
  out.set(bytes.subarray(end), start + insert.length);
  return out;
}

/** A position as a fraction of the file, so one arbitrary fits files of every length. */
const position = fc.double({ min: 0, max: 1, noNaN: true });
const at = (bytes: Uint8Array, fraction: number): number => Math.floor(fraction * bytes.length);

/** Line starts of the text, for mutations that work on whole lines. */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a && i + 1 < bytes.length) starts.push(i + 1);
  return starts;
}

const randomBytes: fc.Arbitrary<Mutation> = fc
  .array(fc.tuple(position, fc.integer({ min: 0, max: 4 }), fc.uint8Array({ minLength: 0, maxLength: 8 })), { minLength: 1, maxLength: 6 })
  .map((edits) => ({ name: 'random bytes', apply: (bytes) => edits.reduce((b, [p, remove, insert]) => splice(b, at(b, p), remove, insert), bytes) }));

const truncation: fc.Arbitrary<Mutation> = position.map((p) => ({ name: 'truncation', apply: (bytes) => bytes.subarray(0, at(bytes, p)) }));

/** How large the big mutations get: 1 for release runs; the in-suite run uses less to stay fast. */
export interface Scale {
  nesting: number;
  runs: number;
  line: number;
}

export const RELEASE_SCALE: Scale = { nesting: 20_000, runs: 40_000, line: 400_000 };
export const SUITE_SCALE: Scale = { nesting: 12_000, runs: 12_000, line: 120_000 };

const deepNesting = (scale: Scale): fc.Arbitrary<Mutation> => fc
  .tuple(position, fc.constantFrom('[', '{"a":', '[{"b":'), fc.integer({ min: 50, max: scale.nesting }), fc.boolean())
  .map(([p, open, depth, closed]) => ({
    name: 'deep nesting',
    apply: (bytes) => {
      const close = open === '[' ? ']' : open === '{"a":' ? '}' : '}]';
      return splice(bytes, at(bytes, p), 0, encoder.encode(open.repeat(depth) + '1' + (closed ? close.repeat(depth) : '')));
    },
  }));

const hugeNumbers: fc.Arbitrary<Mutation> = fc
  .tuple(fc.constantFrom('1e308', '-1e308', '1e400', '-0', '9007199254740993', '123456789012345678901234567890', '-5', '0.5', 'NaN', '1E+2'), fc.nat())
  .map(([number, which]) => ({
    name: 'huge numbers',
    apply: (bytes) => {
      const source = decoder.decode(bytes);
      const numbers = [...source.matchAll(/-?\d+(?:\.\d+)?/g)];
      if (numbers.length === 0) return encoder.encode(`${source}${number}`);
      const target = numbers[which % numbers.length];
      return encoder.encode(source.slice(0, target.index) + number + source.slice(target.index + target[0].length));
    },
  }));

const conflictMarkers: fc.Arbitrary<Mutation> = fc
  .tuple(position, position, fc.boolean(), fc.constantFrom('complete', 'no-close', 'diff3'))
  .map(([a, b, mixed, form]) => ({
    name: 'conflict markers',
    apply: (bytes) => {
      const starts = lineStarts(bytes);
      const [from, to] = [starts[Math.floor(a * starts.length)] ?? 0, starts[Math.floor(b * starts.length)] ?? bytes.length].sort((x, y) => x - y);
      const region = decoder.decode(bytes.subarray(from, to));
      const theirs = mixed ? region.split('\n').reverse().join('\n') : region;
      const base = form === 'diff3' ? `||||||| merged common ancestors\n${region}` : '';
      const close = form === 'no-close' ? '' : '>>>>>>> other-branch\n';
      const block = `<<<<<<< HEAD\n${region}${region.endsWith('\n') || region === '' ? '' : '\n'}${base}=======\n${theirs}${theirs.endsWith('\n') || theirs === '' ? '' : '\n'}${close}`;
      return splice(bytes, from, to - from, encoder.encode(block));
    },
  }));

const invalidUtf8: fc.Arbitrary<Mutation> = fc
  .tuple(position, fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0x80]))
  .map(([p, bad]) => ({ name: 'invalid UTF-8', apply: (bytes) => splice(bytes, at(bytes, p), 0, Uint8Array.from(bad)) }));

const markupRuns = (scale: Scale): fc.Arbitrary<Mutation> => fc
  .tuple(position, fc.constantFrom('*_', '[', '*', '_', '[a](', '![', '`', '<a ', '> ', '- ', '\\'), fc.integer({ min: 100, max: scale.runs }))
  .map(([p, unit, count]) => ({ name: 'markup runs', apply: (bytes) => splice(bytes, at(bytes, p), 0, encoder.encode(unit.repeat(count))) }));

const enormousLine = (scale: Scale): fc.Arbitrary<Mutation> => fc
  .tuple(position, fc.constantFrom('a', ' ', 'é', '"', '😀', '\t'), fc.integer({ min: 10_000, max: scale.line }))
  .map(([p, unit, count]) => ({ name: 'enormous line', apply: (bytes) => splice(bytes, at(bytes, p), 0, encoder.encode(unit.repeat(count))) }));

/** One mutation, or two or three applied in turn. */
export function mutation(scale: Scale = RELEASE_SCALE): fc.Arbitrary<Mutation> {
  const single = fc.oneof(randomBytes, truncation, deepNesting(scale), hugeNumbers, conflictMarkers, invalidUtf8, markupRuns(scale), enormousLine(scale));
  return fc.oneof(
    { weight: 3, arbitrary: single },
    {
      weight: 1,
      arbitrary: fc.array(single, { minLength: 2, maxLength: 3 }).map((all) => ({
        name: all.map((m) => m.name).join(' + '),
        apply: (bytes: Uint8Array) => all.reduce((b, m) => m.apply(b), bytes),
      })),
    },
  );
}
