import assert from 'node:assert/strict';
import { Codebook } from '../../../src/core/codebook';
import type { Code } from '../../../src/core/model';
import { gatheredInto, isApplicable, namesGatheredInto, pickableCodes } from '../../../src/core/rounds/gathered-codes';

const code = (id: string, name: string, extra: Partial<Code> = {}): Code => ({ id, name, parent: null, color: '#112233', description: '', ...extra });
const by = { id: 'dana-reyes', name: 'Dana Reyes' };
const record = (codes: { id: string; name: string }[]) => ({ codes, segments: 3, by, at: '2026-03-14T10:00:00.000Z' });

describe('codes offered for applying after a gathering', () => {
  const codebook = new Codebook([
    code('c-unheard', 'feeling unheard', { gatheredInto: 'c-silence', round: 'initial' }),
    // Renamed since the gathering: the picker matches its name now, not the one in the record.
    code('c-talked', 'Talked over 🌱', { gatheredInto: 'c-silence' }),
    code('c-silence', 'Silencing', { round: 'focused', gathered: [record([{ id: 'c-unheard', name: 'Feeling unheard' }, { id: 'c-talked', name: 'Talked over' }, { id: 'c-gone', name: 'Deleted since' }])] }),
    code('c-child', 'Not asked', { parent: 'c-unheard' }),
    // Marked gathered into a code lost in a merge: an ordinary code again.
    code('c-stray', 'Stray', { gatheredInto: 'c-missing' }),
    code('c-faith', 'Faith'),
  ]);

  it('leaves out gathered codes but keeps their sub-codes and codes whose focused code is gone', () => {
    assert.deepEqual(pickableCodes(codebook), ['c-faith', 'c-child', 'c-silence', 'c-stray']);
    assert.equal(isApplicable(codebook, 'c-unheard'), false);
    assert.equal(isApplicable(codebook, 'c-stray'), true);
    assert.equal(isApplicable(codebook, 'c-nothing'), false, 'a code that does not exist is not applicable either');
    assert.equal(gatheredInto(codebook, 'c-talked')?.name, 'Silencing');
    assert.equal(gatheredInto(codebook, 'c-stray'), undefined);
  });

  it('keeps a gathered code that is already chosen (a filter set before the gathering)', () => {
    assert.deepEqual(pickableCodes(codebook, ['c-talked']), ['c-faith', 'c-child', 'c-silence', 'c-stray', 'c-talked']);
  });

  it('lets the focused code be found by the current names of the codes it still gathers', () => {
    assert.deepEqual(namesGatheredInto(codebook, 'c-silence'), ['feeling unheard', 'Talked over 🌱']);
    assert.deepEqual(namesGatheredInto(codebook, 'c-faith'), []);
  });
});
