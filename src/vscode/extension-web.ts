// The browser entry (package.json `browser`: vscode.dev, github.dev): the one composition with
// the web platform, bundled for a web worker with no Node built-ins.
import type * as vscode from 'vscode';
import { activate as activateWith, type GroundedApi } from './extension';
import { webPlatform } from './platform/web-platform';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<GroundedApi> {
  return activateWith(context, webPlatform);
}
