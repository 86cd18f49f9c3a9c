import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../src/cli/run-cli';

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd: DEMO });
  return { code, out, err };
}

describe('grounded relations', () => {
  it('prints the demo study’s relations as Mermaid text', async () => {
    const result = await run(['relations', '--format', 'mermaid']);
    assert.equal(result.code, 0);
    const lines = result.out.trimEnd().split('\n');
    assert.equal(lines[0], 'flowchart TB');
    assert.equal(lines.filter((l) => l.includes('-->')).length, 11);
    assert.ok(lines.includes('  n13 -->|"leads to"| n11'), 'Peer support leads to Hope');
  });

  it('writes an SVG file and JSON with the layout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grounded-relations-'));
    try {
      const result = await run(['relations', '.', '--out', join(dir, 'r.svg')]);
      assert.equal(result.code, 0);
      assert.match(result.out, /^15 code\(s\), 11 relation\(s\)\nwritten to /);
      const svg = readFileSync(join(dir, 'r.svg'), 'utf8');
      assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg '));
      assert.equal((svg.match(/class="edge"/g) ?? []).length, 11);
      const json = JSON.parse((await run(['relations', '--format', 'json', '--direction', 'LR'])).out) as { nodes: { label: string; x: number }[]; edges: unknown[] };
      assert.equal(json.nodes.length, 15);
      assert.equal(json.edges.length, 11);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what is wrong with a bad option, and has --help', async () => {
    assert.equal((await run(['relations', '--format', 'png'])).code, 2);
    const help = await run(['relations', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /--format mermaid/);
  });
});
