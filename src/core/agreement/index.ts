export { cohenKappa, fleissKappa, krippendorffAlpha, twoCoderBinary, type Coefficient, type CountRow } from './coefficients';
export { computeAgreement } from './compute';
export { UnitizedAlpha, pairDisagreement } from './unitized';
export { loadAgreementInput, selectCoders, AgreementSelectionError, CONTINUUM_LABELS, type AgreementSelection, type ContinuumChoice } from './project-input';
export { renderAgreementTable, renderAgreementCsv } from './render';
export type * from './types';
