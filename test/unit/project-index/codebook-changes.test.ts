import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import { PlacementCache } from '../../../src/core/placement';
import { ProjectIndex } from '../../../src/core/project-index';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { TRUST, dana, smallProject } from './small-project';

describe('ProjectIndex and codebook changes', () => {
  it('a snapshot taken after a code changed shows the change (the earlier snapshot is not served again)', async () => {
    const fs = smallProject();
    const store = await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(), debounceMs: 0 });
    const index = await ProjectIndex.attach(store, fs, { placements: new PlacementCache(), debounceMs: 5 });
    const before = index.snapshot();
    store.updateCode(TRUST, { name: 'Trust, earned', inclusion: 'Trust described as earned over time' });
    await index.settled();
    const after = index.snapshot().codes.find((c) => c.id === TRUST);
    assert.equal(after?.name, 'Trust, earned');
    assert.equal(after?.inclusion, 'Trust described as earned over time');
    assert.notEqual(before.codes.find((c) => c.id === TRUST)?.name, 'Trust, earned');
    index.dispose();
    store.dispose();
  });
});
