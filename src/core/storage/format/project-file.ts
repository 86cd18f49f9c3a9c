/** `.grounded/project.json`: marks the project folder and holds its settings. */
import type { ProjectConfig } from '../../model';
import { OrderedObject, unknownFields, withUnknownFields, writePrettyJson } from './json-text';
import { CURRENT_VERSION, FORMAT_NAMES } from './migrations';
import type { ParseResult } from './problems';
import { readPrettyJsonFile } from './pretty-json-file';
import { checkProjectRounds, roundsOfProject } from './round-fields';

const KNOWN_KEYS = ['format', 'version', 'name', 'transcripts', 'memos', 'rounds'] as const;

export function parseProjectFile(path: string, text: string): ParseResult<ProjectConfig> {
  const read = readPrettyJsonFile(path, text, 'project', 'project');
  if (!read.ok) return { ok: false, problems: read.problems };
  const { record } = read;
  const roundProblems = checkProjectRounds(path, record, read.lineOf);
  if (roundProblems.length > 0) return { ok: false, problems: roundProblems };
  const config: ProjectConfig = {
    name: record.name as string,
    transcripts: [...(record.transcripts as string[])],
    memos: record.memos as string,
    ...roundsOfProject(record),
  };
  const extra = unknownFields(record, KNOWN_KEYS);
  if (extra !== undefined) config.extra = extra;
  return { ok: true, value: config, warnings: [] };
}

/** Transcript globs keep the researcher's order: it is theirs to choose, not data to sort. */
export function serializeProjectFile(config: ProjectConfig): string {
  const record = withUnknownFields(
    [
      ['format', FORMAT_NAMES.project],
      ['version', CURRENT_VERSION],
      ['name', config.name],
      ['transcripts', config.transcripts],
      ['memos', config.memos],
      ['rounds', config.rounds?.map((r) => new OrderedObject([['id', r.id], ['name', r.name]]))],
    ],
    config.extra,
  );
  return `${writePrettyJson(record)}\n`;
}
