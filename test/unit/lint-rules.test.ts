import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

/** The layering is a lint rule; these tests prove the rule fires where it must and only there. */
describe('layering lint rules', function () {
  this.timeout(60000);
  const eslint = new ESLint({ cwd: process.cwd() });

  async function restrictedImportErrors(code: string, filePath: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
  }

  for (const [label, code] of [
    ['vscode', "import * as vscode from 'vscode';\nexport const x = vscode;\n"],
    ['fs', "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n"],
    ['node:path', "import { join } from 'node:path';\nexport const x = join;\n"],
    ['child_process', "import { execFile } from 'child_process';\nexport const x = execFile;\n"],
  ] as const) {
    it(`rejects importing ${label} in src/core`, async () => {
      const errors = await restrictedImportErrors(code, 'src/core/example.ts');
      assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)}`);
      assert.match(errors[0], /src\/core/);
    });
  }

  it('rejects require() and dynamic import() in src/core', async () => {
    for (const code of ["export const fs = require('fs');\n", "export const fs = import('fs');\n"]) {
      const [result] = await eslint.lintText(code, { filePath: 'src/core/example.ts' });
      assert.ok(result.messages.some((m) => m.ruleId === 'no-restricted-syntax'), code);
    }
  });

  it('allows vscode in src/vscode and Node built-ins in src/cli', async () => {
    assert.deepEqual(await restrictedImportErrors("import * as vscode from 'vscode';\nexport const x = vscode;\n", 'src/vscode/example.ts'), []);
    assert.deepEqual(await restrictedImportErrors("import { join } from 'node:path';\nexport const x = join;\n", 'src/cli/example.ts'), []);
  });

  it('rejects vscode in webview code', async () => {
    assert.equal((await restrictedImportErrors("import * as vscode from 'vscode';\nexport const x = vscode;\n", 'src/webview/example.ts')).length, 1);
  });

  it('lets webview code import types from the core, never its logic or Node', async () => {
    const file = 'src/webview/example.ts';
    assert.deepEqual(await restrictedImportErrors("import type { Hit } from '../core/analysis';\nexport type X = Hit;\n", file), []);
    assert.match((await restrictedImportErrors("import { crosstab } from '../core/analysis';\nexport const x = crosstab;\n", file))[0], /data, not logic/);
    assert.equal((await restrictedImportErrors("import { join } from 'node:path';\nexport const x = join;\n", file)).length, 1);
  });

  it('lets only the owner of placement call the anchoring engine', async () => {
    const code = "import { reanchor } from '../anchoring';\nexport const x = reanchor;\n";
    assert.match((await restrictedImportErrors(code, 'src/core/analysis/example.ts'))[0], /one owner of placement/);
    assert.match((await restrictedImportErrors("import { reanchor } from '../../core/anchoring/reanchor';\nexport const x = reanchor;\n", 'src/vscode/coding/example.ts')).join(), /one owner of placement/);
    assert.deepEqual(await restrictedImportErrors(code, 'src/core/placement/example.ts'), []);
    assert.deepEqual(await restrictedImportErrors("import { makeQuote } from '../anchoring';\nexport const x = makeQuote;\n", 'src/core/analysis/example.ts'), []);
  });

  it('finds no restricted import in the real core', async () => {
    const results = await eslint.lintFiles(['src/core/**/*.ts']);
    const offending = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`));
    assert.deepEqual(offending, []);
  });

  it('rejects notifications and Markdown built outside the modules that escape untrusted text', async () => {
    const code = [
      "import * as vscode from 'vscode';",
      'export function f(name: string): void {',
      '  void vscode.window.showInformationMessage(`Imported "${name}"`);',
      "  void vscode.window.showWarningMessage('Plain words', { modal: true });",
      '  void vscode.window.showErrorMessage(name);',
      '  void new vscode.MarkdownString(name);',
      '}',
      '',
    ].join('\n');
    const lines = async (filePath: string) => {
      const [result] = await eslint.lintText(code, { filePath });
      return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);
    };
    assert.deepEqual(await lines('src/vscode/codebook/example.ts'), [3, 4, 5, 6]);
    assert.deepEqual(await lines('src/vscode/ui/example.ts'), [], 'the escaping modules themselves may');
  });

  it('finds no notification or Markdown built from unescaped text in the real extension', async () => {
    const results = await eslint.lintFiles(['src/vscode/**/*.ts']);
    const offending = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => `${r.filePath}:${m.line} ${m.message}`));
    assert.deepEqual(offending, []);
  });
});
