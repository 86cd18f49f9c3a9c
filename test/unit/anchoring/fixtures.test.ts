/**
 * Before/after transcripts with stored selectors: each folder of test/fixtures/anchoring holds
 * before.md, after.md, anchors.json (selectors made from before.md) and expected.json (where every
 * segment lands in after.md). To rewrite expected.json (then review the diff), run this file alone:
 *   UPDATE=1 npx mocha --no-config --node-option import=tsx test/unit/anchoring/fixtures.test.ts
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOffsetMap, makeQuote, normaliseText, reanchor, type Anchor } from '../../../src/core/anchoring';

const root = fileURLToPath(new URL('../../fixtures/anchoring/', import.meta.url));
const update = process.env.UPDATE === '1';

interface ExpectedPlacement {
  id: string;
  status: string;
  range?: { start: number; end: number };
  score: number;
  /** The placed text with a little context, «marked», for whoever reviews the file. */
  text?: string;
}

const SHOWN_CONTEXT = 12;

function marked(text: string, range: { start: number; end: number }): string {
  const before = text.slice(Math.max(0, range.start - SHOWN_CONTEXT), range.start);
  return `${before}«${text.slice(range.start, range.end)}»${text.slice(range.end, range.end + SHOWN_CONTEXT)}`;
}

function read(folder: string, name: string): string {
  return readFileSync(join(root, folder, name), 'utf8');
}

describe('anchoring fixtures', () => {
  const folders = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it('has the cases the engine promises to handle', () => {
    assert.ok(folders.length >= 13, `only ${folders.length} fixture folders`);
  });

  for (const folder of folders) {
    it(folder, () => {
      const before = normaliseText(read(folder, 'before.md'));
      const afterRaw = read(folder, 'after.md');
      const anchors = JSON.parse(read(folder, 'anchors.json')) as Anchor[];
      for (const anchor of anchors) {
        assert.deepEqual(makeQuote(before, anchor.position), anchor.quote, `${anchor.id}: anchors.json is not made from before.md`);
      }
      const after = createOffsetMap(afterRaw);
      const placements = reanchor(after.text, anchors);
      const actual: ExpectedPlacement[] = placements.map((p) => ({
        ...p,
        ...(p.range ? { text: marked(after.text, p.range) } : {}),
      }));
      for (const p of placements) {
        if (!p.range) continue;
        const raw = afterRaw.slice(after.toRaw(p.range.start), after.toRaw(p.range.end));
        assert.equal(normaliseText(raw), after.text.slice(p.range.start, p.range.end), `${p.id}: raw offsets do not cover the same text`);
      }
      const expectedPath = join(root, folder, 'expected.json');
      if (update || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
        if (!update) assert.fail(`${folder}: wrote missing expected.json, review it`);
        return;
      }
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
