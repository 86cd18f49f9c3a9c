/** Exporting a project as a REFI-QDA codebook (.qdc) or project (.qdpx). */
import type { FileSystem } from '../../ports';
import { formatProblem } from '../../storage/errors';
import { ProjectStore } from '../../storage/project-store';
import { codebookXml } from './export-codebook';
import { codebookLosses, projectLosses } from './export-losses';
import { type ProjectForExport, readProjectForExport } from './export-read';
import { type ProjectXml, projectXml } from './export-project';
import type { SourceOptions } from './export-sources';
import { writeZip } from './zip';

export interface RefiExportOptions extends SourceOptions {
  /** The `origin` attribute: the program that wrote the file. */
  origin?: string;
  /** The export time, written into the project and the archive; without it both are fixed, so exports are byte-identical. */
  now?: Date;
}

export interface RefiExport {
  bytes: Uint8Array;
  /** What was not exported as it is, one sentence each. */
  warnings: string[];
  counts: ProjectXml['counts'];
}

export const DEFAULT_ORIGIN = 'Grounded';
/** Archive entry date when no export time is given (zip dates cannot be earlier than 1980). */
const FIXED_ZIP_DATE = new Date(2000, 0, 1);

export async function exportCodebook(fs: FileSystem, options: RefiExportOptions = {}): Promise<RefiExport> {
  const store = await ProjectStore.open(fs, { coder: { id: 'grounded-export', name: 'Grounded export' } });
  const codebook = store.codebook();
  const warnings = [...store.problems().map((p) => `${formatProblem(p)} (not exported)`), ...codebookLosses(codebook, 'qdc')];
  const xml = codebookXml(codebook, options.origin ?? DEFAULT_ORIGIN);
  return {
    bytes: new TextEncoder().encode(xml),
    warnings,
    counts: { codes: codebook.size, sources: 0, selections: 0, codings: 0, notes: 0, cases: 0, variables: 0, users: 0, links: 0 },
  };
}

export async function exportProject(fs: FileSystem, options: RefiExportOptions = {}): Promise<RefiExport> {
  return buildQdpx(await readProjectForExport(fs), options);
}

/** The .qdpx archive: `project.qde`, then `sources/<guid>.txt` (UTF-8, no BOM). */
export function buildQdpx(project: ProjectForExport, options: RefiExportOptions = {}): RefiExport {
  const result = projectXml(project, { ...options, origin: options.origin ?? DEFAULT_ORIGIN });
  const encoder = new TextEncoder();
  const files: [string, Uint8Array][] = [['project.qde', encoder.encode(result.xml)]];
  for (const [name, text] of result.sources) files.push([`sources/${name}`, encoder.encode(text)]);
  const warnings = [...project.warnings, ...result.warnings, ...projectLosses(project)];
  if (options.positions !== 'utf-16' && project.transcripts.some((t) => t.segments.length > 0 && /[\uD800-\uDBFF]/.test(t.body))) {
    warnings.push(
      'Some coded transcripts contain characters such as emoji that count as two UTF-16 units: positions are written in code points, as the ' +
        'REFI-QDA specification says, but NVivo for Windows counts UTF-16 units and would shift those selections (export with UTF-16 positions for it); ' +
        'QualCoder takes the coded text by code points but highlights by UTF-16 units, so its highlights after such characters are shifted either way.',
    );
  }
  return { bytes: writeZip(files, options.now ?? FIXED_ZIP_DATE), warnings, counts: result.counts };
}
