/**
 * Participants: one per transcript, named by its `participant` attribute (else its file name), with
 * the attributes of its front matter checked against the declared (or inferred) types.
 */
import { normaliseText } from '../anchoring';
import { listFiles } from '../interchange/refi/project-files';
import type { FileProblem, ProjectConfig } from '../model';
import type { FileSource } from '../ports';
import { UnreadableFileError, readFileText } from '../storage/file-text';
import type { ParseResult } from '../storage/format/problems';
import { isTranscriptPath } from '../transcript-paths';
import { attributeNameKey, isMissing, numberInText, typeProblem, type AttributeSchema } from './attribute-types';
import { ATTRIBUTES_FILE, parseAttributesFile } from './attributes-file';
import { readFrontMatterAttributes, type FrontMatterAttributes } from './front-matter-attributes';
import { inferSchema } from './infer';

/** The attribute that names the participant, when a transcript has it. */
export const PARTICIPANT_ATTRIBUTE = 'participant';

export interface AttributeIssue {
  /** The attribute concerned; absent for a problem with the whole front matter. */
  attribute?: string;
  kind: 'front-matter' | 'missing' | 'wrong-type' | 'undeclared';
  message: string;
  line?: number;
  severity: 'error' | 'warning';
}

export interface Participant {
  transcript: string;
  name: string;
  values: Record<string, unknown>;
  /** 1-based line of each attribute in the transcript. */
  lines: ReadonlyMap<string, number>;
  issues: AttributeIssue[];
}

export interface ParticipantsOverview {
  schema: AttributeSchema;
  /** True when the types come from `.grounded/attributes.json`, false when inferred. */
  declared: boolean;
  /** Problems of `.grounded/attributes.json` itself (the inferred types are used meanwhile). */
  schemaProblems: FileProblem[];
  /** Transcripts that could not be read at all (too large, not UTF-8): left out of the overview. */
  readProblems?: FileProblem[];
  participants: Participant[];
}

export interface TranscriptSource {
  path: string;
  /** LF line endings, no byte-order mark. */
  text: string;
}

/** Every transcript of the project, sorted by path. */
export function listTranscripts(fs: FileSource, config: ProjectConfig): Promise<string[]> {
  return listFiles(fs, '', (path) => isTranscriptPath(config, path));
}

/** Read the attributes file (if any) and every transcript's front matter. */
export async function readParticipants(fs: FileSource, config: ProjectConfig): Promise<ParticipantsOverview> {
  const sources: TranscriptSource[] = [];
  const readProblems: FileProblem[] = [];
  for (const path of await listTranscripts(fs, config)) {
    const raw = await readFileText(fs, path);
    if (raw instanceof UnreadableFileError) readProblems.push(raw.problem);
    else if (raw !== undefined) sources.push({ path, text: normaliseText(raw) });
  }
  const schemaText = await readFileText(fs, ATTRIBUTES_FILE);
  const schemaFile: ParseResult<AttributeSchema> | undefined =
    schemaText instanceof UnreadableFileError
      ? { ok: false, problems: [schemaText.problem] }
      : schemaText === undefined
        ? undefined
        : parseAttributesFile(ATTRIBUTES_FILE, schemaText);
  return { ...describeParticipants(sources, schemaFile), readProblems };
}

/** The overview from texts already at hand (an editor's unsaved buffers, tests). */
export function describeParticipants(sources: readonly TranscriptSource[], schemaFile: ParseResult<AttributeSchema> | undefined): ParticipantsOverview {
  const frontMatters = sources.map((s) => readFrontMatterAttributes(s.text));
  const declared = schemaFile?.ok === true;
  const schema = schemaFile?.ok ? schemaFile.value : inferSchema(frontMatters.map((f) => f.data));
  const participants = sources.map((source, i) => ({
    transcript: source.path,
    name: participantName(source.path, frontMatters[i].data),
    values: frontMatters[i].data,
    lines: frontMatters[i].lines,
    issues: checkAttributes(schema, declared, frontMatters[i]),
  }));
  return { schema, declared, schemaProblems: schemaFile && !schemaFile.ok ? schemaFile.problems : [], participants };
}

/** What is wrong with one transcript's attributes. */
export function checkAttributes(schema: AttributeSchema, declared: boolean, frontMatter: FrontMatterAttributes): AttributeIssue[] {
  if (frontMatter.error !== undefined) return [{ kind: 'front-matter', message: frontMatter.error, line: errorLine(frontMatter.error), severity: 'error' }];
  const issues: AttributeIssue[] = [];
  const known = new Map(schema.attributes.map((a) => [a.name, a]));
  // `Sector` where the schema has `sector`: the written name, by the name it was meant to be.
  const misnamed = new Map<string, string>();
  for (const name of Object.keys(frontMatter.data)) {
    if (known.has(name)) continue;
    const meant = schema.attributes.find((a) => attributeNameKey(a.name) === attributeNameKey(name));
    if (meant && !misnamed.has(meant.name)) misnamed.set(meant.name, name);
  }
  for (const declaration of schema.attributes) {
    const value = frontMatter.data[declaration.name];
    const line = frontMatter.lines.get(declaration.name);
    if (isMissing(value)) {
      // Said once, on the line of the name written another way (below).
      if (!misnamed.has(declaration.name)) issues.push({ attribute: declaration.name, kind: 'missing', message: `attribute "${declaration.name}" is missing`, line, severity: 'warning' });
      continue;
    }
    const quoted = declaration.type === 'number' ? numberInText(value) : undefined;
    if (quoted !== undefined) {
      // Filters and groups read it as the number: a slip of style, not a value analysis cannot use.
      const message = `attribute "${declaration.name}" is the number ${quoted} written in quotes: analysis reads it as ${quoted}; write it without quotes (${declaration.name}: ${quoted})`;
      issues.push({ attribute: declaration.name, kind: 'wrong-type', message, line, severity: 'warning' });
      continue;
    }
    const problem = typeProblem(declaration, value);
    // Against declared types a misfit is an error; against inferred ones, a likely slip.
    if (problem) issues.push({ attribute: declaration.name, kind: 'wrong-type', message: `attribute "${declaration.name}" ${problem}`, line, severity: declared ? 'error' : 'warning' });
  }
  for (const [meant, written] of misnamed) {
    const where = declared ? `in ${ATTRIBUTES_FILE}` : 'in the other transcripts';
    const message = `attribute "${written}" is written "${meant}" ${where}: filters and groups on "${meant}" leave this transcript out; write it "${meant}"`;
    issues.push({ attribute: written, kind: 'undeclared', message, line: frontMatter.lines.get(written), severity: 'warning' });
  }
  if (declared) {
    const written = new Set(misnamed.values());
    for (const name of Object.keys(frontMatter.data).filter((n) => !known.has(n) && !written.has(n))) {
      const message = `attribute "${name}" is not declared in ${ATTRIBUTES_FILE} (a typo, or add it there)`;
      issues.push({ attribute: name, kind: 'undeclared', message, line: frontMatter.lines.get(name), severity: 'warning' });
    }
  }
  return issues;
}

/** The file line a front-matter error names (`… (line 7, column 9).`, `(line 2)`), else the block's first line. */
function errorLine(message: string): number {
  const match = /\(line (\d+)(?:, column \d+)?\)/.exec(message);
  return match ? Number(match[1]) : 1;
}

/**
 * Attribute problems as `grounded validate` lists them: one line per wrong or undeclared value,
 * and one per transcript naming all its missing attributes (a transcript without front matter
 * would otherwise fill the report with one line per attribute).
 */
export function attributeFileProblems(overview: ParticipantsOverview): FileProblem[] {
  const problems: FileProblem[] = [...(overview.readProblems ?? []), ...overview.schemaProblems];
  for (const participant of overview.participants) {
    const missing = participant.issues.filter((i) => i.kind === 'missing').map((i) => i.attribute!);
    if (missing.length > 0) {
      const list = missing.map((m) => `"${m}"`).join(', ');
      problems.push({ path: participant.transcript, line: 1, message: `attribute${missing.length === 1 ? '' : 's'} ${list} missing from the front matter`, severity: 'warning' });
    }
    for (const issue of participant.issues.filter((i) => i.kind !== 'missing')) {
      const problem: FileProblem = { path: participant.transcript, message: issue.message, severity: issue.severity };
      if (issue.line !== undefined) problem.line = issue.line;
      problems.push(problem);
    }
  }
  return [...problems, ...spellingProblems(overview.participants)];
}

/**
 * One category written two ways (`Youth Housing` in one transcript, `youth housing` in another):
 * filters match it either way, but a crosstab or a matrix groups by the value as written and shows
 * two groups. Each transcript whose spelling is not the one most transcripts use is told which that is.
 */
function spellingProblems(participants: readonly Participant[]): FileProblem[] {
  const spellings = new Map<string, Map<string, Participant[]>>();
  for (const participant of participants) {
    for (const [attribute, value] of Object.entries(participant.values)) {
      if (typeof value !== 'string' || value.trim() === '') continue;
      const key = `${attribute}\u0000${value.trim().replace(/\s+/g, ' ').toLocaleLowerCase()}`;
      let ways = spellings.get(key);
      if (!ways) spellings.set(key, (ways = new Map()));
      ways.set(value, [...(ways.get(value) ?? []), participant]);
    }
  }
  const problems: FileProblem[] = [];
  for (const [key, ways] of spellings) {
    if (ways.size < 2) continue;
    const attribute = key.slice(0, key.indexOf('\u0000'));
    const [usual, ...others] = [...ways].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    for (const [written, where] of others) {
      for (const participant of where) {
        const problem: FileProblem = {
          path: participant.transcript,
          message: `"${attribute}" is "${written}" here but "${usual[0]}" in ${usual[1].length} other transcript(s): a crosstab counts them as two groups; write it one way`,
          severity: 'warning',
        };
        const line = participant.lines.get(attribute);
        if (line !== undefined) problem.line = line;
        problems.push(problem);
      }
    }
  }
  return problems;
}

/** For project checks: every attribute problem in the project. */
export async function attributeProblems(fs: FileSource, config: ProjectConfig): Promise<FileProblem[]> {
  return attributeFileProblems(await readParticipants(fs, config));
}

export function participantName(transcript: string, values: Record<string, unknown>): string {
  // `Participant: Amara` written by hand names Amara too, rather than the file (p01-amara).
  const key = PARTICIPANT_ATTRIBUTE in values ? PARTICIPANT_ATTRIBUTE : Object.keys(values).find((k) => attributeNameKey(k) === PARTICIPANT_ATTRIBUTE);
  const named = key === undefined ? undefined : values[key];
  if ((typeof named === 'string' && named.trim() !== '') || typeof named === 'number') return String(named).trim();
  const file = transcript.slice(transcript.lastIndexOf('/') + 1);
  return file.replace(/\.md$/i, '');
}
