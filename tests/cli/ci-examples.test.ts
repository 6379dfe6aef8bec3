// The CI files in examples/ci/ are meant to be copied as they are: the GitHub workflow is valid YAML
// whose shard matrix and --shard i/n agree, every option it passes exists, its uploads survive a
// failed build; the GitLab file shards with parallel; the Dockerfile needs no LibreOffice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const ci = join(ROOT, 'examples', 'ci');
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; strategy?: { 'fail-fast'?: boolean; matrix: Record<string, unknown[]> }; steps: Step[] }>;
}

let renderHelp = '';
let validateHelp = '';
beforeAll(async () => {
  renderHelp = (await cli(['render', 'all', '--help'])).stdout;
  validateHelp = (await cli(['validate', '--help'])).stdout;
});

/** The welkome-wijk options in a command line (after the package name, not npx's own), e.g. ['--shard', '--jobs']. */
const optionsIn = (command: string) => {
  const ours = command.slice(command.indexOf('WELKOME_WIJK"'));
  expect(ours.length, command).toBeLessThan(command.length);
  return [...ours.matchAll(/\s(--[a-z-]+)/g)].map((m) => m[1]);
};

describe('examples/ci/github-actions.yml', () => {
  const workflow = parse(readFileSync(join(ci, 'github-actions.yml'), 'utf8')) as Workflow;

  it('is a workflow: triggers and jobs with steps', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    for (const job of Object.values(workflow.jobs)) {
      expect(job['runs-on']).toBeTruthy();
      expect(job.steps.length).toBeGreaterThan(0);
      for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
    }
  });

  it('builds one shard per matrix entry, and --shard i/n names exactly the matrix', () => {
    const render = workflow.jobs.render;
    const shards = render.strategy!.matrix.shard as number[];
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    expect(shards.length).toBeGreaterThan(1);
    // A shard with a broken file must not cancel the others.
    expect(render.strategy!['fail-fast']).toBe(false);
    const build = render.steps.find((s) => s.run?.includes('render all'))!;
    expect(build.run).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
    for (const option of optionsIn(build.run!)) expect(renderHelp, option).toContain(option);
  });

  it('uploads each shard under its own name, also when the build reported a broken file', () => {
    const upload = workflow.jobs.render.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe('${{ !cancelled() }}');
    expect(upload.with!.name).toContain('${{ matrix.shard }}');
    expect(String(upload.with!.path)).toContain('materialen/*.zip');
    // The cache brings back the last output, so unchanged bundles are skipped.
    const cache = workflow.jobs.render.steps.find((s) => s.uses?.startsWith('actions/cache@'))!;
    expect(cache.with!.path).toBe('materialen');
  });

  it('validates every file first (annotations come from GITHUB_ACTIONS, set by the runner)', () => {
    const run = workflow.jobs.validate.steps.find((s) => s.run?.includes('validate'))!.run!;
    for (const option of optionsIn(run)) expect(validateHelp, option).toContain(option);
  });
});

describe('examples/ci/gitlab-ci.yml', () => {
  const gitlab = parse(readFileSync(join(ci, 'gitlab-ci.yml'), 'utf8')) as Record<string, { parallel?: number; script?: string[]; artifacts?: { when?: string } }>;

  it('shards with parallel and GitLab node index and total', () => {
    const job = gitlab.materialen;
    expect(job.parallel).toBeGreaterThan(1);
    const script = job.script!.join('\n');
    expect(script).toContain('--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"');
    for (const option of optionsIn(script)) expect(renderHelp, option).toContain(option);
    expect(job.artifacts!.when).toBe('always');
  });
});

describe('examples/ci/Dockerfile', () => {
  const dockerfile = readFileSync(join(ci, 'Dockerfile'), 'utf8');

  it('is Node slim with the runtime dependencies only, and no LibreOffice', () => {
    const from = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(from.every((image) => /^node:\d+-slim$/.test(image))).toBe(true);
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).not.toMatch(/^RUN .*(libreoffice|apt-get)/im);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "\/app\/bin\/welkome-wijk\.js"\]/m);
  });
});
