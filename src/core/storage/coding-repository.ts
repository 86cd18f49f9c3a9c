import type { Coder, CodeId, CodingFile, FileProblem, Segment, UncodedPassage } from '../model';
import type { DirectoryEntry, FileSystem } from '../ports';
import { StoreError, malformedFileError } from './errors';
import { UnreadableFileError, readFileText } from './file-text';
import type { FileWriter } from './file-writer';
import type { History } from './history';
import { NO_SLICES, type Slices } from '../time-slices';
import { CODING_DIR, codingFilePath, parseCodingFile, parseCodingFilePath, serializeCodingFile } from './format';

type Entry = { ok: true; file: CodingFile; warnings: FileProblem[] } | { ok: false; problems: FileProblem[] };

/** All coders' coding of one transcript, as the views read it. */
export interface TranscriptCoding {
  transcript: string;
  /** One entry per coder whose file could be read, sorted by coder id. */
  coders: { coder: Coder; segments: readonly Segment[]; uncoded?: readonly UncodedPassage[] }[];
  /** Problems of coding files of this transcript (unreadable files, warnings). */
  problems: FileProblem[];
}

/**
 * Coding files, one per transcript and coder under `.grounded/coding/`, loaded lazily per transcript.
 * Only files that parsed are ever rewritten; a malformed file blocks edits that would touch it.
 */
export class CodingRepository {
  private readonly transcripts = new Map<string, Map<string, Entry>>();
  private readonly loading = new Map<string, Promise<void>>();
  private allLoaded = false;

  constructor(
    private readonly fs: FileSystem,
    private readonly writer: FileWriter,
    private readonly history: History,
    private readonly slices: Slices = NO_SLICES,
  ) {}

  /** Load one transcript's coding files unless already loaded. */
  ensureLoaded(transcript: string, files?: readonly string[]): Promise<void> {
    if (this.transcripts.has(transcript)) return Promise.resolve();
    let pending = this.loading.get(transcript);
    if (!pending) {
      const loading: Promise<void> = this.loadTranscript(transcript, files).finally(() => {
        if (this.loading.get(transcript) === loading) this.loading.delete(transcript);
      });
      this.loading.set(transcript, loading);
      pending = loading;
    }
    return pending;
  }

  /** Load every coding file in the project (for counts across transcripts and for validation). */
  async ensureAllLoaded(): Promise<void> {
    if (this.allLoaded) return;
    const transcripts = await this.discoverTranscripts(CODING_DIR, '');
    await Promise.all(transcripts.map((t) => this.ensureLoaded(t.transcript, t.files)));
    this.allLoaded = true;
  }

  loadedTranscripts(): string[] {
    return [...this.transcripts.keys()].sort();
  }

  get(transcript: string): TranscriptCoding {
    const entries = this.transcripts.get(transcript) ?? new Map<string, Entry>();
    const coders: TranscriptCoding['coders'] = [];
    const problems: FileProblem[] = [];
    for (const [, entry] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
      if (entry.ok) {
        coders.push(entry.file.uncoded ? { coder: entry.file.coder, segments: entry.file.segments, uncoded: entry.file.uncoded } : { coder: entry.file.coder, segments: entry.file.segments });
        problems.push(...entry.warnings);
      } else problems.push(...entry.problems);
    }
    return { transcript, coders, problems };
  }

  allProblems(): FileProblem[] {
    return this.loadedTranscripts().flatMap((t) => this.get(t).problems);
  }

  /** Replace one coder's segments of a transcript (must be loaded); writes or deletes the file. */
  edit(transcript: string, coder: Coder, action: string, change: (segments: readonly Segment[]) => Segment[]): void {
    const entries = this.entriesOf(transcript);
    const entry = entries.get(coder.id);
    if (entry && !entry.ok) throw malformedFileError(action, entry.problems);
    const before = entry?.ok ? entry.file : { transcript, coder, segments: [] };
    const file: CodingFile = { ...before, segments: change(before.segments) };
    this.set(transcript, coder.id, { ok: true, file, warnings: entry?.ok ? entry.warnings : [] });
  }

  /** Replace one coder's passages left uncoded (must be loaded); `change` returns its argument for no change. */
  editUncoded(transcript: string, coder: Coder, action: string, change: (passages: readonly UncodedPassage[]) => readonly UncodedPassage[]): void {
    const entry = this.entriesOf(transcript).get(coder.id);
    if (entry && !entry.ok) throw malformedFileError(action, entry.problems);
    const before = entry?.ok ? entry.file : { transcript, coder, segments: [] };
    const current = before.uncoded ?? [];
    const uncoded = change(current);
    if (uncoded === current) return;
    const file: CodingFile = { ...before };
    if (uncoded.length > 0) file.uncoded = [...uncoded].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    else delete file.uncoded;
    this.set(transcript, coder.id, { ok: true, file, warnings: entry?.ok ? entry.warnings : [] });
  }

  /** Throws if this coder's file of a loaded transcript is malformed (so an edit would be refused). */
  requireWritable(transcript: string, coderId: string, action: string): void {
    const entry = this.entriesOf(transcript).get(coderId);
    if (entry && !entry.ok) throw malformedFileError(action, entry.problems);
  }

  /** Edit any coder's file of a loaded transcript (merge and split move other coders' segments). */
  editOf(transcript: string, coderId: string, action: string, change: (segments: readonly Segment[]) => Segment[]): void {
    const entry = this.entriesOf(transcript).get(coderId);
    if (!entry) return;
    if (!entry.ok) throw malformedFileError(action, entry.problems);
    const segments = change(entry.file.segments);
    if (!sameSegments(segments, entry.file.segments)) this.set(transcript, coderId, { ...entry, file: { ...entry.file, segments } });
  }

  /** Apply `change` to every coder's file of every loaded transcript; refuses if one is malformed. */
  editEverywhere(action: string, change: (segments: readonly Segment[]) => Segment[]): void {
    const broken = this.loadedTranscripts().flatMap((t) =>
      [...this.entriesOf(t).values()].flatMap((e) => (e.ok ? [] : e.problems)),
    );
    if (broken.length > 0) throw malformedFileError(action, broken);
    for (const transcript of this.loadedTranscripts()) {
      for (const [coderId, entry] of this.entriesOf(transcript)) {
        if (!entry.ok) continue;
        const segments = change(entry.file.segments);
        if (sameSegments(segments, entry.file.segments)) continue;
        this.set(transcript, coderId, { ...entry, file: { ...entry.file, segments } });
      }
    }
  }

  /** Count, over every loaded coding file, the segments carrying any of these codes. */
  countSegments(codes: ReadonlySet<CodeId>): number {
    let n = 0;
    for (const t of this.loadedTranscripts()) {
      for (const { segments } of this.get(t).coders) n += segments.filter((s) => s.codes.some((c) => codes.has(c))).length;
    }
    return n;
  }

  /**
   * Move a transcript's coding files to follow the transcript to its new path, one file per coder.
   * Refuses when the new path already has a coder's coding that the old one has too (merging two
   * transcripts' coding is not a rename); files already moved by an interrupted earlier move are
   * simply kept, so running the move again completes it. Reads of either transcript wait until the
   * move is done, so nobody sees half of the coding in each place.
   */
  rename(from: string, to: string): Promise<number> {
    const moving = Promise.all([this.loading.get(from), this.loading.get(to)]).then(() => this.moveFiles(from, to));
    const settled = moving.then(
      () => undefined,
      () => undefined,
    );
    for (const transcript of [from, to]) {
      this.loading.set(transcript, settled);
      void settled.finally(() => {
        if (this.loading.get(transcript) === settled) this.loading.delete(transcript);
      });
    }
    return moving;
  }

  private async moveFiles(from: string, to: string): Promise<number> {
    const jsonl = (e: { kind: string; name: string }): boolean => e.kind === 'file' && e.name.endsWith('.jsonl');
    const source = (await this.fs.readDirectory(`${CODING_DIR}/${from}`)).filter(jsonl);
    if (source.length === 0) return 0;
    const target = new Set((await this.fs.readDirectory(`${CODING_DIR}/${to}`)).filter(jsonl).map((e) => e.name));
    const clash = source.filter((f) => target.has(f.name));
    if (clash.length > 0) {
      throw new StoreError(`${to} already has coding in ${CODING_DIR}/${to}/ (${clash.map((f) => f.name).join(', ')}); the coding of ${from} was left where it is.`);
    }
    await this.writer.flush();
    for (const file of source) {
      const [oldPath, newPath] = [`${CODING_DIR}/${from}/${file.name}`, `${CODING_DIR}/${to}/${file.name}`];
      const content = await this.fs.readFile(oldPath);
      this.writer.remember(newPath, content);
      await this.fs.rename(oldPath, newPath);
      this.writer.remember(oldPath, undefined);
    }
    // Read the new place from disk: it holds what was moved now and what an interrupted move left.
    this.transcripts.delete(from);
    this.transcripts.delete(to);
    await this.loadTranscript(to);
    return source.length;
  }

  /** A coding file changed on disk: returns the transcript it belongs to, if it was affected. */
  reload(path: string, content: string | undefined | UnreadableFileError): string | undefined {
    const where = parseCodingFilePath(path);
    if (!where) return undefined;
    if (!(content instanceof UnreadableFileError)) this.writer.remember(path, content);
    const entries = this.transcripts.get(where.transcript);
    if (!entries) {
      // Not loaded yet: it will be read when first needed. A new transcript's files are noticed
      // by full loads, so forget that everything was loaded.
      this.allLoaded = false;
      return where.transcript;
    }
    if (content === undefined) entries.delete(where.coderId);
    else entries.set(where.coderId, toEntry(path, content));
    return where.transcript;
  }

  private entriesOf(transcript: string): Map<string, Entry> {
    let entries = this.transcripts.get(transcript);
    if (!entries) {
      entries = new Map();
      this.transcripts.set(transcript, entries);
    }
    return entries;
  }

  /**
   * The one place coding changes. Undo records the change per segment (not per file), so undoing
   * one action never reverts a later change to another segment of the same file, such as the
   * quotes rewritten when the transcript is saved.
   */
  private set(transcript: string, coderId: string, entry: Entry | undefined): void {
    const entries = this.entriesOf(transcript);
    const before = entries.get(coderId);
    if (before === entry) return;
    if (before?.ok && entry?.ok) this.recordSegmentChanges(transcript, entry.file.coder, before.file.segments, entry.file.segments);
    else if (!before && entry?.ok) this.recordSegmentChanges(transcript, entry.file.coder, [], entry.file.segments);
    if (entry?.ok && (before?.ok ? before.file.uncoded : undefined) !== entry.file.uncoded) this.recordUncodedChange(transcript, entry.file.coder, before?.ok ? before.file.uncoded : undefined, entry.file.uncoded);
    keep(entries, coderId, entry);
    this.scheduleWrite(transcript, coderId);
  }

  private recordSegmentChanges(transcript: string, coder: Coder, before: readonly Segment[], after: readonly Segment[]): void {
    const old = new Map(before.map((s) => [s.id, s]));
    const now = new Map(after.map((s) => [s.id, s]));
    for (const id of new Set([...old.keys(), ...now.keys()])) {
      const [was, is] = [old.get(id), now.get(id)];
      if (was === is) continue;
      this.history.record({
        apply: (direction) => (direction === 'before' ? this.patchSegment(transcript, coder, id, is, was) : this.patchSegment(transcript, coder, id, was, is)),
      });
    }
  }

  /** Undo puts the coder's passages left uncoded back as a whole (only reconciling changes them). */
  private recordUncodedChange(transcript: string, coder: Coder, was: readonly UncodedPassage[] | undefined, is: readonly UncodedPassage[] | undefined): void {
    const put = (list: readonly UncodedPassage[] | undefined): void => {
      const entries = this.entriesOf(transcript);
      const entry = entries.get(coder.id);
      if (entry && !entry.ok) return; // broken since: never rewritten
      const file: CodingFile = { ...(entry?.ok ? entry.file : { transcript, coder, segments: [] }) };
      if (list && list.length > 0) file.uncoded = [...list];
      else delete file.uncoded;
      keep(entries, coder.id, { ok: true, file, warnings: entry?.ok ? entry.warnings : [] });
      this.scheduleWrite(transcript, coder.id);
    };
    this.history.record({ apply: (direction) => put(direction === 'before' ? was : is) });
  }

  /**
   * Turn one segment from `from` back (or forward) to `to`, leaving the rest of the file as it is
   * now. Only the fields the action changed are put back: a quote rewritten on save since then
   * stays.
   */
  private patchSegment(transcript: string, coder: Coder, id: string, from: Segment | undefined, to: Segment | undefined): void {
    const entries = this.entriesOf(transcript);
    const entry = entries.get(coder.id);
    if (entry && !entry.ok) return; // broken since: never rewritten
    const current = entry?.ok ? entry.file : { transcript, coder, segments: [] };
    const now = current.segments.find((s) => s.id === id);
    const segment = to && now && from ? replayFields(now, from, to) : to;
    const rest = current.segments.filter((s) => s.id !== id);
    const segments = segment ? [...rest, segment].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : rest;
    keep(entries, coder.id, { ok: true, file: { ...current, segments }, warnings: entry?.ok ? entry.warnings : [] });
    this.scheduleWrite(transcript, coder.id);
  }

  private scheduleWrite(transcript: string, coderId: string): void {
    this.writer.schedule(codingFilePath(transcript, coderId), () => {
      const entry = this.transcripts.get(transcript)?.get(coderId);
      if (!entry?.ok) return null;
      return entry.file.segments.length === 0 && !entry.file.uncoded?.length ? null : serializeCodingFile(entry.file);
    });
  }

  /** `files`: the transcript's coding file names, when the caller has just listed them. */
  private async loadTranscript(transcript: string, files?: readonly string[]): Promise<void> {
    const dir = `${CODING_DIR}/${transcript}`;
    const names = files ?? codingFileNames(await this.fs.readDirectory(dir));
    const entries = new Map<string, Entry>();
    await Promise.all(
      names.map(async (name) => {
        const path = `${dir}/${name}`;
        const content = await readFileText(this.fs, path);
        if (!(content instanceof UnreadableFileError)) this.writer.rememberRead(path, content);
        if (content !== undefined) entries.set(name.slice(0, -'.jsonl'.length), await this.slices.run(() => toEntry(path, content)));
      }),
    );
    // A mutation may have created entries while we were reading; keep them.
    const existing = this.transcripts.get(transcript);
    if (existing) for (const [k, v] of existing) entries.set(k, v);
    this.transcripts.set(transcript, entries);
  }

  /** Transcript paths are the folders under `.grounded/coding/` that hold `.jsonl` files (listed at once, not one by one). */
  private async discoverTranscripts(dir: string, rel: string): Promise<{ transcript: string; files: string[] }[]> {
    const entries = await this.fs.readDirectory(dir);
    const files = codingFileNames(entries);
    const found = rel !== '' && files.length > 0 ? [{ transcript: rel, files }] : [];
    const nested = await Promise.all(
      entries.filter((x) => x.kind === 'directory').map((e) => this.discoverTranscripts(`${dir}/${e.name}`, rel === '' ? e.name : `${rel}/${e.name}`)),
    );
    return found.concat(...nested);
  }
}

function codingFileNames(entries: readonly DirectoryEntry[]): string[] {
  return entries.filter((e) => e.kind === 'file' && e.name.endsWith('.jsonl')).map((e) => e.name);
}

/** A file that cannot be decoded is malformed like one that does not parse: never rewritten. */
function toEntry(path: string, content: string | UnreadableFileError): Entry {
  if (content instanceof UnreadableFileError) return { ok: false, problems: [content.problem] };
  const result = parseCodingFile(path, content);
  return result.ok ? { ok: true, file: result.value, warnings: result.warnings } : { ok: false, problems: result.problems };
}

/** `now` with every field that differs between `from` and `to` set as in `to`. */
function replayFields(now: Segment, from: Segment, to: Segment): Segment {
  const out: Record<string, unknown> = { ...now };
  const [a, b] = [from as unknown as Record<string, unknown>, to as unknown as Record<string, unknown>];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    if (b[key] === undefined) delete out[key];
    else out[key] = b[key];
  }
  return out as unknown as Segment;
}

function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * A coder's coding after a change. Coding left with no segment and no passage left uncoded has no
 * file (the write deletes it), so the coder is no longer one of the transcript's: as reading the
 * files again would find, and not a coder of nothing that undoing their only segment left behind.
 */
function keep(entries: Map<string, Entry>, coderId: string, entry: Entry | undefined): void {
  if (!entry || (entry.ok && entry.file.segments.length === 0 && !entry.file.uncoded?.length)) entries.delete(coderId);
  else entries.set(coderId, entry);
}
