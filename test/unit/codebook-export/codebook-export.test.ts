import assert from 'node:assert/strict';
import * as docx from 'docx';
import { unzipSync } from 'fflate';
import { buildCodebookDocument, codebookAsDocx, codebookAsHtml, codebookAsMarkdown } from '../../../src/core/codebook-export';
import { loadSnapshot } from '../../../src/core/project-index';
import { codeFilePath } from '../../../src/core/storage/format';
import { demoFileSystem } from '../pseudonymise/demo-files';

const FEAR = 'c-eev1kyas3c52';
const HOSTILE = '<img src=x onerror=alert(1)> [link](command:x) **bold** & "q"';

async function demoWithDefinitions() {
  const fs = demoFileSystem();
  const path = codeFilePath(FEAR);
  const code = JSON.parse(fs.files.get(path)!) as Record<string, unknown>;
  Object.assign(code, { name: HOSTILE, inclusion: 'Fear of <b>officials</b>\nsecond line', exclusion: '# not a heading', example: { segment: 's-15v1f7k0dxp2', text: 'A phone, </blockquote><script>x()</script>' } });
  fs.files.set(path, `${JSON.stringify(code, null, 2)}\n`);
  return loadSnapshot(fs);
}

describe('codebook export', () => {
  it('lists every code in Codebook order with its path, depth and usage counted over all coders', async () => {
    const snapshot = await loadSnapshot(demoFileSystem());
    const document = buildCodebookDocument(snapshot);
    assert.equal(document.entries.length, snapshot.codes.length);
    const barriers = document.entries.findIndex((e) => e.name === 'Barriers');
    assert.equal(document.entries[barriers].depth, 0);
    assert.deepEqual(document.entries[barriers + 1].path.slice(0, 1), ['Barriers']);
    const fear = document.entries.find((e) => e.id === FEAR)!;
    const expected = snapshot.transcripts.flatMap((t) => t.segments).filter((p) => p.segment.codes.includes(FEAR));
    assert.ok(expected.length > 0);
    assert.equal(fear.segments, expected.length);
    assert.equal(fear.coders, new Set(expected.map((p) => p.coder.id)).size);
  });

  it('escapes hostile names, criteria and quotes in Markdown', async () => {
    const markdown = codebookAsMarkdown(buildCodebookDocument(await demoWithDefinitions()));
    assert.ok(markdown.includes('### Barriers / \\<img src=x onerror=alert(1)\\> \\[link\\](command:x) \\*\\*bold\\*\\* \\& "q"'), markdown.slice(0, 400));
    assert.ok(markdown.includes('**Include when:** Fear of \\<b\\>officials\\</b\\>  \nsecond line'));
    assert.ok(markdown.includes('**Exclude when:** \\# not a heading'));
    assert.ok(markdown.includes('> A phone, \\</blockquote\\>\\<script\\>x()\\</script\\>\n>\n> — '));
    assert.doesNotMatch(markdown, /(?<!\\)<(script|img|b>)/);
  });

  it('writes HTML with a CSP that allows no script, every value escaped', async () => {
    const html = codebookAsHtml(buildCodebookDocument(await demoWithDefinitions()));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'">/);
    assert.doesNotMatch(html, /<script|<img|<b>/);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; [link](command:x) **bold** &amp; &quot;q&quot;'));
    assert.ok(html.includes('<blockquote><p>A phone, &lt;/blockquote&gt;&lt;script&gt;x()&lt;/script&gt;</p>'));
  });

  it('writes a Word document: a valid zip whose document.xml holds the codes, hostile text as text', async () => {
    const bytes = await codebookAsDocx(buildCodebookDocument(await demoWithDefinitions()), docx);
    const files = unzipSync(bytes);
    assert.ok(files['[Content_Types].xml'] && files['word/document.xml']);
    const xml = new TextDecoder().decode(files['word/document.xml']);
    assert.ok(xml.includes('Barriers / &lt;img src=x onerror=alert(1)&gt; [link](command:x) **bold** &amp;'), xml.slice(0, 500));
    assert.ok(xml.includes('Peer support'));
    assert.ok(xml.includes('Fear of &lt;b&gt;officials&lt;/b&gt;'));
    assert.doesNotMatch(xml, /<script|<img/);
  });
});
