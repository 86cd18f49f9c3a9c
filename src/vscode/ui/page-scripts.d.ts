/** Put in by the build (scripts/lib/page-scripts-plugin.mjs). */
declare module 'grounded:page-scripts' {
  /**
   * Each webview page's bundle (`dist/webview/<name>.js`, by name) as text, without its source map
   * line; `map`: a map `<name>.js.map` was written beside it.
   */
  export const PAGE_SCRIPTS: Readonly<Partial<Record<string, { text: string; map: boolean }>>>;
}
