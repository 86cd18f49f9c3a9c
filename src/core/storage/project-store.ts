import type { Slices } from '../time-slices';
import type { Codebook } from '../codebook';
import { Emitter, type Event } from '../event';
import { randomIds } from '../ids';
import type { Coder, CodeId, CodeRelation, FileProblem, ProjectConfig, QuoteSelector, Segment, SegmentId, TextRange } from '../model';
import type { FileSystem, IdSource, Logger } from '../ports';
import { CodebookRepository, type CodePatch, type NewCode } from './codebook-repository';
import { CodingRepository, type TranscriptCoding } from './coding-repository';
import type { AncestorFile, ConflictSide } from './conflict-resolution';
import { StoreError } from './errors';
import { DiskChanges, readConfig } from './disk-changes';
import { FileWriter } from './file-writer';
import { ProjectFiles, type FileWriteOutcome } from './project-files';
import { History } from './history';
import * as reorganise from './codebook-reorganisation';
import * as edits from './segment-edits';
import * as actions from './coding-actions';
import type { AppliedAcross, Passage } from './coding-actions';
import * as relations from './relation-actions';
import { sweepTemporaryFiles } from './temporary-files';
import { type GatherResult, type UngatherResult, gatherCodes, ungatherCode } from './code-gathering';
import { effectiveRound, projectRounds } from '../rounds/rounds';
import type { CodingRound, RoundId } from '../model';
import { relationTypesOf, type RelationType } from '../relations/relation-types';
import type { UncodedTarget } from './uncoded-edits';

export interface StoreOptions {
  coder: Coder;
  ids?: IdSource;
  /** Coalesce bursts of edits to one file into one write; 0 writes at once. */
  debounceMs?: number;
  logger?: Logger;
  /** Loading every coding file takes turns with other work (the editor's host); default: never pauses. */
  slices?: Slices;
  /**
   * A short fingerprint of a text (SHA-256, say) by which the store remembers what each file held
   * when it last read or wrote it; without one it keeps the whole text. A project of 1,000
   * transcripts has about 50 MB of coding files, which the editor's host would otherwise hold (and
   * its garbage collector copy) for as long as the project is open.
   */
  fingerprint?: (text: string) => string;
}

/**
 * The one owner of a project's files. Views read from it and subscribe to its events; commands
 * change the project only through its methods. It loads lazily (the codebook on open, a transcript's
 * coding when first asked), writes atomically through a per-file queue, recognises the echo of its
 * own writes and reloads what changed on disk (git pull, branch switch, another editor).
 */
export class ProjectStore {
  private readonly codebookChanged = new Emitter<void>();
  private readonly codingChanged = new Emitter<{ transcript: string }>();
  private readonly problemsChanged = new Emitter<void>();
  readonly onDidChangeCodebook: Event<void> = this.codebookChanged.event;
  readonly onDidChangeCoding: Event<{ transcript: string }> = this.codingChanged.event;
  readonly onDidChangeProblems: Event<void> = this.problemsChanged.event;

  private readonly writer: FileWriter;
  private readonly files: ProjectFiles;
  private readonly history = new History();
  private readonly historyChanged = new Emitter<void>();
  /** Fires when what undo/redo would do changes. */
  readonly onDidChangeHistory: Event<void> = this.historyChanged.event;
  private readonly codes: CodebookRepository;
  private readonly coding: CodingRepository;
  private readonly diskChanges: DiskChanges;
  private writeProblems: FileProblem[] = [];
  private currentCoder: Coder;

  private constructor(
    private readonly fs: FileSystem,
    private projectConfig: ProjectConfig,
    private readonly options: StoreOptions,
  ) {
    this.currentCoder = options.coder;
    this.writer = new FileWriter(
      fs,
      options.debounceMs ?? 0,
      options.fingerprint,
      (path, error) => {
        const message = error instanceof Error ? error.message : String(error);
        this.files.noteFailure(path, error);
        this.reportWriteProblem(path, `could not be written: ${message}`);
      },
      (path, onDisk) => {
        this.files.noteConflict(path);
        this.reportWriteProblem(path, 'changed on disk while Grounded was about to save it: the version on disk was kept and the latest change to this file was not saved; redo it if it is still needed');
        this.diskChanges.reload(path, onDisk);
      },
    );
    this.files = new ProjectFiles(fs, this.writer);
    const ids = options.ids ?? randomIds;
    this.codes = new CodebookRepository(fs, this.writer, ids, this.history);
    this.coding = new CodingRepository(fs, this.writer, this.history, options.slices);
    this.diskChanges = new DiskChanges(
      fs,
      this.writer,
      this.codes,
      this.coding,
      {
        forgetHistory: () => this.forgetHistory(),
        codebookChanged: () => this.codebookChanged.fire(),
        codingChanged: (transcript) => this.codingChanged.fire({ transcript }),
        problemsChanged: () => this.problemsChanged.fire(),
        configChanged: (config) => (this.projectConfig = config),
      },
      options.logger,
    );
    this.newSegmentId = () => ids.next('s-');
  }

  private readonly newSegmentId: () => SegmentId;

  /** Open the project whose root the FileSystem is rooted at; throws StoreError when it is not one. */
  static async open(fs: FileSystem, options: StoreOptions): Promise<ProjectStore> {
    const config = await readConfig(fs);
    // Leftovers of interrupted writes; failing to remove them must not keep the project closed.
    await sweepTemporaryFiles(fs, Date.now()).catch(() => []);
    const store = new ProjectStore(fs, config, options);
    await store.codes.load();
    return store;
  }

  get config(): ProjectConfig {
    return this.projectConfig;
  }

  get coder(): Coder {
    return this.currentCoder;
  }

  setCoder(coder: Coder): void {
    this.currentCoder = coder;
  }

  private chosenRound: RoundId | undefined;

  /** The round new codes and segments are recorded in: the chosen one, else the project's first. */
  get round(): CodingRound {
    return effectiveRound(projectRounds(this.projectConfig), this.chosenRound);
  }

  /** Choose the round to record new work in (kept by the caller: see docs/grounded-theory.md). */
  setRound(id: RoundId | undefined): void {
    this.chosenRound = id;
  }

  codebook(): Codebook {
    return this.codes.codebook();
  }

  problems(): FileProblem[] {
    return [...[...this.codes.problems.values()].flat(), ...this.coding.allProblems(), ...this.writeProblems];
  }

  // --- coding ---------------------------------------------------------------------------------

  private async coding_(transcript: string): Promise<TranscriptCoding> {
    await this.coding.ensureLoaded(transcript);
    return this.coding.get(transcript);
  }

  /** All coders' coding of a transcript (loads it on first use). */
  getCoding(transcript: string): Promise<TranscriptCoding> {
    return this.coding_(transcript);
  }

  /** Load every coding file: counts and validation need the whole project. */
  async loadAllCoding(): Promise<void> {
    await this.coding.ensureAllLoaded();
  }

  /** The coding of every transcript loaded so far (all of them after loadAllCoding). */
  loadedCoding(): TranscriptCoding[] {
    return this.coding.loadedTranscripts().map((t) => this.coding.get(t));
  }

  /** Transcripts whose coding is loaded (after loadAllCoding: every transcript with coding). */
  codedTranscripts(): string[] {
    return this.coding.loadedTranscripts().filter((t) => this.coding.get(t).coders.length > 0);
  }

  /**
   * Apply codes to a range of a transcript as the current coder. `quote` is made by the caller from
   * the current text; `placed` maps the coder's segments to where they are now (a segment on exactly
   * this range gains the codes instead of a duplicate being created).
   */
  applyCodes(transcript: string, target: Passage, codeIds: CodeId[], placed: ReadonlyMap<SegmentId, TextRange> = new Map()): Promise<Segment> {
    return this.action('Apply code', () => actions.applyCodes(this.context(), transcript, target, codeIds, placed));
  }

  /**
   * Apply codes to many passages in many transcripts as the current coder, as one undoable step
   * (autocoding a search): one undo takes every segment it made, and every code it added, away
   * again. Each transcript's `placed` maps the coder's segments to where they are now.
   */
  applyCodesAcross(
    transcripts: readonly { transcript: string; targets: readonly Passage[]; placed: ReadonlyMap<SegmentId, TextRange> }[],
    codeIds: CodeId[],
    label = 'Autocode',
  ): Promise<AppliedAcross> {
    return this.action(label, () => actions.applyCodesAcross(this.context(), transcripts, codeIds, label));
  }

  /** Remove codes (all codes when omitted) from some of the current coder's segments. */
  removeCodes(transcript: string, segmentIds: SegmentId[], codeIds?: CodeId[]): Promise<number> {
    return this.action('Remove code', () => actions.removeCodes(this.context(), transcript, segmentIds, codeIds));
  }

  /** Attach (or with an empty text, remove) the current coder's short comment on a segment. */
  setComment(transcript: string, segmentId: SegmentId, comment: string): Promise<void> {
    return this.action('Comment on segment', () => actions.setComment(this.context(), transcript, segmentId, comment));
  }

  /** Move one of the current coder's segments to a new range (extend or shrink it). */
  async resizeSegment(transcript: string, segmentId: SegmentId, target: Passage): Promise<void> {
    return this.action('Change segment boundaries', async () => {
      if (target.range.end <= target.range.start) throw new StoreError('A segment cannot be empty: select the text it should cover.');
      await this.rewriteQuotes(transcript, this.currentCoder.id, new Map([[segmentId, { quote: target.quote, position: target.range }]]));
    });
  }

  /**
   * Apply codes to several ranges as another coder than the current one (reconciling writes the
   * consensus coder's file), all as one undoable action. A segment of that coder on exactly a
   * target's range gains the codes, as `applyCodes` does. Returns how many targets were applied.
   */
  applyAsCoder(transcript: string, coder: Coder, targets: readonly (Passage & { codes: CodeId[] })[], label: string): Promise<number> {
    return this.action(label, () => actions.applyAsCoder(this.context(), transcript, coder, targets, label));
  }

  /** applyAsCoder in several transcripts, as one undoable action (copying agreed coding to the consensus coder). */
  applyAsCoderAcross(coder: Coder, transcripts: readonly { transcript: string; targets: readonly (Passage & { codes: CodeId[] })[] }[], label: string): Promise<number> {
    return this.action(label, () => actions.applyAsCoderAcross(this.context(), coder, transcripts, label));
  }

  /**
   * Record as another coder (reconciling: the consensus coder) that a passage was reviewed and left
   * without these codes, as one undoable action. Not coding: it is kept apart from the segments.
   */
  leaveUncodedAsCoder(transcript: string, coder: Coder, target: UncodedTarget, label: string): Promise<void> {
    return this.action(label, () => actions.leaveUncodedAsCoder(this.context(), transcript, coder, target, label));
  }

  /** Delete segments of any coder (e.g. from the review list); returns how many were deleted. */
  deleteSegments(transcript: string, coderId: string, segmentIds: SegmentId[]): Promise<number> {
    return this.action('Delete segment', () => actions.deleteSegments(this.context(), transcript, coderId, segmentIds));
  }

  private context(): actions.CodingContext {
    return {
      codes: this.codes,
      coding: this.coding,
      coder: this.currentCoder,
      round: this.round.id,
      newSegmentId: this.newSegmentId,
      codingChanged: (transcript) => this.codingChanged.fire({ transcript }),
    };
  }

  /**
   * Rewrite the quotes of segments whose text changed; other records are left byte-identical. Not an
   * undoable action (the text it follows is undone in the editor), so it never joins the undo step
   * of an action that is waiting while it lands.
   */
  async requote(
    transcript: string,
    coderId: string,
    updates: ReadonlyMap<SegmentId, { quote: QuoteSelector; position: TextRange }>,
  ): Promise<void> {
    await this.rewriteQuotes(transcript, coderId, updates, false);
  }

  private async rewriteQuotes(
    transcript: string,
    coderId: string,
    updates: ReadonlyMap<SegmentId, { quote: QuoteSelector; position: TextRange }>,
    recorded = true,
  ): Promise<void> {
    if (updates.size === 0) return;
    const coding = await this.coding_(transcript);
    const entry = coding.coders.find((c) => c.coder.id === coderId);
    if (!entry) return;
    const edit = (): void => this.coding.edit(transcript, entry.coder, 'Update quotes', (segments) => edits.requote(segments, updates));
    if (recorded) edit();
    else this.history.unrecorded(edit);
    this.codingChanged.fire({ transcript });
  }

  /** A transcript was renamed or moved: its coding files follow it. Returns how many moved. */
  async renameTranscript(from: string, to: string): Promise<number> {
    const moved = await this.coding.rename(from, to);
    this.forgetHistory();
    if (moved > 0) {
      this.codingChanged.fire({ transcript: from });
      this.codingChanged.fire({ transcript: to });
    }
    return moved;
  }

  /** Every transcript with coding files under a folder (or the path itself), for folder renames. */
  async transcriptsUnder(path: string): Promise<string[]> {
    await this.coding.ensureAllLoaded();
    return this.coding.loadedTranscripts().filter((t) => t === path || t.startsWith(`${path}/`));
  }

  // --- codebook -------------------------------------------------------------------------------

  addCode(input: NewCode): CodeId {
    return this.actionSync('Add code', () => {
      const code = this.codes.add({ round: this.round.id, ...input });
      this.codebookChanged.fire();
      return code.id;
    });
  }

  updateCode(id: CodeId, patch: CodePatch): void {
    return this.actionSync('Change code', () => {
      this.codes.update(id, patch);
      this.codebookChanged.fire();
    });
  }

  /** How many segments, by all coders in all transcripts, carry this code. */
  async countSegments(id: CodeId): Promise<number> {
    await this.coding.ensureAllLoaded();
    return this.coding.countSegments(new Set([id]));
  }

  // --- relations between codes (theoretical coding) -------------------------------------------

  /** The relation types this project uses (its own from project.json, or the defaults). */
  relationTypes(): RelationType[] {
    return relationTypesOf(this.projectConfig);
  }

  /** Relate `source` to another code; the same relation again replaces its note. One undoable step. */
  relateCodes(source: CodeId, relation: CodeRelation): 'added' | 'updated' {
    return this.actionSync('Relate codes', () => {
      const outcome = relations.relateCodes(this.codes, this.relationTypes(), source, relation);
      this.codebookChanged.fire();
      return outcome;
    });
  }

  /** Remove one relation; returns whether there was one. One undoable step. */
  unrelateCodes(source: CodeId, target: CodeId, type: string): boolean {
    return this.actionSync('Remove relation', () => {
      const removed = relations.unrelateCodes(this.codes, source, target, type);
      if (removed) this.codebookChanged.fire();
      return removed;
    });
  }

  /** Delete a code and its coding everywhere; its sub-codes move up one level. */
  deleteCode(id: CodeId): Promise<{ removedSegments: number; reparented: number; removedRelations: number }> {
    return this.action('Delete code', () => reorganise.deleteCode(this.internals(), id));
  }

  /** Merge codes into `target` (see codebook-reorganisation.ts). */
  mergeCodes(sources: CodeId[], target: CodeId): Promise<{ movedSegments: number; collapsed: number; droppedRelations: number }> {
    return this.action('Merge codes', () => reorganise.mergeCodes(this.internals(), sources, target));
  }

  /** Split a code: move its application on the chosen segments (any coder) to another code. */
  splitCode(source: CodeId, segments: reorganise.SegmentRef[], target: CodeId): Promise<number> {
    return this.action('Split code', () => reorganise.splitCode(this.internals(), source, segments, target));
  }

  /** Gather codes into a new focused code, in the current round, as the current coder: one undoable step. */
  gatherCodes(codes: CodeId[], name: string, parent: CodeId | null = null): Promise<GatherResult> {
    return this.action('Gather codes', () =>
      gatherCodes(this.internals(), { codes, name, parent, round: this.round.id, by: this.currentCoder, at: new Date().toISOString() }),
    );
  }

  /** Put back what gathering into this code replaced (see code-gathering.ts): one undoable step. */
  ungatherCode(id: CodeId): Promise<UngatherResult> {
    return this.action('Un-gather codes', () => ungatherCode(this.internals(), id));
  }

  private internals(): reorganise.StoreInternals {
    return {
      codes: this.codes,
      coding: this.coding,
      codebookChanged: () => this.codebookChanged.fire(),
      codingChanged: (transcript) => this.codingChanged.fire({ transcript }),
    };
  }

  // --- undo ---------------------------------------------------------------------------------

  /** Undo the last coding action; returns its label, or undefined when there is none. */
  undo(): string | undefined {
    return this.replay(this.history.undo());
  }

  redo(): string | undefined {
    return this.replay(this.history.redo());
  }

  /** Labels of what undo and redo would do next. */
  undoable(): { undo?: string; redo?: string } {
    return this.history.peek();
  }

  private replay(entry: { label: string } | undefined): string | undefined {
    if (!entry) return undefined;
    this.codebookChanged.fire();
    for (const transcript of this.coding.loadedTranscripts()) this.codingChanged.fire({ transcript });
    this.historyChanged.fire();
    return entry.label;
  }

  private async action<T>(label: string, run: () => Promise<T>): Promise<T> {
    try {
      return await this.history.run(label, run);
    } finally {
      this.historyChanged.fire();
    }
  }

  private actionSync<T>(label: string, run: () => T): T {
    try {
      return this.history.runSync(label, run);
    } finally {
      this.historyChanged.fire();
    }
  }

  // --- files ----------------------------------------------------------------------------------

  /** Wait for every pending write; rejects with the paths that failed. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /**
   * Write a whole project file other than the codebook and coding (a memo, the attribute types, the
   * speaker mapping, an imported transcript), guarded like every store write. `basedOn` is what the
   * caller read and built the content from (undefined: the file must not exist yet); if the disk no
   * longer holds that, the disk version is kept, the conflict is reported and `kept-on-disk` returned.
   */
  writeProjectFile(path: string, content: string, basedOn: string | undefined): Promise<FileWriteOutcome> {
    return this.files.write(path, content, basedOn);
  }

  /** Is what the disk holds now our own last write of this file (a watcher event is its echo)? */
  isOwnEcho(path: string): Promise<boolean> {
    return this.files.isOwnEcho(path);
  }

  /**
   * A project file was created, changed or deleted on disk. The echo of our own write is ignored;
   * anything else is reloaded and announced.
   */
  handleFileChange(path: string): Promise<void> {
    return this.diskChanges.handle(path);
  }

  /**
   * Resolve an unresolved git merge conflict in a coding or code file (see conflict-resolution.ts):
   * writes the merged file and reloads it. `ancestor` is the file as the two sides' common ancestor
   * held it (git's stage 1), when the markers do not carry it. Returns what was decided; throws
   * StoreError when the file cannot be resolved, leaving it untouched.
   */
  resolveMergeConflict(path: string, prefer: ConflictSide = 'ours', ancestor?: AncestorFile): Promise<string[]> {
    return this.diskChanges.resolveMergeConflict(path, prefer, ancestor);
  }

  /** What arrived from outside must not be overwritten by replaying older states. */
  private forgetHistory(): void {
    this.history.clear();
    this.historyChanged.fire();
  }

  private reportWriteProblem(path: string, message: string): void {
    this.writeProblems.push({ path, message, severity: 'error' });
    this.options.logger?.error(`${path}: ${message}`);
    this.problemsChanged.fire();
  }

  dispose(): void {
    this.codebookChanged.dispose();
    this.codingChanged.dispose();
    this.problemsChanged.dispose();
    this.historyChanged.dispose();
  }
}
