import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';

describe('activation', () => {
  it('activates, opens the demo project, and reports how long both took', async () => {
    const api = await vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded')!.activate();
    await api.ready;
    assert.ok(api.store(), 'the project is open once ready');
    const openMs = api.projectOpenMs();
    assert.ok(openMs !== undefined && openMs > 0);
    // Read by `npm run bench`, which runs this test in the real extension host.
    console.log(`bench activation.ms ${api.activationMs.toFixed(1)} ms`);
    console.log(`bench project_open.ms ${openMs.toFixed(1)} ms`);
  });
});
