import * as vscode from 'vscode';
import type { Codebook } from '../../core/codebook';
import { assignSlots, quickCodes, togglePinned, withPinned, withRecent, type QuickSlot } from '../../core/keyboard/quick-codes';
import type { CodeId } from '../../core/model';
import { isApplicable } from '../../core/rounds/gathered-codes';

const PINNED_KEY = 'grounded.pinnedCodes';
const RECENT_KEY = 'grounded.recentCodes';
const SLOTS_KEY = 'grounded.quickCodeSlots';
const LAST_KEY = 'grounded.lastCodes';

/**
 * The codes behind the quick keys, kept per workspace: pinned codes (in pin order), the slots of
 * recently used codes, how recently each code was used, and the last set applied (for "repeat
 * last code").
 */
export class QuickCodeStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  pinned(): CodeId[] {
    return this.state.get<CodeId[]>(PINNED_KEY, []);
  }

  recent(): CodeId[] {
    return this.state.get<CodeId[]>(RECENT_KEY, []);
  }

  /** The codes applied last, together; empty before the first. */
  last(): CodeId[] {
    return this.state.get<CodeId[]>(LAST_KEY, []);
  }

  /** Before any slot was given, the recent codes (as earlier versions kept them) fill the keys. null: an empty key. */
  private slots(): (CodeId | null)[] {
    return this.state.get<(CodeId | null)[]>(SLOTS_KEY) ?? this.recent();
  }

  /**
   * Slot 1 first; the key of a code deleted, merged away or gathered into a focused code is empty
   * (undefined), the others do not move. A gathered code's key is empty rather than given to its
   * focused code: a key never applies another code than the one it was learnt for, nor silently a
   * code the analysis has moved past. Un-gathering gives the key back unless it was filled since.
   */
  quick(codebook: Codebook): QuickSlot[] {
    return quickCodes(this.pinned(), this.slots(), (id) => isApplicable(codebook, id));
  }

  /** The code quick key `slot` (1 to 9) was given, even when it is gone or gathered now. */
  learnt(slot: number): CodeId | undefined {
    return quickCodes(this.pinned(), this.slots(), () => true)[slot - 1];
  }

  async remember(ids: readonly CodeId[], codebook: Codebook): Promise<void> {
    const exists = (id: CodeId): boolean => isApplicable(codebook, id);
    await this.state.update(SLOTS_KEY, assignSlots(this.pinned(), this.slots(), this.recent(), ids, exists));
    await this.state.update(RECENT_KEY, withRecent(this.recent(), ids));
    await this.state.update(LAST_KEY, [...new Set(ids)]);
    this.changed.fire();
  }

  /** Pin exactly `chosen` (codes still pinned keep their place; new pins take the keys of pins whose code is gone). */
  async setPinned(chosen: readonly CodeId[], codebook: Codebook): Promise<void> {
    await this.state.update(PINNED_KEY, withPinned(this.pinned(), chosen, (id) => isApplicable(codebook, id)));
    this.changed.fire();
  }

  async togglePinned(ids: readonly CodeId[], codebook: Codebook): Promise<void> {
    await this.state.update(PINNED_KEY, togglePinned(this.pinned(), ids, (id) => isApplicable(codebook, id)));
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
