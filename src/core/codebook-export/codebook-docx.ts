/**
 * The codebook as a Word document. The `docx` library is large and needed only here, so the caller
 * loads it when an export is asked for (`await import('docx')`) and passes it in; the core itself
 * imports nothing dynamically.
 */
import type * as Docx from 'docx';
import { usageText, type CodebookDocument } from './codebook-document';
import { codebookFields } from './codebook-render';

export type DocxLibrary = Pick<typeof Docx, 'Document' | 'Packer' | 'Paragraph' | 'TextRun' | 'HeadingLevel'>;

/** The .docx file's bytes. Text goes into text runs only, so nothing in it is read as markup. */
export async function codebookAsDocx(document: CodebookDocument, docx: DocxLibrary): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, TextRun, HeadingLevel } = docx;
  const headings = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
  const lines = (text: string, options: { italics?: boolean } = {}): InstanceType<typeof TextRun>[] =>
    text.split('\n').map((line, i) => new TextRun({ text: safe(line), break: i > 0 ? 1 : 0, ...options }));
  const children = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(safe(`${document.project}: codebook`))] })];
  for (const entry of document.entries) {
    children.push(new Paragraph({ heading: headings[Math.min(entry.depth, headings.length - 1)], children: [new TextRun(safe(entry.path.join(' / ')))] }));
    children.push(new Paragraph({ children: [new TextRun({ text: usageText(entry), italics: true })] }));
    for (const field of codebookFields(entry)) {
      children.push(new Paragraph({ children: [new TextRun({ text: `${field.label}: `, bold: true }), ...lines(field.text.trim())] }));
    }
    if (entry.example) {
      children.push(new Paragraph({ children: [new TextRun({ text: 'Example:', bold: true })] }));
      children.push(new Paragraph({ indent: { left: 720 }, children: lines(entry.example.text, { italics: true }) }));
      if (entry.example.where) children.push(new Paragraph({ indent: { left: 720 }, children: [new TextRun(safe(`— ${entry.example.where}`))] }));
    }
  }
  const file = new Document({ title: safe(`${document.project}: codebook`), sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}

/** XML 1.0 cannot hold most control characters; Word refuses a document containing them. */
function safe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}
