import assert from 'node:assert/strict';
import type { Code, Segment } from '../../../src/core/model';
import { DEFAULT_ROUNDS, effectiveRound, projectRounds, roundLabel } from '../../../src/core/rounds';
import { parseCodeFile, parseCodingFile, parseProjectFile, serializeCodeFile, serializeCodingFile, serializeProjectFile } from '../../../src/core/storage/format';

const PROJECT = '.grounded/project.json';
const CODE_ID = 'c-0f3k8m2q9x1a';
const CODE_PATH = `.grounded/codes/${CODE_ID}.json`;
const CODING_PATH = '.grounded/coding/interviews/p01.md/dana-reyes.jsonl';
const HEADER = '{"format":"grounded-coding","version":1,"coder":{"id":"dana-reyes","name":"Dana Reyes"}}\n';
const A = 'c-2b7d4h6j8k0m';
const B = 'c-5n9p3r7s1t4v';

function ok<T>(result: { ok: true; value: T } | { ok: false; problems: unknown[] }): T {
  if (!result.ok) assert.fail(JSON.stringify(result.problems));
  return result.value;
}

describe('coding rounds in project.json', () => {
  const base = { format: 'grounded-project', version: 1, name: 'Study', transcripts: ['interviews/*.md'], memos: 'memos' };

  it('reads a project written before rounds existed: no rounds, so the default three', () => {
    const text = `${JSON.stringify(base, null, 2)}\n`;
    const config = ok(parseProjectFile(PROJECT, text));
    assert.equal(config.rounds, undefined);
    assert.deepEqual(projectRounds(config).map((r) => r.id), ['initial', 'focused', 'theoretical']);
    assert.equal(serializeProjectFile(config), text, 'rewritten byte for byte, without a rounds field');
  });

  it('keeps declared rounds in their order, renamed and added, and writes them after memos', () => {
    const rounds = [
      { id: 'initial', name: 'Line-by-line coding' },
      { id: 'focused', name: 'Focused coding' },
      { id: 'axial-2', name: 'Axial coding — second pass 🌱' },
    ];
    const text = `${JSON.stringify({ ...base, rounds }, null, 2)}\n`;
    const config = ok(parseProjectFile(PROJECT, text));
    assert.deepEqual(config.rounds, rounds);
    assert.equal(serializeProjectFile(config), text);
    assert.equal(roundLabel(projectRounds(config), 'initial'), 'Line-by-line coding');
  });

  it('refuses a round declared twice, naming the line, and an id that is not a round id', () => {
    const twice = JSON.stringify({ ...base, rounds: [{ id: 'initial', name: 'A' }, { id: 'initial', name: 'B' }] }, null, 2);
    const result = parseProjectFile(PROJECT, twice);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.problems[0].message, /declares the round "initial" more than once/);
    const lines = twice.split('\n');
    const second = lines.findIndex((l, i) => l.includes('"initial"') && lines.slice(0, i).some((p) => p.includes('"initial"')));
    assert.equal(result.problems[0].line, second, 'the line opening the second declaration');

    const bad = parseProjectFile(PROJECT, JSON.stringify({ ...base, rounds: [{ id: 'Focused Coding', name: 'x' }] }, null, 2));
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.match(bad.problems[0].message, /^"rounds" entry 1, "id" \(text "Focused Coding"\) is not a round id/);
  });

  it('falls back to the first round when the chosen one is no longer declared, and marks unknown recorded ids', () => {
    const rounds = [{ id: 'open', name: 'Open coding' }];
    assert.equal(effectiveRound(rounds, 'focused').id, 'open');
    assert.equal(effectiveRound(DEFAULT_ROUNDS, 'focused').name, 'Focused coding');
    assert.equal(roundLabel(rounds, 'focused'), 'focused (not declared in project.json)');
    assert.equal(roundLabel(rounds, undefined), 'No round recorded');
  });
});

describe('rounds and gathering in code files', () => {
  const old: Code = { id: CODE_ID, name: 'Feeling unheard', parent: null, color: '#e07a5f', description: '' };

  it('reads a code file without the new fields as before and rewrites it byte for byte', () => {
    const text = serializeCodeFile(old);
    const code = ok(parseCodeFile(CODE_PATH, text));
    assert.deepEqual(code, old);
    assert.ok(!text.includes('"round"') && !text.includes('"gathered'));
  });

  it('round-trips round, gathered (with hostile names) and gatheredInto, in a fixed key order', () => {
    const code: Code = {
      ...old,
      name: 'Seeking "safety" ](command:workbench.action.terminal.new) $(zap) <b>🌱</b>',
      round: 'focused',
      gathered: [
        {
          codes: [{ id: A, name: 'Being talked over\u202e [x](https://example.invalid)' }, { id: B, name: 'Feeling unheard' }],
          segments: 12,
          by: { id: 'dana-reyes', name: 'Dana Reyes' },
          at: '2026-12-03T22:31:07.000Z',
        },
      ],
      extra: { 'x-tool': { b: 1, a: 2 } },
    };
    const text = serializeCodeFile(code);
    assert.deepEqual(ok(parseCodeFile(CODE_PATH, text)), code);
    const keys = [...text.matchAll(/^ {2}"([^"]+)"/gm)].map((m) => m[1]);
    assert.deepEqual(keys, ['format', 'version', 'id', 'name', 'parent', 'color', 'description', 'round', 'gathered', 'x-tool']);

    const marked = serializeCodeFile({ ...old, round: 'initial', gatheredInto: A });
    assert.deepEqual(ok(parseCodeFile(CODE_PATH, marked)), { ...old, round: 'initial', gatheredInto: A });
  });

  it('refuses a malformed gathering record with the line of the field', () => {
    const text = serializeCodeFile({ ...old, gathered: [{ codes: [], segments: 1, by: { id: 'dana-reyes', name: 'D' }, at: 'x' }] });
    const result = parseCodeFile(CODE_PATH, text);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.match(result.problems[0].message, /"gathered/);
    assert.equal(result.problems[0].line, text.split('\n').findIndex((l) => l.includes('"codes"')) + 1);
  });
});

describe('rounds and gathering on segments', () => {
  const segment: Segment = {
    id: 's-4q8t2w6y0b3d',
    codes: [A],
    quote: { exact: 'took me', prefix: 'friend ', suffix: ' to' },
    position: { start: 10, end: 17 },
  };

  it('reads a coding file without the new fields and rewrites it byte for byte', () => {
    const text = serializeCodingFile({ transcript: 'interviews/p01.md', coder: { id: 'dana-reyes', name: 'Dana Reyes' }, segments: [segment] });
    assert.ok(!text.includes('"round"'));
    const file = ok(parseCodingFile(CODING_PATH, text));
    assert.deepEqual(file.segments, [segment]);
    assert.equal(serializeCodingFile(file), text);
  });

  it('writes round and gathered on the segment\'s own line, keys and lists sorted, whatever order they were read in', () => {
    const line =
      '{"id":"s-4q8t2w6y0b3d","codes":["c-0f3k8m2q9x1a"],"start":10,"end":17,"exact":"took me","prefix":"friend ","suffix":" to",' +
      `"gathered":{"${CODE_ID}":["${B}","${A}"],"${A}":["${B}"]},"round":"initial","x-note":1}\n`;
    const file = ok(parseCodingFile(CODING_PATH, HEADER + line));
    assert.equal(file.segments[0].round, 'initial');
    assert.deepEqual(file.segments[0].gathered, { [CODE_ID]: [A, B], [A]: [B] });
    const written = serializeCodingFile(file);
    assert.equal(written.split('\n').length, 3, 'header, one line per segment, final newline');
    assert.ok(
      written.endsWith(`"suffix":" to","round":"initial","gathered":{"${CODE_ID}":["${A}","${B}"],"${A}":["${B}"]},"x-note":1}\n`),
      written,
    );
    // The fast path (no unknown fields) writes the same canonical order.
    const { extra: _extra, ...plain } = file.segments[0];
    const fast = serializeCodingFile({ ...file, segments: [plain] });
    assert.ok(fast.endsWith(`"suffix":" to","round":"initial","gathered":{"${CODE_ID}":["${A}","${B}"],"${A}":["${B}"]}}\n`), fast);
  });

  it('refuses a gathered entry that is not a list of code ids, on its line', () => {
    const line = `{"id":"s-4q8t2w6y0b3d","codes":["${A}"],"start":10,"end":17,"exact":"took me","prefix":"","suffix":"","gathered":{"${A}":"c-x"}}\n`;
    const result = parseCodingFile(CODING_PATH, HEADER + line);
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.problems[0].line, 2);
  });
});
