import assert from 'node:assert/strict';
import { pageHtml } from '../../../src/vscode/ui/page-html';

const src = 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/analysis-main.js';
const base = { nonce: 'n0nce42', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', title: 'Grounded Analysis' };

/** The page's scripts: each `<script …>` opening tag and what stands until its `</script>`. */
function scripts(html: string): { tag: string; body: string }[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({ tag: m[1], body: m[2] }));
}

describe('the HTML page of a webview', () => {
  it('loads the bundle in the one script, carrying the nonce the policy allows, and nothing else runs', () => {
    const html = pageHtml({ ...base, script: src });
    assert.deepEqual(scripts(html), [{ tag: ` nonce="n0nce42" src="${src}"`, body: '' }]);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    assert.equal(csp, "default-src 'none'; script-src 'nonce-n0nce42'; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-n0nce42'; font-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net data:");
  });

  it('escapes the title and the addresses of the bundle and of bundles loaded later', () => {
    const html = pageHtml({ ...base, title: '<b>"Study" & co</b>', script: 'https://x.invalid/a.js?a=1&b="2"', later: { charts: 'https://x.invalid/c.js?"><script>alert(1)</script>' } });
    assert.match(html, /<title>&lt;b&gt;&quot;Study&quot; &amp; co&lt;\/b&gt;<\/title>/);
    assert.match(html, /<div id="root" data-nonce="n0nce42" data-charts="https:\/\/x\.invalid\/c\.js\?&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"><\/div>/);
    assert.deepEqual(scripts(html), [{ tag: ' nonce="n0nce42" src="https://x.invalid/a.js?a=1&amp;b=&quot;2&quot;"', body: '' }]);
  });

  it('carries the bundle inline when it is given, with the nonce and no address', () => {
    const bundle = 'document.body.dataset.x = "a<b && c>d";\n';
    const html = pageHtml({ ...base, script: src, inline: bundle });
    assert.deepEqual(scripts(html), [{ tag: ' nonce="n0nce42"', body: bundle }]);
    // The policy is the same: nothing without the nonce runs.
    assert.match(html, /script-src 'nonce-n0nce42';/);
  });

  it('loads the bundle by its address when its text could end the script element early', () => {
    for (const bundle of ['x = "</script><img src=x>";', 'x = "</SCRIPT >";', 'x = "<!--"; y = "<script>";']) {
      const html = pageHtml({ ...base, script: src, inline: bundle });
      assert.deepEqual(scripts(html), [{ tag: ` nonce="n0nce42" src="${src}"`, body: '' }], bundle);
    }
  });
});
