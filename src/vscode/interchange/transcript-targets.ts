/** Where imported transcripts are written, and the checks that keep an import from overwriting anything. */
import type { ProjectConfig } from '../../core/model';
import type { FileSystem } from '../../core/ports';
import { InterchangeError } from './interchange-error';
import { stemOf } from './uri-names';
import type { TranscriptSource } from './transcript-sources';

/** A source and the project-relative path of the transcript it becomes. */
export interface PlannedTranscript {
  source: TranscriptSource;
  path: string;
}

const GLOB_MAGIC = /[*?[\]{}()!+@]/;

/**
 * The folder new transcripts go to: the fixed folders at the start of the first `transcripts`
 * glob (`interviews` for the usual `interviews/` + `**` + `/*.md`), or the project folder itself ('')
 * when the glob starts with a wildcard.
 */
export function defaultTranscriptFolder(config: ProjectConfig): string {
  const glob = config.transcripts[0] ?? '';
  const parts = glob.split('/');
  const fixed: string[] = [];
  // The last part names files, not a folder, even when it has no wildcard.
  for (const part of parts.slice(0, -1)) {
    if (GLOB_MAGIC.test(part) || part === '' || part === '.') break;
    fixed.push(part);
  }
  return fixed.join('/');
}

/**
 * `<folder>/<file name without extension>.md` for each source; two sources may not share one,
 * compared regardless of case since macOS and Windows would write both to one file.
 */
export function planTranscripts(sources: readonly TranscriptSource[], folder: string): PlannedTranscript[] {
  const byPath = new Map<string, TranscriptSource>();
  return sources.map((source) => {
    const path = `${folder === '' ? '' : `${folder}/`}${stemOf(source.name)}.md`;
    const other = byPath.get(path.toLowerCase());
    if (other !== undefined) {
      throw new InterchangeError(`${other.name} and ${source.name} would both become ${path}; import them separately or rename one. Nothing was written.`);
    }
    byPath.set(path.toLowerCase(), source);
    return { source, path };
  });
}

/** Refuses the import when any transcript it would write is already there. */
export async function refuseOverwriting(fs: FileSystem, planned: readonly PlannedTranscript[]): Promise<void> {
  const existing: string[] = [];
  for (const { path } of planned) if ((await fs.readFile(path)) !== undefined) existing.push(path);
  if (existing.length === 0) return;
  const verb = existing.length === 1 ? 'exists' : 'exist';
  throw new InterchangeError(`${existing.join(', ')} already ${verb}; rename or move ${existing.length === 1 ? 'it' : 'them'} first, or import into another folder. Nothing was written.`);
}
