export { computeDisagreements } from './compute';
export { CONSENSUS_CODER, openDisagreements, planReconcile } from './reconcile';
export { disagreementRow, type DisagreementRow } from './rows';
export type * from './types';
