import { AgreementSelectionError, selectCoders } from '../../core/agreement';
import { CONSENSUS_CODER, planAgreedCopy } from '../../core/disagreements';
import { ProjectStore } from '../../core/storage/project-store';
import { closingNotes, loadAnalysisInput } from '../analysis-input';
import type { CliCommand, CliIo } from '../cli-command';
import { roundToWrite } from '../round-option';

const HELP = `Usage: grounded consensus [dir] [options]

Copies to the consensus coder (.grounded/coding/<transcript>/consensus.jsonl) every passage the
compared coders coded alike, the same code over the same words, in each transcript they all
coded: what "Copy Agreed Coding to the Consensus Coder" does in the editor. A code the consensus
coder has over any of those words already is left as it is, so a reconciled disagreement is never
overwritten and a second run adds nothing. Disagreements are not touched: reconcile them in the
editor. With both done, the consensus coder holds the team's whole coding (--coder consensus in
grounded query, matrix and export). See docs/review.md.

Options:
  --coders a,b,…   Coders whose agreement is copied (ids or names); default: every coder who coded
                   a transcript another coder coded too, except the consensus coder
  --round R        The coding round the new segments are recorded in (id or name); default: the
                   project's first round
  --dry-run        List what would be copied; write nothing
  -h, --help       Show this help
`;

export const consensusCommand: CliCommand = {
  name: 'consensus',
  usage: 'consensus [dir] [--coders a,b] [--round R] [--dry-run]   Copy what coders coded alike to the consensus coder',
  options: { coders: { type: 'string' }, round: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  async run([dir], values, io) {
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    const input = await loadAnalysisInput(dir, io);
    if (!input) return 2;
    const { snapshot } = input;
    const round = roundToWrite(values.round, snapshot.config);
    if (typeof round === 'string') return usage(io, round);
    const warnings: string[] = [];
    let coders: string[];
    try {
      const wanted = typeof values.coders === 'string' ? values.coders.split(',').filter((c) => c.trim() !== '') : undefined;
      coders = selectCoders(snapshot, snapshot.transcripts, wanted, warnings).map((c) => c.id);
    } catch (error) {
      if (error instanceof AgreementSelectionError) return usage(io, `--coders: ${error.message}`);
      throw error;
    }
    if (coders.includes(CONSENSUS_CODER.id)) return usage(io, '--coders: the consensus coder receives the agreement; name the coders whose agreement it gets');
    if (coders.length < 2) return usage(io, `copying agreement needs two or more coders; ${values.coders === undefined ? 'no two coders coded the same transcript' : 'name another in --coders'}`);

    const { transcripts, copied, already } = planAgreedCopy(snapshot.transcripts, coders);
    for (const t of transcripts) io.out(`${t.transcript}: ${t.targets.length} agreed passage(s)\n`);
    const had = already > 0 ? `; ${already} it had already` : '';
    const { unread, conflicted } = input.leftOut;
    const dryRun = values['dry-run'] === true;
    if (!dryRun && copied > 0 && unread.length + conflicted.length > 0) {
      // A coder's file that could not be read, or a conflicted one, would make agreement look
      // different from what the coders did: nothing is written until it is mended.
      io.err('grounded consensus: nothing was written, because some files cannot be read as they are (below); mend them (grounded validate) and run it again\n');
      closingNotes('consensus', input, io);
      return 1;
    }
    if (dryRun || copied === 0) {
      io.out(`${copied} agreed passage(s) in ${transcripts.length} transcript(s) ${dryRun ? 'would be' : 'to be'} copied to the consensus coder${had}${dryRun ? '; nothing written (--dry-run)' : ''}\n`);
    } else {
      const store = await ProjectStore.open(input.fs, { coder: CONSENSUS_CODER });
      store.setRound(round.id);
      await store.applyAsCoderAcross(CONSENSUS_CODER, transcripts, 'Copy agreed coding');
      await store.flush();
      io.out(`copied ${copied} agreed passage(s) in ${transcripts.length} transcript(s) to the consensus coder, in round ${round.id}${had}\n`);
    }
    for (const w of warnings) io.err(`note: ${w}\n`);
    return closingNotes('consensus', input, io);
  },
};

function usage(io: CliIo, message: string): number {
  io.err(`grounded consensus: ${message}\n`);
  return 2;
}
