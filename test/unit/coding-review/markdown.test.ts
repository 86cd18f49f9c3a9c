import assert from 'node:assert/strict';
import { diffSnapshots, escapeMarkdown, inline, renderMarkdown } from '../../../src/core/coding-review';
import { DANA, P01, TRUST, WORK, baseSpec, code, seg, snapshot } from './projects';

const HOSTILE = '@octocat <img src=x onerror=alert(1)> [click](https://evil.example) `rm -rf` **bold** #12 www.evil.example $x$';

async function hostileDiff() {
  const head = baseSpec();
  head.codes = [code(TRUST, HOSTILE), code(WORK, 'Work', { color: '#ff7f0e' })];
  head.coding['interviews/p01.md'][DANA.id][0] = seg(P01, 's-00000000000a', 'A friend from church took me to the centre');
  head.coding['interviews/p01.md'][DANA.id].push(seg(P01, 's-00000000000f', 'we cook together', [TRUST]));
  return diffSnapshots(await snapshot(baseSpec()), await snapshot(head));
}

/** What GitHub would turn into markup, a link, HTML or a mention, found in rendered Markdown. */
function live(markdown: string): string[] {
  const found: string[] = [];
  for (const pattern of [/<(?!\/?(details|summary)>)[a-z!/]/gi, /(?<!\\)\[[^\]]*(?<!\\)\]\(/g, /(?<![\\\w])@\w/g, /(?<!\\)#\d/g, /https?:\/\//g, /(?<!\\)`/g, /(?<!\\)\$/g, /\bwww\./g]) {
    for (const m of markdown.matchAll(pattern)) found.push(m[0]);
  }
  return found;
}

describe('coding diff as Markdown', () => {
  it('starts with the summary table, then marks gained words in bold in the passage, then the codebook', async () => {
    const md = renderMarkdown(await hostileDiff(), { quotes: true, base: 'main', head: 'feature/x' });
    const table = md.indexOf('| Coder | Code | Applied | Removed |');
    const passage = md.indexOf('**interviews/p01.md**');
    const codebook = md.indexOf('#### Codebook');
    assert.ok(table > 0 && passage > table && codebook > passage, md);
    assert.match(md, /re-bounded · dana-reyes · .* · line 7 \(\d+–\d+\)\n {2}> A friend from church \*\*took me to the centre\*\*/);
    assert.match(md, /\| dana-reyes \| @\u2060octocat .* \| \+1 \| {2}\|/);
    assert.match(md, /renamed _Trust_ → _@\u2060octocat/);
  });

  it('escapes every value from the project: no link, HTML, mention, issue reference, code span or maths survives', async () => {
    const md = renderMarkdown(await hostileDiff(), { quotes: true, base: '@main', head: '<b>x</b>' });
    assert.deepEqual(live(md), []);
    assert.deepEqual(live(escapeMarkdown(HOSTILE)), []);
    assert.ok(md.includes('&lt;img src=x onerror=alert(1)&gt;'));
    // The hostile name is still all there for a reader, character for character.
    assert.equal(escapeMarkdown(HOSTILE).replace(/\u2060/g, '').replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), HOSTILE);
  });

  it('shows bidirectional overrides and isolates as code points, so a name cannot reorder the line it is on', () => {
    const spoof = 'Trust\u202E (removed) \u2066x\u2069';
    for (const shown of [escapeMarkdown(spoof), inline(spoof)]) {
      assert.doesNotMatch(shown, /[\u202a-\u202e\u2066-\u2069]/);
      assert.match(shown, /Trust⟦U\+202E⟧ \\?\(removed\\?\) ⟦U\+2066⟧x⟦U\+2069⟧/);
    }
    // Marks that belong to right-to-left writing stay.
    assert.equal(escapeMarkdown('\u05e9\u05dc\u05d5\u05dd\u200f'), '\u05e9\u05dc\u05d5\u05dd\u200f');
  });

  it('keeps a quote with line breaks on its list item, and a leading list or number marker literal', () => {
    assert.equal(inline('- one\n\n**Amara:** two'), '\\- one ¶ \\*\\*Amara:\\*\\* two');
    assert.equal(inline('12. March'), '12\\. March');
    assert.equal(inline('+1 = yes'), '\\+1 = yes');
  });

  it('in privacy mode shows no interview text, comment, memo title or attribute value', async () => {
    const head = baseSpec();
    head.coding['interviews/p01.md'][DANA.id][0] = seg(P01, 's-00000000000a', 'A friend from church took me to the centre', [TRUST], { comment: 'secret remark' });
    head.texts['interviews/p01.md'] = P01.replace('age: 34', 'age: 35');
    head.memos = { 'memos/m.md': '# Confidential title\n\nbody\n' };
    const md = renderMarkdown(diffSnapshots(await snapshot(baseSpec()), await snapshot(head)), { quotes: false });
    for (const text of ['friend', 'church', 'centre', 'secret', 'Confidential', '35', 'Amara']) assert.ok(!md.includes(text), `${text} in\n${md}`);
    assert.match(md, /re-bounded, comment changed · dana-reyes · _Trust_ · line 7 \(\d+–\d+\) · 5 word\(s\) gained, 0 lost at the edges/);
    assert.match(md, /- added memos\/m.md\n/);
    assert.match(md, /\| interviews\/p01.md \| age \| changed \| \|/);
  });

  it('folds a long list of changes in <details>, and passages that only moved in their own <details>', async () => {
    const head = baseSpec();
    const text = `Added above.\n\n${P01}`;
    head.texts['interviews/p01.md'] = text;
    const words = ['How', 'did', 'you', 'find', 'help', 'friend', 'church', 'took', 'centre', 'trust'];
    head.coding['interviews/p01.md'][DANA.id].push(...words.map((w, i) => seg(text, `s-1000000000${String(i).padStart(2, '0')}`, w, [WORK])));
    const md = renderMarkdown(diffSnapshots(await snapshot(baseSpec()), await snapshot(head)), { quotes: true, fold: 8 });
    assert.match(md, /<details>\n<summary>10 changed segments<\/summary>/);
    assert.match(md, /<summary>4 segment\(s\) only moved because the transcript text changed — not a coding change<\/summary>/);
  });

  it('says which definition fields of a code changed, the same with quotes or without', async () => {
    const head = baseSpec();
    head.codes[0] = code(TRUST, 'Trust <i>', { inclusion: 'Any trust', exclusion: 'None', example: { segment: 's-00000000000a', text: 'A friend from church' } });
    const d = diffSnapshots(await snapshot(baseSpec()), await snapshot(head));
    for (const quotes of [true, false]) {
      const md = renderMarkdown(d, { quotes });
      assert.match(md, /^- inclusion criteria, exclusion criteria and example of _Trust &lt;i&gt;_ changed$/m, md);
      assert.ok(!md.includes('Any trust') && !md.includes('friend'), md);
    }
  });

  it('says so when nothing changed', async () => {
    const same = await snapshot(baseSpec());
    assert.match(renderMarkdown(diffSnapshots(same, await snapshot(baseSpec())), { quotes: true }), /No changes to coding, codes, memos or attributes\./);
  });
});
