export { SETTLE_MS, TEST_MS, waitFor } from './wait-for';
export {
  openTranscript,
  readWorkspaceFile,
  revertUnsavedEditors,
  workspaceFileExists,
  workspaceFileUri,
  workspacePath,
  workspaceRoot,
  workspaceUri,
  writeAndOpenTranscript,
  writeWorkspaceFile,
} from './workspace';
export { groundedApi } from './grounded';
