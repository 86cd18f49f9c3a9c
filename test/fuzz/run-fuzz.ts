/**
 * `npm run fuzz`: thousands of damaged files per reader, before a release. Prints the seed (run
 * again with `--seed N` to repeat a run exactly), then per reader: cases, crashes (exit other than
 * 0/1, a thrown error, an unnamed file or a changed project), hangs (over the time limit) and the
 * slowest case. Options: `--runs N` per reader (default 2000), `--seed N`, `--only name,name`,
 * `--limit-ms N` (default 10000). Exits 1 when any case misbehaved.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { mutation } from './mutations';
import { CaseFolder, type CaseResult, misbehaviour, readers } from './readers';

const { values } = parseArgs({
  options: { runs: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' }, 'limit-ms': { type: 'string' } },
});
const runs = Number(values.runs ?? 2000);
const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
const limitMs = Number(values['limit-ms'] ?? 10_000);
const only = values.only?.split(',');

console.log(`fuzz seed ${seed}, ${runs} case(s) per reader, time limit ${limitMs} ms (repeat with --seed ${seed})`);
let failures = 0;
for (const reader of readers().filter((r) => only === undefined || only.includes(r.name))) {
  const folder = new CaseFolder(reader);
  const figures = { cases: 0, crashes: 0, hangs: 0, slowest: 0, slowestCase: '' };
  const examples: string[] = [];
  try {
    const cases = fc.sample(mutation(), { numRuns: runs, seed });
    for (const [index, m] of cases.entries()) {
      const result: CaseResult = await folder.run(m.apply(reader.seed));
      figures.cases++;
      if (result.ms > figures.slowest) [figures.slowest, figures.slowestCase] = [result.ms, `#${index} ${m.name}`];
      const wrong = misbehaviour(reader, result, limitMs);
      if (wrong === undefined) continue;
      if (result.ms > limitMs && result.code !== 'thrown') figures.hangs++;
      else figures.crashes++;
      if (examples.length < 5) examples.push(`  case #${index} (${m.name}): ${wrong.split('\n').slice(0, 6).join('\n    ')}`);
    }
  } finally {
    folder.dispose();
  }
  failures += figures.crashes + figures.hangs;
  console.log(
    `${reader.name.padEnd(11)} ${String(figures.cases).padStart(6)} cases  ${String(figures.crashes).padStart(4)} crashes  ` +
      `${String(figures.hangs).padStart(4)} hangs  slowest ${Math.round(figures.slowest)} ms (${figures.slowestCase})`,
  );
  for (const example of examples) console.log(example);
}
process.exitCode = failures > 0 ? 1 : 0;
