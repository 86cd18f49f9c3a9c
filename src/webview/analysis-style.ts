/** The panel's own rules, added as one style element carrying the page's nonce. */
export const ANALYSIS_CSS = `
body { padding: 0 12px 24px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
h2 { font-size: 1.1em; margin: 16px 0 4px; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin: 10px 0; }
.toolbar label { display: flex; flex-direction: column; gap: 2px; font-size: 0.9em; color: var(--vscode-descriptionForeground); }
.expression { min-width: 26em; }
.problem { color: var(--vscode-errorForeground); margin: 8px 0; }
.note { color: var(--vscode-descriptionForeground); margin: 6px 0; }
.note.hint { color: var(--vscode-foreground); border-left: 3px solid var(--vscode-editorInfo-foreground); padding-left: 8px; }
.group-title { font-weight: 600; margin: 14px 0 4px; }
.hit { display: block; width: 100%; text-align: left; border: 1px solid transparent; border-left: 3px solid var(--hit-color, var(--vscode-focusBorder)); background: var(--vscode-editor-background); color: inherit; font: inherit; padding: 6px 10px; margin: 4px 0; cursor: pointer; }
.hit:hover, .hit:focus { border-color: var(--vscode-focusBorder); outline: none; }
.hit .quote { white-space: pre-wrap; background: color-mix(in srgb, var(--hit-color, var(--vscode-focusBorder)) 22%, transparent); border-radius: 2px; }
/* Some themes (Light Modern) give descriptions the text's own colour: the coded words are told from their context by their code's tint, as in the transcript, and the context is dimmed too. */
.hit .context { color: var(--vscode-descriptionForeground); opacity: 0.8; }
.hit .meta { display: block; margin-top: 4px; font-size: 0.9em; color: var(--vscode-descriptionForeground); }
table.matrix { border-collapse: collapse; margin-top: 8px; }
table.matrix th, table.matrix td { border: 1px solid var(--vscode-editorWidget-border, #8884); padding: 3px 6px; }
table.matrix th { font-weight: 600; text-align: left; position: sticky; top: 0; background: var(--vscode-editor-background); }
table.matrix td { text-align: right; }
table.matrix td button { all: unset; display: block; width: 100%; cursor: pointer; }
table.matrix td button:focus { outline: 1px solid var(--vscode-focusBorder); }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.chart { max-width: 900px; height: 420px; position: relative; }
table.matrix th button { font: inherit; font-weight: 600; color: var(--vscode-foreground); background: transparent; border: 1px solid transparent; border-radius: 2px; padding: 2px 4px; margin: -2px -4px; cursor: pointer; text-align: left; }
table.matrix th button:hover { background: var(--vscode-toolbar-hoverBackground, var(--vscode-list-hoverBackground)); }
table.matrix th button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
table.matrix th[aria-sort] button::after { content: ' ▼'; color: var(--vscode-descriptionForeground); }
table.matrix th[aria-sort='ascending'] button::after { content: ' ▲'; }
label.inline { flex-direction: row; align-items: center; gap: 4px; align-self: center; }
input[type='checkbox'] { accent-color: var(--vscode-checkbox-selectBackground, var(--vscode-focusBorder)); width: 1.1em; height: 1.1em; }
input[type='checkbox']:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.search-hit { display: flex; gap: 8px; align-items: flex-start; }
.search-hit input { margin-top: 10px; flex: none; }
.search-hit .hit { flex: 1; }
.search-hit.is-coded .hit { border-left-style: dashed; opacity: 0.85; }
.coded { color: var(--vscode-charts-green, var(--vscode-descriptionForeground)); }
mark { background: var(--vscode-editor-findMatchHighlightBackground, #ea5c0055); color: inherit; border-radius: 2px; outline: 1px solid var(--vscode-editor-findMatchHighlightBorder, transparent); }
`;
