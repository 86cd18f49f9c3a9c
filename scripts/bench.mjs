#!/usr/bin/env node
// `npm run bench`: every benchmark, printing lines `bench <name> <value> <unit>`.
// Core benchmarks run in plain Node; activation is measured in the real VS Code extension host.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** Runs a benchmark; each `bench` line goes to `figure` (printed as it comes, by default). */
function run(command, args, { onlyBenchLines = false, figure = (line) => console.log(line) } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        const found = /(?:^|\s)(bench \S+ \S+ \S+)\s*$/.exec(line);
        if (found) figure(found[1]);
        else if (!onlyBenchLines) console.log(line);
      }
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** The middle value of an odd number of runs. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

let failed = 0;
for (const file of readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort()) {
  console.log(`# ${file}`);
  if ((await run(process.execPath, ['--import', 'tsx', `bench/${file}`])) !== 0) failed++;
}
console.log('# activation in the real extension host');
if ((await run(process.execPath, ['scripts/run-integration.mjs', '--grep', 'reports how long both took'], { onlyBenchLines: true })) !== 0) failed++;
console.log('# loading a generated study of 1,000 transcripts in the real extension host');
// Each run starts a fresh VS Code. One load's longest block is a single draw: on a busy machine
// a collection or another process decides it, so the figures are the median of three loads, and
// every run's value is printed too.
const HOST_RUNS = 3;
const hostBench = ['scripts/run-integration.mjs', '--no-build', '--bench-project', '1000', '--grep', 'host benchmarks'];
const hostFigures = new Map();
for (let i = 0; i < HOST_RUNS; i++) {
  const collect = (line) => {
    const [, name, value, unit] = line.split(' ');
    if (!hostFigures.has(name)) hostFigures.set(name, { unit, values: [] });
    hostFigures.get(name).values.push(Number(value));
  };
  if ((await run(process.execPath, hostBench, { onlyBenchLines: true, figure: collect })) !== 0) failed++;
}
for (const [name, { unit, values }] of hostFigures) {
  console.log(`# ${name} in each run: ${values.join(', ')}`);
  console.log(`bench ${name} ${median(values)} ${unit}`);
}
process.exitCode = failed > 0 ? 1 : 0;
