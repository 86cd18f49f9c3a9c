import * as assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import * as vscode from 'vscode';
import { workspaceRoot } from './harness';

const EXTENSION_ID = 'grounded-qda.grounded';

describe('extension smoke test', () => {
  it('is loaded from the development folder', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the loaded extensions`);
    assert.equal(extension.packageJSON.name, 'grounded');
  });

  it('activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('runs in the workspace prepared by the test runner', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    assert.ok(process.env.GROUNDED_TEST_WORKSPACE, 'GROUNDED_TEST_WORKSPACE is not set in the extension host');
    assert.equal(realpathSync(folder.uri.fsPath), realpathSync(workspaceRoot()));
  });
});
