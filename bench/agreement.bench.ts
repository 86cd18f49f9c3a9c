/**
 * Inter-coder agreement on a large project made in memory: 1,000 transcripts of 30,000 characters,
 * 20 codes, two coders with 50 segments each per transcript (100,000 segments), the second coder's
 * boundaries jittered from the first's, some segments missed and some added. Every coefficient for
 * every code, per transcript and pooled (and once without the per-transcript figures, as the plain
 * table computes it). Prints `bench <name> <value> <unit>` lines.
 * Run: npx tsx bench/agreement.bench.ts
 */
import { computeAgreement, type AgreementInput, type AgreementUnit, type PlacedSegment } from '../src/core/agreement';
import { Random } from './lib/random';
import { median, timeMs } from './lib/timing';

const SEED = 20_251_203;
const TRANSCRIPTS = 1_000;
const LENGTH = 30_000;
const SEGMENTS_PER_CODER = 50;
const CODES = 20;
const TURNS = 150;
const WARM_UP_RUNS = 2;
const TIMED_RUNS = 7;

function project(random: Random): AgreementInput {
  const codes = Array.from({ length: CODES }, (_, i) => ({ id: `c-${i}`, name: `Code ${i}` }));
  const turnLength = LENGTH / TURNS;
  const units = Array.from({ length: TURNS }, (_, i) => ({ start: i * turnLength, end: (i + 1) * turnLength }));
  const transcripts = Array.from({ length: TRANSCRIPTS }, (_, t) => {
    const first: PlacedSegment[] = [];
    const second: PlacedSegment[] = [];
    for (let s = 0; s < SEGMENTS_PER_CODER; s++) {
      const codeId = random.pick(codes).id;
      const start = random.int(0, LENGTH - 400);
      const end = start + random.int(20, 400);
      first.push({ codeId, start, end });
      // The second coder mostly codes the same passage with other boundaries, sometimes another one.
      if (random.chance(0.8)) second.push({ codeId, start: Math.max(0, start + random.int(-30, 30)), end: Math.min(LENGTH, end + random.int(-30, 30)) });
      else second.push({ codeId: random.pick(codes).id, start, end: start + random.int(20, 400) });
    }
    return { name: `interviews/t${String(t).padStart(4, '0')}.md`, length: LENGTH, units, coding: [{ coderId: 'a', segments: first }, { coderId: 'b', segments: second }] };
  });
  return { coders: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], codes, transcripts };
}

const input = project(new Random(SEED));
const segments = input.transcripts.reduce((n, t) => n + t.coding.reduce((m, c) => m + c.segments.length, 0), 0);
if (segments !== 100_000) throw new Error(`expected 100,000 segments, made ${segments}`);

function time(unit: AgreementUnit, perTranscript = true): { wall: number; cpu: number } {
  const run = () => computeAgreement(input, { unit, continuum: 'whole text', perTranscript });
  for (let i = 0; i < WARM_UP_RUNS; i++) run();
  const cpu: number[] = [];
  const wall = timeMs(TIMED_RUNS, () => {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  });
  return { wall, cpu: median(cpu) };
}

const chars = time('char');
const turns = time('turn');
const pooled = time('char', false);
console.log(`bench agreement.ms_100k ${chars.wall.toFixed(1)} ms`);
// CPU time of the process (garbage collection threads included): steadier than wall time on a busy machine.
console.log(`bench agreement.cpu_ms_100k ${chars.cpu.toFixed(1)} ms`);
console.log(`bench agreement.turns_ms_100k ${turns.wall.toFixed(1)} ms`);
// What the plain table needs: per code and pooled, no per-transcript figures.
console.log(`bench agreement.pooled_ms_100k ${pooled.wall.toFixed(1)} ms`);
console.log(`bench agreement.pooled_cpu_ms_100k ${pooled.cpu.toFixed(1)} ms`);
if (process.env.BENCH_DETAILS) {
  const report = computeAgreement(input, { unit: 'char', continuum: 'whole text' });
  console.error(JSON.stringify({ overall: report.overall, firstCode: report.codes[0].overall }, null, 1));
}
