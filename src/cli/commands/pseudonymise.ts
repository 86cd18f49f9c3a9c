import {
  describeFinish,
  describeReport,
  describeTraces,
  finishPseudonymisation,
  JOURNAL_PATH,
  JournalError,
  NameMatcher,
  PseudonymError,
  readJournal,
  runPseudonymisation,
  traceProject,
  type PseudonymisePlan,
  type PseudonymiseRun,
  type PseudonymiseJournal,
} from '../../core/pseudonymise';
import { formatProblem } from '../../core/storage/errors';
import { ProjectStore } from '../../core/storage/project-store';
import { NodeFileSystem } from '../../node/node-file-system';
import type { CliCommand, CliIo } from '../cli-command';
import { findProjectRoot, projectRootOrExplain } from '../project-root';

/** Requotes are written by the store in each segment's own coder file: this identity writes nothing of its own. */
const CLI_CODER = { id: 'grounded-cli', name: 'grounded' };

export const pseudonymiseCommand: CliCommand = {
  name: 'pseudonymise',
  usage: [
    'pseudonymise <name> <pseudonym> [dir] [--variant X]… [--dry-run]   Replace a name in every transcript, memo and code; coded segments follow',
    '  pseudonymise --resume [dir]          Finish an interrupted pseudonymisation (any run finishes it first)',
    '  pseudonymise --check <name>… [--variant X]…   Where a name (or a part of it cut off in a quote) still appears; exit 1 if anywhere',
  ].join('\n'),
  options: { variant: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' }, check: { type: 'boolean' }, resume: { type: 'boolean' } },
  async run(positionals, values, io) {
    const variants = (Array.isArray(values.variant) ? values.variant : []).map(String);
    if (values.check === true) return check([...positionals, ...variants], io);
    const resumeOnly = values.resume === true;
    const [name, pseudonym, dir] = resumeOnly ? [undefined, undefined, positionals[0]] : positionals;
    if (!resumeOnly && (name === undefined || pseudonym === undefined)) {
      io.err('grounded pseudonymise: give the name and the pseudonym, e.g. grounded pseudonymise Amara Zola\n');
      return 2;
    }
    const opened = await openProject(dir, io);
    if (typeof opened === 'number') return opened;
    const { fs, store, journal } = opened;
    if (name === undefined || pseudonym === undefined) {
      if (!journal) {
        io.out('No interrupted pseudonymisation to finish.\n');
        return 0;
      }
      const finished = await finishPseudonymisation(fs, store, journal);
      io.out(`${describeFinish(finished).join('\n')}\n`);
      return finished.changedSince.length > 0 ? 1 : 0;
    }
    const dryRun = values['dry-run'] === true;
    // An interrupted run is finished, and said so, before the new name is planned: a name refused
    // then must not hide that files were written.
    const finished = journal && !dryRun ? await finishPseudonymisation(fs, store, journal) : undefined;
    if (finished) io.out(`${describeFinish(finished).join('\n')}\n`);
    let run: PseudonymiseRun;
    try {
      run = await runPseudonymisation(fs, store, { name, pseudonym, variants }, dryRun);
    } catch (error) {
      if (!(error instanceof PseudonymError)) throw error;
      io.err(`grounded pseudonymise: ${error.message}\n`);
      return 2;
    }
    print(run.plan, dryRun, io);
    if (run.applied && run.applied.changedSince.length > 0) io.out(`${describeFinish(run.applied).slice(1).join('\n')}\n`);
    return [finished, run.applied].some((r) => r !== undefined && r.changedSince.length > 0) ? 1 : 0;
  },
};

interface Opened {
  fs: NodeFileSystem;
  store: ProjectStore;
  journal: PseudonymiseJournal | undefined;
}

/** The project with all its coding, refused (an exit code) when a coding file or the journal cannot be read. */
async function openProject(dir: string | undefined, io: CliIo): Promise<Opened | number> {
  const root = projectRootOrExplain(dir, io);
  if (!root) return 2;
  const fs = new NodeFileSystem(root);
  const store = await ProjectStore.open(fs, { coder: CLI_CODER });
  await store.loadAllCoding();
  const broken = store.problems().filter((p) => p.severity === 'error');
  if (broken.length > 0) {
    io.err(`grounded pseudonymise: nothing changed, because some coding files cannot be read (fix them first):\n${broken.map((p) => `  ${formatProblem(p)}\n`).join('')}`);
    return 1;
  }
  try {
    return { fs, store, journal: await readJournal(fs) };
  } catch (error) {
    if (!(error instanceof JournalError)) throw error;
    io.err(`grounded pseudonymise: nothing changed: ${error.message}\n`);
    return 1;
  }
}

async function check(names: string[], io: CliIo): Promise<number> {
  if (names.length === 0) {
    io.err('grounded pseudonymise --check: give the name(s) to look for, e.g. grounded pseudonymise --check Amara "Amara Okoye"\n');
    return 2;
  }
  const root = findProjectRoot(io.cwd);
  if (!root) {
    io.err(`grounded: no Grounded project at ${io.cwd} or above it (looked for .grounded/project.json)\n`);
    return 2;
  }
  let matcher: NameMatcher;
  try {
    matcher = NameMatcher.forNames(names);
  } catch (error) {
    if (!(error instanceof PseudonymError)) throw error;
    io.err(`grounded pseudonymise: ${error.message}\n`);
    return 2;
  }
  const fs = new NodeFileSystem(root);
  const store = await ProjectStore.open(fs, { coder: CLI_CODER });
  await store.loadAllCoding();
  const traces = await traceProject(fs, store, matcher);
  if ((await fs.readFile(JOURNAL_PATH)) !== undefined) io.out(`An interrupted pseudonymisation is unfinished (${JOURNAL_PATH}): run grounded pseudonymise --resume to finish it.\n`);
  for (const line of describeTraces(traces)) io.out(`${line}\n`);
  for (const p of store.problems().filter((p) => p.severity === 'error')) io.err(`${formatProblem(p)}: not checked, it cannot be read\n`);
  const unreadable = store.problems().some((p) => p.severity === 'error');
  const names_ = names.map((n) => `"${n}"`).join(', ');
  io.out(traces.length === 0 ? `No trace of ${names_} in the transcripts, memos, codes or coded segments${unreadable ? ' that could be read' : ''}.\n` : `${traces.length} trace(s) of ${names_}.\n`);
  return traces.length > 0 || unreadable ? 1 : 0;
}

function nothingToDo(plan: PseudonymisePlan): boolean {
  return plan.report.occurrences === 0 && plan.requotes.length === 0;
}

function print(plan: PseudonymisePlan, dryRun: boolean, io: CliIo): void {
  if (nothingToDo(plan)) {
    io.out(`"${plan.report.name}" does not occur in any transcript, memo or code; nothing to do.\n`);
    return;
  }
  io.out(`${describeReport(plan.report, !dryRun).join('\n')}\n`);
  if (dryRun) io.out('Dry run: no file was changed.\n');
}
