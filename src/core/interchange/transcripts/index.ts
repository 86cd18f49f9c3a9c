export { decodeTranscriptBytes } from './decode';
export { importFormatOf, importTranscriptBytes } from './import-transcript';
export { escapeParagraphStart, writeTranscriptMarkdown, type WriteOptions, type WrittenTranscript } from './markdown-writer';
export { docxHtmlToText, importDocxHtml, importPlainText } from './plain-text';
export {
  applySpeakerMapping,
  detectSpeakers,
  proposeSpeakerMapping,
  readSpeakerMapping,
  SPEAKER_ROLES,
  speakerMappingProblems,
  type DetectedSpeakers,
  type SpeakerAssignment,
  type SpeakerMapping,
  type SpeakerRole,
  type SpeakerSummary,
} from './speaker-mapping';
export { isWritableSpeakerName, speakerNameProblem, writtenLabels } from './speaker-labels';
export { importSrt } from './srt';
export { TranscriptImportError, type ImportedTranscript, type ImportedTurn, type ImportFormat, type ImportNote } from './types';
export { importWebVtt } from './webvtt';
