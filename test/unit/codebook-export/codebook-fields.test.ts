import assert from 'node:assert/strict';
import type { Code } from '../../../src/core/model';
import { codeFilePath, parseCodeFile, serializeCodeFile } from '../../../src/core/storage/format';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { demoFiles, demoFileSystem } from '../pseudonymise/demo-files';

const FEAR = 'c-eev1kyas3c52';
const PATH = codeFilePath(FEAR);

describe('codebook definition fields in code files', () => {
  it('leave a code file without them byte for byte as it was', () => {
    const text = demoFiles()[PATH];
    const parsed = parseCodeFile(PATH, text);
    assert.ok(parsed.ok);
    assert.equal(serializeCodeFile(parsed.value), text);
    assert.equal('inclusion' in parsed.value, false);
  });

  it('round-trip inclusion, exclusion and an example, hostile text included, after description and before unknown keys', () => {
    const code: Code = {
      id: FEAR,
      name: 'Fear of authorities',
      parent: null,
      color: '#aa3300',
      description: 'Fear of police, immigration or courts.',
      inclusion: 'Fear named as of officials.\r\nAlso "they" meaning the state </script>',
      exclusion: 'Mistrust of motives: use [[Mistrust]] instead',
      example: { segment: 's-15v1f7k0dxp2', text: 'they would put me on a plane\u2028the same day 🚫' },
      extra: { zebra: 1 },
    };
    const text = serializeCodeFile(code);
    const keys = Object.keys(JSON.parse(text) as object);
    assert.deepEqual(keys, ['format', 'version', 'id', 'name', 'parent', 'color', 'description', 'inclusion', 'exclusion', 'example', 'zebra']);
    const parsed = parseCodeFile(PATH, text);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.deepEqual(parsed.value, code);
  });

  it('reject an example that is not a segment id with its text, naming the line', () => {
    const text = demoFiles()[PATH].replace(/\n}\n$/, ',\n  "example": {\n    "segment": "nope"\n  }\n}\n');
    const parsed = parseCodeFile(PATH, text);
    assert.equal(parsed.ok, false);
    const messages = parsed.ok ? [] : parsed.problems.map((p) => `${p.line}: ${p.message}`);
    assert.ok(messages.some((m) => /text/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /segment id/.test(m)), messages.join('\n'));
  });

  it('are set through the store as one undoable step, and cleared by empty text', async () => {
    const fs = demoFileSystem();
    const store = await ProjectStore.open(fs, { coder: { id: 'dana-reyes', name: 'Dana Reyes' }, debounceMs: 0 });
    const before = fs.files.get(PATH);
    store.updateCode(FEAR, { inclusion: 'Named fear of officials', example: { segment: 's-15v1f7k0dxp2', text: 'A phone' } });
    await store.flush();
    assert.match(fs.files.get(PATH)!, /"inclusion": "Named fear of officials",\n {2}"example": \{\n {4}"segment": "s-15v1f7k0dxp2",\n {4}"text": "A phone"\n {2}\}(,\n {2}"relations": \[[^]*\])?\n\}\n$/);
    store.updateCode(FEAR, { inclusion: '  ' });
    await store.flush();
    assert.doesNotMatch(fs.files.get(PATH)!, /inclusion/);
    assert.equal(store.undo(), 'Change code');
    await store.flush();
    assert.match(fs.files.get(PATH)!, /"inclusion": "Named fear of officials"/);
    store.undo();
    await store.flush();
    assert.equal(fs.files.get(PATH), before);
    store.dispose();
  });
});
