import type * as vscode from 'vscode';

/** The last part of a URI's path: the file or folder name. */
export function nameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** A file name without its extension. */
export function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * A file named in a command's arguments: a path on this computer, or a full URI (`scheme://…`),
 * which is how a virtual workspace in a browser (vscode.dev, github.dev) names its files.
 */
export function uriOfArgument(file: string, uri: typeof vscode.Uri): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(file) ? uri.parse(file, true) : uri.file(file);
}
