export { ProjectIndex, type IndexOptions } from './project-index';
export { loadSnapshot } from './load-snapshot';
export type { AttributesSnapshot, ParticipantSnapshot, ProjectSnapshot, TranscriptSnapshot } from './snapshot';
export { participantsOverview } from './attributes';
