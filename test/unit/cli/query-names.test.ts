import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from './run-captured';

const run = runCaptured;

const QUERY = JSON.stringify({ format: 'grounded-query', version: 1, title: 'Youth pay', codes: 'Validation cycle/Pay and compensation' });
const RULE = 'query names are lower-case letters, digits, ".", "_" and "-", starting with a letter or digit';

describe('grounded query: saved query names', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-query-names-'));
    cpSync(new URL('../../../demo/', import.meta.url), dir, { recursive: true });
    mkdirSync(join(dir, '.grounded/queries'));
    writeFileSync(join(dir, '.grounded/queries/Youth Pay.json'), QUERY);
    writeFileSync(join(dir, '.grounded/queries/fear.json'), JSON.stringify({ format: 'grounded-query', version: 1, codes: 'Fear of authorities' }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists only the names it can run, and says which file it left out and what to rename it', async () => {
    const list = await run(['query', '--list'], dir);
    assert.equal(list.code, 0);
    assert.equal(list.out, 'fear\t\tFear of authorities\n');
    assert.equal(list.err, `grounded query: .grounded/queries/Youth Pay.json is not listed: ${RULE}. Rename it youth-pay.json to run it as: grounded query youth-pay\n`);
  });

  it('refuses that file by name with the same advice, and runs it once renamed as advised', async () => {
    const refused = await run(['query', 'Youth Pay'], dir);
    assert.equal(refused.code, 1);
    assert.equal(refused.err, `grounded: .grounded/queries/Youth Pay.json cannot be run by name: ${RULE}. Rename it youth-pay.json to run it as: grounded query youth-pay\n`);
    assert.match((await run(['query', 'No Such'], dir)).err, /^grounded: "No Such" is not a query name: query names are .* \(grounded query --list shows the saved ones\)\n$/);
    renameSync(join(dir, '.grounded/queries/Youth Pay.json'), join(dir, '.grounded/queries/youth-pay.json'));
    const ran = await run(['query', 'youth-pay', '--format', 'json'], dir);
    assert.equal(ran.code, 0, ran.err);
    assert.ok((JSON.parse(ran.out) as { passages: unknown[] }).passages.length > 0);
    assert.match((await run(['query', '--list'], dir)).out, /^youth-pay\tYouth pay\tValidation cycle\/Pay and compensation$/m);
  });

  it('says when no saved query can be run by name, rather than that there are none', async () => {
    rmSync(join(dir, '.grounded/queries/fear.json'));
    const list = await run(['query', '--list'], dir);
    assert.equal(list.out, 'No saved queries that can be run by name.\n');
    assert.match(list.err, /Youth Pay\.json is not listed/);
  });
});
