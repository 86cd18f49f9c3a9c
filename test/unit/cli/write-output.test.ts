import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../src/cli/run-cli';
import { OutputError, writeOutput } from '../../../src/cli/write-output';

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));

describe('writing a command’s output file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'grounded-out-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the earlier file whole and leaves no temporary file behind', async () => {
    const path = join(dir, 'report.md');
    writeFileSync(path, 'the earlier report');
    await writeOutput(path, '# The new report\n');
    assert.equal(readFileSync(path, 'utf8'), '# The new report\n');
    assert.deepEqual(readdirSync(dir), ['report.md']);
  });

  it('says in words that the folder does not exist, and the command exits 2', async () => {
    await assert.rejects(writeOutput(join(dir, 'missing', 'report.md'), 'x'), (error: Error) => error instanceof OutputError && /the folder .*missing does not exist/.test(error.message));
    let err = '';
    const code = await main(['report', DEMO, '--out', join(dir, 'missing', 'report.md')], { out: () => undefined, err: (t) => void (err += t), cwd: dir });
    assert.equal(code, 2);
    assert.match(err, /^grounded report: cannot write .*report\.md: the folder .*missing does not exist/);
  });
});
