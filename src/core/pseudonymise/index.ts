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
export { describeReport, readStudyFiles, traceProject } from './study-files';
export { applyPseudonymisation, describeFinish, finishPseudonymisation, readJournal, runPseudonymisation, startPseudonymisation, type FinishReport, type PseudonymiseRun } from './finish';
export { JOURNAL_PATH, JournalError, type PseudonymiseJournal } from './journal';
export { describeTraces, findTraces, segmentTraces, type CodingFileText, type Trace } from './traces';
export { unfinishedPseudonymisation } from './journal-check';
