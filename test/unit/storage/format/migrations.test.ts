import assert from 'node:assert/strict';
import {
  CURRENT_VERSION,
  FORMAT_NAMES,
  MIGRATIONS,
  type Migration,
  migrateDocument,
} from '../../../../src/core/storage/format';
import { checkFormatAndVersion } from '../../../../src/core/storage/format/migrations';

describe('format: versions and migrations', () => {
  it('has an upgrade path from version 1 to the current version for every kind of file', () => {
    for (const [kind, steps] of Object.entries(MIGRATIONS)) {
      for (let v = 1; v < CURRENT_VERSION; v++) {
        assert.ok(steps.some((s) => s.from === v), `${kind} has no step from version ${v}`);
      }
      assert.ok(steps.every((s) => s.from >= 1 && s.from < CURRENT_VERSION), `${kind} has a step beyond the current version`);
    }
  });

  it('applies each step in turn, to the header and to every segment, without touching the input', () => {
    const steps: Migration[] = [
      // Listed out of order on purpose: steps are found by the version they read.
      { from: 2, upgradeHeader: (h) => ({ ...h, renamed: h.old, old: undefined }) },
      {
        from: 1,
        upgradeHeader: (h) => ({ ...h, old: 'v1 name' }),
        upgradeSegment: (s) => ({ ...s, codes: [s.code] }),
      },
    ];
    const input = { header: { format: 'grounded-coding', version: 1 }, segments: [{ id: 's-1', code: 'c-1' }] };
    const before = structuredClone(input);
    const result = migrateDocument(input, 1, steps, 3);
    assert.ok(result.ok);
    assert.deepEqual(result.document, {
      header: { format: 'grounded-coding', version: 3, renamed: 'v1 name', old: undefined },
      segments: [{ id: 's-1', code: 'c-1', codes: ['c-1'] }],
    });
    assert.deepEqual(input, before);
  });

  it('leaves a current document as it is', () => {
    const document = { header: { format: 'grounded-code', version: CURRENT_VERSION }, segments: [] };
    assert.deepEqual(migrateDocument(document, CURRENT_VERSION, MIGRATIONS.code), { ok: true, document });
  });

  it('says so when a version has no way forward', () => {
    const result = migrateDocument({ header: {}, segments: [] }, 1, [], 2);
    assert.deepEqual(result, { ok: false, message: 'format version 1 can no longer be read by this version of Grounded' });
  });

  describe('checkFormatAndVersion', () => {
    it('accepts every supported version of the right format', () => {
      assert.deepEqual(checkFormatAndVersion('code', { format: FORMAT_NAMES.code, version: 1 }), { ok: true, version: 1 });
      assert.deepEqual(checkFormatAndVersion('code', { format: FORMAT_NAMES.code, version: 2 }, 3), { ok: true, version: 2 });
    });

    const refusals: Array<[unknown, string, string]> = [
      [{ format: 'grounded-coding', version: 2 }, '/version', 'unsupported format version 2 (this version of Grounded reads version 1; update Grounded)'],
      [{ format: 'grounded-code', version: 1 }, '/format', 'unknown "format" value "grounded-code" (expected "grounded-coding")'],
      [{ format: 7, version: 1 }, '/format', 'unknown "format" value 7 (expected "grounded-coding")'],
      [{ version: 1 }, '', '"format" is missing (expected "grounded-coding")'],
      [{ format: 'grounded-coding' }, '', '"version" is missing'],
      [{ format: 'grounded-coding', version: 0 }, '/version', '"version" must be a whole number of 1 or more, not 0'],
      [{ format: 'grounded-coding', version: 1.5 }, '/version', '"version" must be a whole number of 1 or more, not 1.5'],
      [['grounded-coding', 1], '', 'expected a JSON object starting with "format": "grounded-coding"'],
    ];
    for (const [header, pointer, message] of refusals) {
      it(`refuses ${JSON.stringify(header)}`, () => {
        assert.deepEqual(checkFormatAndVersion('coding', header), { ok: false, pointer, message });
      });
    }
  });
});
