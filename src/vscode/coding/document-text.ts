import * as vscode from 'vscode';
import type { TextChange } from '../../core/anchoring';
import { LineIndex } from '../../core/line-index';
import type { TextRange } from '../../core/model';

/**
 * Converts between a document and the core's offsets, which are UTF-16 code units over the text
 * with LF line endings. VS Code already strips a BOM; a CRLF document counts each line break as two
 * units, so its offsets differ from the core's by the number of line breaks before them.
 */
export class DocumentText {
  readonly text: string;
  private readonly crlf: boolean;
  private index: LineIndex | undefined;

  constructor(private readonly document: vscode.TextDocument) {
    this.crlf = document.eol === vscode.EndOfLine.CRLF;
    const raw = document.getText();
    this.text = this.crlf ? raw.replace(/\r\n/g, '\n') : raw;
  }

  offsetAt(position: vscode.Position): number {
    const valid = this.document.validatePosition(position);
    return this.document.offsetAt(valid) - (this.crlf ? valid.line : 0);
  }

  positionAt(offset: number): vscode.Position {
    if (!this.crlf) return this.document.positionAt(offset);
    this.index ??= new LineIndex(this.text);
    const { line, character } = this.index.position(offset);
    return new vscode.Position(line, character);
  }

  range(range: TextRange): vscode.Range {
    return new vscode.Range(this.positionAt(range.start), this.positionAt(range.end));
  }

  textRange(range: vscode.Range): TextRange {
    return { start: this.offsetAt(range.start), end: this.offsetAt(range.end) };
  }
}

/**
 * An edit event's changes in core offsets. VS Code's changes apply one after another (each
 * `rangeOffset` refers to the text left by the changes before it), which is also how the core
 * applies them; in a CRLF document both the offset and the replaced length lose one unit per line
 * break they span.
 */
export function toTextChanges(document: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): TextChange[] {
  const crlf = document.eol === vscode.EndOfLine.CRLF;
  return changes.map((c) => {
    const start = c.rangeOffset - (crlf ? c.range.start.line : 0);
    const length = c.rangeLength - (crlf ? c.range.end.line - c.range.start.line : 0);
    return { start, end: start + length, text: crlf ? c.text.replace(/\r\n/g, '\n') : c.text };
  });
}
