import * as vscode from 'vscode';
import {
  ATTRIBUTES_FILE,
  attributeEdit,
  AttributeEditError,
  displayValue,
  parseInput,
  serializeAttributesFile,
  type AttributeDeclaration,
  type ParticipantsOverview,
} from '../../core/participants';
import { DocumentText } from '../coding/document-text';
import { saveDocument } from '../ui/save-document';
import type { ProjectHost } from '../project/project-host';
import type { ParticipantsModel } from './participants-model';
import type { ParticipantNode } from './participants-tree';
import { notice, showError } from '../ui/notifications';
import { quickPickText } from '../ui/untrusted';

/** Which attribute of which transcript: a view node, or plain values from a keybinding or a test. */
type AttributeArg = ParticipantNode | { transcript: string; attribute?: string } | undefined;

/**
 * Editing attributes from the Participants view. The change goes into the transcript through a
 * WorkspaceEdit, so it is one step on the editor's undo stack and coded segments below shift with
 * it; a transcript that had no unsaved changes is saved again at once.
 */
export function registerAttributeCommands(host: ProjectHost, model: ParticipantsModel, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('grounded.participants.editAttribute', async (arg?: AttributeArg, input?: string) => {
      try {
        return await editAttribute(host, model, arg, input);
      } catch (error) {
        if (!(error instanceof AttributeEditError)) throw error;
        void showError(notice`${error.message}`);
        return false;
      }
    }),
    vscode.commands.registerCommand('grounded.participants.declareAttributes', () => declareAttributes(host, model, log)),
    vscode.commands.registerCommand('grounded.participants.refresh', () => model.reload()),
  ];
}

async function editAttribute(host: ProjectHost, model: ParticipantsModel, arg: AttributeArg, input: string | undefined): Promise<boolean> {
  const { fs } = host.require();
  const overview = model.overview ?? (await model.reload());
  const transcript = arg && 'transcript' in arg ? arg.transcript : activeTranscript(host);
  const participant = overview?.participants.find((p) => p.transcript === transcript);
  if (!overview || !transcript || !participant) throw new Error('Choose a participant in the Participants view, or open their transcript.');
  const attribute = arg && 'attribute' in arg && arg.attribute ? arg.attribute : await pickAttribute(overview, participant.values);
  if (!attribute) return false;
  const declaration = declarationOf(overview, attribute);
  const typed = input ?? (await askValue(declaration, participant.name, displayValue(participant.values[attribute])));
  if (typed === undefined) return false;
  // An inferred category takes new values: the next inference includes them.
  const parsed = parseInput(declaration.open ? { ...declaration, values: [...(declaration.values ?? []), typed.trim()] } : declaration, typed);
  if (!parsed.ok) throw new AttributeEditError(parsed.message);

  const uri = fs.uri(transcript);
  const document = await vscode.workspace.openTextDocument(uri);
  const text = new DocumentText(document);
  const change = attributeEdit(text.text, attribute, parsed.value);
  if (!change) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, text.range(change), change.text);
  const hadUnsavedChanges = document.isDirty;
  if (!(await vscode.workspace.applyEdit(edit))) throw new AttributeEditError(`${transcript} could not be edited.`);
  if (!hadUnsavedChanges && !(await saveDocument(document))) throw new AttributeEditError(`${transcript} was edited but could not be saved: save it (Ctrl+S) to keep the new value.`);
  await model.reload();
  return true;
}

/**
 * The declared type, or, while types are only inferred, the inferred one widened so that a new
 * category value can be typed (the next inference will include it).
 */
function declarationOf(overview: ParticipantsOverview, attribute: string): AttributeDeclaration & { open?: boolean } {
  const found = overview.schema.attributes.find((a) => a.name === attribute) ?? { name: attribute, type: 'text' as const };
  return overview.declared ? found : { ...found, open: found.type === 'category' };
}

function activeTranscript(host: ProjectHost): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && host.transcriptPath(uri);
}

async function pickAttribute(overview: ParticipantsOverview, values: Record<string, unknown>): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    overview.schema.attributes.map((a) => ({ label: quickPickText(a.name), description: quickPickText(displayValue(values[a.name])) || '—', detail: a.type, name: a.name })),
    { title: 'Edit which attribute?' },
  );
  return picked?.name;
}

/** What the researcher typed or picked; '' removes the attribute; undefined when cancelled. */
async function askValue(declaration: AttributeDeclaration & { open?: boolean }, participant: string, current: string): Promise<string | undefined> {
  const title = quickPickText(`${participant}: ${declaration.name}`);
  if (declaration.type === 'category') {
    const remove = '$(close) Remove the value';
    const other = '$(edit) Another value…';
    const items = [...(declaration.values ?? []).map((v) => ({ label: quickPickText(v), description: v === current ? 'current' : undefined, value: v })), { label: remove }, ...(declaration.open ? [{ label: other }] : [])];
    const picked = await pickStartingAt(items, items.find((i) => 'value' in i && i.value === current), { title, placeholder: `One of the values of "${declaration.name}"` });
    if (!picked) return undefined;
    if (picked.label === remove) return '';
    if ('value' in picked) return picked.value;
    return vscode.window.showInputBox({ title, prompt: `A new value for "${declaration.name}"` });
  }
  const hint = declaration.type === 'date' ? 'a date, YYYY-MM-DD' : declaration.type === 'number' ? 'a number' : 'text';
  return vscode.window.showInputBox({
    title,
    value: current,
    prompt: `${hint[0].toUpperCase()}${hint.slice(1)}; leave empty to remove the attribute`,
    validateInput: (value) => {
      const result = parseInput(declaration, value);
      return result.ok ? undefined : result.message;
    },
  });
}

/**
 * A quick pick whose highlight starts on `active` (the current value), so Enter keeps it rather
 * than silently choosing the first value. `showQuickPick` always starts on the first item.
 */
function pickStartingAt<T extends vscode.QuickPickItem>(items: T[], active: T | undefined, options: { title: string; placeholder: string }): Promise<T | undefined> {
  const picker = vscode.window.createQuickPick<T>();
  picker.title = options.title;
  picker.placeholder = options.placeholder;
  picker.items = items;
  if (active) picker.activeItems = [active];
  return new Promise<T | undefined>((resolve) => {
    let chosen: T | undefined;
    picker.onDidAccept(() => {
      chosen = picker.selectedItems[0] ?? picker.activeItems[0];
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(chosen);
    });
    picker.show();
  });
}

/**
 * Write the types in use to `.grounded/attributes.json` (when it does not exist yet) and open it.
 * The write goes through the store: should the file appear meanwhile (a `git pull`), it is kept.
 */
async function declareAttributes(host: ProjectHost, model: ParticipantsModel, log: vscode.LogOutputChannel): Promise<string> {
  const { fs, store } = host.require();
  if ((await fs.readFile(ATTRIBUTES_FILE)) === undefined) {
    const overview = model.overview ?? (await model.reload());
    const outcome = await store.writeProjectFile(ATTRIBUTES_FILE, serializeAttributesFile({ attributes: overview?.schema.attributes ?? [] }), undefined);
    if (outcome === 'saved') log.info(`Wrote the attribute types in use to ${ATTRIBUTES_FILE}; edit it to declare types and category values.`);
    await model.reload();
  }
  await vscode.window.showTextDocument(fs.uri(ATTRIBUTES_FILE), { preview: false });
  return ATTRIBUTES_FILE;
}
