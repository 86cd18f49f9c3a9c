import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { coderName, type CoderNameSources } from '../../src/node/coder-name';

interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: unknown; restrictedConfigurations?: unknown } };
  contributes: { configuration: { properties: Record<string, unknown> } | { properties: Record<string, unknown> }[] };
}

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Manifest;

describe('workspace trust', () => {
  it('is declared as limited support, saying what is limited and why', () => {
    const declared = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(declared?.supported, 'limited');
    assert.equal(typeof declared?.description, 'string');
    const description = declared!.description as string;
    assert.match(description, /code/i, 'says coding still works');
    assert.match(description, /git/, 'names what is not run');
    assert.match(description, /grounded\.coder/, 'names the setting that is ignored');
  });

  it('restricts only settings that exist', () => {
    const restricted = manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations;
    assert.ok(Array.isArray(restricted) && restricted.length > 0);
    const groups = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
    const settings = new Set(groups.flatMap((g) => Object.keys(g.properties)));
    for (const name of restricted as string[]) assert.ok(settings.has(name), name);
  });

  describe('the coder name', () => {
    const sources = (over: Partial<CoderNameSources>): CoderNameSources & { gitRuns: number } => {
      const result = {
        configured: '',
        trusted: true,
        gitRuns: 0,
        async gitUserName() {
          result.gitRuns++;
          return 'Dana Reyes';
        },
        accountName: () => 'dreyes',
        ...over,
      };
      return result;
    };

    it('comes from git in a trusted workspace', async () => {
      const trusted = sources({});
      assert.equal(await coderName(trusted), 'Dana Reyes');
      assert.equal(trusted.gitRuns, 1);
    });

    it('never runs git in an untrusted workspace: the account name stands in', async () => {
      const untrusted = sources({ trusted: false });
      assert.equal(await coderName(untrusted), 'dreyes');
      assert.equal(untrusted.gitRuns, 0);
    });

    it('takes the setting first, trusted or not', async () => {
      assert.equal(await coderName(sources({ configured: '  Sam Okafor ', trusted: false })), 'Sam Okafor');
      assert.equal(await coderName(sources({ trusted: false, accountName: () => undefined })), 'Coder');
    });
  });
});
