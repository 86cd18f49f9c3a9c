/**
 * REFI-QDA interchange (https://www.qdasoftware.org): export a project as a codebook (.qdc) or a
 * whole project (.qdpx), and import either into a new project. See docs/refi-qda.md.
 */
export { exportCodebook, exportProject, buildQdpx, DEFAULT_ORIGIN, type RefiExport, type RefiExportOptions } from './export';
export { importRefi, type RefiImport, type RefiImportOptions, type RefiImportReport, type SourceReport } from './import';
export { writeImportedProject } from './import-write';
export { RefiExportError, RefiImportError } from './errors';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';
export { readProjectForExport, type ProjectForExport } from './export-read';
export type { OffsetReading, PositionUnit } from './positions';
