import { unitAtOrAfter, type CodingUnit } from '../../core/keyboard/coding-units';
import { inVivoName } from '../../core/keyboard/in-vivo';
import { gatheredInto } from '../../core/rounds/gathered-codes';
import type { CodeId, TextRange } from '../../core/model';
import { selectedPassages } from '../../core/text-ranges';
import { excerpt } from '../../core/views/markdown-text';
import { pickCodes, type CodeIcons } from '../coding/code-picker';
import { activeTranscript, findCode, resolveOrCreate } from '../coding/coding-commands';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import type { ProjectHost } from '../project/project-host';
import { cursorOffset, selectRange, selectedRanges, tell, type ActiveTranscript } from './editor-target';
import type { LineByLineMode } from './line-by-line';
import type { QuickCodeStore } from './quick-code-store';
import type { TranscriptStructure } from './unit-settings';

/** Arguments a keybinding or a test may pass instead of picking in the UI. */
export interface ApplyCodeArgs {
  /** Code ids, names (found anywhere in the hierarchy) or `Parent/Child` paths; a name no code has creates that code. */
  codes?: string[];
}

/**
 * Applies codes to what the researcher is looking at: the selection, or (in line-by-line mode, or
 * when asked for a unit) the line, sentence, paragraph or turn at the cursor. Every way of choosing
 * codes (picker, quick key, repeat, in-vivo) ends in `applyTo`, which remembers the codes for the
 * quick keys and moves on in line-by-line mode.
 */
export class CodeApplier {
  /** Key presses are handled one after another, each seeing the selection the last one left. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly host: ProjectHost,
    private readonly tracker: TranscriptTracker,
    private readonly structure: TranscriptStructure,
    private readonly quick: QuickCodeStore,
    private readonly mode: LineByLineMode,
    private readonly icons: CodeIcons,
  ) {}

  /** Runs `operation` after every earlier one has finished (or failed). */
  run<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /**
   * Picks codes (or takes them from `args`) and applies them to the selection, or to every
   * selection when there are several (multiple cursors), as one undoable step; resolves to the
   * segment id of the first selection.
   */
  async apply(args?: ApplyCodeArgs): Promise<string | undefined> {
    const target = await activeTranscript(this.tracker);
    const ranges = this.targetRanges(target);
    if (!ranges) return undefined;
    if (args?.codes) return this.applyTo(target, ranges, args.codes.map((c) => findCode(this.host, c) ?? resolveOrCreate(this.host, c)));
    // The text can change while the researcher chooses (a reload from disk, keys that reached the
    // editor before the list): the codes go to the words that were selected, wherever they are now.
    const held = ranges.map((range) => target.tracked.session.hold(range));
    try {
      const codes = await this.pick(target, ranges);
      if (!codes || codes.length === 0) return undefined;
      const now = held.flatMap((h) => (h.range ? [h.range] : []));
      if (now.length === 0) {
        tell('The selected text was changed or deleted while the code was being chosen, so nothing was coded. Select it again and apply the code.');
        return undefined;
      }
      const id = await this.applyTo(target, now, codes);
      const lost = held.length - now.length;
      if (lost > 0) tell(`${lost} of the ${held.length} selected passages were changed or deleted while the code was being chosen, so they were not coded; the other ${now.length} were. Select them again and apply the code.`);
      return id;
    } finally {
      for (const h of held) h.release();
    }
  }

  /** Applies the code behind quick key `slot` (1 to 9). */
  async applyQuick(slot: number): Promise<string | undefined> {
    const codebook = this.host.require().store.codebook();
    const code = this.quick.quick(codebook)[slot - 1];
    const learnt = this.quick.learnt(slot);
    const into = learnt === undefined ? undefined : gatheredInto(codebook, learnt);
    if (!code && into) {
      tell(`Quick key ${slot} was for "${codebook.get(learnt!)!.name}", which was gathered into "${into.name}", so it applies nothing now. Apply "${into.name}" or pin it ("Grounded: Pin or Unpin Codes…") to give the key a code.`);
      return undefined;
    }
    if (!code) {
      tell(`Quick key ${slot} has no code: none was given to it yet, or its code was deleted or merged (the other keys keep theirs). Apply codes or pin them ("Grounded: Pin or Unpin Codes…") to fill it.`);
      return undefined;
    }
    return this.applyWithoutPicking([code]);
  }

  /** Applies the codes applied last, all of them. */
  async repeatLast(): Promise<string | undefined> {
    const codebook = this.host.require().store.codebook();
    const last = this.quick.last().filter((id) => codebook.get(id));
    // Repeating part of the codes would be as silent as repeating a gathered one: say so instead.
    const gathered = last.filter((id) => gatheredInto(codebook, id));
    if (gathered.length > 0) {
      const names = gathered.map((id) => `"${codebook.get(id)!.name}" (gathered into "${gatheredInto(codebook, id)!.name}")`).join(', ');
      tell(`The codes applied last include ${names}, so they are not repeated. Apply the focused code instead.`);
      return undefined;
    }
    if (last.length === 0) {
      tell('No code has been applied yet in this workspace, so there is nothing to repeat.');
      return undefined;
    }
    return this.applyWithoutPicking(last);
  }

  /** Codes the selection with a code named by its own words (created unless it exists). */
  async inVivo(): Promise<string | undefined> {
    const target = await activeTranscript(this.tracker);
    const ranges = this.targetRanges(target);
    if (!ranges) return undefined;
    // Each selection would name a code of its own: the words of the first one name it.
    const range = ranges[0];
    const name = inVivoName(target.tracked.session.currentText.slice(range.start, range.end));
    if (name === '') {
      tell('Select some of the participant\'s words to name the code after.');
      return undefined;
    }
    const { store } = this.host.require();
    const existing = store.codebook().findByName(name, null);
    const into = existing && gatheredInto(store.codebook(), existing.id);
    if (into) {
      tell(`"${existing.name}" was gathered into "${into.name}", so it is not applied again: apply "${into.name}" instead, or un-gather it first.`);
      return undefined;
    }
    const code = existing?.id ?? store.addCode({ name, parent: null });
    return this.applyTo(target, [range], [code]);
  }

  /** Selects the unit at the cursor, then applies `args.codes` or picked codes to it. */
  async codeUnit(unit: CodingUnit, args?: ApplyCodeArgs): Promise<string | undefined> {
    const target = await activeTranscript(this.tracker);
    const text = target.tracked.session.currentText;
    const range = this.structure.unitAt(text, cursorOffset(target), unit);
    if (!range) {
      tell(`There is no ${unit} to code at the cursor.`);
      return undefined;
    }
    selectRange(target, range);
    return this.apply(args);
  }

  private async applyWithoutPicking(codes: CodeId[]): Promise<string | undefined> {
    const target = await activeTranscript(this.tracker);
    const ranges = this.targetRanges(target);
    return ranges ? this.applyTo(target, ranges, codes) : undefined;
  }

  /**
   * The selections, trimmed, the primary first; those left empty are not coded. With nothing
   * selected, line-by-line mode codes the unit at the cursor; otherwise the researcher is told to
   * select first.
   */
  private targetRanges(target: ActiveTranscript): TextRange[] | undefined {
    const text = target.tracked.session.currentText;
    const selected = selectedPassages(text, selectedRanges(target));
    if (selected.length > 0) return selected;
    const unit = this.mode.enabled ? unitAtOrAfter(this.structure.units(text), cursorOffset(target)) : undefined;
    if (unit) {
      selectRange(target, unit);
      return [unit];
    }
    tell('Select the text to code first, code the sentence, paragraph or turn at the cursor ("Grounded: Code Sentence at Cursor…" and the like), or turn on line-by-line coding.');
    return undefined;
  }

  private async pick(target: ActiveTranscript, ranges: readonly TextRange[]): Promise<CodeId[] | undefined> {
    const codebook = this.host.require().store.codebook();
    const quote = excerpt(target.tracked.session.currentText.slice(ranges[0].start, ranges[0].end), 50);
    const title = ranges.length === 1 ? `Apply codes to "${quote}"` : `Apply codes to ${ranges.length} selected passages ("${quote}" and ${ranges.length - 1} more)`;
    const picked = await pickCodes(codebook, { title, quick: this.quick.quick(codebook), icons: this.icons, allowCreate: true, several: 'offer' });
    if (!picked) return undefined;
    return [...picked.ids, ...picked.create.map((name) => resolveOrCreate(this.host, name))];
  }

  /**
   * In line-by-line mode the selection moves on before the coding is stored: a quick second key
   * press, arriving while the first is still being written, then codes the next unit and not the
   * same one again. Several selections are coded as one step, which one undo takes back.
   */
  private async applyTo(target: ActiveTranscript, ranges: readonly TextRange[], codes: CodeId[]): Promise<string> {
    const { store } = this.host.require();
    const { tracked } = target;
    const placed = tracked.session.rangesOf(store.coder.id);
    let id: string;
    if (ranges.length === 1) {
      const quote = tracked.session.quoteFor(ranges[0]);
      this.mode.advance(target, ranges[0]);
      id = (await store.applyCodes(tracked.transcript, { range: ranges[0], quote }, codes, placed)).id;
    } else {
      const targets = ranges.map((range) => ({ range, quote: tracked.session.quoteFor(range) }));
      id = (await store.applyCodesAcross([{ transcript: tracked.transcript, targets, placed }], codes, 'Apply code')).segmentIds[0];
    }
    await this.quick.remember(codes, store.codebook());
    return id;
  }
}

