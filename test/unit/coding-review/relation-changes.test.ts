import assert from 'node:assert/strict';
import { diffSnapshots, renderMarkdown } from '../../../src/core/coding-review';
import { sequentialIds } from '../../../src/core/ids';
import { loadSnapshot } from '../../../src/core/project-index';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { DANA, TRUST, WORK, baseSpec, code, files } from './projects';

const copy = (fs: MemoryFileSystem): MemoryFileSystem => new MemoryFileSystem(Object.fromEntries(fs.files));
const codebookLines = (markdown: string): string[] => markdown.split('\n').filter((l) => /^- (related|removed the relation|changed the note)/.test(l));

describe('theoretical relations in the coding diff', () => {
  it('says which relation was added, re-annotated and removed, in words, with hostile names escaped', async () => {
    const spec = baseSpec();
    spec.codes[1] = code(WORK, 'Work ](command:x) <b>', { color: '#ff7f0e' });
    const fs = files(spec);
    const store = await ProjectStore.open(fs, { coder: DANA, ids: sequentialIds(900) });
    const states = [copy(fs)];
    const step = async (action: () => unknown): Promise<void> => {
      action();
      await store.flush();
      states.push(copy(fs));
    };
    await step(() => store.relateCodes(TRUST, { type: 'leads-to', target: WORK, note: 'first thought' }));
    await step(() => store.relateCodes(TRUST, { type: 'leads-to', target: WORK, note: 'on reflection' }));
    await step(() => store.unrelateCodes(TRUST, WORK, 'leads-to'));
    const diffs = await Promise.all([0, 1, 2].map(async (i) => diffSnapshots(await loadSnapshot(states[i]), await loadSnapshot(states[i + 1]))));
    const relation = { code: TRUST, name: 'Trust', type: 'leads-to', target: WORK, targetName: 'Work ](command:x) <b>' };
    assert.deepEqual(diffs.map((d) => d.codebook), [[{ kind: 'related', ...relation }], [{ kind: 'renoted', ...relation }], [{ kind: 'unrelated', ...relation }]]);
    const lines = diffs.flatMap((d) => codebookLines(renderMarkdown(d, { quotes: true } as Parameters<typeof renderMarkdown>[1])));
    assert.deepEqual(lines, [
      '- related _Trust_ leads to _Work \\](command:x) &lt;b&gt;_',
      '- changed the note on _Trust_ leads to _Work \\](command:x) &lt;b&gt;_',
      '- removed the relation _Trust_ leads to _Work \\](command:x) &lt;b&gt;_',
    ]);
  });
});
