/**
 * Everything an export needs, read from a project folder without changing it: the codebook, each
 * transcript's body and attributes, every coder's segments placed in the current text (a segment's
 * quote is the authority, its stored position only a hint), and the memos.
 */
import { normaliseText } from '../../anchoring';
import type { Codebook } from '../../codebook';
import type { Coder } from '../../model';
import { placeSelectors } from '../../placement';
import type { FileSystem } from '../../ports';
import { formatProblem } from '../../storage/errors';
import { ProjectStore } from '../../storage/project-store';
import type { TranscriptCoding } from '../../storage/coding-repository';
import { isTranscriptPath } from '../../transcript-paths';
import { type Memo, readMemos } from './memo-files';
import { listFiles } from './project-files';
import { splitTranscript } from './transcript-text';

/** A coded passage of a transcript body, in UTF-16 offsets over the body. */
export interface BodySegment {
  segmentId: string;
  coder: Coder;
  codes: readonly string[];
  start: number;
  end: number;
  comment?: string;
  /** Kept only to name in the export's warnings: REFI-QDA has no place for them. */
  round?: string;
  gathered?: boolean;
}

export interface TranscriptForExport {
  path: string;
  /** Normalised text (LF, no BOM) after the front matter. */
  body: string;
  attributes: [string, unknown][];
  segments: BodySegment[];
}

export interface ProjectForExport {
  name: string;
  codebook: Codebook;
  transcripts: TranscriptForExport[];
  memos: Memo[];
  /** Every coder with segments, sorted by id. */
  coders: Coder[];
  /** What could not be exported as it is, one sentence each. */
  warnings: string[];
}

const READ_ONLY_CODER: Coder = { id: 'grounded-export', name: 'Grounded export' };

export async function readProjectForExport(fs: FileSystem): Promise<ProjectForExport> {
  const store = await ProjectStore.open(fs, { coder: READ_ONLY_CODER });
  await store.loadAllCoding();
  const warnings = store.problems().filter((p) => p.severity === 'error').map((p) => `${formatProblem(p)} (not exported)`);
  const coding = new Map(store.loadedCoding().map((c) => [c.transcript, c]));
  const paths = await listFiles(fs, '', (path) => isTranscriptPath(store.config, path));
  for (const coded of coding.keys()) if (!paths.includes(coded)) paths.push(coded);
  const transcripts: TranscriptForExport[] = [];
  for (const path of paths.sort()) {
    const raw = await fs.readFile(path);
    if (raw === undefined) {
      warnings.push(`${path}: has coding but the transcript does not exist; its coding is not exported`);
      continue;
    }
    transcripts.push(transcriptForExport(path, normaliseText(raw), coding.get(path), warnings));
  }
  const coders = new Map<string, Coder>();
  for (const t of transcripts) for (const s of t.segments) coders.set(s.coder.id, s.coder);
  return {
    name: store.config.name,
    codebook: store.codebook(),
    transcripts,
    memos: await readMemos(fs, store.config.memos),
    coders: [...coders.values()].sort((a, b) => a.id.localeCompare(b.id)),
    warnings,
  };
}

function transcriptForExport(path: string, text: string, coding: TranscriptCoding | undefined, warnings: string[]): TranscriptForExport {
  const parts = splitTranscript(text);
  if (parts.frontMatterError !== undefined) {
    warnings.push(`${path}: ${parts.frontMatterError} The front matter is exported as part of the text and gives no attributes.`);
  }
  const segments: BodySegment[] = [];
  for (const { coder, segments: stored } of coding?.coders ?? []) {
    const placements = placeSelectors(text, stored);
    stored.forEach((segment, i) => {
      const { range, status } = placements[i];
      const where = `${path}: segment ${segment.id} by ${coder.name}`;
      if (range === undefined) return void warnings.push(`${where} cannot be found in the current text; not exported`);
      if (range.start < parts.bodyStart) return void warnings.push(`${where} lies in the front matter; not exported`);
      if (status === 'fuzzy') warnings.push(`${where} was placed approximately (the text changed); check it`);
      const body: BodySegment = { segmentId: segment.id, coder, codes: segment.codes, start: range.start - parts.bodyStart, end: range.end - parts.bodyStart };
      if (segment.comment !== undefined) body.comment = segment.comment;
      if (segment.round !== undefined) body.round = segment.round;
      if (segment.gathered !== undefined) body.gathered = true;
      segments.push(body);
    });
  }
  segments.sort((a, b) => a.start - b.start || a.end - b.end || a.coder.id.localeCompare(b.coder.id) || a.segmentId.localeCompare(b.segmentId));
  return { path, body: parts.body, attributes: parts.attributes, segments };
}

