import type { Platform } from './platform';

/**
 * Word import on both platforms: the converter (mammoth behind a bounded unzip and an XML check)
 * uses no Node built-in, and the web bundle resolves mammoth through its browser entry. Loaded on
 * first use, so neither activation nor a researcher who never imports Word pays for it.
 */
export const docxToHtml: Platform['docxToHtml'] = async (bytes, source) => {
  const { docxToHtml: convert } = await import('../../node/docx-to-html');
  return convert(bytes, source);
};
