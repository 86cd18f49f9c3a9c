import type * as vscode from 'vscode';
import type { Event } from '../../core/event';
import type { ParticipantsOverview } from '../../core/participants';
import { participantsOverview, type ProjectSnapshot } from '../../core/project-index';
import type { IndexHost } from '../project/index-host';

/**
 * Participants and their attributes, from every transcript's front matter (the editor's text for
 * open transcripts, unsaved changes included; the file otherwise) and `.grounded/attributes.json`,
 * as the project index keeps them current.
 */
export class ParticipantsModel implements vscode.Disposable {
  readonly onDidChange: Event<void>;
  private last: { snapshot: ProjectSnapshot; overview: ParticipantsOverview } | undefined;

  constructor(private readonly index: IndexHost) {
    this.onDidChange = index.onDidChange;
  }

  /** The overview as the index has it now; undefined until the project is open and read once. */
  get overview(): ParticipantsOverview | undefined {
    const snapshot = this.index.snapshot();
    if (!snapshot) return undefined;
    if (this.last?.snapshot !== snapshot) this.last = { snapshot, overview: participantsOverview(snapshot) };
    return this.last.overview;
  }

  /** Read the attributes file and open transcripts again now; resolves with the fresh overview. */
  async reload(): Promise<ParticipantsOverview | undefined> {
    await this.index.refreshStudyFiles();
    return this.overview;
  }

  dispose(): void {
    // The index owns the subscriptions.
  }
}
