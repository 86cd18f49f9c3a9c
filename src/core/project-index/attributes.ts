/** Participants' attribute types and each transcript's issues with them, for the snapshot. */
import { checkAttributes, inferSchema, type AttributeIssue, type AttributeSchema, type ParticipantsOverview } from '../participants';
import type { ParseResult } from '../storage/format/problems';
import { compare } from './read-files';
import type { AttributesSnapshot, ProjectSnapshot } from './snapshot';
import type { TranscriptState } from './transcript-state';

export interface AttributesView {
  snapshot: AttributesSnapshot;
  /** By transcript path; only transcripts the project lists are participants. */
  issues: Map<string, AttributeIssue[]>;
}

/**
 * The declared types (`.grounded/attributes.json`) when that file reads, else types inferred from
 * every listed transcript's front matter in path order; and what does not fit them.
 */
export function describeAttributes(file: ParseResult<AttributeSchema> | undefined, states: readonly TranscriptState[]): AttributesView {
  const participants = states.filter((s) => s.listed && s.text !== undefined).sort((a, b) => compare(a.path, b.path));
  const declared = file?.ok === true;
  const schema = file?.ok ? file.value : inferSchema(participants.map((s) => s.frontMatter.data));
  const issues = new Map(participants.map((s) => [s.path, checkAttributes(schema, declared, s.frontMatter)]));
  return { snapshot: { schema, declared, problems: file && !file.ok ? file.problems : [] }, issues };
}

/** The participants as the attribute views and checks read them (lines as a Map again). */
export function participantsOverview(snapshot: ProjectSnapshot): ParticipantsOverview {
  const participants = snapshot.transcripts
    .filter((t) => t.listed && t.exists)
    .map((t) => ({ transcript: t.path, name: t.participant.name, values: t.participant.values, lines: new Map(Object.entries(t.participant.lines)), issues: t.participant.issues }));
  return { schema: snapshot.attributes.schema, declared: snapshot.attributes.declared, schemaProblems: snapshot.attributes.problems, participants };
}
