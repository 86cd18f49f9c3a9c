import * as vscode from 'vscode';

/**
 * Quick picks and input boxes that say when they are on screen. A command given a preferred
 * answer (from a keybinding's arguments) highlights or fills it in but still shows the prompt, so
 * Enter confirms it; the keyboard tests wait for a prompt to be shown and then press keys
 * (`quickInput.accept`, `quickInput.next`) as a researcher would.
 */
class Prompts {
  private readonly shown = new vscode.EventEmitter<string | undefined>();
  readonly onDidShow = this.shown.event;
  /** The id of the prompt on screen, undefined when none is. */
  current: string | undefined;
  /** How many prompts have been shown so far, and the latest ids (newest last). */
  count = 0;
  readonly recent: string[] = [];

  /**
   * Call before the prompt's own onDidHide handler is added (that one disposes the prompt, which
   * ends the delivery of the event): the prompt is known gone when it hides.
   */
  watch(input: vscode.QuickInput, id: string): void {
    input.onDidHide(() => {
      if (this.current === id) this.set(undefined);
    });
  }

  /** Call right after `show()`: says the prompt is there once its content has gone to the window. */
  announce(id: string): void {
    // The prompt's own update to the window goes out on a timer; announcing after it means a key
    // sent on the announcement reaches a prompt that is there.
    setTimeout(() => this.set(id), 0);
  }

  private set(id: string | undefined): void {
    if (id !== undefined) {
      this.count++;
      this.recent.push(id);
      if (this.recent.length > 20) this.recent.shift();
    }
    this.current = id;
    this.shown.fire(id);
  }
}

export const prompts = new Prompts();

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

/** One item; `active` highlights the preferred one (Enter takes it). */
export function pickItem<T>(id: string, items: readonly PickItem<T>[], options: { title: string; active?: (item: PickItem<T>) => boolean; matchOnDescription?: boolean }): Promise<T | undefined> {
  const picker = vscode.window.createQuickPick<PickItem<T>>();
  picker.title = options.title;
  picker.matchOnDescription = options.matchOnDescription ?? true;
  picker.items = items;
  const preferred = options.active && items.find(options.active);
  if (preferred) picker.activeItems = [preferred];
  prompts.watch(picker, id);
  return new Promise((resolve) => {
    let result: T | undefined;
    picker.onDidAccept(() => {
      const item = picker.activeItems[0];
      if (!item) return;
      result = item.value;
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(result);
    });
    picker.show();
    prompts.announce(id);
  });
}

/** A line of text, checked as it is typed; undefined when dismissed. */
export function askText(id: string, options: { title: string; prompt: string; value?: string; validate?: (value: string) => string | undefined }): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.prompt = options.prompt;
  box.value = options.value ?? '';
  const check = (value: string): string | undefined => options.validate?.(value);
  box.validationMessage = check(box.value);
  prompts.watch(box, id);
  return new Promise((resolve) => {
    let result: string | undefined;
    box.onDidChangeValue((value) => (box.validationMessage = check(value)));
    box.onDidAccept(() => {
      const problem = check(box.value);
      box.validationMessage = problem;
      if (problem) return;
      result = box.value;
      box.hide();
    });
    box.onDidHide(() => {
      box.dispose();
      resolve(result);
    });
    box.show();
    prompts.announce(id);
  });
}
