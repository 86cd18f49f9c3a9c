import assert from 'node:assert/strict';
import { diffSnapshots, renderMarkdown, type CodingDiff, type SegmentChange } from '../../../src/core/coding-review';
import { DANA, FRIENDS, HELP, P01, P02, SAM, TRUST, WORK, baseSpec, code, seg, snapshot, type ProjectSpec } from './projects';

async function diff(edit: (spec: ProjectSpec) => void): Promise<CodingDiff> {
  const head = baseSpec();
  edit(head);
  return diffSnapshots(await snapshot(baseSpec()), await snapshot(head));
}

const brief = (c: SegmentChange): string => `${c.kinds.join('+')} ${c.coder} ${c.segment}`;
const p01 = (d: CodingDiff): SegmentChange[] => d.transcripts.find((t) => t.path === 'interviews/p01.md')!.changes;

describe('coding diff: segments', () => {
  it('finds nothing between two snapshots of the same project', async () => {
    const d = await diff(() => {});
    assert.deepEqual([d.transcripts, d.codebook, d.memos, d.attributes, d.summary], [[], [], [], [], []]);
  });

  it('lists added, removed and recoded segments in interview order with their lines, and counts them per coder and code', async () => {
    const d = await diff((s) => {
      const dana = s.coding['interviews/p01.md'][DANA.id];
      dana.splice(0, 1); // s-…a removed
      dana[0] = seg(P01, 's-00000000000b', 'I did not trust anyone then', [TRUST, WORK]); // recoded
      dana.push(seg(P01, 's-00000000000f', 'we cook together', [WORK])); // added, last in the text
      s.coding['interviews/p01.md'][SAM.id].push(seg(P01, 's-000000000010', 'How did you find help?', [TRUST])); // added, first
    });
    assert.deepEqual(p01(d).map(brief), ['added sam-okafor s-000000000010', 'removed dana-reyes s-00000000000a', 'recoded dana-reyes s-00000000000b', 'added dana-reyes s-00000000000f']);
    const recoded = p01(d)[2];
    assert.deepEqual([recoded.codesBefore, recoded.codes, recoded.quote, recoded.line], [[TRUST], [TRUST, WORK], 'I did not trust anyone then', 7]);
    assert.equal(p01(d)[0].line, 5);
    assert.deepEqual(
      d.summary.map((r) => [r.coder, r.codeName, r.added, r.removed]),
      [
        ['dana-reyes', 'Trust', 0, 1],
        ['dana-reyes', 'Work', 2, 0],
        ['sam-okafor', 'Trust', 1, 0],
      ],
    );
    assert.deepEqual([d.totals.added, d.totals.removed, d.totals.recoded, d.totals.rebounded], [2, 1, 1, 0]);
  });

  it('shows the words a re-bounded segment gained or lost at each edge', async () => {
    const d = await diff((s) => {
      s.coding['interviews/p01.md'][DANA.id][0] = seg(P01, 's-00000000000a', 'A friend from church took me to the centre'); // end extended
      s.coding['interviews/p01.md'][SAM.id][0] = seg(P01, 's-00000000000d', 'not trust anyone then'); // start shrunk, end extended
    });
    const [dana, sam] = p01(d);
    assert.deepEqual(dana.kinds, ['rebounded']);
    assert.deepEqual(dana.edges, { start: { gained: '', lost: '' }, end: { gained: ' took me to the centre', lost: '' } });
    assert.deepEqual(sam.edges, { start: { gained: '', lost: 'did ' }, end: { gained: ' then', lost: '' } });
    assert.deepEqual(d.summary, [], 're-bounding changes no code counts');
  });

  it('says a segment only moved when the transcript text changed above it: not a coding change', async () => {
    const edited = P01.replace('How did you find help?', 'How did you first find help, if you remember?');
    const d = await diff((s) => {
      s.texts['interviews/p01.md'] = edited;
    });
    const t = d.transcripts.find((x) => x.path === 'interviews/p01.md')!;
    assert.equal(t.textChanged, true);
    assert.ok(t.changes.length === 4 && t.changes.every((c) => c.kinds.join() === 'moved'), JSON.stringify(t.changes.map((c) => c.kinds)));
    const shift = edited.length - P01.length;
    assert.deepEqual(t.changes[0].range, { start: t.changes[0].rangeBefore!.start + shift, end: t.changes[0].rangeBefore!.end + shift });
    assert.deepEqual(d.summary, []);
    assert.equal(d.totals.moved, 4);
  });

  it('tells a re-bound from a move when the text changed too, by aligning the quotes', async () => {
    const edited = `Preamble.\n\n${P01}`;
    const d = await diff((s) => {
      s.texts['interviews/p01.md'] = edited;
      s.coding['interviews/p01.md'][DANA.id][0] = seg(edited, 's-00000000000a', 'from church took me');
    });
    const changed = p01(d).find((c) => c.segment === 's-00000000000a')!;
    assert.deepEqual(changed.kinds, ['rebounded']);
    assert.deepEqual(changed.edges, { start: { gained: '', lost: 'A friend ' }, end: { gained: ' took me', lost: '' } });
    assert.equal(p01(d).filter((c) => c.kinds.join() === 'moved').length, 3);
  });

  it('flags segments that need review in head: placed approximately or not at all', async () => {
    const d = await diff((s) => {
      s.texts['interviews/p02.md'] = P02.replace('We slept on site. Nobody paid us.', 'We slept in a container.');
    });
    const [change] = d.transcripts.find((t) => t.path === 'interviews/p02.md')!.changes;
    assert.deepEqual([change.kinds, change.status, change.statusBefore, change.line, change.quote], [['needs-review'], 'orphan', 'exact', null, 'Nobody paid us']);
  });

  it('lists a comment added to a segment', async () => {
    const d = await diff((s) => {
      s.coding['interviews/p02.md'][SAM.id][0] = seg(P02, 's-00000000000e', 'Nobody paid us', [WORK], { comment: 'Compare with P04.' });
    });
    assert.deepEqual(d.transcripts[0].changes.map((c) => [c.kinds, c.comment, c.commentBefore]), [[['commented'], 'Compare with P04.', undefined]]);
  });

  it('lists a new transcript and a deleted one with all their segments', async () => {
    const P03 = '**Lucía:** I cleaned houses.\n';
    const d = await diff((s) => {
      delete s.texts['interviews/p02.md'];
      delete s.coding['interviews/p02.md'];
      s.texts['interviews/p03.md'] = P03;
      s.coding['interviews/p03.md'] = { [DANA.id]: [seg(P03, 's-000000000020', 'I cleaned houses', [WORK])] };
    });
    assert.deepEqual(d.transcripts.map((t) => [t.path, t.status, t.changes.map(brief)]), [
      ['interviews/p02.md', 'removed', ['removed sam-okafor s-00000000000e']],
      ['interviews/p03.md', 'added', ['added dana-reyes s-000000000020']],
    ]);
  });

  it('says a transcript file was deleted, not edited, when its coding stays behind', async () => {
    const d = await diff((s) => {
      delete s.texts['interviews/p02.md'];
    });
    const p02 = d.transcripts.find((t) => t.path === 'interviews/p02.md')!;
    assert.equal(p02.status, 'changed');
    assert.equal(p02.file, 'deleted');
    assert.ok(p02.changes.every((c) => c.kinds.includes('needs-review')), 'every segment is now unplaced');
    assert.match(renderMarkdown(d, { quotes: false }), /\*\*interviews\/p02\.md\*\* — the transcript file was deleted, its coding left behind/);
    assert.doesNotMatch(renderMarkdown(d, { quotes: false }), /its text was edited/);
  });

  it('shows a transcript moved with its coding as one move, with only what changed on the way', async () => {
    const d = await diff((s) => {
      s.texts['wave-1/p02.md'] = s.texts['interviews/p02.md'];
      s.coding['wave-1/p02.md'] = s.coding['interviews/p02.md'];
      delete s.texts['interviews/p02.md'];
      delete s.coding['interviews/p02.md'];
    });
    assert.deepEqual(d.transcripts.map((t) => [t.path, t.status, t.renamedFrom, t.changes.length]), [['wave-1/p02.md', 'changed', 'interviews/p02.md', 0]]);
    assert.match(renderMarkdown(d, { quotes: false }), /\*\*wave-1\/p02\.md\*\* — moved from interviews\/p02\.md/);

    // Moved, and a segment recoded on the way: the one change is listed under the new path.
    const recoded = await diff((s) => {
      s.texts['wave-1/p02.md'] = s.texts['interviews/p02.md'];
      s.coding['wave-1/p02.md'] = { [SAM.id]: s.coding['interviews/p02.md'][SAM.id].map((x) => ({ ...x, codes: [TRUST] })) };
      delete s.texts['interviews/p02.md'];
      delete s.coding['interviews/p02.md'];
    });
    assert.deepEqual(recoded.transcripts.map((t) => [t.path, t.renamedFrom, t.changes.map(brief)]), [['wave-1/p02.md', 'interviews/p02.md', ['recoded sam-okafor s-00000000000e']]]);
  });

  it('does not take a text moved away from its coding for a move: the coding left behind is reported', async () => {
    const d = await diff((s) => {
      s.texts['wave-1/p02.md'] = s.texts['interviews/p02.md'];
      delete s.texts['interviews/p02.md'];
    });
    assert.deepEqual(d.transcripts.map((t) => [t.path, t.renamedFrom, t.file]), [['interviews/p02.md', undefined, 'deleted']]);
  });

  it('is plain JSON-serialisable data', async () => {
    const d = await diff((s) => {
      s.coding['interviews/p01.md'][DANA.id][0] = seg(P01, 's-00000000000a', 'A friend from church took me');
      s.codes[0] = code(TRUST, 'Trusting');
    });
    assert.deepEqual(JSON.parse(JSON.stringify(d)), d);
  });
});

describe('coding diff: codebook', () => {
  it('recognises a rename, a recolour, a move under another parent and a new code, with segment counts', async () => {
    const d = await diff((s) => {
      s.codes = [code(TRUST, 'Trust in people', { color: '#2ca02c' }), code(WORK, 'Work', { color: '#ff7f0e', parent: HELP }), code(HELP, 'Help')];
    });
    assert.deepEqual(d.codebook, [
      { kind: 'added', code: HELP, name: 'Help', parent: null, segments: 0 },
      { kind: 'renamed', code: TRUST, from: 'Trust', to: 'Trust in people', segments: 3 },
      { kind: 'recoloured', code: TRUST, name: 'Trust in people', from: '#1f77b4', to: '#2ca02c', segments: 3 },
      { kind: 'moved', code: WORK, name: 'Work', from: null, to: HELP, fromName: null, toName: 'Help', segments: 2 },
    ]);
    assert.deepEqual(d.transcripts, [], 'a rename touches no segment');
  });

  it('names the definition fields that changed: inclusion and exclusion criteria and the example, apart from the description', async () => {
    const defined = { inclusion: 'Trust in a person or a place', exclusion: 'Trust in money', example: { segment: 's-00000000000b', text: 'I did not trust anyone then' } };
    const base = baseSpec();
    base.codes[0] = code(TRUST, 'Trust', defined);
    const head = baseSpec();
    head.codes[0] = code(TRUST, 'Trust', { inclusion: 'Trust in a person', exclusion: 'Trust in money', example: { segment: 's-00000000000a', text: 'A friend from church' } });
    head.codes[1] = code(WORK, 'Work', { color: '#ff7f0e', description: 'Paid or unpaid work', exclusion: 'Housework' });
    const d = diffSnapshots(await snapshot(base), await snapshot(head));
    assert.deepEqual(d.codebook, [
      { kind: 'redefined', code: TRUST, name: 'Trust', fields: ['inclusion', 'example'], segments: 3 },
      { kind: 'described', code: WORK, name: 'Work', segments: 2 },
      { kind: 'redefined', code: WORK, name: 'Work', fields: ['exclusion'], segments: 2 },
    ]);
    const same = baseSpec();
    same.codes[0] = code(TRUST, 'Trust', { ...defined, example: { ...defined.example } });
    assert.deepEqual(diffSnapshots(await snapshot(base), await snapshot(same)).codebook, []);
  });

  it('recognises a merge: a code deleted whose segments reappear, same ids, under another code', async () => {
    const d = await diff((s) => {
      s.codes = [code(TRUST, 'Trust')];
      s.coding['interviews/p01.md'][DANA.id][2] = seg(P01, 's-00000000000c', 'I run the group', [TRUST]);
      s.coding['interviews/p02.md'][SAM.id][0] = seg(P02, 's-00000000000e', 'Nobody paid us', [TRUST]);
    });
    assert.deepEqual(d.codebook, [{ kind: 'merged', code: WORK, name: 'Work', into: TRUST, intoName: 'Trust', segments: 2 }]);
    assert.equal(d.totals.recoded, 2);
  });

  it('recognises a merge when the segments came back with new ids but the same quotes', async () => {
    const d = await diff((s) => {
      s.codes = [code(TRUST, 'Trust')];
      s.coding['interviews/p02.md'][SAM.id][0] = seg(P02, 's-0000000000zz', 'Nobody paid us', [TRUST]);
      s.coding['interviews/p01.md'][DANA.id].splice(2, 1);
    });
    assert.deepEqual(d.codebook, [{ kind: 'merged', code: WORK, name: 'Work', into: TRUST, intoName: 'Trust', segments: 1 }]);
  });

  it('recognises a split into new codes, and a plain deletion with the segments that had the code', async () => {
    const split = await diff((s) => {
      s.codes = [code(WORK, 'Work'), code(HELP, 'Help'), code(FRIENDS, 'Friends')];
      s.coding['interviews/p01.md'][DANA.id] = [seg(P01, 's-00000000000a', 'A friend from church', [FRIENDS]), seg(P01, 's-00000000000b', 'I did not trust anyone then', [HELP]), seg(P01, 's-00000000000c', 'I run the group', [WORK])];
      s.coding['interviews/p01.md'][SAM.id] = [seg(P01, 's-00000000000d', 'did not trust anyone', [HELP])];
    });
    assert.deepEqual(split.codebook.filter((c) => c.kind === 'split'), [
      { kind: 'split', code: TRUST, name: 'Trust', kept: false, into: [{ code: HELP, name: 'Help', segments: 2 }, { code: FRIENDS, name: 'Friends', segments: 1 }] },
    ]);
    const deleted = await diff((s) => {
      s.codes = [code(WORK, 'Work', { color: '#ff7f0e' })];
      s.coding['interviews/p01.md'][DANA.id].splice(0, 2);
      s.coding['interviews/p01.md'][SAM.id] = [];
    });
    assert.deepEqual(deleted.codebook, [{ kind: 'deleted', code: TRUST, name: 'Trust', segments: 3 }]);
  });
});

describe('coding diff: memos and attributes', () => {
  it('lists memos added, removed and edited, and attribute values changed per participant', async () => {
    const memo = (title: string, body: string): string => `---\ncode: ${TRUST}\n---\n# ${title}\n\n${body}\n`;
    const base = baseSpec();
    base.memos = { 'memos/a.md': memo('Trust', 'First.'), 'memos/b.md': memo('Gone', 'x'), 'memos/c.md': memo('Long', `${'word '.repeat(100)}end`) };
    const head = baseSpec();
    head.memos = { 'memos/a.md': memo('Trust comes late', 'First.'), 'memos/c.md': memo('Long', `${'word '.repeat(100)}END`), 'memos/d.md': memo('New', 'y') };
    head.texts['interviews/p01.md'] = P01.replace('age: 34', 'age: 35\nregion: north');
    const [b, h] = [await snapshot(base), await snapshot(head)];
    const texts = { base: base.memos, head: head.memos };
    const d = diffSnapshots(b, h, { memoTexts: texts });
    assert.deepEqual(d.memos, [
      { kind: 'edited', path: 'memos/a.md', title: 'Trust comes late', titleBefore: 'Trust' },
      { kind: 'removed', path: 'memos/b.md', title: 'Gone' },
      { kind: 'edited', path: 'memos/c.md', title: 'Long' },
      { kind: 'added', path: 'memos/d.md', title: 'New' },
    ]);
    assert.equal(diffSnapshots(b, h).memos.length, 3, 'without the texts, an edit past the opening words is not seen');
    assert.deepEqual(d.attributes, [
      { transcript: 'interviews/p01.md', participant: 'Amara', attribute: 'age', before: '34', after: '35' },
      { transcript: 'interviews/p01.md', participant: 'Amara', attribute: 'region', before: null, after: '"north"' },
    ]);
  });
});
