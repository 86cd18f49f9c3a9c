import assert from 'node:assert/strict';
import * as docx from 'docx';
import { unzipSync } from 'fflate';
import { buildCodebookDocument, codebookAsDocx, codebookAsHtml, codebookAsMarkdown } from '../../../src/core/codebook-export';
import { sequentialIds } from '../../../src/core/ids';
import { loadSnapshot } from '../../../src/core/project-index';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { demoFileSystem } from '../pseudonymise/demo-files';

const FEAR = 'c-eev1kyas3c52';
const HOSTILE = 'Talked over <b>](command:x)';

/** The demo with two of its codes gathered into a focused code that is related to another code. */
async function gatheredAndRelated() {
  const fs = demoFileSystem();
  const store = await ProjectStore.open(fs, { coder: { id: 'dana-reyes', name: 'Dana Reyes' }, ids: sequentialIds(7000) });
  await store.loadAllCoding();
  const mistrust = store.codebook().all().find((c) => c.name === 'Mistrust')!.id;
  store.updateCode(mistrust, { name: HOSTILE });
  store.setRound('focused');
  const { category, segments } = await store.gatherCodes([FEAR, mistrust], 'Guarding oneself');
  const target = store.addCode({ name: 'Choosing whom to trust' });
  store.relateCodes(category, { type: 'leads-to', target, note: 'first <i>the door</i>, then the people' });
  await store.flush();
  return { document: buildCodebookDocument(await loadSnapshot(fs)), category, mistrust, segments };
}

describe('codebook export: gatherings and relations', () => {
  it('says what a focused code gathered, where a gathered code went, and how codes relate', async () => {
    const { document, category, mistrust, segments } = await gatheredAndRelated();
    const focused = document.entries.find((e) => e.id === category)!;
    assert.equal(focused.gathered?.length, 1);
    assert.match(focused.gathered![0], new RegExp(`^Fear of authorities and Talked over <b>\\]\\(command:x\\) \\(${segments} segments\\), by Dana Reyes on \\d{4}-\\d\\d-\\d\\d$`));
    assert.deepEqual(focused.relations, ['leads to Choosing whom to trust — first <i>the door</i>, then the people']);
    assert.equal(document.entries.find((e) => e.id === mistrust)!.gatheredInto, 'Guarding oneself');
    assert.equal(document.entries.find((e) => e.id === FEAR)!.gatheredInto, 'Guarding oneself');
    assert.equal(document.entries.find((e) => e.name === 'Hope')!.gathered, undefined, 'codes without gatherings or relations have no such lines');

    // A gathering's time written by hand as something else is not cut into a false date.
    const snapshot = await loadSnapshot(demoFileSystem());
    const hand = { ...snapshot, codes: snapshot.codes.map((c) => (c.id === FEAR ? { ...c, gathered: [{ codes: [{ id: 'c-000000000001', name: 'Old' }], segments: 2, by: { id: 'dana-reyes', name: 'Dana Reyes' }, at: 'last tuesday' }] } : c)) };
    assert.match(buildCodebookDocument(hand).entries.find((e) => e.id === FEAR)!.gathered![0], /by Dana Reyes on an unreadable date$/);

    const markdown = codebookAsMarkdown(document);
    const section = markdown.slice(markdown.indexOf('## Guarding oneself\n'));
    assert.match(section, /^## Guarding oneself\n\n\*[^*]+\*\n\n\*\*Gathered:\*\* Fear of authorities and Talked over \\<b\\>\\]\(command:x\) \(\d+ segments\), by Dana Reyes on [\d-]+\n\n\*\*Relations:\*\* /);
    assert.ok(section.includes('**Relations:** leads to Choosing whom to trust — first \\<i\\>the door\\</i\\>, then the people\n'), section.slice(0, 400));
    assert.match(markdown, /\*\*Gathered into:\*\* Guarding oneself\n/);
    const html = codebookAsHtml(document);
    assert.ok(html.includes('<p><strong>Gathered:</strong> Fear of authorities and Talked over &lt;b&gt;](command:x)'), html);
    assert.ok(html.includes('<p><strong>Relations:</strong> leads to Choosing whom to trust — first &lt;i&gt;the door&lt;/i&gt;, then the people</p>'));
    const xml = new TextDecoder().decode(unzipSync(await codebookAsDocx(document, docx))['word/document.xml']);
    assert.ok(xml.includes('Fear of authorities and Talked over &lt;b&gt;](command:x)'));
    assert.ok(xml.includes('leads to Choosing whom to trust'));
    assert.ok(xml.includes('>Gathered into: <'));
  });
});
