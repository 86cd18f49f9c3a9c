import assert from 'node:assert/strict';
import { diffSnapshots, renderMarkdown } from '../../../src/core/coding-review';
import { sequentialIds } from '../../../src/core/ids';
import { loadSnapshot } from '../../../src/core/project-index';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { DANA, TRUST, WORK, baseSpec, code, files } from '../coding-review/projects';

const copy = (fs: MemoryFileSystem): MemoryFileSystem => new MemoryFileSystem(Object.fromEntries(fs.files));

describe('gathering in the coding diff', () => {
  it('is one readable codebook line each way, instead of an added code and two splits', async () => {
    const spec = baseSpec();
    spec.codes[1] = code(WORK, 'Work ](command:x) <b>', { color: '#ff7f0e' });
    const fs = files(spec);
    const before = copy(fs);
    const store = await ProjectStore.open(fs, { coder: DANA, ids: sequentialIds(900) });
    const { category } = await store.gatherCodes([TRUST, WORK], 'Holding on');
    await store.flush();
    const gathered = copy(fs);

    const forward = diffSnapshots(await loadSnapshot(before), await loadSnapshot(gathered));
    const line = { code: category, name: 'Holding on', codes: [{ code: TRUST, name: 'Trust' }, { code: WORK, name: 'Work ](command:x) <b>' }], segments: 5, by: 'Dana Reyes' };
    assert.deepEqual(forward.codebook, [{ kind: 'gathered', ...line }]);
    assert.equal(forward.totals.recoded, 5, 'the segments themselves still show as recoded');
    const markdown = renderMarkdown(forward, { quotes: true } as Parameters<typeof renderMarkdown>[1]);
    const codebookLine = markdown.split('\n').find((l) => l.includes('gathered'))!;
    assert.ok(codebookLine.startsWith('- gathered _Trust_, _Work '), codebookLine);
    assert.ok(codebookLine.endsWith('(5 segment(s)) into _Holding on_ — by Dana Reyes'), codebookLine);
    assert.ok(codebookLine.includes('_Work \\](command:x) &lt;b&gt;_'), `the hostile name is escaped: ${codebookLine}`);

    await store.ungatherCode(category);
    await store.flush();
    const backward = diffSnapshots(await loadSnapshot(gathered), await loadSnapshot(copy(fs)));
    assert.deepEqual(backward.codebook, [{ kind: 'ungathered', ...line }]);
    const unchanged = diffSnapshots(await loadSnapshot(before), await loadSnapshot(copy(fs)));
    assert.deepEqual([unchanged.codebook, unchanged.transcripts], [[], []], 'un-gathering put every segment back');
  });
});
