/**
 * The Agreement panel's own rules, added as one style element carrying the page's nonce. The bands
 * tint a cell with the theme's chart colours at a low opacity, so the theme's foreground stays
 * readable on them in light, dark and high-contrast themes; the band is also written out in words.
 */
export const AGREEMENT_CSS = `
body { padding: 0 12px 24px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
.toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin: 10px 0; }
.toolbar label, .toolbar fieldset { display: flex; flex-direction: column; gap: 2px; font-size: 0.9em; color: var(--vscode-descriptionForeground); }
.toolbar fieldset { border: none; padding: 0; margin: 0; }
.toolbar fieldset div { display: flex; flex-wrap: wrap; gap: 10px; }
.note { color: var(--vscode-descriptionForeground); margin: 6px 0; }
.problem { color: var(--vscode-errorForeground); margin: 8px 0; }
.warnings { margin: 4px 0 8px; padding-left: 1.2em; color: var(--vscode-descriptionForeground); }
table.agreement { border-collapse: collapse; margin-top: 8px; }
table.agreement th, table.agreement td { border: 1px solid var(--vscode-editorWidget-border, #8884); padding: 3px 8px; vertical-align: top; }
table.agreement thead th { position: sticky; top: 0; background: var(--vscode-editor-background); text-align: left; }
table.agreement thead th button { all: unset; cursor: pointer; font-weight: 600; }
table.agreement th button:focus-visible, .code-toggle:focus-visible, .passage:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
table.agreement tbody th, table.agreement tfoot th { text-align: left; font-weight: normal; }
table.agreement tbody th { min-width: 14em; }
table.agreement td.number { text-align: right; font-variant-numeric: tabular-nums; }
table.agreement tfoot th, table.agreement tfoot td { font-weight: 600; border-top: 2px solid var(--vscode-editorWidget-border, #8888); }
.code-toggle { all: unset; cursor: pointer; display: inline-flex; gap: 6px; align-items: baseline; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; }
.band { white-space: nowrap; }
.band-reliable { background: color-mix(in srgb, var(--vscode-charts-green) 28%, transparent); }
.band-tentative { background: color-mix(in srgb, var(--vscode-charts-yellow) 32%, transparent); }
.band-unreliable { background: color-mix(in srgb, var(--vscode-charts-red) 28%, transparent); }
.band-none { color: var(--vscode-descriptionForeground); }
.notes { font-size: 0.9em; color: var(--vscode-descriptionForeground); max-width: 32em; }
.notes div + div { margin-top: 2px; }
ul.passages { list-style: none; margin: 0; padding: 0; }
tr.drill > td { background: var(--vscode-editorWidget-background, transparent); }
.passage { display: block; width: 100%; box-sizing: border-box; text-align: left; border: 1px solid transparent; border-left: 3px solid var(--vscode-charts-orange, var(--vscode-focusBorder)); background: var(--vscode-editor-background); color: inherit; font: inherit; padding: 6px 10px; margin: 4px 0; cursor: pointer; }
.passage:hover { border-color: var(--vscode-focusBorder); }
.passage .quote { display: block; white-space: pre-wrap; margin-top: 2px; }
.passage .meta { display: block; font-size: 0.9em; color: var(--vscode-descriptionForeground); }
.legend { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; font-size: 0.9em; }
.legend span { padding: 1px 6px; border-radius: 2px; }
`;
