import * as vscode from 'vscode';
import { PAGE_SCRIPTS } from 'grounded:page-scripts';
import { pageHtml } from './page-html';

/**
 * The page of a webview: the bundle `bundle` (from `dist/webview`, carried inline when the build
 * embedded it) and, by address, the bundles it loads when it needs them (`later`: name → bundle).
 */
export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title: string, later: Record<string, string> = {}): string {
  const address = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${name}.js`)).toString();
  const embedded = PAGE_SCRIPTS[bundle];
  return pageHtml({
    nonce: makeNonce(),
    cspSource: webview.cspSource,
    title,
    script: address(bundle),
    inline: embedded && (embedded.map ? `${embedded.text}//# sourceMappingURL=${address(bundle)}.map\n` : embedded.text),
    later: Object.fromEntries(Object.entries(later).map(([name, file]) => [name, address(file)])),
  });
}

/** The webview roots a panel may load from: the bundles, nothing else. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')], retainContextWhenHidden: false };
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '');
}
