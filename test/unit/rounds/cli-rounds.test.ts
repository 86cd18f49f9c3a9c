import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/cli-command';
import { queryCommand } from '../../../src/cli/commands/query';
import { reportCommand } from '../../../src/cli/commands/report';
import type { Hit } from '../../../src/core/analysis';
import { loadSnapshot } from '../../../src/core/project-index';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { NodeFileSystem } from '../../../src/node/node-file-system';

function captureIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { cwd, stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const HOSTILE = 'Silenced ](command:x) <script>';

describe('grounded query --round and grounded report of a gathered code', () => {
  let root: string;
  before(async () => {
    root = join(mkdtempSync(join(tmpdir(), 'grounded-rounds-')), 'demo');
    cpSync('demo', root, { recursive: true });
    const store = await ProjectStore.open(new NodeFileSystem(root), { coder: { id: 'dana-reyes', name: 'Dana Reyes' } });
    const idOf = (name: string) => store.codebook().all().find((c) => c.name === name)!.id;
    store.setRound('focused');
    await store.gatherCodes([idOf('Fear of authorities'), idOf('Mistrust')], HOSTILE);
    const path = 'interviews/p01-amara.md';
    const text = readFileSync(join(root, path), 'utf8').replace(/\r\n/g, '\n');
    const phrase = text.split('\n').find((l) => l.length > 40)!.slice(0, 30);
    const start = text.indexOf(phrase);
    const range = { start, end: start + phrase.length };
    await store.applyCodes(path, { range, quote: { exact: phrase, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(range.end, range.end + 32) } }, [idOf('Mistrust')]);
    await store.flush();
    store.dispose();
  });
  after(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  async function run(command: typeof queryCommand, positionals: string[], values: Record<string, string | boolean | string[]>) {
    const io = captureIo(root);
    const code = await command.run(positionals, values, io);
    return { code, out: io.stdout, err: io.stderr };
  }

  it('keeps only segments created in the round, named by id or by name', async () => {
    const all = await run(queryCommand, ['.'], { codes: 'Mistrust', format: 'json' });
    const focused = await run(queryCommand, ['.'], { codes: 'Mistrust', format: 'json', round: ['focused'] });
    const byName = await run(queryCommand, ['.'], { codes: 'Mistrust', format: 'json', round: ['focused CODING'] });
    assert.equal(focused.code, 0, focused.err);
    const passages = (out: string) => (JSON.parse(out) as { passages: Hit[] }).passages;
    assert.equal(passages(all.out).length, 1, 'Mistrust was gathered: only the segment coded since carries it');
    assert.equal(passages(focused.out).length, 1);
    assert.deepEqual(JSON.parse(byName.out).query.filter, { rounds: ['focused'] });
    const initial = await run(queryCommand, ['.'], { codes: 'Mistrust', format: 'json', round: ['initial'] });
    assert.equal(passages(initial.out).length, 0);
    const snapshot = await loadSnapshot(new NodeFileSystem(root));
    const category = snapshot.codes.find((c) => c.name === HOSTILE)!;
    const gathered = await run(queryCommand, ['.'], { codes: `"${HOSTILE}"`, format: 'json', round: ['initial'] });
    assert.equal(passages(gathered.out).length, 0, 'gathered segments keep the round they were created in: none was recorded');
    assert.ok(category.gathered![0].segments > 0);
  });

  it('refuses a round the project does not have, listing its rounds', async () => {
    const { code, err } = await run(queryCommand, ['.'], { codes: 'Mistrust', round: ['axial'] });
    assert.equal(code, 2);
    assert.match(err, /--round: the project has no round "axial" \(its rounds: initial "Initial coding", focused "Focused coding", theoretical "Theoretical coding"\)/);
  });

  it('says in the report what the focused code gathered, by whom and when, escaped', async () => {
    const snapshot = await loadSnapshot(new NodeFileSystem(root));
    const category = snapshot.codes.find((c) => c.name === HOSTILE)!;
    const record = category.gathered![0];
    const md = await run(reportCommand, ['.'], { code: category.name });
    assert.equal(md.code, 0, md.err);
    const line = md.out.split('\n').find((l) => l.startsWith('Gathered '))!;
    assert.ok(line.startsWith('Gathered Fear of authorities and Mistrust ('), line);
    assert.ok(line.includes(`(${record.segments} segments) into Silenced \\](command:x) \\<script\\>, by Dana Reyes on ${record.at.slice(0, 10)}.`), line);
    const html = await run(reportCommand, ['.'], { code: category.name, format: 'html' });
    assert.match(html.out, /<p class="provenance">Gathered Fear of authorities and Mistrust \(\d+ segments\) into Silenced \]\(command:x\) &lt;script&gt;, by Dana Reyes on \d{4}-\d{2}-\d{2}\.<\/p>/);
  });
});
