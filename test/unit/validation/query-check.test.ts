import assert from 'node:assert/strict';
import { formatProblem } from '../../../src/core/storage/errors';
import { codeFilePath, serializeCodeFile } from '../../../src/core/storage/format';
import type { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { checkProject } from '../../../src/core/validation/project-check';
import { demoFileSystem } from '../pseudonymise/demo-files';
import { smallProject, TRUST } from '../project-index/small-project';

const FOLDER = '.grounded/queries';

/** A saved query as Grounded writes it: one key a line, so each problem has its own line. */
function query(fields: object): string {
  return `${JSON.stringify({ format: 'grounded-query', version: 1, ...fields }, null, 2)}\n`;
}

async function queryProblems(fs: MemoryFileSystem): Promise<string[]> {
  return (await checkProject(fs)).problems.filter((p) => p.path.startsWith(`${FOLDER}/`)).map((p) => `${formatProblem(p)} [${p.severity}]`);
}

describe('grounded validate: saved queries', () => {
  it('finds nothing wrong with queries that run, whether they name rounds by id or by name', async () => {
    const fs = demoFileSystem();
    fs.files.set(`${FOLDER}/barriers.json`, query({ codes: 'Barriers AND Mistrust', filter: { coders: ['dana-reyes'], rounds: ['initial', 'Focused coding'], attributes: [{ attribute: 'sector', equals: ['youth housing'] }] } }));
    fs.files.set(`${FOLDER}/everything.json`, query({ title: 'Every segment' }));
    assert.deepEqual((await checkProject(fs)).problems, []);
  });

  it('reports, as errors at their lines, what would stop grounded query: not JSON, an unknown key, and codes, coders, rounds and attributes the project lacks', async () => {
    const fs = smallProject();
    fs.files.set(`${FOLDER}/broken.json`, '{\n  "format": "grounded-query",\n  nope\n}\n');
    fs.files.set(`${FOLDER}/filters.json`, query({ codes: 'trust', filters: { coders: ['sam-okafor'] } }));
    fs.files.set(`${FOLDER}/missing.json`, query({ codes: 'trust AND Housing', filter: { coders: ['dana'], rounds: ['bogus'], attributes: [{ attribute: 'aeg', min: 30 }] } }));
    fs.files.set(`${FOLDER}/notes.txt`, 'not a query');
    const rounds = 'its rounds: initial "Initial coding", focused "Focused coding", theoretical "Theoretical coding"';
    assert.deepEqual(await queryProblems(fs), [
      `${FOLDER}/broken.json:3: not valid JSON at column 3: expected a property name in double quotes but found 'n' [error]`,
      `${FOLDER}/filters.json:5: "filters" is not a key of a saved query (format, version, title, description, codes, filter, groupBy; notes go under a key starting with "x-"). Did you mean "filter"? [error]`,
      `${FOLDER}/missing.json:4: "codes": No code is named "Housing". [error]`,
      `${FOLDER}/missing.json:6: "filter.coders[0]": no coder has the id "dana"; coders are named by id. Did you mean "dana-reyes"? The project's coders: dana-reyes (Dana Reyes), sam-okafor (Sam Okafor). [error]`,
      `${FOLDER}/missing.json:9: "filter.rounds[0]": the project has no round "bogus" (${rounds}) [error]`,
      `${FOLDER}/missing.json:14: "filter.attributes[0]": no transcript records the attribute "aeg" (recorded: age, participant). [error]`,
    ]);
  });

  it('reports a code renamed since the query was saved, with the new name the lookup finds', async () => {
    const fs = smallProject();
    fs.files.set(`${FOLDER}/trust.json`, query({ codes: 'trust' }));
    assert.deepEqual(await queryProblems(fs), []);
    fs.files.set(codeFilePath(TRUST), serializeCodeFile({ id: TRUST, name: 'trust in others', parent: null, color: '#1f77b4', description: '' }));
    assert.deepEqual(await queryProblems(fs), [`${FOLDER}/trust.json:4: "codes": No code is named "trust". Did you mean one of "trust in others", "trust in others/Work"? [error]`]);
  });
});
