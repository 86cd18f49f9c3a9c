/**
 * The HTML shell of a webview page: nothing but the bundle's script, under a Content Security
 * Policy that allows no other script, no remote resource and no code without the page's nonce —
 * code names, quotes and memos shown inside are untrusted.
 */
export interface PageParts {
  /** A fresh nonce from a cryptographic source. */
  nonce: string;
  /** The webview's source for its own files (`webview.cspSource`). */
  cspSource: string;
  title: string;
  /** The address of the page's bundle. */
  script: string;
  /**
   * The bundle's own text (the extension's, never the study's), put in the page itself: the first
   * paint then does not wait for the bundle to be fetched. Loaded from `script` instead when the
   * text could end its script element early.
   */
  inline?: string;
  /** Bundles the page loads when it needs them, by name: `data-<name>` on the root holds the address. */
  later?: Record<string, string>;
}

export function pageHtml(parts: PageParts): string {
  const { nonce, cspSource } = parts;
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // Lit components adopt constructed style sheets; the page's own rules come from the bundle.
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
  const later = Object.entries(parts.later ?? {})
    .map(([name, address]) => ` data-${name}="${escapeAttribute(address)}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeAttribute(parts.title)}</title>
</head>
<body>
<div id="root" data-nonce="${nonce}"${later}></div>
${parts.inline !== undefined && canStandInline(parts.inline) ? `<script nonce="${nonce}">${parts.inline}</script>` : `<script nonce="${nonce}" src="${escapeAttribute(parts.script)}"></script>`}
</body>
</html>`;
}

/**
 * Whether the text can be a script element's content as it is: in HTML, `</script` ends it
 * (in any case), and `<!--` changes how the parser looks for that end.
 */
function canStandInline(text: string): boolean {
  return !/<\/script|<!--/i.test(text);
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
