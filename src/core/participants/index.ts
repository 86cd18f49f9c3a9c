export {
  ATTRIBUTE_TYPES,
  displayValue,
  isIsoDate,
  isMissing,
  parseInput,
  typeProblem,
  type AttributeDeclaration,
  type AttributeSchema,
  type AttributeType,
  type AttributeValue,
} from './attribute-types';
export { ATTRIBUTES_FILE, ATTRIBUTES_FORMAT, ATTRIBUTES_VERSION, parseAttributesFile, serializeAttributesFile } from './attributes-file';
export { AttributeEditError, attributeEdit, readFrontMatterAttributes, type FrontMatterAttributes } from './front-matter-attributes';
export { inferSchema, MAX_INFERRED_CATEGORY_VALUES } from './infer';
export {
  attributeFileProblems,
  attributeProblems,
  checkAttributes,
  describeParticipants,
  listTranscripts,
  participantName,
  PARTICIPANT_ATTRIBUTE,
  readParticipants,
  type AttributeIssue,
  type Participant,
  type ParticipantsOverview,
  type TranscriptSource,
} from './participants';
