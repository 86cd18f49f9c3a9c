// A transcript of its own for the keyboard and decoration tests: a copy of a demo transcript,
// coded by a coder of its own, removed again afterwards with the codes the tests created, so the
// demo transcripts, codebook and coder setting other test files rely on stay as they were.
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { readWorkspaceFile, SETTLE_MS, waitFor, workspaceFileExists, workspacePath, writeWorkspaceFile } from './harness';

export async function groundedApi(): Promise<GroundedApi> {
  const grounded = await vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded')!.activate();
  await grounded.ready;
  return grounded;
}

export interface TranscriptFixture {
  /** Project-relative path of the copy. */
  transcript: string;
  /** The copy's coding file for the fixture's coder. */
  codingFile: string;
  restore(): Promise<void>;
}

/** Copies `source` to `copy`, codes as `coderName`; `restore` undoes all of it. */
export async function useTranscriptCopy(source: string, copy: string, coderName: string): Promise<TranscriptFixture> {
  const grounded = await groundedApi();
  const config = vscode.workspace.getConfiguration('grounded');
  const previousCoder = config.inspect<string>('coder')?.globalValue;
  const codesBefore = new Set(grounded.store()!.codebook().all().map((c) => c.id));
  writeWorkspaceFile(copy, readWorkspaceFile(source));
  await config.update('coder', coderName, vscode.ConfigurationTarget.Global);
  const coderId = await waitFor(() => {
    const id = grounded.store()?.coder.id;
    return id && grounded.store()!.coder.name === coderName ? id : undefined;
  }, SETTLE_MS, `coding as ${coderName}`);
  return {
    transcript: copy,
    codingFile: `.grounded/coding/${copy}/${coderId}.jsonl`,
    restore: async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      // Through the store, so it knows the files it deletes are its own doing (a change from
      // outside would make it forget the undo history later tests use).
      const store = grounded.store()!;
      for (const { coder, segments } of (await store.getCoding(copy)).coders) await store.deleteSegments(copy, coder.id, segments.map((s) => s.id));
      for (const code of store.codebook().all()) if (!codesBefore.has(code.id)) await store.deleteCode(code.id);
      await store.flush();
      rmSync(workspacePath(copy), { force: true });
      await config.update('coder', previousCoder, vscode.ConfigurationTarget.Global);
    },
  };
}

/** A segment as the fixture's coding file holds it on disk. */
export interface StoredSegment {
  id: string;
  codes: string[];
  start: number;
  end: number;
  exact: string;
  comment?: string;
}

/** The segments in the fixture coder's coding file, as written to disk once every write is done. */
export async function storedSegments(fixture: TranscriptFixture): Promise<StoredSegment[]> {
  await (await groundedApi()).store()!.flush();
  if (!workspaceFileExists(fixture.codingFile)) return [];
  return readWorkspaceFile(fixture.codingFile).trimEnd().split('\n').slice(1).map((l) => JSON.parse(l) as StoredSegment);
}

/**
 * Resolves once the next code picker is on screen (ticking several codes when `several`): quick
 * input commands sent after that reach it, as keys pressed after it appears do.
 */
export function codePickerShown(grounded: GroundedApi, several = false): Promise<void> {
  return new Promise<void>((resolve) => {
    const listening = grounded.onDidShowCodePicker((shown) => {
      if (shown.several !== several) return;
      listening.dispose();
      resolve();
    });
  });
}
