export { parseTranscript } from './transcript';
export { findFrontMatter } from './front-matter';
export { lineAt, paragraphAt, turnAt, withoutSpeakerLabel } from './locate';
export { sentenceAt } from './sentence';
export type { FrontMatter, Heading, SpeakerTurn, Transcript } from './types';
