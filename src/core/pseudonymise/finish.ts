/**
 * Carrying out a pseudonymisation through its journal, so that an interrupted run can be finished
 * exactly: the journal is written before any file, every write it lists is made only where the
 * file (or segment) still holds what it held when the plan was made, and the journal is deleted
 * last. Running the same journal twice writes nothing the second time.
 */
import type { QuoteSelector, SegmentId, TextRange } from '../model';
import type { FileSystem } from '../ports';
import type { ProjectStore } from '../storage/project-store';
import { contentHash, JOURNAL_PATH, journalOf, parseJournal, quoteHash, serialiseJournal, type JournalQuotes, type PseudonymiseJournal } from './journal';
import { NameMatcher, PseudonymError, type NameSpec } from './name-matcher';
import { planPseudonymisation, type PseudonymisePlan } from './plan';
import { readStudyFiles } from './study-files';

export interface FinishReport {
  pseudonym: string;
  /** Files written now. */
  written: string[];
  /** Files that already held their new content. */
  alreadyDone: string[];
  /** Files changed (or deleted) since the plan was made: left as they are. */
  changedSince: string[];
  segmentsUpdated: number;
  /** Segments edited or deleted since the plan was made, or whose transcript was: left as they are. */
  segmentsChangedSince: { transcript: string; coderId: string; id: SegmentId }[];
}

/** The journal an interrupted pseudonymisation left, or undefined; throws JournalError when it cannot be read. */
export async function readJournal(fs: FileSystem): Promise<PseudonymiseJournal | undefined> {
  const text = await fs.readFile(JOURNAL_PATH);
  return text === undefined ? undefined : parseJournal(text);
}

/** Record the plan before any file changes. `disk` is each study file's content on disk now. */
export async function startPseudonymisation(fs: FileSystem, store: ProjectStore, plan: PseudonymisePlan, disk: ReadonlyMap<string, string>): Promise<PseudonymiseJournal> {
  const coding = new Map(store.loadedCoding().map((c) => [c.transcript, c]));
  const journal = journalOf(plan, disk, (transcript, coderId, id) => coding.get(transcript)?.coders.find((c) => c.coder.id === coderId)?.segments.find((s) => s.id === id)?.quote);
  await fs.writeFileAtomic(JOURNAL_PATH, serialiseJournal(journal));
  return journal;
}

export interface PseudonymiseRun {
  /** The interrupted run finished first, if a journal was left. */
  finished?: FinishReport;
  plan: PseudonymisePlan;
  /** Undefined on a dry run or when there was nothing to do. */
  applied?: FinishReport;
}

/**
 * A whole run over a project whose coding is all loaded: an interrupted run is finished first
 * (planning on its half-written files would lose what only its plan knows), then the name is
 * planned and written. A dry run with a journal left is refused: its plan would describe a
 * half-written state. Throws PseudonymError for a bad request, JournalError for a broken journal.
 */
export async function runPseudonymisation(fs: FileSystem, store: ProjectStore, request: NameSpec, dryRun = false): Promise<PseudonymiseRun> {
  new NameMatcher(request); // a bad request is refused before anything is written
  const journal = await readJournal(fs);
  if (journal && dryRun) throw new PseudonymError(`an interrupted pseudonymisation is unfinished (${JOURNAL_PATH}): finish it first`);
  const finished = journal ? await finishPseudonymisation(fs, store, journal) : undefined;
  const files = await readStudyFiles(fs, store.config);
  const plan = planPseudonymisation({ ...request, files: files.map((f) => f.file), coding: store.loadedCoding() });
  const nothing = plan.report.occurrences === 0 && plan.requotes.length === 0;
  const applied = dryRun || nothing ? undefined : await applyPseudonymisation(fs, store, plan, new Map(files.map((f) => [f.file.path, f.raw])));
  return { finished, plan, applied };
}

/** Write a plan: its journal, then the texts, then the quotes, then delete the journal. */
export async function applyPseudonymisation(fs: FileSystem, store: ProjectStore, plan: PseudonymisePlan, disk: ReadonlyMap<string, string>): Promise<FinishReport> {
  return finishPseudonymisation(fs, store, await startPseudonymisation(fs, store, plan, disk));
}

/**
 * Make every write of the journal not yet made, then delete it. A file or segment changed since the
 * plan was made (neither its old content nor its new) is not overwritten: it is reported, and the
 * quotes of a transcript whose text was not written are left too, as they would not fit its text.
 * The journal is deleted even then — it cannot finish those — and the report says what is left.
 */
export async function finishPseudonymisation(fs: FileSystem, store: ProjectStore, journal: PseudonymiseJournal): Promise<FinishReport> {
  const report: FinishReport = { pseudonym: journal.pseudonym, written: [], alreadyDone: [], changedSince: [], segmentsUpdated: 0, segmentsChangedSince: [] };
  for (const file of journal.files) {
    const raw = await fs.readFile(file.path);
    const hash = raw === undefined ? undefined : contentHash(raw);
    if (hash === file.after) report.alreadyDone.push(file.path);
    else if (hash === file.before) {
      await fs.writeFileAtomic(file.path, file.content);
      report.written.push(file.path);
    } else report.changedSince.push(file.path);
  }
  const unwritten = new Set(report.changedSince);
  for (const group of journal.quotes) await finishQuotes(store, group, unwritten.has(group.transcript), report);
  await store.flush();
  await fs.deleteFile(JOURNAL_PATH);
  return report;
}

async function finishQuotes(store: ProjectStore, group: JournalQuotes, transcriptUnwritten: boolean, report: FinishReport): Promise<void> {
  const { transcript, coderId } = group;
  const stored = (await store.getCoding(transcript)).coders.find((c) => c.coder.id === coderId)?.segments ?? [];
  const current = new Map(stored.map((s) => [s.id, s.quote]));
  const updates = new Map<SegmentId, { quote: QuoteSelector; position: TextRange }>();
  for (const segment of group.segments) {
    const quote = current.get(segment.id);
    if (quote !== undefined && sameQuote(quote, segment.quote)) continue;
    if (transcriptUnwritten || quote === undefined || quoteHash(quote) !== segment.before) {
      report.segmentsChangedSince.push({ transcript, coderId, id: segment.id });
      continue;
    }
    updates.set(segment.id, { quote: segment.quote, position: segment.position });
  }
  await store.requote(transcript, coderId, updates);
  report.segmentsUpdated += updates.size;
}

function sameQuote(a: QuoteSelector, b: QuoteSelector): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
}

/** The report as lines for a terminal or a log. */
export function describeFinish(report: FinishReport): string[] {
  const lines = [`Finished an interrupted pseudonymisation (to "${report.pseudonym}"): wrote ${report.written.length} file(s) (${report.alreadyDone.length} were already done) and updated the quotes of ${report.segmentsUpdated} coded segment(s).`];
  for (const path of report.changedSince) lines.push(`  ${path} changed since the pseudonymisation was planned and was left as it is: run the pseudonymisation again to replace the name in it.`);
  if (report.segmentsChangedSince.length > 0) lines.push(`  ${report.segmentsChangedSince.length} coded segment(s) changed since, or are in a transcript left as it is; their quotes were left as they are.`);
  return lines;
}
