import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import type { QuoteSelector, TextRange } from '../../../src/core/model';
import type { DirectoryEntry } from '../../../src/core/ports';
import { CODING_DIR, PROJECT_FILE, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';

const TEXT = 'Interviewer: How did you find help?\nAmara: A friend from church took me to the centre. I did not trust anyone then.\n';
const OPEN = 'interviews/p01.md';
const LOADING = 'interviews/p02.md';
const dana = { id: 'dana-reyes', name: 'Dana Reyes' };

function target(phrase: string): { range: TextRange; quote: QuoteSelector } {
  const start = TEXT.indexOf(phrase);
  const end = start + phrase.length;
  return { range: { start, end }, quote: { exact: phrase, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) } };
}

/** A file system whose listing of one coding folder waits until the test lets it go. */
class GatedFileSystem extends MemoryFileSystem {
  private gate: Promise<void> | undefined;
  private open_: (() => void) | undefined;
  /** Resolves once the store is waiting at the gate. */
  waiting: Promise<void>;
  private arrived!: () => void;

  constructor(private readonly gatedDir: string, initial: Record<string, string>) {
    super(initial);
    this.waiting = new Promise((resolve) => (this.arrived = resolve));
  }

  close(): void {
    this.gate = new Promise((resolve) => (this.open_ = resolve));
  }

  release(): void {
    this.open_?.();
  }

  override async readDirectory(path: string): Promise<DirectoryEntry[]> {
    if (path === this.gatedDir && this.gate) {
      this.arrived();
      await this.gate;
    }
    return super.readDirectory(path);
  }
}

async function setUp(): Promise<{ fs: GatedFileSystem; store: ProjectStore; trust: string }> {
  const fs = new GatedFileSystem(`${CODING_DIR}/${LOADING}`, {
    [PROJECT_FILE]: serializeProjectFile({ name: 'S', transcripts: ['interviews/**/*.md'], memos: 'memos' }),
    [OPEN]: TEXT,
    [LOADING]: TEXT,
  });
  const store = await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(1) });
  const trust = store.addCode({ name: 'Trust' });
  return { fs, store, trust };
}

const quotesOf = async (store: ProjectStore, transcript: string): Promise<string[]> =>
  (await store.getCoding(transcript)).coders.flatMap((c) => c.segments.map((s) => s.quote.exact));

describe('undo while actions and saves interleave', () => {
  it('keeps a save-time requote that lands while an apply waits for a load out of the apply\'s undo step', async () => {
    const { fs, store, trust } = await setUp();
    const first = await store.applyCodes(OPEN, target('A friend'), [trust]);
    fs.close();
    const applying = store.applyCodes(LOADING, target('took me'), [trust]);
    await fs.waiting;
    // The transcript is saved while the apply waits: its segment's quote is rewritten.
    const grown = target('A friend from');
    await store.requote(OPEN, dana.id, new Map([[first.id, { quote: grown.quote, position: grown.range }]]));
    fs.release();
    await applying;

    assert.equal(store.undo(), 'Apply code');
    assert.deepEqual(await quotesOf(store, LOADING), [], 'the apply is undone');
    assert.deepEqual(await quotesOf(store, OPEN), ['A friend from'], 'the requote is not');
    assert.equal(store.undo(), 'Apply code', 'the first apply is its own step');
    assert.deepEqual(await quotesOf(store, OPEN), []);
  });

  it('gives two actions that overlap in time one undo step each', async () => {
    const { fs, store, trust } = await setUp();
    const first = await store.applyCodes(OPEN, target('A friend'), [trust]);
    fs.close();
    const applying = store.applyCodes(LOADING, target('took me'), [trust]);
    await fs.waiting;
    const removing = store.removeCodes(OPEN, [first.id]);
    fs.release();
    await Promise.all([applying, removing]);

    const labels = [store.undo(), store.undo(), store.undo(), store.undo()];
    assert.deepEqual(labels.slice(0, 3).sort(), ['Apply code', 'Apply code', 'Remove code']);
    assert.equal(labels[3], 'Add code');
    assert.deepEqual(await quotesOf(store, OPEN), []);
    assert.deepEqual(await quotesOf(store, LOADING), []);
  });

  it('undoing an action on a segment keeps a later requote of that same segment', async () => {
    const { store, trust } = await setUp();
    const faith = store.addCode({ name: 'Faith' });
    const segment = await store.applyCodes(OPEN, target('A friend'), [trust]);
    await store.applyCodes(OPEN, target('A friend'), [faith]); // same range: the segment gains a code
    const grown = target('A friend from');
    await store.requote(OPEN, dana.id, new Map([[segment.id, { quote: grown.quote, position: grown.range }]]));

    assert.equal(store.undo(), 'Apply code');
    const [only] = (await store.getCoding(OPEN)).coders[0].segments;
    assert.deepEqual(only.codes, [trust], 'the code applied last is gone');
    assert.equal(only.quote.exact, 'A friend from', 'the quote written on save stays');
    assert.deepEqual(only.position, grown.range);
    assert.equal(store.redo(), 'Apply code');
    const [again] = (await store.getCoding(OPEN)).coders[0].segments;
    assert.deepEqual(again.codes, [faith, trust].sort());
    assert.equal(again.quote.exact, 'A friend from');
  });
});
