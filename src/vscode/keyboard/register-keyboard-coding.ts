import * as vscode from 'vscode';
import type { CodingUnit } from '../../core/keyboard/coding-units';
import { QUICK_SLOTS } from '../../core/keyboard/quick-codes';
import { SwatchIcons } from '../codebook/swatch-icons';
import { pickCodes, type CodeIcons } from '../coding/code-picker';
import { findCode } from '../coding/coding-commands';
import type { DecorationPainter } from '../coding/decorations';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import type { ProjectHost } from '../project/project-host';
import { CodeApplier, type ApplyCodeArgs } from './code-applier';
import { registerCodingViewCommands } from './coding-view-commands';
import { LineByLineMode } from './line-by-line';
import { registerNavigationCommands } from './navigation-commands';
import { QuickCodeStore } from './quick-code-store';
import { trackTranscriptContext } from './transcript-context';
import { TranscriptStructure } from './unit-settings';

export interface KeyboardCodingParts {
  host: ProjectHost;
  tracker: TranscriptTracker;
  painter: DecorationPainter;
  context: vscode.ExtensionContext;
}

export interface PinArgs {
  /** Codes (ids, names or paths) to pin or unpin; picked in a list when omitted. */
  codes?: string[];
}

const UNIT_COMMANDS: { id: string; unit: CodingUnit }[] = [
  { id: 'grounded.coding.codeLine', unit: 'line' },
  { id: 'grounded.coding.codeSentence', unit: 'sentence' },
  { id: 'grounded.coding.codeParagraph', unit: 'paragraph' },
  { id: 'grounded.coding.codeTurn', unit: 'turn' },
];

/**
 * Coding from the keyboard: apply codes by picker, quick key (1–9), repeat or in-vivo; code the
 * unit at the cursor; line-by-line mode; moving between segments, units and uncoded passages;
 * pins; and what the editor shows of the coding.
 */
export function registerKeyboardCoding({ host, tracker, painter, context }: KeyboardCodingParts): vscode.Disposable[] {
  const quick = new QuickCodeStore(context.workspaceState);
  const icons = new SwatchIcons(context.globalStorageUri);
  const structure = new TranscriptStructure();
  const mode = new LineByLineMode(host, tracker, structure, quick);
  const applier = new CodeApplier(host, tracker, structure, quick, mode, icons);
  const command = (id: string, run: (...args: never[]) => unknown): vscode.Disposable => vscode.commands.registerCommand(id, run);
  return [
    quick,
    mode,
    trackTranscriptContext(host),
    prepareSwatches(host, icons),
    command('grounded.coding.applyCode', (args?: ApplyCodeArgs) => applier.run(() => applier.apply(args))),
    ...Array.from({ length: QUICK_SLOTS }, (_, i) => command(`grounded.coding.applyQuickCode${i + 1}`, () => applier.run(() => applier.applyQuick(i + 1)))),
    command('grounded.coding.repeatLastCode', () => applier.run(() => applier.repeatLast())),
    command('grounded.coding.inVivoCode', () => applier.run(() => applier.inVivo())),
    ...UNIT_COMMANDS.map(({ id, unit }) => command(id, (args?: ApplyCodeArgs) => applier.run(() => applier.codeUnit(unit, args)))),
    command('grounded.coding.toggleLineByLine', (on?: boolean) => mode.toggle(typeof on === 'boolean' ? on : undefined)),
    command('grounded.coding.pinCodes', (args?: PinArgs) => pinCodes(host, quick, icons, args)),
    ...registerNavigationCommands({ host, tracker, structure, painter, quick, icons }),
    ...registerCodingViewCommands({ host, painter, quick, icons }),
  ];
}

/** Pin or unpin codes: with `codes`, toggles each; otherwise a list with the pinned ones ticked. */
async function pinCodes(host: ProjectHost, quick: QuickCodeStore, icons: CodeIcons, args?: PinArgs): Promise<string[]> {
  const codebook = host.require().store.codebook();
  if (args?.codes) {
    await quick.togglePinned(args.codes.map((c) => findCode(host, c) ?? c).filter((id) => codebook.get(id)), codebook);
    return quick.pinned();
  }
  const picked = await pickCodes(codebook, {
    title: 'Pinned codes take the first quick keys, in the order pinned (tick with Space, then Enter)',
    quick: quick.quick(codebook),
    icons,
    allowCreate: false,
    several: 'ticked',
    ticked: quick.pinned().filter((id) => codebook.get(id)),
  });
  if (picked) await quick.setPinned(picked.ids, codebook);
  return quick.pinned();
}

/**
 * The code picker shows each code's colour; swatch files are written in the background, so they
 * are made as soon as the codebook is known rather than when a pick opens.
 */
function prepareSwatches(host: ProjectHost, icons: SwatchIcons): vscode.Disposable {
  const disposables: vscode.Disposable[] = [];
  const prepare = (): void => {
    for (const code of host.project?.store.codebook().all() ?? []) icons.get(code.color, () => undefined);
  };
  const attach = (): void => {
    prepare();
    disposables.push({ dispose: host.require().store.onDidChangeCodebook(prepare).dispose });
  };
  if (host.project) attach();
  else disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  return { dispose: () => disposables.splice(0).forEach((d) => d.dispose()) };
}
