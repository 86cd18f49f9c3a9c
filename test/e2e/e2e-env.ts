// What scripts/run-e2e.mjs hands the end-to-end tests: the served VS Code and its workspace.
import { join } from 'node:path';

export interface E2eEnvironment {
  /** code-server's address, serving the workspace with the packaged extension installed. */
  readonly url: string;
  /** Absolute path of the workspace folder code-server has open (a copy of demo/). */
  readonly workspace: string;
  /** Folder for screenshots (git-ignored: a run leaves the tracked files alone). */
  readonly resultsDir: string;
  /** The folder code-server installed the packaged extension into, when the runner says. */
  readonly extensions: string | undefined;
  /** Copy the screenshots over the documentation's copies in docs/images/ (`npm run screenshots`). */
  readonly updateDocsImages: boolean;
}

export function e2eEnvironment(): E2eEnvironment {
  const url = process.env.GROUNDED_E2E_URL;
  const workspace = process.env.GROUNDED_E2E_WORKSPACE;
  if (!url || !workspace) {
    throw new Error('GROUNDED_E2E_URL and GROUNDED_E2E_WORKSPACE are not set: run the end-to-end tests with `npm run test:e2e`.');
  }
  const resultsDir = process.env.GROUNDED_E2E_RESULTS ?? join(process.cwd(), 'test-results', 'e2e');
  return { url, workspace, resultsDir, extensions: process.env.GROUNDED_E2E_EXTENSIONS, updateDocsImages: process.env.UPDATE_SCREENSHOTS === '1' };
}
