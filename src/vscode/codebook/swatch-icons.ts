import * as vscode from 'vscode';

/**
 * Tree items can't be tinted with an arbitrary colour, so each code colour gets a tiny SVG swatch
 * written once to the extension's storage (never to the project) and reused.
 */
export class SwatchIcons {
  private readonly ready = new Map<string, vscode.Uri>();
  private readonly writing = new Map<string, Promise<void>>();

  constructor(private readonly storage: vscode.Uri) {}

  /** The swatch for a colour if written already; otherwise starts writing it and returns undefined. */
  get(color: string, onReady: () => void): vscode.Uri | undefined {
    const hex = color.toLowerCase();
    const uri = this.ready.get(hex);
    if (uri) return uri;
    if (!/^#[0-9a-f]{6}$/.test(hex) || this.writing.has(hex)) return undefined;
    const target = vscode.Uri.joinPath(this.storage, 'swatches', `${hex.slice(1)}.svg`);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="2" y="2" width="12" height="12" rx="3" fill="${hex}"/></svg>`;
    const write = vscode.workspace.fs
      .writeFile(target, new TextEncoder().encode(svg))
      .then(() => {
        this.ready.set(hex, target);
        onReady();
      })
      .then(undefined, () => undefined);
    this.writing.set(hex, Promise.resolve(write));
    return undefined;
  }
}
