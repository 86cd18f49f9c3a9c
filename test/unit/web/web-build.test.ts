import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { ESLint } from 'eslint';
import { codeFromText } from '../../../scripts/lib/bundle-check.mjs';
import { checkSchema } from '../../../src/core/storage/format/schema-validation';

interface Manifest {
  main?: string;
  browser?: string;
  type?: string;
  capabilities?: Record<string, { supported?: unknown; description?: unknown } | undefined>;
}

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as Manifest;

describe('the browser build', () => {
  it('declares a browser entry that a web-worker host loads as CommonJS', () => {
    assert.ok(manifest.browser, 'package.json has a browser entry');
    assert.notEqual(manifest.browser, manifest.main, 'its own bundle, not the Node one');
    // With "type": "module" the worker host takes a .js entry for an ES module, which it refuses.
    if (manifest.type === 'module') assert.match(manifest.browser, /\.cjs$/);
    assert.match(readFileSync(new URL('../../../scripts/build.mjs', import.meta.url), 'utf8'), new RegExp(`outfile: '${manifest.browser.replace(/^\.\//, '').replace(/\./g, '\\.')}'`), 'the build writes that file');
  });

  it('declares virtual workspaces as limited, saying what is limited and why', () => {
    const declared = manifest.capabilities?.virtualWorkspaces;
    assert.equal(declared?.supported, 'limited');
    const description = String(declared?.description);
    assert.match(description, /vscode\.dev|github\.dev/, 'names where it applies');
    assert.match(description, /git/, 'says git is not there');
    assert.match(description, /grounded\.coder/, 'says where the coder name comes from instead');
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited', 'workspace trust is still declared');
  });
});

describe('no bundle builds code from text', () => {
  it('finds new Function and eval, direct or as a property, with their line and column', () => {
    const bundle = 'const a = 1;\nconst f = new Function("x", "return x");\nglobalThis.eval("1");\n  eval (source);\n';
    assert.deepEqual(codeFromText(bundle), ['2:11 new Function(', '3:12 eval(', '4:3 eval (']);
  });

  it('does not mistake other names for eval', () => {
    assert.deepEqual(codeFromText('evaluate(x); medieval(y); retrieval(z); const evalFn = 1; new FunctionType();'), []);
  });
});

describe('precompiled schema validators', () => {
  // The same options scripts/lib/schema-validators.mjs compiles with.
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
  const schema = (name: string): object => JSON.parse(readFileSync(new URL(`../../../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as object;

  it('judge records as Ajv compiling the schema at run time does', () => {
    const compiled = ajv.compile(schema('code'));
    const records: unknown[] = [
      { format: 'grounded-code', version: 1, id: 'c-0123456789ab', name: 'Fear', color: '#3a7bd5' },
      { format: 'grounded-code', version: 1, id: 'c-0123456789ab', name: '', color: 'red' },
      { format: 'grounded-code', version: 2, id: 'C-1', name: 'Fear 😨', color: '#3A7BD5', extra: true },
      { name: 42 },
      'not an object',
    ];
    for (const record of records) {
      const valid = compiled(record);
      const issues = checkSchema('code', record);
      assert.equal(issues.length === 0, valid, JSON.stringify(record));
      assert.equal(issues.length, compiled.errors?.length ?? 0, `the same number of issues for ${JSON.stringify(record)}`);
    }
  });
});

describe('the platform seam', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: process.cwd() });
  const importErrors = async (code: string, filePath: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };
  const nodeImports = "import { readFileSync } from 'node:fs';\nimport { gitUserName } from '../../node/coder-name';\nexport const x = [readFileSync, gitUserName];\n";

  it('keeps Node and src/node out of feature modules, which run in a browser too', async () => {
    const errors = await importErrors(nodeImports, 'src/vscode/memos/example.ts');
    assert.equal(errors.length, 2, JSON.stringify(errors));
    for (const message of errors) assert.match(message, /platform/);
  });

  it('lets the desktop platform reach them', async () => {
    assert.deepEqual(await importErrors(nodeImports, 'src/vscode/platform/node-platform.ts'), []);
  });
});
