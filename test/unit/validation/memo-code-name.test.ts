import assert from 'node:assert/strict';
import { normaliseText } from '../../../src/core/anchoring';
import { buildMemoReport } from '../../../src/core/memos/memo-report';
import { loadSnapshot } from '../../../src/core/project-index';
import { formatProblem } from '../../../src/core/storage/errors';
import type { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { checkProject } from '../../../src/core/validation/project-check';
import { demoFileSystem } from '../pseudonymise/demo-files';

const FEAR = 'c-eev1kyas3c52';

function withMemo(code: string): MemoryFileSystem {
  const fs = demoFileSystem();
  fs.files.set('memos/named.md', `---\ncode: ${code}\ndate: 2026-03-02\n---\n\n# Named\n\nWhy people stay away.\n`);
  return fs;
}

async function said(fs: MemoryFileSystem): Promise<{ validate: string[]; about: string[] }> {
  const validate = (await checkProject(fs)).problems.filter((p) => p.path === 'memos/named.md').map((p) => `${formatProblem(p)} [${p.severity}]`);
  const snapshot = await loadSnapshot(fs);
  const texts = Object.fromEntries(snapshot.memos.map((m) => [m.path, normaliseText(fs.files.get(m.path)!)]));
  const about = buildMemoReport(snapshot, texts).groups.flatMap((g) => g.memos).find((m) => m.path === 'memos/named.md')!.about;
  return { validate, about };
}

describe('a memo whose code: names a code by its name', () => {
  it('says that code: takes the id, and which id, in validate and in the memo report', async () => {
    const hint = `\`code:\` takes a code id; did you mean ${FEAR} (Fear of authorities)?`;
    assert.deepEqual(await said(withMemo('Fear of authorities')), {
      validate: [`memos/named.md:2: is about code Fear of authorities: ${hint} [warning]`],
      about: [`code Fear of authorities (${hint})`],
    });
    // Case aside, as names are compared elsewhere.
    assert.deepEqual((await said(withMemo('fear of AUTHORITIES'))).about, [`code fear of AUTHORITIES (${hint})`]);
  });

  it('still says "not in the codebook" for an id or a name no code has', async () => {
    assert.deepEqual(await said(withMemo('c-000000000000')), {
      validate: ['memos/named.md:2: is about code c-000000000000, which is not in the codebook (deleted or merged?) [warning]'],
      about: ['code c-000000000000 (not in the codebook)'],
    });
    assert.deepEqual((await said(withMemo('Fear'))).about, ['code Fear (not in the codebook)']);
    assert.deepEqual(await said(withMemo(FEAR)), { validate: [], about: ['code Fear of authorities'] });
  });
});
