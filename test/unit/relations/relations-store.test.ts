import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import type { Code } from '../../../src/core/model';
import { DEFAULT_RELATION_TYPES, relationTypesOf } from '../../../src/core/relations';
import { resolveConflictedFile } from '../../../src/core/storage/conflict-resolution';
import { formatProblem } from '../../../src/core/storage/errors';
import { PROJECT_FILE, codeFilePath, parseCodeFile, parseProjectFile, serializeCodeFile, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { checkProject } from '../../../src/core/validation/project-check';

const dana = { id: 'dana-reyes', name: 'Dana Reyes' };
const A = 'c-aaaaaaaaaaaa';
const B = 'c-bbbbbbbbbbbb';
const C = 'c-cccccccccccc';

function code(id: string, name: string, extra: Partial<Code> = {}): Code {
  return { id, name, parent: null, color: '#3a7bd5', description: '', ...extra };
}

function project(codes: Code[], config: Record<string, unknown> = {}): MemoryFileSystem {
  const files: Record<string, string> = { [PROJECT_FILE]: serializeProjectFile({ name: 'S', transcripts: ['*.md'], memos: 'memos', ...(Object.keys(config).length ? { extra: config } : {}) }) };
  for (const c of codes) files[codeFilePath(c.id)] = serializeCodeFile(c);
  return new MemoryFileSystem(files);
}

const open = (fs: MemoryFileSystem) => ProjectStore.open(fs, { coder: dana, ids: sequentialIds(1) });

describe('relations in code files', () => {
  it('writes relations sorted by target then type, whatever order they were given in, and reads them back', () => {
    const text = serializeCodeFile(code(A, 'Isolation', { relations: [{ target: C, type: 'leads-to' }, { target: B, type: 'part-of', note: 'a "dimension" of it' }, { target: B, type: 'contradicts' }] }));
    assert.equal(
      text,
      [
        '{',
        '  "format": "grounded-code",',
        '  "version": 1,',
        `  "id": "${A}",`,
        '  "name": "Isolation",',
        '  "parent": null,',
        '  "color": "#3a7bd5",',
        '  "description": "",',
        '  "relations": [',
        '    {',
        `      "target": "${B}",`,
        '      "type": "contradicts"',
        '    },',
        '    {',
        `      "target": "${B}",`,
        '      "type": "part-of",',
        '      "note": "a \\"dimension\\" of it"',
        '    },',
        '    {',
        `      "target": "${C}",`,
        '      "type": "leads-to"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    const read = parseCodeFile(codeFilePath(A), text);
    assert.ok(read.ok);
    assert.deepEqual(read.value.relations?.map((r) => `${r.target} ${r.type} ${r.note ?? ''}`), [`${B} contradicts `, `${B} part-of a "dimension" of it`, `${C} leads-to `]);
    assert.equal(serializeCodeFile(read.value), text);
  });

  it('leaves the key out when a code has no relations, so existing files stay byte for byte', () => {
    const text = serializeCodeFile(code(A, 'Isolation', { relations: [] }));
    assert.equal(text.includes('relations'), false);
    assert.equal(serializeCodeFile(code(A, 'Isolation')), text);
  });

  it('names the line of a malformed relation, and warns about one listed twice (keeping the first)', () => {
    const bad = serializeCodeFile(code(A, 'Isolation', { relations: [{ target: B, type: 'leads-to' }] })).replace('"leads-to"', '"Leads To"');
    const read = parseCodeFile(codeFilePath(A), bad);
    assert.equal(read.ok, false);
    assert.deepEqual(!read.ok && read.problems.map(formatProblem), [`${codeFilePath(A)}:12: "relations" entry 1, "type" (text "Leads To") is not a relation type id (lowercase letters and digits joined by single hyphens, like "leads-to")`]);

    const twice = JSON.stringify({ format: 'grounded-code', version: 1, id: A, name: 'I', parent: null, color: '#3a7bd5', description: '', relations: [{ target: B, type: 'leads-to', note: 'first' }, { target: B, type: 'leads-to', note: 'second' }] }, null, 2);
    const read2 = parseCodeFile(codeFilePath(A), twice);
    assert.ok(read2.ok);
    assert.deepEqual(read2.value.relations, [{ target: B, type: 'leads-to', note: 'first' }]);
    assert.match(formatProblem(read2.warnings[0]), new RegExp(`^\\${codeFilePath(A)}:\\d+: lists the relation "leads-to" to ${B} twice`));
  });

  it('keeps unknown fields of a relation on rewrite', () => {
    const text = serializeCodeFile(code(A, 'I', { relations: [{ target: B, type: 'leads-to', extra: { strength: 3 } }] }));
    const read = parseCodeFile(codeFilePath(A), text);
    assert.ok(read.ok);
    assert.deepEqual(read.value.relations, [{ target: B, type: 'leads-to', extra: { strength: 3 } }]);
  });

  it('uses the project’s own relation types when declared, the defaults otherwise', () => {
    const own = parseProjectFile(PROJECT_FILE, JSON.stringify({ format: 'grounded-project', version: 1, name: 'S', transcripts: [], memos: 'm', relationTypes: [{ id: 'enables', label: 'enables' }, { id: 'enables', label: 'twice' }] }));
    assert.ok(own.ok);
    assert.deepEqual(relationTypesOf(own.value), [{ id: 'enables', label: 'enables' }]);
    assert.deepEqual(relationTypesOf({ name: 'S', transcripts: [], memos: 'm' }), DEFAULT_RELATION_TYPES);
    const bad = parseProjectFile(PROJECT_FILE, JSON.stringify({ format: 'grounded-project', version: 1, name: 'S', transcripts: [], memos: 'm', relationTypes: [{ id: 'Enables' }] }, null, 2));
    assert.equal(bad.ok, false);
  });
});

describe('relating codes through the store', () => {
  it('relates two codes as one undoable step, replaces a note on the same relation, and removes it', async () => {
    const fs = project([code(A, 'Isolation'), code(B, 'Belonging')]);
    const store = await open(fs);
    assert.equal(store.relateCodes(A, { type: 'leads-to', target: B, note: '  ' }), 'added');
    await store.flush();
    assert.deepEqual(parseCodeFile(codeFilePath(A), fs.files.get(codeFilePath(A))!).ok && store.codebook().get(A)?.relations, [{ type: 'leads-to', target: B }]);
    assert.equal(store.relateCodes(A, { type: 'leads-to', target: B, note: 'garden' }), 'updated');
    assert.deepEqual(store.codebook().get(A)?.relations, [{ type: 'leads-to', target: B, note: 'garden' }]);
    assert.equal(store.undo(), 'Relate codes');
    assert.deepEqual(store.codebook().get(A)?.relations, [{ type: 'leads-to', target: B }]);
    assert.equal(store.unrelateCodes(A, B, 'leads-to'), true);
    await store.flush();
    assert.equal(fs.files.get(codeFilePath(A))!.includes('relations'), false);
    assert.equal(store.undo(), 'Remove relation');
    await store.flush();
    assert.ok(fs.files.get(codeFilePath(A))!.includes('"leads-to"'));
  });

  it('refuses a self-relation, a missing target and a type the project does not use, changing nothing', async () => {
    const fs = project([code(A, 'Isolation'), code(B, 'Belonging')], { relationTypes: [{ id: 'enables', label: 'enables' }] });
    const store = await open(fs);
    assert.throws(() => store.relateCodes(A, { type: 'enables', target: A }), /cannot be related to itself/);
    assert.throws(() => store.relateCodes(A, { type: 'enables', target: C }), /no code with id/);
    assert.throws(() => store.relateCodes(A, { type: 'leads-to', target: B }), /"leads-to" is not one of this project's relation types \(enables\)/);
    assert.equal(store.undoable().undo, undefined);
    assert.equal(store.codebook().get(A)?.relations, undefined);
  });

  it('relations survive a rename: they name codes by id', async () => {
    const fs = project([code(A, 'Isolation', { relations: [{ type: 'leads-to', target: B }] }), code(B, 'Belonging')]);
    const store = await open(fs);
    store.updateCode(B, { name: 'Finding belonging' });
    store.updateCode(A, { name: 'Being alone' });
    assert.deepEqual(store.codebook().get(A)?.relations, [{ type: 'leads-to', target: B }]);
  });

  it('deleting a code removes the relations pointing at it, in the same undoable step', async () => {
    const fs = project([code(A, 'Isolation', { relations: [{ type: 'leads-to', target: B }, { type: 'leads-to', target: C }] }), code(B, 'Belonging', { relations: [{ type: 'contradicts', target: A }] }), code(C, 'Work')]);
    const store = await open(fs);
    const result = await store.deleteCode(B);
    assert.equal(result.removedRelations, 1);
    assert.deepEqual(store.codebook().get(A)?.relations, [{ type: 'leads-to', target: C }]);
    await store.flush();
    assert.equal(fs.files.has(codeFilePath(B)), false);
    assert.equal(fs.files.get(codeFilePath(A))!.includes(B), false);
    assert.equal(store.undo(), 'Delete code');
    await store.flush();
    assert.deepEqual(store.codebook().get(A)?.relations?.map((r) => r.target), [B, C]);
    assert.deepEqual(store.codebook().get(B)?.relations, [{ type: 'contradicts', target: A }]);
  });

  it('merging moves relations to the target, retargets those pointing at a merged code, drops ones that would join the target to itself and keeps both notes of a relation both had', async () => {
    const fs = project([
      code(A, 'Isolation', { relations: [{ type: 'leads-to', target: C, note: 'from A' }, { type: 'contradicts', target: B }] }),
      code(B, 'Loneliness', { relations: [{ type: 'leads-to', target: C, note: 'from B' }] }),
      code(C, 'Belonging', { relations: [{ type: 'part-of', target: B }] }),
    ]);
    const store = await open(fs);
    const result = await store.mergeCodes([B], A);
    assert.equal(result.droppedRelations, 1);
    assert.deepEqual(store.codebook().get(A)?.relations, [{ type: 'leads-to', target: C, note: 'from A\n\nfrom B' }]);
    assert.deepEqual(store.codebook().get(C)?.relations, [{ type: 'part-of', target: A }]);
    const check = await checkProject(fs);
    await store.flush();
    const after = await checkProject(fs);
    assert.deepEqual(after.problems, []);
    assert.ok(check);
  });
});

describe('relations in the project check', () => {
  it('names the file and line of a relation to a missing code, to itself, and of an unknown type', async () => {
    const fs = project([code(A, 'Isolation', { relations: [{ type: 'leads-to', target: B }, { type: 'leads-to', target: A }, { type: 'causes', target: C }] }), code(C, 'Work')]);
    const check = await checkProject(fs);
    assert.deepEqual(check.problems.map((p) => `${formatProblem(p)} [${p.severity}]`), [
      `${codeFilePath(A)}:11: "Isolation" is related to itself ("leads-to"); a relation joins two different codes [error]`,
      `${codeFilePath(A)}:15: the relation "leads-to" of "Isolation" points at code ${B}, which is not in the codebook (deleted on another branch?); remove the relation or restore the code [error]`,
      `${codeFilePath(A)}:20: the relation type "causes" of "Isolation" is not declared in .grounded/project.json "relationTypes" (known: condition-of, leads-to, part-of, contradicts) [warning]`,
    ]);
  });
});

describe('resolving a merge conflict in a code file with relations', () => {
  it('keeps both sides’ relations', () => {
    const base = code(A, 'Isolation');
    const ours = serializeCodeFile({ ...base, relations: [{ type: 'leads-to', target: B }] });
    const theirs = serializeCodeFile({ ...base, relations: [{ type: 'part-of', target: C, note: 'theirs' }] });
    const common = ours.split('\n').slice(0, 7).join('\n');
    const conflicted = `${common}\n<<<<<<< HEAD\n${ours.split('\n').slice(7).join('\n')}=======\n${theirs.split('\n').slice(7).join('\n')}>>>>>>> other\n`;
    const resolution = resolveConflictedFile(codeFilePath(A), conflicted);
    assert.ok(resolution.ok);
    const read = parseCodeFile(codeFilePath(A), resolution.text);
    assert.ok(read.ok);
    assert.deepEqual(read.value.relations, [{ type: 'leads-to', target: B }, { type: 'part-of', target: C, note: 'theirs' }]);
    assert.match(resolution.notes.join('\n'), /kept 2 relation\(s\): 1 only in other/);
  });

  it('with the common version, keeps a relation added on one side and drops one removed on the other', () => {
    const base = { ...code(A, 'Isolation'), relations: [{ type: 'leads-to', target: B }] };
    const ours = serializeCodeFile({ ...base, relations: [] });
    const theirs = serializeCodeFile({ ...base, relations: [{ type: 'leads-to', target: B }, { type: 'part-of', target: C, note: 'theirs' }] });
    const conflicted = `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> other\n`;
    const resolution = resolveConflictedFile(codeFilePath(A), conflicted, 'ours', { text: serializeCodeFile(base) });
    assert.ok(resolution.ok);
    if (!resolution.ok) return;
    const read = parseCodeFile(codeFilePath(A), resolution.text);
    assert.ok(read.ok);
    assert.deepEqual(read.value.relations, [{ type: 'part-of', target: C, note: 'theirs' }]);
    assert.deepEqual(resolution.notes, ['relations: 1 removed in HEAD', 'relations: 1 added in other']);
  });
});
