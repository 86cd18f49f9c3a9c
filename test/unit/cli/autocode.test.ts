import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../src/cli/cli-command';
import { autocodeCommand } from '../../../src/cli/commands/autocode';

function captureIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = { cwd, stdout: '', stderr: '', out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** Every coding file's text, by path: what a command wrote. */
function codingFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else out.set(path, readFileSync(join(root, path), 'utf8'));
    }
  };
  walk('.grounded/coding');
  return out;
}

describe('grounded autocode on the demo', () => {
  let root: string;
  beforeEach(() => {
    root = join(mkdtempSync(join(tmpdir(), 'grounded-autocode-')), 'demo');
    cpSync('demo', root, { recursive: true });
  });
  afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  const run = async (values: Record<string, string | boolean>) => {
    const io = captureIo(root);
    const code = await autocodeCommand.run(['.'], values, io);
    return { code, out: io.stdout, err: io.stderr };
  };

  it('lists the passages and writes nothing with --dry-run', async () => {
    const before = codingFiles(root);
    const { code, out } = await run({ pattern: 'passport', code: 'Bureaucracy', 'dry-run': true });
    assert.equal(code, 0);
    assert.match(out, /interviews\/p01-amara\.md:\d+ {2}My employer had my passport/);
    assert.match(out, /3 passage\(s\) in 3 transcript\(s\) would be coded Barriers\/Bureaucracy; nothing written/);
    assert.deepEqual(codingFiles(root), before);
  });

  it('codes every sentence as the coder given, once: a second run finds them coded and adds nothing', async () => {
    const { code, out } = await run({ pattern: 'passport', code: 'Barriers/Bureaucracy', coder: 'kim-lee', extent: 'sentence' });
    assert.equal(code, 0, out);
    assert.match(out, /coded 3 passage\(s\) in 3 transcript\(s\) with Barriers\/Bureaucracy as kim-lee/);
    const written = [...codingFiles(root)].filter(([path]) => path.endsWith('/kim-lee.jsonl'));
    assert.equal(written.length, 3);
    assert.ok(written.every(([, text]) => text.includes('passport')));
    const again = await run({ pattern: 'passport', code: 'Barriers/Bureaucracy', coder: 'kim-lee' });
    assert.match(again.out, /\(already coded\)/);
    assert.match(again.out, /coded 0 passage\(s\) in 0 transcript\(s\)/);
    assert.deepEqual([...codingFiles(root)].filter(([path]) => path.endsWith('/kim-lee.jsonl')), written, 'nothing rewritten');
  });

  it('records the new segments in the round given by id or name, else in the project\'s first round', async () => {
    const rounds = (coder: string): string[] => [...codingFiles(root)]
      .filter(([path]) => path.endsWith(`/${coder}.jsonl`))
      .flatMap(([, text]) => text.trimEnd().split('\n').slice(1).map((l) => (JSON.parse(l) as { round?: string }).round ?? 'none'));
    const focused = await run({ pattern: 'passport', code: 'Bureaucracy', coder: 'kim-lee', round: 'Focused coding' });
    assert.match(focused.out, /as kim-lee in round focused/);
    assert.deepEqual(rounds('kim-lee'), ['focused', 'focused', 'focused']);
    await run({ pattern: 'passport', code: 'Bureaucracy', coder: 'jo-park' });
    assert.deepEqual(rounds('jo-park'), ['initial', 'initial', 'initial']);
    const before = codingFiles(root);
    const unknown = await run({ pattern: 'passport', code: 'Bureaucracy', coder: 'ali-ray', round: 'axial' });
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /--round: the project has no round "axial" \(its rounds: initial "Initial coding"/);
    assert.deepEqual(codingFiles(root), before);
  });

  it('refuses an unknown code, a runaway pattern and a missing coder, writing nothing', async () => {
    const before = codingFiles(root);
    assert.match((await run({ pattern: 'passport', code: 'Paperwork', coder: 'kim-lee' })).err, /No code is named "Paperwork"/);
    assert.match((await run({ pattern: '(a+)+$', regex: true, code: 'Bureaucracy', coder: 'kim-lee' })).err, /Nested repetition/);
    assert.equal((await run({ pattern: 'passport', code: 'Bureaucracy' })).code, 2);
    assert.deepEqual(codingFiles(root), before);
  });
});
