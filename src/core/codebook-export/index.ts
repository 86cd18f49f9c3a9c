export { buildCodebookDocument, usageText, type CodebookDocument, type CodebookEntry } from './codebook-document';
export { codebookAsHtml, codebookAsMarkdown, codebookFields } from './codebook-render';
export { codebookAsDocx, type DocxLibrary } from './codebook-docx';
