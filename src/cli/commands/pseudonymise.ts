import { resolve } from 'node:path';
import { describeReport, inOriginalForm, planPseudonymisation, PseudonymError, readStudyFiles, type PseudonymisePlan } from '../../core/pseudonymise';
import { formatProblem } from '../../core/storage/errors';
import { ProjectStore } from '../../core/storage/project-store';
import { NodeFileSystem } from '../../node/node-file-system';
import type { CliCommand, CliIo } from '../cli-command';
import { findProjectRoot } from '../project-root';

/** Requotes are written by the store in each segment's own coder file: this identity writes nothing of its own. */
const CLI_CODER = { id: 'grounded-cli', name: 'grounded' };

export const pseudonymiseCommand: CliCommand = {
  name: 'pseudonymise',
  usage: 'pseudonymise <name> <pseudonym> [dir] [--variant X]… [--dry-run]   Replace a name in every transcript and memo; coded segments follow',
  options: { variant: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } },
  async run([name, pseudonym, dir], values, io) {
    if (name === undefined || pseudonym === undefined) {
      io.err('grounded pseudonymise: give the name and the pseudonym, e.g. grounded pseudonymise Amara Zola\n');
      return 2;
    }
    const root = findProjectRoot(resolve(io.cwd, dir ?? '.'));
    if (!root) {
      io.err(`grounded: no Grounded project at ${resolve(io.cwd, dir ?? '.')} or above it (looked for .grounded/project.json)\n`);
      return 2;
    }
    const fs = new NodeFileSystem(root);
    const store = await ProjectStore.open(fs, { coder: CLI_CODER });
    await store.loadAllCoding();
    const broken = store.problems().filter((p) => p.severity === 'error');
    if (broken.length > 0) {
      io.err(`grounded pseudonymise: nothing changed, because some coding files cannot be read (fix them first):\n${broken.map((p) => `  ${formatProblem(p)}\n`).join('')}`);
      return 1;
    }
    const files = await readStudyFiles(fs, store.config);
    const variants = (Array.isArray(values.variant) ? values.variant : []).map(String);
    let plan: PseudonymisePlan;
    try {
      plan = planPseudonymisation({ name, pseudonym, variants, files: files.map((f) => f.file), coding: store.loadedCoding() });
    } catch (error) {
      if (!(error instanceof PseudonymError)) throw error;
      io.err(`grounded pseudonymise: ${error.message}\n`);
      return 2;
    }
    const dryRun = values['dry-run'] === true;
    if (!dryRun) await apply(plan, new Map(files.map((f) => [f.file.path, f.raw])), fs, store);
    print(plan, dryRun, io);
    return 0;
  },
};

/** Texts first, then the quotes: each file is replaced atomically, so none is ever half written. */
async function apply(plan: PseudonymisePlan, raw: ReadonlyMap<string, string>, fs: NodeFileSystem, store: ProjectStore): Promise<void> {
  for (const change of plan.changes) await fs.writeFileAtomic(change.path, inOriginalForm(raw.get(change.path) ?? '', change.newText));
  for (const group of plan.requotes) await store.requote(group.transcript, group.coderId, group.updates);
  await store.flush();
}

function print(plan: PseudonymisePlan, dryRun: boolean, io: CliIo): void {
  if (plan.report.occurrences === 0 && plan.requotes.length === 0) {
    io.out(`"${plan.report.name}" does not occur in any transcript or memo; nothing to do.\n`);
    return;
  }
  io.out(`${describeReport(plan.report, !dryRun).join('\n')}\n`);
  if (dryRun) io.out('Dry run: no file was changed.\n');
}
