import * as vscode from 'vscode';
import type { NoticeText } from '../../core/views/untrusted-text';

export { notice } from '../../core/views/untrusted-text';

/** A notification as shown: what tests read, since VS Code's API does not list shown notifications. */
export interface ShownNotification {
  severity: 'information' | 'warning' | 'error';
  message: string;
  modal: boolean;
}

/** The latest notifications, newest last; bounded so a long session does not grow it. */
const shown: ShownNotification[] = [];
const KEEP = 50;

/** What was shown most recently (for the extension's test API). */
export function shownNotifications(): readonly ShownNotification[] {
  return shown;
}

type Options = vscode.MessageOptions & { detail?: NoticeText };

/**
 * The only way Grounded shows a notification. Messages are `NoticeText`, built with the `notice`
 * template tag that escapes every interpolated value, so untrusted text never becomes a live link.
 * Buttons are the extension's own words.
 */
export function showInformation<T extends string>(message: NoticeText, ...items: T[]): Thenable<T | undefined>;
export function showInformation<T extends string>(message: NoticeText, options: Options, ...items: T[]): Thenable<T | undefined>;
export function showInformation<T extends string>(message: NoticeText, ...rest: (T | Options)[]): Thenable<T | undefined> {
  return show('information', message, rest);
}

export function showWarning<T extends string>(message: NoticeText, ...items: T[]): Thenable<T | undefined>;
export function showWarning<T extends string>(message: NoticeText, options: Options, ...items: T[]): Thenable<T | undefined>;
export function showWarning<T extends string>(message: NoticeText, ...rest: (T | Options)[]): Thenable<T | undefined> {
  return show('warning', message, rest);
}

export function showError<T extends string>(message: NoticeText, ...items: T[]): Thenable<T | undefined>;
export function showError<T extends string>(message: NoticeText, options: Options, ...items: T[]): Thenable<T | undefined>;
export function showError<T extends string>(message: NoticeText, ...rest: (T | Options)[]): Thenable<T | undefined> {
  return show('error', message, rest);
}

function show<T extends string>(severity: ShownNotification['severity'], message: NoticeText, rest: (T | Options)[]): Thenable<T | undefined> {
  const options = typeof rest[0] === 'object' ? (rest[0] as Options) : undefined;
  const items = (options ? rest.slice(1) : rest) as T[];
  shown.push({ severity, message, modal: options?.modal === true });
  if (shown.length > KEEP) shown.splice(0, shown.length - KEEP);
  const api = severity === 'information' ? vscode.window.showInformationMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
  return options ? api<T>(message, options, ...items) : api<T>(message, ...items);
}
