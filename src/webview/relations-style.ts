/** The Relations panel's rules, in the editor theme's colours; added as one style element with the page's nonce. */
export const RELATIONS_CSS = `
body { padding: 0 12px 24px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 10px 0; }
.note { color: var(--vscode-descriptionForeground); margin: 6px 0; }
.canvas { overflow: auto; border: 1px solid var(--vscode-panel-border, transparent); background: var(--vscode-editor-background); }
svg.relations { display: block; font-family: var(--vscode-font-family); }
.node-label { fill: var(--vscode-editor-foreground); }
.node-count { fill: var(--vscode-descriptionForeground); }
.edge-line { stroke: var(--vscode-editorWidget-border, var(--vscode-descriptionForeground)); stroke-width: 1.4; fill: none; }
.arrow-head { fill: var(--vscode-editorWidget-border, var(--vscode-descriptionForeground)); }
.edge-label { fill: var(--vscode-descriptionForeground); }
.edge-label-bg { fill: var(--vscode-editor-background); fill-opacity: 0.9; }
g.node { cursor: pointer; }
g.node:focus { outline: none; }
g.node:focus .node-box, g.node:hover .node-box { stroke: var(--vscode-focusBorder); stroke-width: 3; }
`;
