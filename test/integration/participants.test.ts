import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import type { StudyApi } from '../../src/vscode/memos/study-features';
import type { ParticipantNode } from '../../src/vscode/participants/participants-tree';
import { saveDocument } from '../../src/vscode/ui/save-document';
import { openTranscript, readWorkspaceFile, SETTLE_MS, TEST_MS, waitFor, workspacePath, writeWorkspaceFile } from './harness';

type Grounded = GroundedApi & { study: StudyApi };
type Window = { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };

const TRANSCRIPT = 'interviews/p04-kwame.md';
const ATTRIBUTES = '.grounded/attributes.json';

async function api(): Promise<Grounded> {
  const grounded = await vscode.extensions.getExtension<Grounded>('grounded-qda.grounded')!.activate();
  await grounded.ready;
  return grounded;
}

async function attributes(study: StudyApi, transcript: string): Promise<Map<string, { value: string; icon: string }>> {
  const nodes = study.participants.getChildren({ kind: 'participant', transcript });
  const out = new Map<string, { value: string; icon: string }>();
  for (const node of nodes) {
    const item = await study.participants.getTreeItem(node);
    out.set(String(item.label), { value: String(item.description), icon: (item.iconPath as vscode.ThemeIcon).id });
  }
  return out;
}

function paintedTexts(grounded: GroundedApi, document: vscode.TextDocument): Set<string> {
  return new Set([...grounded.paintedRanges(document).values()].flat().map((r) => document.getText(r).replace(/\r\n/g, '\n')));
}

describe('participants and attributes', function () {
  this.timeout(TEST_MS);
  let original: string;

  before(() => {
    original = readWorkspaceFile(TRANSCRIPT);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    writeWorkspaceFile(TRANSCRIPT, original);
  });

  it('lists the demo participants with their attributes, none flagged', async () => {
    const { study } = await api();
    await study.participantsModel.reload();
    const roots = study.participants.getChildren();
    const names = await Promise.all(roots.map(async (n) => String((await study.participants.getTreeItem(n)).label)));
    for (const name of ['Amara', 'Tomasz', 'Lucía', 'Kwame', 'Mei']) assert.ok(names.includes(name), `${name} listed: ${names.join(', ')}`);
    await study.participantsModel.reload();
    const kwame = await attributes(study, TRANSCRIPT);
    assert.deepEqual(
      // Attributes only other transcripts record (an earlier suite may import some) show as "—": not Kwame's.
      Object.fromEntries([...kwame].filter(([, v]) => v.value !== '—').map(([k, v]) => [k, v.value])),
      {
        participant: 'Kwame', age: '38', gender: 'man', race_ethnicity: 'Black African', sexuality: 'not asked', role: 'peer mentor',
        sector: 'support services', lens: 'collectivist', lived_experience: 'labour exploitation (car wash)',
        interview_date: '2024-04-09', interviewer: 'Sam Okafor', duration_minutes: '61', interview_mode: 'in person',
      },
    );
    assert.equal(kwame.get('age')?.icon, 'symbol-number');
    assert.equal(kwame.get('interview_date')?.icon, 'calendar');
    // Transcripts imported by other suites bring attributes Kwame does not record ("—"); none of
    // his own values is flagged.
    assert.ok(![...kwame.values()].some((a) => a.value !== '—' && a.icon === 'warning'));
  });

  it('edits an attribute through the editor: saved, undoable, coded segments still on their text', async () => {
    const grounded = await api();
    const editor = await openTranscript(TRANSCRIPT);
    const document = editor.document;
    await waitFor(() => grounded.paintedRanges(document).size > 0, SETTLE_MS, 'the transcript painted');
    const coding = await grounded.store()!.getCoding(TRANSCRIPT);
    const quotes = coding.coders.flatMap((c) => c.segments.map((s) => s.quote.exact));

    const node: ParticipantNode = { kind: 'attribute', transcript: TRANSCRIPT, attribute: 'age' };
    assert.equal(await vscode.commands.executeCommand('grounded.participants.editAttribute', node, '39'), true);
    const onDisk = readWorkspaceFile(TRANSCRIPT);
    assert.equal(onDisk, original.replace('age: 38\n', 'age: 39\n'), 'only the value changed, and the file is saved');
    assert.equal((await attributes(grounded.study, TRANSCRIPT)).get('age')?.value, '39');

    const role: ParticipantNode = { kind: 'attribute', transcript: TRANSCRIPT, attribute: 'role' };
    await vscode.commands.executeCommand('grounded.participants.editAttribute', role, 'peer mentor and volunteer coordinator with a long title');
    await waitFor(() => quotes.every((q) => paintedTexts(grounded, document).has(q)), SETTLE_MS, 'every segment painted on its quote after the edit');

    await vscode.commands.executeCommand('undo');
    assert.ok(document.getText().includes('role: peer mentor\n'), 'undo puts the old value back');
    assert.ok(await saveDocument(document), 'saved again');
  });

  it('refuses a value of the wrong type, and flags one typed in the editor', async () => {
    const grounded = await api();
    const before = readWorkspaceFile(TRANSCRIPT);
    const node: ParticipantNode = { kind: 'attribute', transcript: TRANSCRIPT, attribute: 'age' };
    assert.equal(await vscode.commands.executeCommand('grounded.participants.editAttribute', node, 'thirty-nine'), false);
    assert.equal(readWorkspaceFile(TRANSCRIPT), before);

    const editor = await openTranscript(TRANSCRIPT);
    const text = editor.document.getText();
    const at = text.indexOf('duration_minutes: 61');
    await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'duration_minutes: 61'.length)), 'duration_minutes: about an hour'));
    await waitFor(async () => (await attributes(grounded.study, TRANSCRIPT)).get('duration_minutes')?.icon === 'warning', SETTLE_MS, 'the attribute flagged');
    const participant = await grounded.study.participants.getTreeItem({ kind: 'participant', transcript: TRANSCRIPT });
    assert.equal((participant.iconPath as vscode.ThemeIcon).id, 'warning');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(async () => (await attributes(grounded.study, TRANSCRIPT)).get('duration_minutes')?.icon === 'symbol-number', SETTLE_MS, 'the flag gone after revert');
  });

  it('editing a category attribute starts the pick on the current value, not the first', async () => {
    const { study } = await api();
    await study.participantsModel.reload();
    const lucia = 'interviews/p03-lucia.md';
    const before = readWorkspaceFile(lucia);
    const window = vscode.window as Window;
    const { createQuickPick, showQuickPick } = window;
    let shown!: (picker: vscode.QuickPick<vscode.QuickPickItem> | undefined) => void;
    const picked = new Promise<vscode.QuickPick<vscode.QuickPickItem> | undefined>((resolve) => (shown = resolve));
    window.createQuickPick = (<T extends vscode.QuickPickItem>() => {
      const picker = createQuickPick<T>();
      const show = picker.show.bind(picker);
      picker.show = () => {
        show();
        shown(picker as unknown as vscode.QuickPick<vscode.QuickPickItem>);
      };
      return picker;
    }) as Window['createQuickPick'];
    // A pick that cannot start anywhere but the first item counts as the wrong start.
    window.showQuickPick = (async () => {
      shown(undefined);
      return undefined;
    }) as Window['showQuickPick'];
    try {
      const editing = vscode.commands.executeCommand('grounded.participants.editAttribute', { kind: 'attribute', transcript: lucia, attribute: 'gender' });
      const picker = await picked;
      assert.ok(picker, 'the values are offered in a pick that can start on the current one');
      assert.deepEqual(picker.items.slice(0, 3).map((i) => i.label), ['man', 'nonbinary', 'woman']);
      assert.deepEqual(picker.activeItems.map((i) => i.label), ['woman'], 'the current value is highlighted, so Enter keeps it');
      picker.hide();
      assert.equal(await editing, false);
    } finally {
      Object.assign(window, { createQuickPick, showQuickPick });
    }
    assert.equal(readWorkspaceFile(lucia), before);
  });

  it('writes the types in use to .grounded/attributes.json, which then decides', async () => {
    const grounded = await api();
    assert.equal(await vscode.commands.executeCommand('grounded.participants.declareAttributes'), ATTRIBUTES);
    try {
      const declared = JSON.parse(readWorkspaceFile(ATTRIBUTES)) as { format: string; attributes: { name: string; type: string; values?: string[] }[] };
      assert.equal(declared.format, 'grounded-attributes');
      assert.deepEqual(declared.attributes.find((a) => a.name === 'gender'), { name: 'gender', type: 'category', values: ['man', 'nonbinary', 'woman'] });
      const overview = await grounded.study.participantsModel.reload();
      assert.equal(overview?.declared, true);
      // Declared categories are closed: a value outside them is refused.
      const node: ParticipantNode = { kind: 'attribute', transcript: TRANSCRIPT, attribute: 'gender' };
      assert.equal(await vscode.commands.executeCommand('grounded.participants.editAttribute', node, 'unknown'), false);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(workspacePath(ATTRIBUTES), { force: true });
      await grounded.study.participantsModel.reload();
    }
  });
});
