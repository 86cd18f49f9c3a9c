export { applyOccurrences, mapRange, NameMatcher, PseudonymError, type NameSpec, type Occurrence } from './name-matcher';
export { protectedRanges } from './protected-ranges';
export {
  inOriginalForm,
  planPseudonymisation,
  type FileChange,
  type PseudonymiseInput,
  type PseudonymisePlan,
  type PseudonymiseReport,
  type RequoteGroup,
  type SegmentUpdate,
  type StudyFile,
  type StudyFileKind,
} from './plan';
export { describeReport, readStudyFiles } from './study-files';
