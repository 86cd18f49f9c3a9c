// The layering rules live here: the core runs in plain Node, in a browser extension host and in
// the CLI, so it may not import `vscode` or any Node built-in. test/unit/lint-rules.test.ts proves
// the rule fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const corePaths = [
  { name: 'vscode', message: 'src/core must not import vscode: put editor code in src/vscode.' },
  ...nodeBuiltins.map((name) => ({
    name,
    message: 'src/core must run in a browser too: no Node built-ins (use a port from src/core/ports.ts).',
  })),
];

/** The anchoring engine has one caller, the owner of placement: everything else asks it where segments sit. */
const placementOwner = {
  group: ['**/anchoring', '**/anchoring/**', '!**/anchoring/text'],
  importNames: ['reanchor'],
  message: 'Ask src/core/placement where segments sit (PlacementCache, placeSelectors, placeSegments): it is the one owner of placement.',
};

export const coreRestrictedImports = { paths: corePaths, patterns: [placementOwner] };

export const webAdapterRestrictedImports = {
  paths: nodeBuiltins.map((name) => ({
    name,
    message: 'src/vscode runs in a browser too: reach Node only through the platform (src/vscode/platform/).',
  })),
  patterns: [
    { group: ['**/node/**'], message: 'src/vscode runs in a browser too: reach src/node only through the platform (src/vscode/platform/node-platform.ts).' },
    placementOwner,
  ],
};

/**
 * Where untrusted text (code names, quotes, memos, imported files) could become a live link, a
 * command or an icon. Notifications turn `[label](command:…)` into a link that runs on one click;
 * they are shown only through src/vscode/ui/notifications.ts, Markdown is built only by
 * src/vscode/ui/untrusted.ts. test/unit/lint-rules.test.ts proves the rules fire.
 */
export const untrustedSinks = [
  {
    selector: 'MemberExpression[property.name=/^show(Information|Warning|Error)Message$/]',
    message: 'Show notifications with showInformation/showWarning/showError and the notice`…` tag from src/vscode/ui/notifications.ts: it escapes untrusted text.',
  },
  { selector: "NewExpression[callee.property.name='MarkdownString']", message: 'Build Markdown with untrustedMarkdown() from src/vscode/ui/untrusted.ts.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'demo/**', 'out/**', 'test-results/**', '**/*.tmp.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreRestrictedImports],
      // require() and import() would slip past no-restricted-imports.
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='require']", message: 'src/core uses static imports only (no require).' },
        { selector: 'ImportExpression', message: 'src/core uses static imports only (no dynamic import()).' },
      ],
    },
  },
  {
    files: ['src/core/anchoring/**/*.ts', 'src/core/placement/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: corePaths }] },
  },
  {
    files: ['src/vscode/**/*.ts'],
    ignores: ['src/vscode/ui/**'],
    rules: {
      'no-restricted-syntax': ['error', ...untrustedSinks],
    },
  },
  {
    // The hover's colour swatch is HTML; its text is escaped by core/views/hover-text.ts.
    files: ['src/vscode/coding/hover.ts'],
    rules: { 'no-restricted-syntax': ['error', untrustedSinks[0]] },
  },
  {
    // The adapter runs in a browser too (extension-web.ts): only the desktop platform reaches Node.
    // Word import (platform/docx.ts) uses a converter under src/node that needs no Node built-in;
    // the web bundle's build fails on any that slips in.
    files: ['src/vscode/**/*.ts'],
    ignores: ['src/vscode/platform/node-platform.ts', 'src/vscode/platform/docx.ts', 'src/vscode/extension-node.ts'],
    rules: { 'no-restricted-imports': ['error', webAdapterRestrictedImports] },
  },
  {
    files: ['src/webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Webviews get data, not logic: types from the core and the protocol only, no vscode, no Node.
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Webviews get data by message, not the vscode API.' }, ...nodeBuiltins.map((name) => ({ name, message: 'Webviews run in a browser.' }))],
          patterns: [{ group: ['**/core/**', '**/vscode/**', '**/node/**', '**/cli/**'], allowTypeImports: true, message: 'Webviews get data, not logic: import types only from the core.' }],
        },
      ],
    },
  },
);
