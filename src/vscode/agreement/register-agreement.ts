import * as vscode from 'vscode';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { AgreementPanel } from './agreement-panel';

export interface AgreementApi {
  agreement: AgreementPanel;
}

/** The Agreement panel and its command. */
export function registerAgreement(context: vscode.ExtensionContext, host: ProjectHost, index: IndexHost): AgreementApi {
  const agreement = new AgreementPanel(context.extensionUri, host, index);
  context.subscriptions.push(agreement, vscode.commands.registerCommand('grounded.agreement.show', () => agreement.show()));
  return { agreement };
}
