import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { readWorkspaceFile, SETTLE_MS, TEST_MS, waitFor, workspaceFileUri, writeWorkspaceFile } from './harness';

describe('malformed project files', function () {
  this.timeout(TEST_MS);

  it('shows a malformed coding file in the Problems panel at its line, and never rewrites it', async () => {
    const grounded = await vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded')!.activate();
    await grounded.ready;
    const path = '.grounded/coding/interviews/p04-kwame.md/sam-okafor.jsonl';
    const original = readWorkspaceFile(path);
    const lines = original.split('\n');
    lines[2] = '{"id": broken';
    const broken = lines.join('\n');
    writeWorkspaceFile(path, broken);
    const diagnostics = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(workspaceFileUri(path));
      return found.length > 0 ? found : undefined;
    }, SETTLE_MS, 'a diagnostic on the malformed file');
    assert.equal(diagnostics[0].range.start.line, 2, 'on line 3');
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostics[0].source, 'Grounded');

    // Deleting a code used in that file must be refused rather than rewrite it.
    const store = grounded.store()!;
    const used = store.codebook().all().find((c) => lines.some((l) => l.includes(c.id)))!;
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('grounded.codebook.deleteCode', used.id, true)),
      /malformed/,
    );
    await store.flush();
    assert.equal(readWorkspaceFile(path), broken);

    // Fixed by hand: the problem goes away.
    writeWorkspaceFile(path, original);
    await waitFor(() => vscode.languages.getDiagnostics(workspaceFileUri(path)).length === 0, SETTLE_MS, 'the diagnostic to clear');
  });
});
