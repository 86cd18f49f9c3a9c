import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import { PlacementCache } from '../../../src/core/placement';
import { ProjectIndex } from '../../../src/core/project-index';
import { relationsNetwork } from '../../../src/core/relations';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { TRUST, WORK, dana, smallProject } from '../project-index/small-project';

describe('the live index follows codebook changes', () => {
  it('a new relation (or a renamed code) is in the next snapshot, not only after the coding changes', async () => {
    const fs = smallProject();
    const store = await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(), debounceMs: 0 });
    const index = await ProjectIndex.attach(store, fs, { placements: new PlacementCache(), debounceMs: 5 });
    assert.equal(relationsNetwork(index.snapshot()).graph.edges.length, 0);
    store.relateCodes(WORK, { type: 'part-of', target: TRUST });
    store.updateCode(TRUST, { name: 'Trust in people' });
    await index.settled();
    const network = relationsNetwork(index.snapshot());
    assert.deepEqual(network.graph.edges.map((e) => [e.source, e.label, e.target]), [[WORK, 'is part of', TRUST]]);
    assert.ok(network.graph.nodes.some((n) => n.label === 'Trust in people'));
    index.dispose();
  });
});
