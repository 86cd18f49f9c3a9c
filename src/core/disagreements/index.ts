export { computeDisagreements } from './compute';
export { atCursor, neighbour } from './navigation';
export { CONSENSUS_CODER, openDisagreements, planReconcile } from './reconcile';
export { disagreementRow, type DisagreementRow } from './rows';
export type * from './types';
