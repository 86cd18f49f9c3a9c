/**
 * Re-anchoring and live shifting on a realistic transcript: a 20,000-word interview with 2,000
 * coded segments, after a realistic edit script. Prints `bench <name> <value> <unit>` lines.
 * Run: npx tsx bench/anchoring.bench.ts
 * More seeds of the generator, accuracy only: ANCHORING_SEEDS=1-10 npx tsx bench/anchoring.bench.ts
 * (ANCHORING_SEEDS_DETAILS=1 also lists every misplaced segment on stderr).
 */
import { createOffsetMap, isUnchanged, reanchor, shiftRanges, type TextChange } from '../src/core/anchoring';
import { measure } from './lib/metrics';
import { Random } from './lib/random';
import { referenceReanchor } from './lib/reference';
import { buildHardScenario, HARD_SCENARIOS } from './lib/hard-scenarios';
import { buildScenario } from './lib/scenario';
import { parseSeeds, sweep } from './lib/seed-sweep';
import { timeMs } from './lib/timing';

const SEED = 20_240_611;
const WARM_UP_RUNS = 3;
const TIMED_RUNS = 15;
/** The reference takes seconds per run. */
const REFERENCE_RUNS = 3;
/** The harder scenarios are about accuracy; a few runs give their time. */
const HARD_RUNS = 3;

function report(name: string, value: number, unit: string, digits = 2): void {
  console.log(`bench ${name} ${value.toFixed(digits)} ${unit}`);
}

const scenario = buildScenario(new Random(SEED));
const { anchors, ranges, edited } = scenario;
const text = edited.text;

for (let i = 0; i < WARM_UP_RUNS; i++) reanchor(text, anchors);
const ours = timeMs(TIMED_RUNS, () => reanchor(text, anchors));
const accuracy = measure(edited, ranges, reanchor(text, anchors));

referenceReanchor(text, anchors.slice(0, 100));
const reference = timeMs(REFERENCE_RUNS, () => referenceReanchor(text, anchors));

const original = scenario.transcript.text;
for (let i = 0; i < WARM_UP_RUNS; i++) isUnchanged(original, anchors);
const unchanged = timeMs(TIMED_RUNS * 5, () => isUnchanged(original, anchors));

const random = new Random(SEED + 1);
const edits: TextChange[] = Array.from({ length: 1_000 }, () => {
  const at = random.int(0, original.length);
  return random.chance(0.8) ? { start: at, end: at, text: 'x' } : { start: at, end: Math.min(original.length, at + 1), text: '' };
});
const positions = anchors.map((a) => a.position);
const shiftTotal = timeMs(TIMED_RUNS, () => {
  let current = positions;
  for (const edit of edits) current = shiftRanges(current, [edit]);
});

report('reanchor.ms_per_transcript', ours, 'ms');
report('reanchor.exact_pct', (100 * accuracy.exact) / accuracy.surviving, '%');
report('reanchor.misplaced', accuracy.misplaced, 'count', 0);
report('reanchor.orphaned', accuracy.orphaned, 'count', 0);
report('reanchor.truly_deleted', accuracy.trulyDeleted, 'count', 0);
report('reanchor.reference_ratio', reference / ours, 'x', 1);
report('reanchor.unchanged_ms', unchanged, 'ms', 3);
report('shift.ms_per_edit', shiftTotal / edits.length, 'ms', 4);
// Harder edits, each on the same interview (one that names people) and its 2,000 segments. The
// file as saved (CRLF where the scenario says so) goes through the editor's normalisation first.
for (const name of Object.keys(HARD_SCENARIOS)) {
  const hard = buildHardScenario(name, SEED);
  const normalised = createOffsetMap(hard.raw).text;
  const placements = reanchor(normalised, hard.anchors);
  const time = timeMs(HARD_RUNS, () => reanchor(createOffsetMap(hard.raw).text, hard.anchors));
  const result = measure(hard.edited, hard.ranges, placements);
  report(`reanchor.${name}.exact_pct`, (100 * result.exact) / result.surviving, '%');
  report(`reanchor.${name}.approximate`, result.approximate, 'count', 0);
  report(`reanchor.${name}.misplaced`, result.misplaced, 'count', 0);
  report(`reanchor.${name}.orphaned`, result.orphaned, 'count', 0);
  report(`reanchor.${name}.ms`, time, 'ms', 0);
}
if (process.env.ANCHORING_SEEDS) {
  const details = process.env.ANCHORING_SEEDS_DETAILS ? (what: string) => console.error(what) : undefined;
  const rows = sweep(parseSeeds(process.env.ANCHORING_SEEDS), details);
  for (const row of rows) {
    const name = `reanchor.${row.scenario}.seed_${row.seed}`;
    report(`${name}.exact_pct`, row.exactPct, '%');
    report(`${name}.misplaced`, row.misplaced, 'count', 0);
    report(`${name}.orphaned`, row.orphaned, 'count', 0);
  }
  for (const scenario of new Set(rows.map((row) => row.scenario))) {
    report(`reanchor.${scenario}.seeds_misplaced`, rows.filter((row) => row.scenario === scenario).reduce((sum, row) => sum + row.misplaced, 0), 'count', 0);
  }
}
if (process.env.BENCH_DETAILS) console.error(JSON.stringify({ ...accuracy, inexact: accuracy.inexact.slice(0, 40), textLength: text.length }));
