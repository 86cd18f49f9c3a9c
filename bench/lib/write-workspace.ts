/**
 * Writes the generated study the host benchmark opens: `write-workspace.ts <folder> <transcripts>`
 * (100 segments per transcript by two coders, as the index benchmark reads; one memo per ten
 * transcripts). Run by `scripts/run-integration.mjs --bench-project <transcripts>`.
 *
 * The project file is left as `project.json.bench`: the extension does not start on a folder
 * without one, so the benchmark can put it in place once the test harness has loaded, and measure
 * the project's load from its start without the harness's own start-up running in between.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeProject } from './project';
import { Random } from './random';

const [folder, count] = process.argv.slice(2);
const transcripts = Number(count);
if (!folder || !Number.isInteger(transcripts) || transcripts <= 0) throw new Error('usage: write-workspace.ts <folder> <transcripts>');
const paths = writeProject(folder, new Random(11), transcripts, 100, 2_500);
mkdirSync(join(folder, 'memos'), { recursive: true });
for (let i = 0; i < paths.length; i += 10) {
  writeFileSync(join(folder, 'memos', `memo-${i}.md`), `---\ntranscript: ${paths[i]}\nauthor: Dana Reyes\n---\n\n# Memo ${i}\n\nWhat stands out in ${paths[i]}.\n`);
}
renameSync(join(folder, '.grounded', 'project.json'), join(folder, '.grounded', 'project.json.bench'));
