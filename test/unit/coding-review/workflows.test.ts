import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const read = (path: string): string => readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

describe('the review workflows and action', () => {
  const review = parse(read('.github/actions/grounded-review/workflows/grounded-review.yml')) as Workflow;
  const comment = parse(read('.github/actions/grounded-review/workflows/grounded-review-comment.yml')) as Workflow;
  const action = parse(read('.github/actions/grounded-review/action.yml')) as { runs: { steps: Step[] } };
  const script = read('scripts/review-comment.mjs');

  it('computes the diff for any pull request with read-only permissions and uploads it', () => {
    assert.deepEqual(Object.keys(review.on), ['pull_request']);
    assert.deepEqual(review.permissions, { contents: 'read' });
    const uses = review.jobs.review.steps.map((s) => s.uses ?? 'run');
    assert.ok(uses.some((u) => u.endsWith('/.github/actions/grounded-review@main')));
    assert.ok(uses.includes('actions/upload-artifact@v4'));
  });

  it('posts from workflow_run without checking out or running the pull request’s code', () => {
    assert.deepEqual(Object.keys(comment.on), ['workflow_run']);
    assert.deepEqual((comment.on.workflow_run as { workflows: string[] }).workflows, [(parse(read('.github/actions/grounded-review/workflows/grounded-review.yml')) as { name: string }).name]);
    const steps = comment.jobs.comment.steps;
    assert.ok(steps.every((s) => s.uses !== undefined && !s.uses.startsWith('actions/checkout') && s.run === undefined), 'only download and post');
    const posting = String(steps[1].with?.script);
    const marker = /const MARKER = '([^']+)'/.exec(script)![1];
    assert.ok(posting.includes(`const MARKER = '${marker}'`), 'finds the comment by the marker the script writes');
  });

  it('never splices inputs into shell text', () => {
    for (const step of action.runs.steps) assert.ok(!/\$\{\{/.test(step.run ?? ''), step.run);
    for (const step of review.jobs.review.steps) assert.ok(!/\$\{\{/.test(step.run ?? ''), step.run);
  });
});
