// Figures for the editor's hot paths, printed as `bench <name> <value> <unit>`:
//   decorations.ms_2000  open a 20,000-word transcript with 2,000 coded segments and compute what to paint
//   apply_code.ms        apply a code to a selection until the coding file (2,000 segments) is on disk
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Codebook, CODE_PALETTE } from '../src/core/codebook';
import { makeQuote } from '../src/core/anchoring';
import type { Code, Segment } from '../src/core/model';
import { codeFilePath, codingFilePath, PROJECT_FILE, serializeCodeFile, serializeCodingFile, serializeProjectFile } from '../src/core/storage/format';
import { ProjectStore } from '../src/core/storage/project-store';
import { TranscriptSession } from '../src/core/transcript-session';
import { planDecorations } from '../src/core/views/decoration-plan';
import { NodeFileSystem } from '../src/node/node-file-system';
import { Random } from './lib/random';
import { buildScenario } from './lib/scenario';
import { median, timeMs } from './lib/timing';



const scenario = buildScenario(new Random(7));
const text = scenario.transcript.text;
const codes: Code[] = Array.from({ length: 24 }, (_, i) => ({
  id: `c-${String(i).padStart(12, '0')}`,
  name: `Code ${i}`,
  parent: i < 4 ? null : `c-${String(i % 4).padStart(12, '0')}`,
  color: CODE_PALETTE[i % CODE_PALETTE.length],
  description: '',
}));
const segments: Segment[] = scenario.anchors.map((a, i) => ({
  id: `s-${String(i).padStart(12, '0')}`,
  codes: i % 5 === 0 ? [codes[i % 24].id, codes[(i + 7) % 24].id].sort() : [codes[i % 24].id],
  quote: a.quote,
  position: a.position,
}));
const coder = { id: 'bench-coder', name: 'Bench Coder' };
const codebook = new Codebook(codes);
const coding = { transcript: 'interviews/p01.md', coders: [{ coder, segments }], problems: [] };

// Warm up the JIT, then measure the whole path a newly visible editor takes.
timeMs(5, () => planDecorations(new TranscriptSession('t').placed(), codebook));
const decorations = timeMs(15, () => {
  const session = new TranscriptSession('interviews/p01.md');
  session.setText(text);
  session.setCoding(coding);
  planDecorations(session.placed(), codebook);
});
const session = new TranscriptSession('interviews/p01.md');
session.setText(text);
session.setCoding(coding);
const planOnly = timeMs(30, () => planDecorations(session.placed(), codebook));
console.log(`bench decorations.ms_2000 ${decorations.toFixed(2)} ms`);
console.log(`bench decorations.plan_only_ms_2000 ${planOnly.toFixed(3)} ms`);

async function applyCodeBench(): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'grounded-bench-'));
  try {
    const write = (rel: string, content: string): void => {
      mkdirSync(join(root, rel, '..'), { recursive: true });
      writeFileSync(join(root, rel), content);
    };
    write(PROJECT_FILE, serializeProjectFile({ name: 'Bench', transcripts: ['interviews/**/*.md'], memos: 'memos' }));
    write('interviews/p01.md', text);
    for (const code of codes) write(codeFilePath(code.id), serializeCodeFile(code));
    write(codingFilePath('interviews/p01.md', coder.id), serializeCodingFile({ transcript: 'interviews/p01.md', coder, segments }));
    const store = await ProjectStore.open(new NodeFileSystem(root), { coder });
    await store.getCoding('interviews/p01.md');
    const samples: number[] = [];
    const random = new Random(11);
    for (let i = 0; i < 25; i++) {
      const start = random.int(0, text.length - 400);
      const range = { start, end: start + random.int(30, 300) };
      const t0 = performance.now();
      await store.applyCodes('interviews/p01.md', { range, quote: makeQuote(text, range) }, [codes[i % 24].id]);
      await store.flush();
      samples.push(performance.now() - t0);
    }
    return median(samples.slice(5));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

console.log(`bench apply_code.ms ${(await applyCodeBench()).toFixed(2)} ms`);
