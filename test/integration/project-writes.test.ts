import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { FileSystem } from '../../src/core/ports';
import type { GroundedApi } from '../../src/vscode/extension';
import type { StudyApi } from '../../src/vscode/memos/study-features';
import { readWorkspaceFile, workspaceFileExists, workspacePath, writeWorkspaceFile } from './harness';

type Grounded = GroundedApi & { study: StudyApi };

const ATTRIBUTES = '.grounded/attributes.json';
const SPEAKERS = '.grounded/speakers.json';
const TRANSCRIPT = 'interviews/p03-lucia.md';

async function api(): Promise<Grounded> {
  const grounded = await vscode.extensions.getExtension<Grounded>('grounded-qda.grounded')!.activate();
  await grounded.ready;
  return grounded;
}

/**
 * Another program (a `git pull`, a colleague's sync) writes `path` right after Grounded's next
 * `method` call for `watched` returns: the moment between reading a file and writing it.
 */
function pullAfterNextRead(fs: FileSystem, method: 'readFile' | 'readDirectory', watched: string, path: string, content: string): { pulled(): boolean; restore(): void } {
  let done = false;
  const original = fs[method].bind(fs) as (p: string) => Promise<unknown>;
  const racing = async (p: string): Promise<unknown> => {
    const result = await original(p);
    if (p === watched && !done) {
      done = true;
      writeWorkspaceFile(path, content);
    }
    return result;
  };
  Object.assign(fs, { [method]: racing });
  return { pulled: () => done, restore: () => Reflect.deleteProperty(fs, method) };
}

/**
 * Resolves once the file watchers have reported a change of `path` and the handlers they started
 * have made their first step (the store reading the file to tell its echo from a real change), so
 * a race armed after it is the command's, not the watcher's.
 */
function watcherSaw(path: string): Promise<void> {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(workspacePath('.')), path));
  return new Promise<void>((resolve) => {
    const seen = (): void => {
      watcher.dispose();
      setImmediate(resolve);
    };
    watcher.onDidCreate(seen);
    watcher.onDidChange(seen);
    watcher.onDidDelete(seen);
  });
}

function problemAt(grounded: GroundedApi, path: string): string | undefined {
  return grounded.store()!.problems().find((p) => p.path === path)?.message;
}

describe('project files written through the store', function () {
  this.timeout(30000);
  const cleanup: string[] = [];

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const path of cleanup.splice(0)) rmSync(workspacePath(path), { force: true });
    await (await api()).study.participantsModel.reload();
  });

  it('a new memo: knows its own write, and never writes over a file that appeared meanwhile', async () => {
    const grounded = await api();
    const uri = vscode.Uri.file(workspacePath(TRANSCRIPT));
    const path = await vscode.commands.executeCommand<string>('grounded.memos.newForTranscript', uri, { title: 'Written by the store' });
    cleanup.push(path);
    assert.equal(await grounded.store()!.isOwnEcho(path), true, 'the watcher echo of the new memo is known as ours');

    const theirs = '---\ncode: c-theirs\n---\n\n# Arrived with a pull\n';
    cleanup.push('memos/race-with-a-pull.md');
    await grounded.study.memoIndex.reload();
    const race = pullAfterNextRead(grounded.fileSystem()!, 'readDirectory', 'memos', 'memos/race-with-a-pull.md', theirs);
    try {
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('grounded.memos.newForTranscript', uri, { title: 'Race with a pull' })),
        /memos\/race-with-a-pull\.md appeared on disk while the memo was being created; it was left as it is/,
      );
    } finally {
      race.restore();
    }
    assert.ok(race.pulled());
    assert.equal(readWorkspaceFile('memos/race-with-a-pull.md'), theirs);
    assert.match(problemAt(grounded, 'memos/race-with-a-pull.md') ?? '', /changed on disk .* the version on disk was kept/);
  });

  it('the attribute types: knows its own write, and keeps a file that appeared meanwhile', async () => {
    const grounded = await api();
    cleanup.push(ATTRIBUTES);
    assert.equal(await vscode.commands.executeCommand('grounded.participants.declareAttributes'), ATTRIBUTES);
    assert.equal(await grounded.store()!.isOwnEcho(ATTRIBUTES), true, 'the watcher echo of attributes.json is known as ours');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const deleted = watcherSaw(ATTRIBUTES);
    rmSync(workspacePath(ATTRIBUTES));
    await deleted;

    const theirs = '{\n  "format": "grounded-attributes",\n  "version": 1,\n  "attributes": [{ "name": "age", "type": "number" }]\n}\n';
    // Settle the Participants view's own reading of the file first: the race is the command's.
    await grounded.study.participantsModel.reload();
    const race = pullAfterNextRead(grounded.fileSystem()!, 'readFile', ATTRIBUTES, ATTRIBUTES, theirs);
    try {
      await vscode.commands.executeCommand('grounded.participants.declareAttributes');
    } finally {
      race.restore();
    }
    assert.ok(race.pulled());
    assert.equal(readWorkspaceFile(ATTRIBUTES), theirs);
    assert.match(problemAt(grounded, ATTRIBUTES) ?? '', /changed on disk .* the version on disk was kept/);
  });

  it('the remembered speakers: knows its own write, and keeps a file changed meanwhile', async () => {
    const grounded = await api();
    const work = mkdtempSync(join(tmpdir(), 'grounded-writes-'));
    const vtt = (name: string): string => {
      const file = join(work, name);
      writeFileSync(file, 'WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana López>I came in 2019.\n');
      return file;
    };
    cleanup.push(SPEAKERS, 'interviews/w1.md', 'interviews/w2.md');
    try {
      const mapping = { 'Ana López': { name: 'Ana', role: 'participant' } };
      const created = watcherSaw(SPEAKERS);
      await vscode.commands.executeCommand('grounded.interchange.importTranscripts', { files: [vtt('w1.vtt')], mapping });
      assert.ok(workspaceFileExists(SPEAKERS));
      assert.equal(await grounded.store()!.isOwnEcho(SPEAKERS), true, 'the watcher echo of speakers.json is known as ours');
      await created;

      const theirs = '{\n  "format": "grounded-speakers",\n  "version": 1,\n  "speakers": {}\n}\n';
      const race = pullAfterNextRead(grounded.fileSystem()!, 'readFile', SPEAKERS, SPEAKERS, theirs);
      try {
        await vscode.commands.executeCommand('grounded.interchange.importTranscripts', { files: [vtt('w2.vtt')], mapping: { 'Ana López': { name: 'Ana Two', role: 'participant' } } });
      } finally {
        race.restore();
      }
      assert.ok(race.pulled());
      assert.equal(readWorkspaceFile(SPEAKERS), theirs);
      assert.match(problemAt(grounded, SPEAKERS) ?? '', /changed on disk .* the version on disk was kept/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
