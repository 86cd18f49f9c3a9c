#!/usr/bin/env node
// `npm run bench`: every benchmark, printing lines `bench <name> <value> <unit>`.
// Core benchmarks run in plain Node; activation is measured in the real VS Code extension host.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';

function run(command, args, { onlyBenchLines = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        const figure = /(?:^|\s)(bench \S+ \S+ \S+)\s*$/.exec(line);
        if (figure) console.log(figure[1]);
        else if (!onlyBenchLines) console.log(line);
      }
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

let failed = 0;
for (const file of readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).sort()) {
  console.log(`# ${file}`);
  if ((await run(process.execPath, ['--import', 'tsx', `bench/${file}`])) !== 0) failed++;
}
console.log('# activation in the real extension host');
if ((await run(process.execPath, ['scripts/run-integration.mjs', '--grep', 'reports how long both took'], { onlyBenchLines: true })) !== 0) failed++;
console.log('# loading a generated study of 1,000 transcripts in the real extension host');
const hostBench = ['scripts/run-integration.mjs', '--no-build', '--bench-project', '1000', '--grep', 'host benchmarks'];
if ((await run(process.execPath, hostBench, { onlyBenchLines: true })) !== 0) failed++;
process.exitCode = failed > 0 ? 1 : 0;
