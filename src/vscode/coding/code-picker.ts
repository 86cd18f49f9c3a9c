import * as vscode from 'vscode';
import type { Codebook } from '../../core/codebook';
import type { CodeId } from '../../core/model';
import { gatheredInto, isApplicable, namesGatheredInto, pickableCodes } from '../../core/rounds/gathered-codes';
import { quickPickText } from '../ui/untrusted';

/** Where code colours come from as icons (the Codebook view's swatches). */
export interface CodeIcons {
  get(color: string, onReady: () => void): vscode.Uri | undefined;
}

/** What the researcher chose: existing codes and names (or `Parent/Child` paths) to create. */
export interface PickedCodes {
  ids: CodeId[];
  create: string[];
}

interface CodeItem extends vscode.QuickPickItem {
  codeId?: CodeId;
  createName?: string;
  /** The entry that turns the pick into a pick of several codes. */
  several?: boolean;
}

export interface PickOptions {
  title: string;
  /** Codes listed first, numbered 1 to 9 (the quick keys); undefined: an empty key, its number skipped. */
  quick: readonly (CodeId | undefined)[];
  icons: CodeIcons;
  /** Offer to create a code from what was typed. */
  allowCreate: boolean;
  /**
   * How several codes are chosen: `offer` starts with one (Enter takes the highlighted code) and
   * ends the list with an entry that switches to ticking several; `ticked` ticks `ticked` from the
   * start and means "exactly these" (Enter with nothing ticked chooses nothing); `none` picks one.
   */
  several: 'offer' | 'ticked' | 'none';
  ticked?: readonly CodeId[];
}

/** What a shown code picker looks like: one code, or several to tick. */
export interface CodePickerShown {
  several: boolean;
  /** The codes listed, in order, as the researcher sees them (label and description). */
  codes: readonly { id: CodeId; label: string; description?: string }[];
}

const shown = new vscode.EventEmitter<CodePickerShown>();
/**
 * Fires once a code picker's list is on screen, and again when it switches to ticking several
 * codes: keys sent after this reach the list as the researcher sees it. The list is on screen when
 * VS Code reports the item it highlighted in it (the picker's own updates reach the window later
 * than `show()` returns).
 */
export const onDidShowCodePicker = shown.event;

const SEVERAL_PLACEHOLDER = 'Tick codes: ↓ to the list, Space ticks, type to search; Enter applies every ticked code';

/** Ends the list in `offer` mode: choosing it turns the pick into ticking several codes. */
const SEVERAL_ENTRY: readonly CodeItem[] = [
  { label: '', kind: vscode.QuickPickItemKind.Separator },
  { label: '$(checklist) Apply several codes…', detail: 'Tick as many codes as apply, then press Enter', several: true, alwaysShow: true },
];

/**
 * A fuzzy pick over the whole codebook (name, path, description, colour), quick codes first.
 * Typing a name or `Parent/Child` path no code has offers to create it.
 */
export function pickCodes(codebook: Codebook, options: PickOptions): Promise<PickedCodes | undefined> {
  const picker = vscode.window.createQuickPick<CodeItem>();
  picker.title = quickPickText(options.title);
  picker.placeholder = options.several === 'ticked' ? SEVERAL_PLACEHOLDER : options.allowCreate ? 'Type to search codes, or a new name (Parent/Child) to create one' : 'Type to search codes';
  picker.canSelectMany = options.several === 'ticked';
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  const base = codeItems(codebook, options);
  let offered: string | undefined;
  const render = (): void => {
    const ticked = picker.selectedItems.filter((i) => i.codeId);
    const create: CodeItem[] = offered ? [{ label: `$(add) Create code "${quickPickText(offered)}"`, createName: offered, alwaysShow: true }] : [];
    // The create entry goes last: VS Code names items by position, so items before it keep their
    // positions and a highlight reported just before the list changed still means the same code.
    // Sorting by match still lists a code the typed text names before it.
    picker.items = [...base, ...(options.several === 'offer' && !picker.canSelectMany ? SEVERAL_ENTRY : []), ...create];
    // New items clear the ticks, so the codes ticked so far are ticked again.
    if (picker.canSelectMany) picker.selectedItems = picker.items.filter((i) => i.codeId && ticked.some((k) => k.codeId === i.codeId));
  };
  render();
  if (options.ticked) picker.selectedItems = base.filter((i) => i.codeId && options.ticked!.includes(i.codeId));
  return new Promise((resolve) => {
    let result: PickedCodes | undefined;
    const listed = (): CodePickerShown['codes'] => base.flatMap((i) => (i.codeId ? [{ id: i.codeId, label: i.label, description: i.description }] : []));
    let announce: CodePickerShown | undefined = { several: picker.canSelectMany, codes: listed() };
    picker.onDidChangeActive(() => {
      if (announce) shown.fire(announce);
      announce = undefined;
    });
    picker.onDidChangeValue((value) => {
      const create = options.allowCreate ? creatableName(codebook, value) : undefined;
      if (create === offered) return;
      offered = create;
      render();
    });
    picker.onDidAccept(() => {
      if (!picker.canSelectMany && picker.activeItems[0]?.several) {
        picker.canSelectMany = true;
        picker.placeholder = SEVERAL_PLACEHOLDER;
        announce = { several: true, codes: listed() };
        render();
        return;
      }
      result = chosen(picker, options);
      if (result) picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(result);
    });
    picker.show();
  });
}

/** The ticked codes, or the highlighted one when none is ticked; undefined when there is neither. */
function chosen(picker: vscode.QuickPick<CodeItem>, options: PickOptions): PickedCodes | undefined {
  const exact = options.several === 'ticked';
  const items = picker.canSelectMany && (picker.selectedItems.length > 0 || exact) ? picker.selectedItems : picker.activeItems.slice(0, 1);
  if (items.length === 0 && !exact) return undefined;
  return {
    ids: items.flatMap((i) => (i.codeId ? [i.codeId] : [])),
    create: items.flatMap((i) => (i.createName ? [i.createName] : [])),
  };
}

/** The typed name when it names no code (by name, or by `Parent/Child` path); else undefined. */
export function creatableName(codebook: Codebook, typed: string): string | undefined {
  const value = typed.trim();
  if (value === '') return undefined;
  const wanted = value.toLocaleLowerCase();
  const asPath = value.split('/').map((p) => p.trim()).filter((p) => p !== '').join(' / ').toLocaleLowerCase();
  const taken = codebook.all().some((c) => c.name.toLocaleLowerCase() === wanted || codebook.path(c.id).join(' / ').toLocaleLowerCase() === asPath);
  return taken ? undefined : value;
}

/**
 * The codes a picker lists. Codes gathered into a focused code are left out: in focused coding the
 * researcher should find the category, not the codes it replaced, and a gathered code chosen by
 * mistake would put segments where the category does not see them. Listing them last, marked,
 * would still let Enter apply one when its name is typed from habit; instead the focused code
 * lists the names it gathered, so that typing an initial code's name finds the category. Codes
 * already ticked (a filter set before the gathering) stay, so "exactly these" keeps its meaning.
 */
function codeItems(codebook: Codebook, options: PickOptions): CodeItem[] {
  const keep = options.ticked ?? [];
  const shown = (id: CodeId): boolean => isApplicable(codebook, id) || keep.includes(id);
  const quick = options.quick.filter((id): id is CodeId => id !== undefined && codebook.get(id) !== undefined && shown(id));
  const item = (id: CodeId): CodeItem => {
    const code = codebook.get(id)!;
    const parents = codebook.path(id).slice(0, -1).join(' / ');
    const slot = options.quick.indexOf(id);
    const gathered = namesGatheredInto(codebook, id);
    const into = gatheredInto(codebook, id);
    const notes = [slot >= 0 ? `#${slot + 1}` : '', parents, gathered.length > 0 ? `gathered ${gathered.join(', ')}` : '', into ? `gathered into ${into.name}` : ''];
    return {
      label: quickPickText(code.name),
      description: quickPickText(notes.filter(Boolean).join('  ·  ')) || undefined,
      detail: quickPickText(code.description) || undefined,
      iconPath: options.icons.get(code.color, () => undefined) ?? new vscode.ThemeIcon('circle-filled'),
      codeId: id,
    };
  };
  const rest = pickableCodes(codebook, keep).filter((id) => !quick.includes(id));
  const items: CodeItem[] = [];
  if (quick.length > 0) items.push({ label: 'Quick codes (pinned, then recent)', kind: vscode.QuickPickItemKind.Separator }, ...quick.map(item));
  if (rest.length > 0) items.push({ label: 'All codes', kind: vscode.QuickPickItemKind.Separator }, ...rest.map(item));
  return items;
}
