export { parseWithInlineMarkup } from './blocks';
export { parseTranscript } from './transcript';
export { plainQuote } from './plain-quote';
export { findFrontMatter, findFrontMatterDocument } from './front-matter';
export { lineAt, paragraphAt, turnAt, withoutSpeakerLabel } from './locate';
export { sentenceAt } from './sentence';
export type { FrontMatter, Heading, SpeakerTurn, Transcript } from './types';
