import * as vscode from 'vscode';
import type { GroundedApi } from '../../../src/vscode/extension';

/** The extension's API once its project is open. */
export async function groundedApi(): Promise<GroundedApi> {
  const extension = vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded');
  if (!extension) throw new Error('the Grounded extension is not installed in this host');
  const api = await extension.activate();
  await api.ready;
  return api;
}
