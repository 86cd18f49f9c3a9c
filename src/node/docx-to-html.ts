import mammoth from 'mammoth';
import { TranscriptImportError } from '../core/interchange/transcripts';

/**
 * The HTML mammoth makes of a Word document; the core takes it from there (`importDocxHtml`).
 * Images are left out rather than inlined, since a transcript keeps only the words.
 */
export async function docxToHtml(bytes: Uint8Array, source: string): Promise<string> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new TranscriptImportError(source, 'not a Word document: a .docx file is a ZIP archive and this one is not (an older .doc file, or a renamed one?).');
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    return result.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TranscriptImportError(source, `the Word document could not be read (${reason}).`);
  }
}
