/**
 * The live read model: the project's snapshot kept current as things change (coding and codes from
 * the store, transcript texts, memos and attributes from files or open editors). A change re-reads
 * and re-places only what it touched, and a burst of changes is announced by one onDidChange.
 */
import { UnreadableFileError, readFileText } from '../storage/file-text';
import { Emitter, type Disposable, type Event } from '../event';
import { listFiles } from '../interchange/refi/project-files';
import { isMemoPath, listMemos, parseMemo, type MemoSummary } from '../memos';
import { normaliseText } from '../anchoring';
import type { Code, Coder, FileProblem, ProjectConfig } from '../model';
import { ATTRIBUTES_FILE, parseAttributesFile, type AttributeSchema } from '../participants';
import { currentText, NO_OPEN_DOCUMENTS, PlacementCache, type OpenDocuments } from '../placement';
import type { FileSource } from '../ports';
import type { TranscriptCoding } from '../storage/coding-repository';
import { PROJECT_FILE } from '../storage/format';
import type { ParseResult } from '../storage/format/problems';
import type { ProjectStore } from '../storage/project-store';
import { isTranscriptPath } from '../transcript-paths';
import { NO_SLICES, type Slices } from '../time-slices';
import { describeAttributes, type AttributesView } from './attributes';
import { compare, readAllCoding, readCodes, readCoding, readConfig } from './read-files';
import type { ProjectSnapshot, TranscriptSnapshot } from './snapshot';
import { codersOf, place, toSnapshot, transcriptState, type TranscriptState } from './transcript-state';

export interface IndexOptions {
  /** Texts of documents open in an editor: they count over the files. */
  open?: OpenDocuments;
  /** The shared owner of placement (the editor's sessions use the same one). */
  placements?: PlacementCache;
  /** Quiet time after a change before onDidChange fires; default 100 ms. */
  debounceMs?: number;
  /** Building the index takes turns with other work (the editor's host); default: never pauses. */
  slices?: Slices;
}

/** Where config, codes and coding come from: the files themselves, or a store that owns them. */
interface ProjectInputs {
  config(): ProjectConfig;
  codes(): Code[];
  problems(states: Iterable<TranscriptState>): FileProblem[];
  coding(transcript: string): Promise<TranscriptCoding>;
}

/** Transcripts' snapshots made in one piece of work: a few milliseconds' worth. */
const SNAPSHOTS_PER_PIECE = 50;

export class ProjectIndex implements Disposable {
  private readonly changed = new Emitter<void>();
  /** Fires once after a burst of changes, when the snapshot has them all. */
  readonly onDidChange: Event<void> = this.changed.event;
  /** The transcripts (re)built by the latest change, in order: what it cost (tests read it). */
  built: string[] = [];
  private readonly placements: PlacementCache;
  private readonly open: OpenDocuments;
  private states = new Map<string, TranscriptState>();
  private memos = new Map<string, MemoSummary>();
  private attributesFile: ParseResult<AttributeSchema> | undefined;
  private codes: Code[] = [];
  private cached: ProjectSnapshot | undefined;
  private readonly snapshots = new Map<string, TranscriptSnapshot>();
  private attributes: AttributesView | undefined;
  private sortedPaths: string[] | undefined;
  /** Recomputed only when they may have changed: an update re-places one transcript, not all. */
  private problems: FileProblem[] | undefined;
  private coders: Coder[] | undefined;
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: Disposable[] = [];

  private constructor(
    private readonly source: FileSource,
    private readonly inputs: ProjectInputs,
    private readonly options: IndexOptions,
  ) {
    this.placements = options.placements ?? new PlacementCache();
    this.open = options.open ?? NO_OPEN_DOCUMENTS;
  }

  /** The index of a project as its files hold it (the CLI, a git revision): no store, no writer. */
  static async load(source: FileSource, options: IndexOptions = {}): Promise<ProjectIndex> {
    const config = await readConfig(source);
    const { codes, problems } = await readCodes(source);
    const inputs: ProjectInputs = {
      config: () => config,
      codes: () => codes,
      problems: (states) => [...problems, ...[...states].flatMap((s) => s.coding?.problems ?? [])],
      coding: (transcript) => readCoding(source, transcript),
    };
    const index = new ProjectIndex(source, inputs, options);
    await index.build(readAllCoding(source));
    return index;
  }

  /** The index of an open project, kept current from its store's events and {@link fileChanged}. */
  static async attach(store: ProjectStore, source: FileSource, options: IndexOptions = {}): Promise<ProjectIndex> {
    const inputs: ProjectInputs = {
      config: () => store.config,
      codes: () => [...store.codebook().all()].sort((a, b) => compare(a.id, b.id)),
      problems: () => store.problems(),
      coding: (transcript) => store.getCoding(transcript),
    };
    const index = new ProjectIndex(source, inputs, options);
    // Listening before the build: a change made while it reads the project is applied after it.
    index.subscriptions.push(
      store.onDidChangeCoding(({ transcript }) => index.enqueue(() => index.recode(transcript))),
      // The snapshot already built holds the old codes: it must be built again, not served.
      store.onDidChangeCodebook(() =>
        index.enqueue(async () => {
          index.codes = inputs.codes();
          index.invalidate({});
        }),
      ),
      store.onDidChangeProblems(() =>
        index.enqueue(async () => {
          index.problems = undefined;
          index.invalidate({});
        }),
      ),
    );
    const built = new Promise<void>((resolve, reject) =>
      // The transcripts are read while the coding is (see build).
      index.enqueue(() => index.build(store.loadAllCoding().then(() => store.loadedCoding()))).then(resolve, reject),
    );
    try {
      await built;
    } catch (error) {
      index.dispose();
      throw error;
    }
    return index;
  }

  /** The project as it is now. Plain data; the same object until the next change. */
  snapshot(): ProjectSnapshot {
    if (this.cached) return this.cached;
    this.attributes ??= describeAttributes(this.attributesFile, [...this.states.values()]);
    this.sortedPaths ??= [...this.states.keys()].sort(compare);
    const states = this.sortedPaths.map((path) => this.states.get(path)!);
    this.problems ??= this.inputs.problems(states);
    this.coders ??= [...new Map(states.flatMap((s) => codersOf(s).map((c) => [c.id, c] as const))).values()].sort((a, b) => compare(a.id, b.id));
    this.cached = {
      config: this.inputs.config(),
      codes: this.codes,
      coders: this.coders,
      transcripts: this.sortedPaths.map((path) => this.transcriptSnapshot(path)),
      attributes: this.attributes.snapshot,
      memos: [...this.memos.values()].sort((a, b) => compare(a.path, b.path)),
      problems: this.problems,
    };
    return this.cached;
  }

  /** One transcript as it is now, or undefined when the project has no such transcript. */
  transcript(path: string): TranscriptSnapshot | undefined {
    return this.states.has(path) ? this.transcriptSnapshot(path) : undefined;
  }

  /**
   * A file of the project was created, changed or deleted, or an open document's text changed
   * (or it was closed): re-read what it feeds. Other paths are ignored.
   */
  fileChanged(path: string): void {
    this.enqueue(() => this.reread(path));
  }

  /**
   * Read the study files again now: the attributes file, every memo, and these transcripts (the
   * ones open in an editor, say) with their coding. For a researcher's explicit refresh; the rest
   * follows the files. The coding too: a file the store read on someone's request before its
   * watcher event came is no news to the store, and was never announced.
   */
  refreshStudyFiles(transcripts: readonly string[] = []): Promise<void> {
    this.enqueue(async () => {
      const [memos, attributes] = await Promise.all([listMemos(this.source, this.inputs.config(), this.options.slices), this.readAttributesFile()]);
      this.memos = new Map(memos.map((m) => [m.path, m]));
      this.attributesFile = attributes;
      for (const path of transcripts) {
        await this.reread(path);
        if (codingDiffers(this.states.get(path)?.coding, await this.inputs.coding(path))) await this.recode(path);
      }
      this.invalidate({ attributes: true });
    });
    return this.settled();
  }

  /** Resolves when every change so far is in the snapshot. */
  settled(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.changed.dispose();
  }

  /** The transcripts, memos and attributes are read while the coding is still being read. */
  private async build(codingRead: Promise<readonly TranscriptCoding[]>): Promise<void> {
    const config = this.inputs.config();
    const readText = (p: string): Promise<string | undefined> => currentText(p, this.source, this.open);
    const listedRead = listFiles(this.source, '', (p) => isTranscriptPath(config, p)).then((paths) => {
      const texts = Promise.all(paths.map(readText));
      texts.catch(() => undefined); // awaited below, unless the coding failed first
      return { paths, texts };
    });
    // Settled together: neither is left running unobserved when the other fails.
    const [codings, listing, memos, attributes] = await Promise.all([codingRead, listedRead, listMemos(this.source, config, this.options.slices), this.readAttributesFile()]);
    const coding = new Map(codings.map((c) => [c.transcript, c]));
    const listed = new Set(listing.paths);
    const unlisted = [...coding.keys()].filter((p) => !listed.has(p));
    const paths = [...listed, ...new Set(unlisted)];
    const texts = [...(await listing.texts), ...(await Promise.all([...new Set(unlisted)].map(readText)))];
    const states: TranscriptState[] = [];
    for (const [i, path] of paths.entries()) {
      states.push(await (this.options.slices ?? NO_SLICES).run(() => transcriptState(path, listed.has(path), texts[i], coding.get(path), this.placements)));
    }
    this.states.clear();
    for (const state of states) this.setState(state);
    this.memos = new Map(memos.map((m) => [m.path, m]));
    this.attributesFile = attributes;
    this.codes = this.inputs.codes();
    this.invalidate({ attributes: true, everything: true });
    if (this.options.slices) await this.prepareSnapshot(this.options.slices);
  }

  /**
   * The snapshot's parts made in slices: for 1,000 transcripts they take tens of milliseconds (the
   * participants' attribute types, each transcript's snapshot), and every view asks for the
   * snapshot in the turn the index announces itself. They then only find it made.
   */
  private async prepareSnapshot(slices: Slices): Promise<void> {
    const paths = await slices.run(() => {
      this.attributes ??= describeAttributes(this.attributesFile, [...this.states.values()]);
      return (this.sortedPaths ??= [...this.states.keys()].sort(compare));
    });
    for (let from = 0; from < paths.length; from += SNAPSHOTS_PER_PIECE) {
      const part = paths.slice(from, from + SNAPSHOTS_PER_PIECE);
      await slices.run(() => {
        for (const path of part) if (this.states.has(path)) this.transcriptSnapshot(path);
      });
    }
    await slices.run(() => this.snapshot());
  }

  private async recode(transcript: string): Promise<void> {
    const coding = await this.inputs.coding(transcript);
    const state = this.states.get(transcript);
    if (!state) {
      const config = this.inputs.config();
      const text = await currentText(transcript, this.source, this.open);
      this.setState(transcriptState(transcript, isTranscriptPath(config, transcript), text, coding, this.placements));
      this.invalidate({ attributes: true, everything: true });
      return;
    }
    const codersBefore = codersOf(state).map((c) => `${c.id}\u0000${c.name}`).join('\u0001');
    state.coding = coding;
    if (codersOf(state).map((c) => `${c.id}\u0000${c.name}`).join('\u0001') !== codersBefore) this.coders = undefined;
    place(state, this.placements);
    this.setState(state);
    this.invalidate({ path: transcript });
  }

  private async reread(path: string): Promise<void> {
    const config = this.inputs.config();
    if (path === PROJECT_FILE) return this.build(Promise.all([...this.states.values()].map((s) => this.inputs.coding(s.path))));
    if (path === ATTRIBUTES_FILE) {
      this.attributesFile = await this.readAttributesFile();
      return this.invalidate({ attributes: true });
    }
    if (isMemoPath(config, path)) {
      const raw = await readFileText(this.source, path);
      if (raw === undefined || raw instanceof UnreadableFileError) this.memos.delete(path);
      else this.memos.set(path, parseMemo(path, normaliseText(raw)));
      return this.invalidate({});
    }
    const state = this.states.get(path);
    if (!state && !isTranscriptPath(config, path)) return;
    const text = await currentText(path, this.source, this.open);
    if (state && state.text === text) return;
    const next = transcriptState(path, isTranscriptPath(config, path), text, state?.coding, this.placements);
    const frontMatterChanged = !state || JSON.stringify(frontMatterKey(state)) !== JSON.stringify(frontMatterKey(next));
    this.setState(next);
    this.invalidate(frontMatterChanged ? { attributes: true } : { path });
  }

  /** Keep a transcript while it exists and the project lists it, or it has coding (even unreadable); forget it otherwise. */
  private setState(state: TranscriptState): void {
    this.built.push(state.path);
    const keep = (state.listed && state.text !== undefined) || (state.coding?.coders.length ?? 0) > 0 || (state.coding?.problems.length ?? 0) > 0;
    const known = this.states.has(state.path);
    if (keep) this.states.set(state.path, state);
    else {
      this.states.delete(state.path);
      this.placements.forget(state.path);
    }
    if (keep !== known) this.sortedPaths = undefined;
  }

  private transcriptSnapshot(path: string): TranscriptSnapshot {
    let snapshot = this.snapshots.get(path);
    if (!snapshot) {
      this.attributes ??= describeAttributes(this.attributesFile, [...this.states.values()]);
      snapshot = toSnapshot(this.states.get(path)!, this.attributes.issues.get(path) ?? []);
      this.snapshots.set(path, snapshot);
    }
    return snapshot;
  }

  private invalidate(what: { path?: string; attributes?: boolean; everything?: boolean }): void {
    this.cached = undefined;
    if (what.everything) [this.problems, this.coders] = [undefined, undefined];
    if (what.path !== undefined) this.snapshots.delete(what.path);
    if (what.attributes) {
      this.attributes = undefined;
      this.sortedPaths = undefined;
      this.snapshots.clear();
    }
  }

  private async readAttributesFile(): Promise<ParseResult<AttributeSchema> | undefined> {
    const text = this.open.textOf(ATTRIBUTES_FILE) ?? (await readFileText(this.source, ATTRIBUTES_FILE));
    if (text instanceof UnreadableFileError) return { ok: false, problems: [text.problem] };
    return text === undefined ? undefined : parseAttributesFile(ATTRIBUTES_FILE, text);
  }

  /** Changes apply one after another, in the order they came; a burst is announced once. */
  private enqueue(update: () => Promise<void>): Promise<void> {
    const done = this.queue.then(() => {
      this.built = [];
      return update();
    });
    this.queue = done.then(
      () => this.announce(),
      () => this.announce(),
    );
    // The queue goes on after a failure; whoever waits for this update hears of it.
    done.catch(() => undefined);
    return done;
  }

  private announce(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), this.options.debounceMs ?? 100);
  }
}

/** Other coding than the state holds: another coder, or another list of segments (the store keeps an unchanged list). */
function codingDiffers(held: TranscriptCoding | undefined, now: TranscriptCoding): boolean {
  const coders = held?.coders ?? [];
  return coders.length !== now.coders.length || now.coders.some((c, i) => c.coder.id !== coders[i].coder.id || c.segments !== coders[i].segments) || (held?.problems.length ?? 0) !== now.problems.length;
}

function frontMatterKey(state: TranscriptState): unknown {
  return [state.listed, state.text === undefined, state.frontMatter.data, [...state.frontMatter.lines], state.frontMatter.error];
}
