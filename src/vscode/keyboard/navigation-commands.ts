import * as vscode from 'vscode';
import { nextUncoded, nextUnit, previousUnit } from '../../core/keyboard/coding-units';
import { nextRange, previousRange } from '../../core/keyboard/segment-navigation';
import type { CodeId, TextRange } from '../../core/model';
import { pickCodes, type CodeIcons } from '../coding/code-picker';
import { activeTranscript, findCode } from '../coding/coding-commands';
import type { DecorationPainter } from '../coding/decorations';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import type { ProjectHost } from '../project/project-host';
import { selectRange, selectedRange, tell } from './editor-target';
import type { QuickCodeStore } from './quick-code-store';
import { configuredUnit, type TranscriptStructure } from './unit-settings';

export interface SegmentNavigationArgs {
  /** Only segments of this code or its sub-codes (id, name or path). */
  code?: string;
}

type Direction = 'next' | 'previous';

export interface NavigationParts {
  host: ProjectHost;
  tracker: TranscriptTracker;
  structure: TranscriptStructure;
  painter: DecorationPainter;
  quick: QuickCodeStore;
  icons: CodeIcons;
}

/**
 * Moving through a transcript by keyboard: from coded segment to coded segment (of every code
 * shown, or of one code), from unit to unit of participant text, and to the next passage you have
 * not coded yet. Each move selects what it lands on, ready to code, resize or comment.
 */
export function registerNavigationCommands(parts: NavigationParts): vscode.Disposable[] {
  const navigator = new TranscriptNavigator(parts);
  const command = (id: string, run: (...args: never[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, run);
  return [
    command('grounded.coding.nextSegment', (args?: SegmentNavigationArgs) => navigator.segment('next', args)),
    command('grounded.coding.previousSegment', (args?: SegmentNavigationArgs) => navigator.segment('previous', args)),
    command('grounded.coding.nextSegmentOfCode', (args?: SegmentNavigationArgs) => navigator.segmentOfCode('next', args)),
    command('grounded.coding.previousSegmentOfCode', (args?: SegmentNavigationArgs) => navigator.segmentOfCode('previous', args)),
    command('grounded.coding.nextUnit', () => navigator.unit('next')),
    command('grounded.coding.previousUnit', () => navigator.unit('previous')),
    command('grounded.coding.nextUncoded', () => navigator.nextUncoded()),
  ];
}

class TranscriptNavigator {
  constructor(private readonly parts: NavigationParts) {}

  segment(direction: Direction, args?: SegmentNavigationArgs): Promise<TextRange | undefined> {
    const only = args?.code === undefined ? undefined : findCode(this.parts.host, args.code);
    if (args?.code !== undefined && only === undefined) throw new Error(`No code is called "${args.code}".`);
    return goToSegment(this.parts, direction, only);
  }

  /** Asks which code, unless `args` names it. */
  async segmentOfCode(direction: Direction, args?: SegmentNavigationArgs): Promise<TextRange | undefined> {
    if (args?.code !== undefined) return this.segment(direction, args);
    const { host, quick, icons } = this.parts;
    const codebook = host.require().store.codebook();
    const picked = await pickCodes(codebook, { title: `Go to the ${direction} segment of which code?`, quick: quick.quick(codebook), icons, allowCreate: false, several: 'none' });
    const code = picked?.ids[0];
    return code === undefined ? undefined : goToSegment(this.parts, direction, code);
  }

  async unit(direction: Direction): Promise<TextRange | undefined> {
    const target = await activeTranscript(this.parts.tracker);
    const units = this.parts.structure.units(target.tracked.session.currentText);
    const found = (direction === 'next' ? nextUnit : previousUnit)(units, selectedRange(target));
    if (found) selectRange(target, found);
    else tell(`There is no ${direction} ${configuredUnit()} of participant text.`);
    return found;
  }

  /** The next unit of participant text that none of your segments touches. */
  async nextUncoded(): Promise<TextRange | undefined> {
    const target = await activeTranscript(this.parts.tracker);
    const coder = this.parts.host.require().store.coder.id;
    const mine = target.tracked.session.placed().flatMap((p) => (p.coder.id === coder && p.range ? [p.range] : []));
    const found = nextUncoded(this.parts.structure.units(target.tracked.session.currentText), mine, selectedRange(target));
    if (found) selectRange(target, found);
    else tell(`Every ${configuredUnit()} of participant text after the cursor has some of your coding.`);
    return found;
  }
}

/** Segments of every coder that are painted (or, with `code`, of that code and its sub-codes). */
async function goToSegment({ host, tracker, painter }: NavigationParts, direction: Direction, code: CodeId | undefined): Promise<TextRange | undefined> {
  const target = await activeTranscript(tracker);
  const codebook = host.require().store.codebook();
  const wanted = code === undefined ? painter.visibleCodes : new Set(codebook.descendantsAndSelf(code));
  const ranges = target.tracked.session.placed().flatMap((p) => (p.range && p.segment.codes.some((c) => codebook.get(c) && (!wanted || wanted.has(c))) ? [p.range] : []));
  const found = (direction === 'next' ? nextRange : previousRange)(ranges, selectedRange(target));
  if (found) selectRange(target, found);
  else tell(`There is no ${direction} coded segment${code ? ` of "${codebook.get(code)?.name ?? code}"` : ''} in this transcript.`);
  return found;
}
