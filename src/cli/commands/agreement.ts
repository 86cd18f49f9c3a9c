import {
  AgreementSelectionError,
  computeAgreement,
  CONTINUUM_LABELS,
  loadAgreementInput,
  renderAgreementCsv,
  renderAgreementTable,
  type AgreementUnit,
  type ContinuumChoice,
} from '../../core/agreement';
import { leftOutOf } from '../../core/validation/left-out';
import { NodeFileSystem } from '../../node/node-file-system';
import { warnLeftOut } from '../analysis-input';
import type { CliCommand, CliIo } from '../cli-command';
import { projectRootOrExplain } from '../project-root';

const UNITS: readonly AgreementUnit[] = ['char', 'turn', 'paragraph', 'line'];
const CONTINUA: readonly ContinuumChoice[] = ['text', 'body', 'turns'];

const HELP = `Usage: grounded agreement [dir] [options]

Inter-coder agreement per code, per transcript and over all transcripts, between the coders who
coded the same transcripts. Segments are placed on each transcript's current text first; segments
that cannot be placed are left out and counted in a warning. See docs/agreement.md.

Options:
  --coders a,b,…         Coders to compare (ids or names); default: every coder who coded a
                         transcript another coder coded too, except the consensus coder
                         reconciling writes (name it to compare it)
  --code X               Only this code (id, name or path "Parent / Child"); repeat for more.
                         Also lists the figures per transcript.
  --unit U               What percent, Cohen's κ, Fleiss' κ and Krippendorff's α count:
                         char (default: every character, as NVivo does), turn, paragraph or line
                         (a unit is coded by a coder when one of their segments overlaps it)
  --continuum C          The characters compared, and where uα is computed: text (default: the
                         whole text), body (without the front matter) or turns (what speakers said)
  --json                 Everything as JSON: figures, the counts behind them, warnings
  --csv                  One row per code and transcript, for a spreadsheet
  -h, --help             Show this help

Figures that cannot be computed (no variation, nothing to compare) are shown as — (null in JSON)
with the reason among the warnings.
`;

export const agreementCommand: CliCommand = {
  name: 'agreement',
  usage: 'agreement [dir] [--coders a,b] [--code X] [--unit char|turn|paragraph|line] [--json|--csv]   Inter-coder agreement per code (κ, α, uα)',
  options: {
    coders: { type: 'string' },
    code: { type: 'string', multiple: true },
    unit: { type: 'string' },
    continuum: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  async run([dir], values, io) {
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    const unit = (values.unit ?? 'char') as AgreementUnit;
    const continuum = (values.continuum ?? 'text') as ContinuumChoice;
    if (!UNITS.includes(unit)) return usageError(io, `--unit must be one of ${UNITS.join(', ')} (got "${String(values.unit)}")`);
    if (!CONTINUA.includes(continuum)) return usageError(io, `--continuum must be one of ${CONTINUA.join(', ')} (got "${String(values.continuum)}")`);
    if (values.json && values.csv) return usageError(io, 'give --json or --csv, not both');
    const root = projectRootOrExplain(dir, io);
    if (!root) return 2;
    const coders = typeof values.coders === 'string' ? values.coders.split(',').filter((c) => c.trim() !== '') : undefined;
    const codes = Array.isArray(values.code) ? values.code.map(String) : undefined;
    const fs = new NodeFileSystem(root);
    let loaded;
    try {
      loaded = await loadAgreementInput(fs, { coders, codes, unit, continuum });
    } catch (error) {
      if (error instanceof AgreementSelectionError) return usageError(io, error.message);
      throw error;
    }
    const found = loaded.input.coders.length;
    if (found < 2) {
      const why = !coders ? 'no two coders coded the same transcript' : found === 0 ? '--coders names none' : `only ${loaded.input.coders[0].id} was named`;
      return usageError(io, `agreement needs two or more coders; ${why}`);
    }
    // The plain table shows per-transcript rows only for chosen codes.
    const perTranscript = values.json === true || values.csv === true || codes !== undefined;
    const report = computeAgreement(loaded.input, { unit, continuum: CONTINUUM_LABELS[continuum], perTranscript });
    report.warnings.unshift(...loaded.warnings);
    if (values.json) io.out(`${JSON.stringify({ project: loaded.project, ...report }, null, 2)}\n`);
    else if (values.csv) io.out(renderAgreementCsv(report));
    else io.out(renderAgreementTable(report, loaded.project, { detail: codes !== undefined }));
    // A coder whose file could not be read is missing from every figure: said where scripts look.
    return warnLeftOut('agreement', await leftOutOf(fs, loaded.snapshot), io);
  },
};

function usageError(io: CliIo, message: string): number {
  io.err(`grounded agreement: ${message}\n`);
  return 2;
}
