import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { detectSpeakers, importTranscriptBytes } from '../../src/core/interchange/transcripts';
import { askSpeakerMapping, proposeMapping } from '../../src/vscode/interchange/speaker-mapping-flow';
import { groundedApi, readWorkspaceFile, workspacePath, workspaceRoot, writeWorkspaceFile } from './harness';

const VTT = `WEBVTT

00:00:02.000 --> 00:00:06.000
Dana Reyes: Could you tell me how you first heard about the centre?

00:00:07.500 --> 00:00:15.000
nadia.k@example.org: A friend from church told me. I was scared at first.

00:00:16.000 --> 00:00:19.000
Dana Reyes: What made you go in the end?

00:00:20.000 --> 00:00:28.000
nadia.k@example.org: They said nobody would call the police.
`;

/** Picks from a quick pick's items: one item, several (a multi-select pick) or none (dismissed). */
type Answer = (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | vscode.QuickPickItem[] | undefined;
type Window = { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };

interface Script {
  picks?: Answer[];
  /** Typed into input boxes, in order; undefined dismisses one. */
  names?: (string | undefined)[];
  /** Chosen in open dialogs, in order. */
  opened?: vscode.Uri[][];
  saved?: vscode.Uri;
}

/**
 * Answers the questions from a script in place of the researcher; what the quick picks and input
 * boxes were given is kept, so what the researcher would see is checked too.
 */
class ScriptedWindow {
  readonly picks: vscode.QuickPickItem[][] = [];
  /** Each input box as `<initial value>|<its check of the scripted answer (empty when dismissed), or ok>`. */
  readonly prompts: string[] = [];
  readonly saveDialogs: vscode.SaveDialogOptions[] = [];
  private readonly window = vscode.window as Window;
  private readonly originals = { ...this.window };

  constructor({ picks = [], names = [], opened = [], saved }: Script) {
    this.window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
      const list = [...(await items)];
      this.picks.push(list);
      const answer = picks.shift();
      assert.ok(answer, `an unexpected quick pick: ${list.map((i) => i.label).join(', ')}`);
      return answer(list);
    }) as unknown as Window['showQuickPick'];
    this.window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
      this.prompts.push(`${options?.value ?? ''}|${String((await options?.validateInput?.(names[0] ?? '')) ?? 'ok')}`);
      return names.shift();
    }) as Window['showInputBox'];
    this.window.showOpenDialog = (async () => opened.shift()) as Window['showOpenDialog'];
    this.window.showSaveDialog = (async (options?: vscode.SaveDialogOptions) => {
      if (options) this.saveDialogs.push(options);
      return saved;
    }) as Window['showSaveDialog'];
  }

  restore(): void {
    const { showQuickPick, showInputBox, showOpenDialog, showSaveDialog } = this.originals;
    Object.assign(this.window, { showQuickPick, showInputBox, showOpenDialog, showSaveDialog });
  }
}

const byLabel = (label: string): Answer => (items) => items.find((i) => i.label === label);
const labelled = (pattern: RegExp): Answer => (items) => items.find((i) => pattern.test(i.label));
const accept = labelled(/Import with these names/);

const api = groundedApi;

describe('import and export through the dialogs', function () {
  this.timeout(30000);
  const detected = detectSpeakers(importTranscriptBytes(new TextEncoder().encode(VTT), 'p07.vtt'));

  it('the speaker step lists each speaker with counts and the interviewer guess, and sets a name and role', async () => {
    const script = new ScriptedWindow({ picks: [byLabel('nadia.k@example.org'), byLabel('other'), accept], names: ['Nadia'] });
    try {
      const mapping = await askSpeakerMapping(detected, proposeMapping(detected), 'Speakers in p07.vtt');
      assert.deepEqual(mapping, {
        'Dana Reyes': { name: 'Interviewer', role: 'interviewer' },
        'nadia.k@example.org': { name: 'Nadia', role: 'other' },
      });
    } finally {
      script.restore();
    }
    const dana = script.picks[0].find((i) => i.label === 'Dana Reyes')!;
    assert.equal(dana.description, '→ Interviewer (interviewer)');
    assert.match(dana.detail!, /^2 turns, \d+ words, 2 turns with a question · asks the most questions: probably the interviewer$/);
    assert.equal(script.picks[0].find((i) => i.label === 'nadia.k@example.org')!.description, '→ Nadia K (participant)');
    assert.deepEqual(script.prompts, ['Nadia K|ok'], 'the name box starts from the proposal and accepts "Nadia"');
    assert.equal(script.picks[2].find((i) => i.label === 'nadia.k@example.org')!.description, '→ Nadia (other)');
  });

  it('the speaker step refuses a name that cannot label a turn, and cancelling cancels the import', async () => {
    // The name box is dismissed (its check is run on an empty name), then the list.
    const script = new ScriptedWindow({ picks: [byLabel('Dana Reyes'), () => undefined], names: [undefined] });
    try {
      assert.equal(await askSpeakerMapping(detected, proposeMapping(detected), 'Speakers'), undefined);
    } finally {
      script.restore();
    }
    assert.deepEqual(script.prompts, ['Interviewer|"" cannot be a speaker label: it is empty.']);
  });

  it('the transcript import proposes the names the project remembers', async () => {
    await api();
    const work = mkdtempSync(join(tmpdir(), 'grounded-speakers-'));
    const vtt = join(work, 'p07-teams.vtt');
    writeFileSync(vtt, VTT);
    const remembered = { 'Dana Reyes': { name: 'Dana', role: 'interviewer' }, 'nadia.k@example.org': { name: 'Leila', role: 'participant' } };
    writeWorkspaceFile('.grounded/speakers.json', `${JSON.stringify({ format: 'grounded-speakers', version: 1, speakers: remembered }, null, 2)}\n`);
    const script = new ScriptedWindow({ picks: [labelled(/interviews\//), accept, labelled(/^Without timestamps$/)], opened: [[vscode.Uri.file(vtt)]] });
    try {
      const result = await vscode.commands.executeCommand<{ written: string[] }>('grounded.interchange.importTranscripts');
      assert.deepEqual(result.written, ['interviews/p07-teams.md']);
      assert.equal(script.picks[1].find((i) => i.label === 'nadia.k@example.org')!.description, '→ Leila (participant)');
      const markdown = readWorkspaceFile('interviews/p07-teams.md');
      assert.ok(markdown.includes('participant: Leila\ninterviewer: Dana\n'), markdown);
      assert.ok(markdown.includes('\n**Leila:** A friend from church told me.'));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      script.restore();
      rmSync(work, { recursive: true, force: true });
      rmSync(workspacePath('interviews/p07-teams.md'), { force: true });
      rmSync(workspacePath('.grounded/speakers.json'), { force: true });
    }
  });

  it('exports the project with the options ticked, to the file chosen in the save dialog, named after the project', async () => {
    await api();
    const work = mkdtempSync(join(tmpdir(), 'grounded-export-'));
    const out = join(work, 'study.qdpx');
    const script = new ScriptedWindow({ picks: [(items) => items.filter((i) => /CR LF/.test(i.label))], saved: vscode.Uri.file(out) });
    try {
      const result = await vscode.commands.executeCommand<{ file: string; warnings: string[] }>('grounded.interchange.exportProject');
      assert.equal(result.file, out);
      // Positions in code points (UTF-16 was not ticked): the demo's emoji earn a warning.
      assert.ok(result.warnings.some((w) => w.includes('export with UTF-16 positions')));
      assert.deepEqual(script.picks[0].map((i) => i.label), ['Positions in UTF-16 units', 'CR LF line breaks in the sources']);
      // Beside the project folder, not in it, named after the project (a colon is no part of a file name).
      const proposed = script.saveDialogs[0].defaultUri!;
      assert.equal(proposed.fsPath, join(dirname(workspaceRoot()), 'Pathways to support how survivors of labour exploitation experience services.qdpx'));
      const sources = Object.entries(unzipSync(readFileSync(out))).filter(([name]) => name.startsWith('sources/'));
      // Transcripts and memos alike: every line break is CR LF.
      assert.ok(sources.length > 0 && sources.every(([, bytes]) => !/(^|[^\r])\n/.test(strFromU8(bytes))), 'CR LF line breaks, as ticked');
      assert.ok(sources.some(([, bytes]) => strFromU8(bytes).includes('\r\n')));
    } finally {
      script.restore();
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('imports a REFI-QDA codebook into a new folder named in the dialogs, and opens the report', async () => {
    await api();
    const work = mkdtempSync(join(tmpdir(), 'grounded-import-'));
    const file = join(work, 'shared-codes.qdc');
    await vscode.commands.executeCommand('grounded.interchange.exportCodebook', { out: file });
    const opened = [[vscode.Uri.file(file)], [vscode.Uri.file(work)]];
    const script = new ScriptedWindow({ opened, picks: [labelled(/Create a new folder/)], names: ['Study 2'] });
    try {
      const result = await vscode.commands.executeCommand<{ target: string }>('grounded.interchange.importRefi');
      assert.equal(result.target, join(work, 'Study 2'));
      assert.ok(existsSync(join(work, 'Study 2', '.grounded', 'project.json')));
      // The folder name offered comes from the project's name: a codebook has none, so the file's.
      assert.deepEqual(script.prompts, ['shared-codes|ok']);
      assert.match(vscode.window.activeTextEditor!.document.getText(), /^# Imported "shared\\-codes"/);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      script.restore();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
