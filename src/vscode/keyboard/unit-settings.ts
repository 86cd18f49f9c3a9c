import * as vscode from 'vscode';
import { CODING_UNITS, DEFAULT_SKIP_SPEAKERS, codingUnits, type CodingUnit } from '../../core/keyboard/coding-units';
import { withoutConflictMarkers } from '../../core/keyboard/conflict-markers';
import { unitRangeAt } from '../../core/keyboard/unit-at';
import { parseTranscript, type Transcript } from '../../core/markdown';
import type { TextRange } from '../../core/model';

export const UNIT_SETTING = 'lineByLine.unit';
export const SKIP_SPEAKERS_SETTING = 'lineByLine.skipSpeakers';

export function configuredUnit(): CodingUnit {
  const value = vscode.workspace.getConfiguration('grounded').get<string>(UNIT_SETTING, 'line');
  return (CODING_UNITS as readonly string[]).includes(value) ? (value as CodingUnit) : 'line';
}

export function configuredSkipSpeakers(): string[] {
  const value = vscode.workspace.getConfiguration('grounded').get<unknown>(SKIP_SPEAKERS_SETTING, DEFAULT_SKIP_SPEAKERS);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [...DEFAULT_SKIP_SPEAKERS];
}

/**
 * A transcript's structure and participant units, parsed once per text: moving from unit to unit
 * on every key press must not parse the Markdown again. Conflict markers a merge left are read as
 * blank lines (see withoutConflictMarkers).
 */
export class TranscriptStructure {
  private last: { text: string; read: string; transcript: Transcript } | undefined;
  private lastUnits: { text: string; key: string; units: TextRange[] } | undefined;

  /** The line, sentence, paragraph or turn at `offset`, ready to code. */
  unitAt(text: string, offset: number, unit: CodingUnit): TextRange | undefined {
    const { read, transcript } = this.read(text);
    return unitRangeAt(read, transcript, offset, unit);
  }

  /** The configured units of participant text, in reading order. */
  units(text: string, unit = configuredUnit()): TextRange[] {
    const skipSpeakers = configuredSkipSpeakers();
    const key = `${unit}\u0000${skipSpeakers.join('\u0000')}`;
    if (this.lastUnits?.text !== text || this.lastUnits.key !== key) {
      const { read, transcript } = this.read(text);
      this.lastUnits = { text, key, units: codingUnits(read, transcript, { unit, skipSpeakers }) };
    }
    return this.lastUnits.units;
  }

  private read(text: string): { read: string; transcript: Transcript } {
    if (this.last?.text !== text) {
      const read = withoutConflictMarkers(text);
      this.last = { text, read, transcript: parseTranscript(read) };
    }
    return this.last;
  }
}
