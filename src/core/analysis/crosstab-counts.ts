/**
 * A crosstab's counts in one pass over the segments, instead of one list of segments per row: each
 * segment adds one to every row its codes belong to (once, however many of its codes the row takes
 * in), in its transcript's column, and each row counts a participant once per column. Each segment
 * also adds one to its column's total, once: rows overlap, so they do not add up to it.
 */
import type { AnalysisContext } from './analysis-context';
import type { AnalysisSegment } from './analysis-model';

export interface ColumnCounts {
  /** segments[row][column] */
  segments: number[][];
  /** participants[row][column]: participants with at least one such segment. */
  participants: number[][];
  /** columnSegments[column]: the distinct segments kept in the column's transcripts, whatever their codes. */
  columnSegments: number[];
}

/**
 * `rowsOf` gives, for a code id, the rows it counts in; `columnOf` the column of a transcript.
 * Only transcripts of the project are counted, and only the segments `keep` keeps.
 */
export function countByColumn(
  context: AnalysisContext,
  rowCount: number,
  columnCount: number,
  rowsOf: (code: string) => readonly number[] | undefined,
  columnOf: (path: string) => number,
  keep: (segment: AnalysisSegment) => boolean,
): ColumnCounts {
  const segments = Array.from({ length: rowCount }, () => new Array<number>(columnCount).fill(0));
  const participants = Array.from({ length: rowCount }, () => new Array<number>(columnCount).fill(0));
  const columnSegments = new Array<number>(columnCount).fill(0);
  // A participant's transcripts are visited one after another, so "counted already in this cell"
  // is whether the cell's latest participant is this one.
  const participantIndex = new Map<string, number>();
  for (const t of context.transcripts.values()) if (!participantIndex.has(t.participant)) participantIndex.set(t.participant, participantIndex.size);
  const transcripts = [...context.transcripts.values()].sort((a, b) => participantIndex.get(a.participant)! - participantIndex.get(b.participant)!);
  const latestParticipant = new Int32Array(rowCount * columnCount).fill(-1);
  // The latest segment each row was counted for: a segment with two codes of one row counts once.
  const latestSegment = new Int32Array(rowCount).fill(-1);
  let serial = 0;
  for (const transcript of transcripts) {
    const column = columnOf(transcript.path);
    const participant = participantIndex.get(transcript.participant)!;
    for (const segment of context.segmentsIn(transcript.path)) {
      if (!keep(segment)) continue;
      serial++;
      columnSegments[column]++;
      for (const code of segment.codes) {
        for (const row of rowsOf(code) ?? []) {
          if (latestSegment[row] === serial) continue;
          latestSegment[row] = serial;
          segments[row][column]++;
          const cell = row * columnCount + column;
          if (latestParticipant[cell] !== participant) {
            latestParticipant[cell] = participant;
            participants[row][column]++;
          }
        }
      }
    }
  }
  return { segments, participants, columnSegments };
}
