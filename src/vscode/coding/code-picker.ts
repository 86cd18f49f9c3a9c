import * as vscode from 'vscode';
import type { Codebook } from '../../core/codebook';
import type { CodeId } from '../../core/model';

interface CodeItem extends vscode.QuickPickItem {
  codeId?: CodeId;
  createName?: string;
}

const RECENT_KEY = 'grounded.recentCodes';
const RECENT_MAX = 9;

/** Codes used most recently in this workspace, newest first. */
export function recentCodes(state: vscode.Memento): CodeId[] {
  return state.get<CodeId[]>(RECENT_KEY, []);
}

export async function rememberCodes(state: vscode.Memento, ids: CodeId[]): Promise<void> {
  const next = [...ids, ...recentCodes(state).filter((id) => !ids.includes(id))].slice(0, RECENT_MAX);
  await state.update(RECENT_KEY, next);
}

/**
 * A searchable pick over the whole hierarchy, recent codes first. Typing a name that no code has
 * offers to create it. Resolves to an existing code's id, a name to create, or undefined.
 */
export function pickCode(codebook: Codebook, recent: CodeId[], title: string): Promise<{ id: CodeId } | { create: string } | undefined> {
  const picker = vscode.window.createQuickPick<CodeItem>();
  picker.title = title;
  picker.placeholder = 'Type to search codes, or type a new name to create a code';
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  const base = codeItems(codebook, recent);
  picker.items = base;
  const refresh = (): void => {
    const value = picker.value.trim();
    const exists = value === '' || codebook.all().some((c) => c.name.toLocaleLowerCase() === value.toLocaleLowerCase());
    picker.items = exists ? base : [{ label: `$(add) Create code "${value}"`, createName: value, alwaysShow: true }, ...base];
  };
  return new Promise((resolve) => {
    let result: { id: CodeId } | { create: string } | undefined;
    picker.onDidChangeValue(refresh);
    picker.onDidAccept(() => {
      const [item] = picker.selectedItems;
      if (item?.codeId) result = { id: item.codeId };
      else if (item?.createName) result = { create: item.createName };
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(result);
    });
    picker.show();
  });
}

function codeItems(codebook: Codebook, recent: CodeId[]): CodeItem[] {
  const item = (id: CodeId): CodeItem => {
    const code = codebook.get(id)!;
    const path = codebook.path(id);
    return {
      label: `$(circle-filled) ${code.name}`,
      description: path.length > 1 ? path.slice(0, -1).join(' / ') : undefined,
      detail: code.description || undefined,
      codeId: id,
    };
  };
  const recentIds = recent.filter((id) => codebook.get(id));
  const rest: CodeId[] = [];
  const walk = (parent: CodeId | null): void => {
    for (const c of codebook.children(parent)) {
      if (!recentIds.includes(c.id)) rest.push(c.id);
      walk(c.id);
    }
  };
  walk(null);
  const items: CodeItem[] = [];
  if (recentIds.length > 0) items.push({ label: 'Recent', kind: vscode.QuickPickItemKind.Separator }, ...recentIds.map(item));
  if (rest.length > 0) items.push({ label: 'All codes', kind: vscode.QuickPickItemKind.Separator }, ...rest.map(item));
  return items;
}
