import * as vscode from 'vscode';

/**
 * The HTML shell of a webview: nothing but the bundle's script, under a Content Security Policy
 * that allows no other script, no remote resource and no inline code — code names, quotes and memos
 * shown inside are untrusted. The nonce comes from a cryptographic source.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: string, title: string, parts: Record<string, string> = {}): string {
  const nonce = makeNonce();
  const bundleUri = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${name}.js`)).toString();
  const script = bundleUri(bundle);
  // Bundles the page loads when it needs them, by name: `data-<name>` on the root holds the address.
  const partAttributes = Object.entries(parts)
    .map(([name, file]) => ` data-${name}="${escapeAttribute(bundleUri(file))}"`)
    .join('');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // Lit components adopt constructed style sheets; the page's own rules come from the bundle.
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeAttribute(title)}</title>
</head>
<body>
<div id="root" data-nonce="${nonce}"${partAttributes}></div>
<script nonce="${nonce}" src="${escapeAttribute(script)}"></script>
</body>
</html>`;
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

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
