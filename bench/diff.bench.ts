// The coding diff of a 1,000-transcript project (two coders, 100 segments per transcript) where 5%
// of the segments changed: recoded, re-bounded, removed, or replaced by a new one. Printed as
//   diff.ms_1000         diffSnapshots of the two loaded snapshots (median of 5)
//   diff.render_ms_1000  the Markdown of that diff for a pull-request comment (median of 5)
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { makeQuote } from '../src/core/anchoring';
import { diffSnapshots, renderMarkdown } from '../src/core/coding-review';
import { loadSnapshot } from '../src/core/project-index';
import { parseCodingFile, serializeCodingFile } from '../src/core/storage/format';
import { MemoryFileSystem } from '../src/core/storage/memory-file-system';
import { writeProject } from './lib/project';
import { Random } from './lib/random';
import { timeMs } from './lib/timing';

const TRANSCRIPTS = 1_000;
const CHANGED = 0.05;

const root = mkdtempSync(join(tmpdir(), 'grounded-diff-bench-'));
try {
  writeProject(root, new Random(7), TRANSCRIPTS, 100, 2_500);
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[]) {
    if (entry.isFile()) files[relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  const head = { ...files };
  const random = new Random(8);
  let changed = 0;
  for (const path of Object.keys(files).filter((p) => p.endsWith('.jsonl'))) {
    const parsed = parseCodingFile(path, files[path]);
    if (!parsed.ok) throw new Error(path);
    const text = files[parsed.value.transcript];
    const segments = [];
    for (const s of parsed.value.segments) {
      if (random.next() >= CHANGED) {
        segments.push(s);
        continue;
      }
      changed++;
      const kind = random.int(0, 3);
      if (kind === 0) segments.push({ ...s, codes: [s.codes[0] === 'c-000000000009' ? 'c-000000000010' : 'c-000000000009'] });
      else if (kind === 1) {
        const range = { start: s.position.start, end: Math.max(s.position.start + 5, s.position.end - 6) };
        segments.push({ ...s, quote: makeQuote(text, range), position: range });
      } else if (kind === 3) segments.push({ ...s, id: `s-x${s.id.slice(3)}` });
    }
    head[path] = serializeCodingFile({ ...parsed.value, segments: segments.sort((a, b) => (a.id < b.id ? -1 : 1)) });
  }
  const [before, after] = await Promise.all([loadSnapshot(new MemoryFileSystem(files)), loadSnapshot(new MemoryFileSystem(head))]);
  let diff = diffSnapshots(before, after);
  const ms = timeMs(5, () => void (diff = diffSnapshots(before, after)));
  const kinds = Object.entries(diff.totals).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`# ${changed} of ${before.transcripts.reduce((n, t) => n + t.segments.length, 0)} segments changed; found: ${kinds}`);
  console.log(`bench diff.ms_1000 ${ms.toFixed(1)} ms`);
  let length = 0;
  const renderMs = timeMs(5, () => void (length = renderMarkdown(diff, { quotes: true }).length));
  console.log(`# Markdown: ${length} characters`);
  console.log(`bench diff.render_ms_1000 ${renderMs.toFixed(1)} ms`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
