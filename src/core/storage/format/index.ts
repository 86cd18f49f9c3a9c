/** Reading and writing Grounded's on-disk format (version 1). Pure: no file system access. */
export { parseProjectFile, serializeProjectFile } from './project-file';
export { parseCodeFile, serializeCodeFile } from './code-file';
export { parseCodingFile, serializeCodingFile } from './coding-file';
export { normaliseCodes } from './segment-record';
export { type ParseResult, describeProblem } from './problems';
export {
  CACHE_DIR,
  CODER_ID_PATTERN,
  CODES_DIR,
  CODE_ID_PATTERN,
  CODING_DIR,
  COLOR_PATTERN,
  GITIGNORE_CONTENT,
  GITIGNORE_FILE,
  GROUNDED_DIR,
  PROJECT_FILE,
  SEGMENT_ID_PATTERN,
  codeFilePath,
  coderIdFromName,
  codingFilePath,
  isCodeId,
  isCoderId,
  isProjectRelativePath,
  isSegmentId,
  parseCodeFilePath,
  parseCodingFilePath,
} from './paths';
export {
  CURRENT_VERSION,
  FORMAT_NAMES,
  MIGRATIONS,
  type FileKind,
  type Migration,
  type RawDocument,
  migrateDocument,
} from './migrations';
