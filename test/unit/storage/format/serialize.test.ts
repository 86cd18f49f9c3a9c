/** The bytes Grounded writes, spelled out by hand from the format's definition. */
import assert from 'node:assert/strict';
import type { CodingFile } from '../../../../src/core/model';
import {
  parseCodeFile,
  parseCodingFile,
  serializeCodeFile,
  serializeCodingFile,
  serializeProjectFile,
} from '../../../../src/core/storage/format';

const CODING_PATH = '.grounded/coding/interviews/p01.md/dana-reyes.jsonl';

function codingFile(): CodingFile {
  return {
    transcript: 'interviews/p01.md',
    coder: { id: 'dana-reyes', name: 'Dana Reyes' },
    segments: [
      {
        id: 's-9zzzzzzzzzzz',
        codes: ['c-bbbbbbbbbbbb', 'c-aaaaaaaaaaaa', 'c-bbbbbbbbbbbb'],
        quote: { exact: 'say "hi"\nthen', prefix: '', suffix: ' 🌱' },
        position: { start: 0, end: 13 },
        extra: { zeta: 1, alpha: { y: true, b: null } },
      },
      {
        id: 's-0000000000aa',
        codes: ['c-aaaaaaaaaaaa'],
        quote: { exact: 'é', prefix: 'caf', suffix: '' },
        position: { start: 3, end: 4 },
        comment: 'accent',
      },
    ],
  };
}

describe('format: serialization', () => {
  it('writes a coding file as the format defines: header, then segments sorted by id, fixed key order', () => {
    const expected =
      '{"format":"grounded-coding","version":1,"coder":{"id":"dana-reyes","name":"Dana Reyes"}}\n' +
      '{"id":"s-0000000000aa","codes":["c-aaaaaaaaaaaa"],"start":3,"end":4,"exact":"é","prefix":"caf","suffix":"","comment":"accent"}\n' +
      '{"id":"s-9zzzzzzzzzzz","codes":["c-aaaaaaaaaaaa","c-bbbbbbbbbbbb"],"start":0,"end":13,' +
      '"exact":"say \\"hi\\"\\nthen","prefix":"","suffix":" 🌱","alpha":{"b":null,"y":true},"zeta":1}\n';
    assert.equal(serializeCodingFile(codingFile()), expected);
  });

  it('writes a code file as pretty JSON with known keys first and unknown keys sorted after', () => {
    const text = serializeCodeFile({
      id: 'c-0f3k8m2q9x1a',
      name: 'Belonging',
      parent: null,
      color: '#3A7BD5',
      description: '',
      extra: { 'x-b': [1, 'two'], '10': 'ten', 'x-a': {} },
    });
    const expected = [
      '{',
      '  "format": "grounded-code",',
      '  "version": 1,',
      '  "id": "c-0f3k8m2q9x1a",',
      '  "name": "Belonging",',
      '  "parent": null,',
      '  "color": "#3a7bd5",',
      '  "description": "",',
      '  "10": "ten",',
      '  "x-a": {},',
      '  "x-b": [',
      '    1,',
      '    "two"',
      '  ]',
      '}',
      '',
    ].join('\n');
    assert.equal(text, expected);
  });

  it('writes the project file with its globs in the order given', () => {
    const text = serializeProjectFile({ name: 'Pilot', transcripts: ['z/*.md', 'a/*.md'], memos: 'memos' });
    const expected =
      '{\n  "format": "grounded-project",\n  "version": 1,\n  "name": "Pilot",\n' +
      '  "transcripts": [\n    "z/*.md",\n    "a/*.md"\n  ],\n  "memos": "memos"\n}\n';
    assert.equal(text, expected);
  });

  it('never lets unknown fields override known ones', () => {
    const file = codingFile();
    file.extra = { format: 'something-else', version: 9, coder: 'x', note: 'kept' };
    const text = serializeCodingFile(file);
    assert.ok(text.startsWith('{"format":"grounded-coding","version":1,"coder":{"id":"dana-reyes","name":"Dana Reyes"},"note":"kept"}\n'));
  });

  it('leaves out an empty comment, and reads it back as none', () => {
    const file = codingFile();
    file.segments[1].comment = '';
    const text = serializeCodingFile(file);
    assert.ok(!text.includes('"comment"'));
    const result = parseCodingFile(CODING_PATH, text);
    assert.ok(result.ok);
    assert.equal('comment' in result.value.segments[0], false);
  });

  it('keeps a key named __proto__ as data', () => {
    const text = '{"format":"grounded-coding","version":1,"coder":{"id":"dana-reyes","name":"Dana Reyes"},"__proto__":{"x":1}}\n';
    const result = parseCodingFile(CODING_PATH, text);
    assert.ok(result.ok);
    assert.equal(Object.getPrototypeOf(result.value.extra), Object.prototype);
    assert.deepEqual(Object.keys(result.value.extra ?? {}), ['__proto__']);
    assert.equal(serializeCodingFile(result.value), text);
  });

  it('normalises colours to lowercase when reading', () => {
    const text = serializeCodeFile({ id: 'c-0f3k8m2q9x1a', name: 'A', parent: null, color: '#ffffff', description: '' });
    const result = parseCodeFile('.grounded/codes/c-0f3k8m2q9x1a.json', text.replace('#ffffff', '#FFAA00'));
    assert.ok(result.ok);
    assert.equal(result.value.color, '#ffaa00');
  });
});
