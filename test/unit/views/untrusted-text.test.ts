import assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { escapeHtml, escapeMarkdown, notice, notificationText, quickPickText, treeItemText } from '../../../src/core/views/untrusted-text';

/** One click on this would type into the terminal, if it became a link. */
const PAYLOAD = '[Open the guide](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%5Cn%22%7D)';
const OTHER_LINKS = ['[x](https://example.invalid/a)', '[x](file:///etc/passwd)', '[x](COMMAND:workbench.action.reloadWindow "title")'];
/** What VS Code turns into a link in a notification message (its own pattern, `linkedText.ts`). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
/** What VS Code renders as an icon in quick picks and status bar text (unless preceded by `\`). */
const ICON = /(\\)?\$\(([a-z0-9-]+?(?:~[a-z0-9-]*?)?)\)/gi;

/** The text as VS Code shows it in a quick pick: icons rendered as `<icon>`, escaped ones literally. */
function renderedIcons(text: string): string {
  return text.replace(ICON, (match: string, escaped: string | undefined, name: string) => (escaped ? `$(${name})` : `<icon ${name}>`));
}

describe('untrusted text in notifications', () => {
  for (const hostile of [PAYLOAD, ...OTHER_LINKS, `prefix ]${PAYLOAD}`, 'a]', '[[x]](command:y)']) {
    it(`never forms a link: ${hostile.slice(0, 40)}`, () => {
      const shown = notificationText(hostile);
      assert.doesNotMatch(shown, NOTIFICATION_LINK);
      assert.equal(shown.replace(/\u2060/g, ''), hostile, 'reads as written');
    });
  }

  it('escapes every value interpolated into a message and nothing else', () => {
    const name = '[Study](command:workbench.action.reloadWindow)';
    const message = notice`Imported "${name}" into ${'/tmp/a]'}(command:x).`;
    assert.doesNotMatch(message, NOTIFICATION_LINK);
    assert.equal(message.replace(/\u2060/g, ''), `Imported "${name}" into /tmp/a](command:x).`);
    assert.equal(notice`No coded segment at the cursor.`, 'No coded segment at the cursor.');
  });

  it('cannot form a link across two values either', () => {
    assert.doesNotMatch(notice`${'[Open'}${'](command:x)'}`, NOTIFICATION_LINK);
  });
});

describe('untrusted text in quick picks', () => {
  for (const hostile of ['$(terminal) Run', '\\$(terminal) literal already', 'cost $(5) and $(zap~spin)', `$(alert) ${PAYLOAD}`]) {
    it(`renders no icon: ${hostile}`, () => {
      const shown = renderedIcons(quickPickText(hostile));
      assert.doesNotMatch(shown, /<icon/);
      assert.equal(shown, hostile, 'reads as written');
    });
  }

  it('keeps a quick pick item on one line', () => {
    assert.equal(quickPickText('one\ntwo\r\nthree'), 'one two three');
  });
});

describe('untrusted text in tree items', () => {
  it('keeps labels on one line and otherwise as written (VS Code renders no links or icons there)', () => {
    assert.equal(treeItemText(`a\nb ${PAYLOAD}`), `a b ${PAYLOAD}`);
  });
});

describe('untrusted text in Markdown tooltips and hovers', () => {
  for (const hostile of [PAYLOAD, '<a href="command:x">x</a>', '![img](https://example.invalid/x.png)', '<https://example.invalid>', '**bold** _em_ `code`']) {
    it(`renders literally: ${hostile.slice(0, 40)}`, () => {
      const tree = fromMarkdown(escapeMarkdown(hostile));
      const kinds = new Set<string>();
      const text: string[] = [];
      const walk = (node: { type: string; value?: string; children?: unknown[] }): void => {
        kinds.add(node.type);
        if (node.type === 'text') text.push(node.value ?? '');
        for (const child of node.children ?? []) walk(child as typeof node);
      };
      walk(tree);
      assert.deepEqual([...kinds].sort(), ['paragraph', 'root', 'text']);
      assert.equal(text.join(''), hostile);
    });
  }
});

describe('untrusted text that reorders its line', () => {
  it('shows bidirectional overrides and isolates in hovers and tooltips as code points', () => {
    const shown = fromMarkdown(escapeMarkdown('a\u202Eb\u2067c'));
    assert.equal((shown.children[0] as { children: { value: string }[] }).children.map((c) => c.value).join(''), 'a⟦U+202E⟧b⟦U+2067⟧c');
  });
});

describe('untrusted text in webviews', () => {
  it('escapes HTML so it shows as text, in content and in attribute values', () => {
    const hostile = `<img src=x onerror="alert(1)"> ' & ${PAYLOAD}`;
    const escaped = escapeHtml(hostile);
    assert.doesNotMatch(escaped, /[<>"']/);
    assert.equal(escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'), hostile);
  });
});
