// The desktop entry (package.json `main`): the one composition with the Node platform.
import type * as vscode from 'vscode';
import { activate as activateWith, type GroundedApi } from './extension';
import { nodePlatform } from './platform/node-platform';

export { deactivate } from './extension';

export function activate(context: vscode.ExtensionContext): Promise<GroundedApi> {
  return activateWith(context, nodePlatform);
}
