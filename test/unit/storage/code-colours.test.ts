import assert from 'node:assert/strict';
import { CODE_PALETTE, nextColor } from '../../../src/core/codebook';
import { sequentialIds } from '../../../src/core/ids';
import type { Code } from '../../../src/core/model';
import { PROJECT_FILE, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';

const code = (id: string, color: string, parent: string | null = null): Code => ({ id, name: id, parent, color, description: '' });

describe('automatic code colours', () => {
  it('gives a new code a colour its siblings and its parent do not have, even when that colour is the least used overall', () => {
    const parent = code('c-p', CODE_PALETTE[0]);
    const sibling = code('c-a', CODE_PALETTE[1], 'c-p');
    // Every other colour is used twice elsewhere; the sibling's colour only once.
    const others = CODE_PALETTE.filter((c) => c !== CODE_PALETTE[1]).flatMap((color, i) => [code(`c-x${i}`, color), code(`c-y${i}`, color)]).slice(1);
    const color = nextColor([parent, sibling, ...others], 'c-p');
    assert.notEqual(color, CODE_PALETTE[1], 'not the sibling’s');
    assert.notEqual(color, CODE_PALETTE[0], 'not the parent’s');
    assert.equal(color, CODE_PALETTE[2], 'the least used of the rest, in palette order');
  });

  it('gives siblings added one after another different colours until the palette runs out, then the least shared', async () => {
    const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'T', transcripts: ['*.md'], memos: 'memos' }) });
    const store = await ProjectStore.open(fs, { coder: { id: 'dana', name: 'Dana' }, ids: sequentialIds() });
    for (let i = 0; i < 14; i++) store.addCode({ name: `Top ${i}` });
    const parent = store.addCode({ name: 'Barriers' });
    const children = Array.from({ length: CODE_PALETTE.length + 2 }, (_, i) => store.addCode({ name: `Barrier ${i}`, parent }));
    const colours = children.map((id) => store.codebook().get(id)!.color);
    const parentColour = store.codebook().get(parent)!.color;
    assert.equal(new Set(colours.slice(0, CODE_PALETTE.length - 1)).size, CODE_PALETTE.length - 1, 'the first eleven siblings all differ');
    assert.ok(!colours.slice(0, CODE_PALETTE.length - 1).includes(parentColour), 'and differ from their parent');
    const shared = new Map<string, number>();
    for (const c of colours) shared.set(c, (shared.get(c) ?? 0) + 1);
    assert.ok(Math.max(...shared.values()) <= 2, 'past the palette, colours are shared as little as possible');
  });
});
