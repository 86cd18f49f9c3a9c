/**
 * Re-anchoring accuracy over more seeds of the generator than the benchmark's own: every scenario
 * (the realistic edit script and the harder ones) rebuilt per seed, accuracy only, no timing.
 * `ANCHORING_SEEDS=1-10 npx tsx bench/anchoring.bench.ts` (or a list, `1,5,9`) runs it after the
 * benchmark; `ANCHORING_SEEDS_DETAILS=1` also prints every misplaced segment, for investigation.
 */
import { createOffsetMap, reanchor, type Anchor, type Placement } from '../../src/core/anchoring';
import type { TextRange } from '../../src/core/model';
import { buildHardScenario, HARD_SCENARIOS } from './hard-scenarios';
import { measure } from './metrics';
import { Random } from './random';
import { buildScenario } from './scenario';
import type { TrackedText } from './tracked-text';

/** Seeds from `1-10`, `3,7,11` or a mix; an empty or malformed list is an error naming it. */
export function parseSeeds(spec: string): number[] {
  const seeds: number[] = [];
  for (const part of spec.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) throw new Error(`ANCHORING_SEEDS: "${part}" is not a seed or a range of seeds (e.g. 1-10 or 3,7)`);
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    for (let seed = from; seed <= to; seed++) seeds.push(seed);
  }
  if (seeds.length === 0) throw new Error(`ANCHORING_SEEDS: no seed in "${spec}"`);
  return seeds;
}

interface Built {
  anchors: Anchor[];
  ranges: TextRange[];
  edited: TrackedText;
  raw: string;
}

const SCENARIOS: Record<string, (seed: number) => Built> = {
  realistic: (seed) => {
    const built = buildScenario(new Random(seed));
    return { ...built, raw: built.edited.text };
  },
  ...Object.fromEntries(Object.keys(HARD_SCENARIOS).map((name) => [name, (seed: number) => buildHardScenario(name, seed)])),
};

export interface SweepRow {
  scenario: string;
  seed: number;
  exactPct: number;
  approximate: number;
  misplaced: number;
  orphaned: number;
}

/** Accuracy of every scenario on every seed; `onMisplaced` hears about each misplaced segment. */
export function sweep(seeds: readonly number[], onMisplaced?: (what: string) => void, scenarios: readonly string[] = Object.keys(SCENARIOS)): SweepRow[] {
  const rows: SweepRow[] = [];
  for (const scenario of scenarios) {
    for (const seed of seeds) {
      const built = SCENARIOS[scenario](seed);
      const text = createOffsetMap(built.raw).text;
      const placements = reanchor(text, built.anchors);
      const result = measure(built.edited, built.ranges, placements);
      rows.push({ scenario, seed, exactPct: (100 * result.exact) / result.surviving, approximate: result.approximate, misplaced: result.misplaced, orphaned: result.orphaned });
      if (onMisplaced) describeMisplaced(scenario, seed, built, text, placements, onMisplaced);
    }
  }
  return rows;
}

function describeMisplaced(scenario: string, seed: number, built: Built, text: string, placements: readonly Placement[], report: (what: string) => void): void {
  placements.forEach((placement, i) => {
    if (!placement.range || built.edited.isOnOwnText(built.ranges[i], placement.range)) return;
    const truth = built.edited.groundTruth(built.ranges[i]).core;
    const show = (r: TextRange | undefined) => (r ? `${r.start}-${r.end} ${JSON.stringify(text.slice(r.start - 30, r.start) + '«' + text.slice(r.start, r.end) + '»' + text.slice(r.end, r.end + 30))}` : 'deleted');
    report(`${scenario} seed ${seed} ${placement.id} ${placement.status} score ${placement.score}\n  quote ${JSON.stringify(built.anchors[i].quote)}\n  placed ${show(placement.range)}\n  truth  ${show(truth)}`);
  });
}
