import mammoth from 'mammoth';
import { XMLValidator } from 'fast-xml-parser';
import { RefiImportError } from '../core/interchange/refi/errors';
import { readZip } from '../core/interchange/refi/zip';
import { TranscriptImportError } from '../core/interchange/transcripts';

const DOCUMENT_PART = 'word/document.xml';
/** A Word document's unpacked parts; far above any interview, far below a zip bomb. */
const DOCX_LIMITS = { maxTotalBytes: 100 * 1024 * 1024, maxEntries: 5_000 };

/**
 * Unpacks the archive within limits and checks the document part is well-formed XML before mammoth
 * sees it: mammoth unpacks without limits, and its XML parser took tens of seconds on some
 * malformed documents, where this check is linear and can name the line.
 */
function checkDocumentXml(bytes: Uint8Array, source: string): void {
  let part: Uint8Array | undefined;
  try {
    part = readZip(bytes, (name) => name === DOCUMENT_PART, DOCX_LIMITS).files.get(DOCUMENT_PART);
  } catch (error) {
    if (!(error instanceof RefiImportError)) throw error;
    throw new TranscriptImportError(source, `the Word document could not be read (${error.message.replace(/; a \.qdpx file.*$/, '')})`);
  }
  if (part === undefined) throw new TranscriptImportError(source, `not a Word document: the archive has no ${DOCUMENT_PART}.`);
  const validation = XMLValidator.validate(new TextDecoder().decode(part));
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new TranscriptImportError(source, `the Word document is damaged: ${DOCUMENT_PART} is not well-formed XML (${msg}, line ${line}, column ${col} of that part).`);
  }
}

/**
 * The HTML mammoth makes of a Word document; the core takes it from there (`importDocxHtml`).
 * Images are left out rather than inlined, since a transcript keeps only the words.
 */
export async function docxToHtml(bytes: Uint8Array, source: string): Promise<string> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new TranscriptImportError(source, 'not a Word document: a .docx file is a ZIP archive and this one is not (an older .doc file, or a renamed one?).');
  }
  checkDocumentXml(bytes, source);
  try {
    // mammoth reads `buffer` in Node and `arrayBuffer` through its browser entry; its unzip takes
    // either, so one copy serves both hosts and this file needs no Node built-in.
    const arrayBuffer = bytes.slice().buffer;
    const input = { arrayBuffer, buffer: arrayBuffer };
    const result = await mammoth.convertToHtml(
      input,
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    return result.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TranscriptImportError(source, `the Word document could not be read (${reason}).`);
  }
}
