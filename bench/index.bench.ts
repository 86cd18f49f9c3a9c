// Figures for reading a whole project, printed as `bench <name> <value> <unit>`:
//   index.floor_ms_1000  read every file of a 1,000-transcript project and JSON.parse the JSON ones (the floor)
//   index.ms_1000        build the read model of the same project cold: codes, coding, texts, placement, attributes
//                        (the median of nine, after a first build in the same process)
//   index.first_ms_1000  that first build
//   index.mb_1000        the heap the built index holds
//   index.update_ms      after one apply in the store, until the live index's snapshot has it placed
//   index.stats_ms_1000  `grounded stats` on the same project
//   cli.export_csv_ms_1000  `grounded export csv` on it (every segment's speaker: each transcript's turns)
//   cli.report_ms_1000   `grounded report` of every code on it (Markdown)
import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { makeQuote } from '../src/core/anchoring';
import { ProjectIndex } from '../src/core/project-index';
import { ProjectStore } from '../src/core/storage/project-store';
import { exportCommand } from '../src/cli/commands/export';
import { reportCommand } from '../src/cli/commands/report';
import { statsCommand } from '../src/cli/commands/stats';
import { NodeFileSystem } from '../src/node/node-file-system';
import { CODERS, writeProject } from './lib/project';
import { Random } from './lib/random';
import { median } from './lib/timing';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const TRANSCRIPTS = 1_000;
const root = mkdtempSync(join(tmpdir(), 'grounded-index-bench-'));
try {
  const paths = writeProject(root, new Random(11), TRANSCRIPTS, 100, 2_500);

  /** Every file under the project, as Node lists it. */
  const files = (readdirSync(root, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  const floor = async (): Promise<number> => {
    const started = performance.now();
    await Promise.all(
      files.map(async (file) => {
        const text = await fsp.readFile(file, 'utf8');
        if (file.endsWith('.jsonl')) for (const line of text.split('\n')) if (line !== '') JSON.parse(line);
        if (file.endsWith('.json')) JSON.parse(text);
      }),
    );
    return performance.now() - started;
  };
  const build = async (): Promise<{ ms: number; index: ProjectIndex }> => {
    const started = performance.now();
    const index = await ProjectIndex.load(new NodeFileSystem(root));
    index.snapshot();
    return { ms: performance.now() - started, index };
  };

  await floor(); // the operating system's file cache, warm for both
  /** The first build in this process, and the heap the index it built holds. */
  const first = async (): Promise<{ ms: number; heapMb: number }> => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const held = await ProjectIndex.load(new NodeFileSystem(root));
    held.snapshot();
    const ms = performance.now() - started;
    gc();
    const heapMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    const segments = held.snapshot().transcripts.reduce((n, t) => n + t.segments.length, 0);
    if (segments !== TRANSCRIPTS * 100) throw new Error(`expected ${TRANSCRIPTS * 100} segments, found ${segments}`);
    held.dispose();
    return { ms, heapMb };
  };
  // Out of reach once measured: the builds timed below run in a heap that holds no other index.
  const { ms: firstMs, heapMb } = await first();

  const floors: number[] = [];
  const builds: number[] = [];
  // Nine runs: a busy machine moves a single run by a third either way, the floor as much as the build.
  for (let run = 0; run < 9; run++) {
    floors.push(await floor());
    const { ms, index } = await build();
    builds.push(ms);
    index.dispose();
  }
  console.log(`bench index.floor_ms_1000 ${median(floors).toFixed(0)} ms`);
  console.log(`bench index.ms_1000 ${median(builds).toFixed(0)} ms`);
  // The first build in a process, before the JIT has compiled the readers: what a CLI command pays.
  console.log(`bench index.first_ms_1000 ${firstMs.toFixed(0)} ms`);

  console.log(`bench index.mb_1000 ${heapMb.toFixed(0)} MB`);

  const fs = new NodeFileSystem(root);
  const store = await ProjectStore.open(fs, { coder: CODERS[0], debounceMs: 0 });
  const live = await ProjectIndex.attach(store, fs, { debounceMs: 0 });
  // From the store announcing the new segment to the index's snapshot holding it placed.
  let announced = 0;
  store.onDidChangeCoding(() => (announced = performance.now()));
  const updates: number[] = [];
  for (let i = 0; i < 11; i++) {
    const path = paths[(i * 97) % paths.length];
    const text = live.transcript(path)!.text;
    const start = text.indexOf('**', text.indexOf('\n---\n') + 5);
    const range = { start, end: start + 40 };
    await store.applyCodes(path, { range, quote: makeQuote(text, range) }, [store.codebook().all()[0].id]);
    await live.settled();
    const placed = live.snapshot() && live.transcript(path)!.segments.length;
    updates.push(performance.now() - announced);
    if (placed !== 101) throw new Error(`${path}: ${placed} segments after one apply`);
  }
  await store.flush();
  live.dispose();
  console.log(`bench index.update_ms ${median(updates).toFixed(2)} ms`);

  const quiet = { out: () => undefined, err: (t: string) => process.stderr.write(t), cwd: root };
  const statsStarted = performance.now();
  if ((await statsCommand.run([root], {}, quiet)) !== 0) throw new Error('grounded stats failed');
  console.log(`bench index.stats_ms_1000 ${(performance.now() - statsStarted).toFixed(0)} ms`);

  const csvStarted = performance.now();
  if ((await exportCommand.run(['csv', root], { out: join(root, 'tidy.csv') }, quiet)) !== 0) throw new Error('grounded export csv failed');
  console.log(`bench cli.export_csv_ms_1000 ${(performance.now() - csvStarted).toFixed(0)} ms`);
  const reportStarted = performance.now();
  if ((await reportCommand.run([root], { format: 'md', out: join(root, 'report.md') }, quiet)) !== 0) throw new Error('grounded report failed');
  console.log(`bench cli.report_ms_1000 ${(performance.now() - reportStarted).toFixed(0)} ms`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
