export { planAgreed, planAgreedCopy, type AgreedCopy, type AgreedPlan, type AgreedSource } from './agreed';
export { agreedPassages, codersOfTranscript, computeDisagreements } from './compute';
export { placeUncoded } from './decisions';
export { atCursor, neighbour } from './navigation';
export { CONSENSUS_CODER, openDisagreements, planReconcile, type UncodedDecision } from './reconcile';
export { disagreementRow, type DisagreementRow } from './rows';
export type * from './types';
