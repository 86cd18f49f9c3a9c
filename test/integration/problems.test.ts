import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { readFileSync, writeFileSync } from 'node:fs';
import { readWorkspaceFile, SETTLE_MS, TEST_MS, waitFor, workspaceFileUri, workspacePath, writeWorkspaceFile } from './harness';

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

  it('shows a relation and a parent lost in a merge in the Problems panel, the relation at its line, until they are fixed', async () => {
    const grounded = await vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded')!.activate();
    await grounded.ready;
    const path = '.grounded/codes/c-16tjz42gmnbw.json';
    const original = readWorkspaceFile(path);
    const code = JSON.parse(original) as { parent: string; relations: { target: string; type: string }[] };
    // What a merge that kept this file from one branch and deleted the target and the parent on the other leaves.
    code.relations.push({ target: 'c-zzzzzzzzzzzz', type: 'causes' });
    code.parent = 'c-yyyyyyyyyyyy';
    writeWorkspaceFile(path, `${JSON.stringify(code, null, 2)}\n`);
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(workspaceFileUri(path)).find((d) => d.message.includes('c-zzzzzzzzzzzz')), SETTLE_MS, 'a diagnostic on the relation');
    assert.match(diagnostic.message, /points at code c-zzzzzzzzzzzz, which is not in the codebook/);
    const parent = vscode.languages.getDiagnostics(workspaceFileUri(path)).find((d) => d.message.includes('c-yyyyyyyyyyyy'));
    assert.match(parent?.message ?? '', /the parent code c-yyyyyyyyyyyy of "Trusted professionals" does not exist/);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const lines = readWorkspaceFile(path).split('\n');
    assert.match(lines[diagnostic.range.start.line], /c-zzzzzzzzzzzz/, 'on the line of the relation');
    writeWorkspaceFile(path, original);
    await waitFor(() => vscode.languages.getDiagnostics(workspaceFileUri(path)).length === 0 || undefined, SETTLE_MS, 'the diagnostic to clear');
  });

  it('reports a coding file that is not UTF-8 at the line of the bad byte, and never rewrites it', async () => {
    const grounded = await vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded')!.activate();
    await grounded.ready;
    const path = '.grounded/coding/interviews/p04-kwame.md/sam-okafor.jsonl';
    const original = readWorkspaceFile(path);
    const lines = original.split('\n');
    const bytes = Buffer.concat([Buffer.from(`${lines.slice(0, 2).join('\n')}\n`), Buffer.from([0x7b, 0xe9, 0x7d, 0x0a]), Buffer.from(lines.slice(2).join('\n'))]);
    writeFileSync(workspacePath(path), bytes);
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(workspaceFileUri(path)).find((d) => d.message.startsWith('not valid UTF-8')), 10000, 'a diagnostic naming the encoding');
    assert.equal(diagnostic.range.start.line, 2, 'on line 3');
    const store = grounded.store()!;
    const used = store.codebook().all().find((c) => lines.some((l) => l.includes(c.id)))!;
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('grounded.codebook.deleteCode', used.id, true)), /malformed/);
    await store.flush();
    assert.ok(readFileSync(workspacePath(path)).equals(bytes), 'the file was rewritten');
    writeWorkspaceFile(path, original);
    await waitFor(() => vscode.languages.getDiagnostics(workspaceFileUri(path)).length === 0, 10000, 'the diagnostic to clear');
  });

  it('offers Resolve Coding Conflict on a merge conflict and keeps the segments of both sides', async () => {
    const grounded = await vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded')!.activate();
    await grounded.ready;
    const path = '.grounded/coding/interviews/p04-kwame.md/sam-okafor.jsonl';
    const original = readWorkspaceFile(path);
    const lines = original.trimEnd().split('\n');
    assert.ok(lines.length >= 4, 'the demo file has segments to split between two sides');
    // Two branches each kept different segments after line 2: git leaves both between markers.
    const conflicted = [...lines.slice(0, 2), '<<<<<<< HEAD', lines[2], '=======', ...lines.slice(3), '>>>>>>> sam/coding', ''].join('\n');
    writeWorkspaceFile(path, conflicted);
    const uri = workspaceFileUri(path);
    const diagnostic = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'merge-conflict'), 10000, 'a merge-conflict diagnostic');
    assert.equal(diagnostic.range.start.line, 2, 'on the <<<<<<< line');
    assert.match(diagnostic.message, /unresolved git merge conflict between "HEAD" and "sam\/coding"/);

    // Quick fixes are asked of an open document, as the editor's light bulb does.
    await vscode.workspace.openTextDocument(uri);
    const at = new vscode.Range(diagnostic.range.start, diagnostic.range.start);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, at);
    const resolve = actions.find((a) => a.command?.command === 'grounded.project.resolveConflict');
    assert.ok(resolve?.command, 'a quick fix that resolves the conflict');
    await vscode.commands.executeCommand(resolve.command.command, ...(resolve.command.arguments ?? []));
    await waitFor(() => readWorkspaceFile(path) === original, 10000, 'the file to hold both sides, in canonical form');
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, 10000, 'the diagnostic to clear');
  });
  it('shows conflict markers and an unread speaker label in a transcript, at their lines, until the text is mended', async () => {
    const grounded = await vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded')!.activate();
    await grounded.ready;
    const path = 'interviews/p08-dee.md';
    const original = readWorkspaceFile(path);
    const lines = original.split('\n');
    const turn = lines.findIndex((l) => l.startsWith('**Dee:**'));
    // A merge left both versions of one answer, and a later line was typed with a lower-case label.
    const merged = [...lines.slice(0, turn), '<<<<<<< HEAD', lines[turn], '=======', lines[turn].replace('**Dee:**', '**Dee:** Well,'), '>>>>>>> wave-2', ...lines.slice(turn + 1), '', 'dee: And one more thing.', ''];
    writeWorkspaceFile(path, merged.join('\n'));
    const shown = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(workspaceFileUri(path));
      return found.length >= 2 ? found : undefined;
    }, SETTLE_MS, 'diagnostics on the transcript');
    const conflict = shown.find((d) => /unresolved git merge conflict/.test(d.message));
    assert.equal(conflict?.range.start.line, turn, 'at the <<<<<<< line');
    assert.equal(conflict?.severity, vscode.DiagnosticSeverity.Error);
    const label = shown.find((d) => /speaker label/.test(d.message));
    assert.equal(label?.range.start.line, merged.indexOf('dee: And one more thing.'));
    assert.equal(label?.severity, vscode.DiagnosticSeverity.Warning);

    writeWorkspaceFile(path, original);
    await waitFor(() => vscode.languages.getDiagnostics(workspaceFileUri(path)).length === 0 || undefined, SETTLE_MS, 'the diagnostics to clear');
  });
  it('shows a memo whose date cannot be read, and one holding conflict markers, in the Problems panel', async () => {
    const grounded = await vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded')!.activate();
    await grounded.ready;
    const path = 'memos/fear-of-authorities.md';
    const original = readWorkspaceFile(path);
    const lines = original.split('\n');
    writeWorkspaceFile(path, original.replace('date: 2024-05-06', 'date: 06/05/2024'));
    const dated = await waitFor(() => vscode.languages.getDiagnostics(workspaceFileUri(path)).find((d) => /date/.test(d.message)), SETTLE_MS, 'a warning on the date');
    assert.equal(dated.range.start.line, lines.indexOf('date: 2024-05-06'));
    assert.equal(dated.severity, vscode.DiagnosticSeverity.Warning);

    const heading = lines.findIndex((l) => l.startsWith('# '));
    const merged = [...lines.slice(0, heading), '<<<<<<< HEAD', lines[heading], '=======', '# Fear of authorities: informed, not irrational', '>>>>>>> dee/memos', ...lines.slice(heading + 1)];
    writeWorkspaceFile(path, merged.join('\n'));
    const conflict = await waitFor(() => vscode.languages.getDiagnostics(workspaceFileUri(path)).find((d) => /unresolved git merge conflict/.test(d.message)), SETTLE_MS, 'an error on the conflict');
    assert.equal(conflict.range.start.line, heading);
    assert.equal(conflict.severity, vscode.DiagnosticSeverity.Error);

    writeWorkspaceFile(path, original);
    await waitFor(() => vscode.languages.getDiagnostics(workspaceFileUri(path)).length === 0 || undefined, SETTLE_MS, 'the diagnostics to clear');
  });
});
