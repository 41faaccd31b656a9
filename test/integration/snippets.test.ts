// Every snippet of README.md and docs/**/*.md works as printed. Each fenced YAML block must be
// valid YAML; each use of the action in one (a step, or a job that calls deploy.yml or plan.yml)
// runs in a dry run, as the bundle the runner starts, against a local Google Cloud that holds
// exactly what the README's one-time setup creates (its gcloud commands run against a bare project:
// fake/gcloud.ts): a deployer that only the `production` environment's token may act as, and a
// read-only planner for pull requests and main.
// A fleet step runs with the manifest its page shows. The local Google Cloud block of
// docs/development.md runs as a shell command. The plan, apply-on-merge and single-workload
// snippets once left out runtime_service_account, which the action refuses on a create.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { ROOT } from '../../scripts/readme-tables.ts';
import { classify, docFiles, docUses, fencedBlocks, parseYamlBlock, PROJECT, SETUP, type StepRun } from '../snippets.ts';
import { authStepCredentials, closeFakes, failure, run, withFake, type FakeGcp } from './setup.ts';

afterAll(closeFakes);

/** The world the one-time setup makes, in the names the docs use. */
const WORLD = {
  projectId: PROJECT,
  projectNumber: SETUP.projectNumber,
  pool: 'github',
  provider: SETUP.provider,
  deployer: SETUP.deployer,
  runtime: SETUP.runtime,
  invoker: SETUP.invoker,
  repository: SETUP.repository,
  region: 'europe-west1',
  computeServiceAccount: `${SETUP.projectNumber}-compute@developer.gserviceaccount.com`,
  schedulerServiceAgent: `service-${SETUP.projectNumber}@gcp-sa-cloudscheduler.iam.gserviceaccount.com`,
};

/** What the reader of the setup types or looks up (the block's first lines and its command substitutions). */
const GIVEN = {
  PROJECT_ID: PROJECT,
  REPO: SETUP.repository,
  GITHUB_ENVIRONMENT: SETUP.environment,
  GITHUB_ORG: SETUP.repository.split('/')[0]!,
  GITHUB_ORG_ID: SETUP.ownerId,
  PROJECT_NUMBER: SETUP.projectNumber,
};
const README_SETUP = (() => {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return /```sh\n([\s\S]*?)```/.exec(text.slice(text.indexOf('## One-time setup')))![1]!;
})();

const blocks = docFiles().flatMap((file) => fencedBlocks(file));
const yamlBlocks = blocks.filter((b) => /^ya?ml$/.test(b.lang));
/**
 * Each use, with the job it runs in: a step shown on its own (a list of steps) belongs to the
 * deploy job of the README's workflow, which runs in the protected environment.
 */
const uses = docUses().map((u) => ({
  ...u,
  runs: () => u.runs().map((r) => (u.where.includes(' jobs.snippet.') ? { ...r, environment: SETUP.environment } : r)),
}));

/** The OIDC token's subject of a job, as GitHub writes it. */
function subjectOf(step: StepRun): Record<string, string> {
  if (step.environment) return { sub: `repo:${SETUP.repository}:environment:${step.environment}`, environment: step.environment };
  if (step.events.includes('pull_request')) return { sub: `repo:${SETUP.repository}:pull_request`, event_name: 'pull_request', ref: 'refs/pull/7/merge' };
  return { sub: `repo:${SETUP.repository}:ref:refs/heads/main` };
}

/** The manifest a fleet step names, as its page shows it. */
function manifestFor(file: string, name: string): string {
  const found = fencedBlocks(file)
    .filter((b) => /^ya?ml$/.test(b.lang))
    .filter((b) => {
      const s = classify(b, parseYamlBlock(b));
      return s.kind === 'manifest' && s.name === name;
    });
  if (found.length !== 1) throw new Error(`${file}: ${found.length} manifests named ${name}`);
  return found[0]!.text;
}

/** A dry run of one step against a fake as the setup made it. */
async function dryRun(fake: FakeGcp, step: StepRun, file: string) {
  // The README's setup block, command for command: the provider, the accounts, their roles and
  // who may act as which (the deployer: production only; the planner: pull requests and main).
  fake.gcloud(README_SETUP, GIVEN);
  fake.setGithubClaims(subjectOf(step));
  const workspace = mkdtempSync(join(tmpdir(), 'snippet-'));
  try {
    if (step.inputs.manifest) writeFileSync(join(workspace, step.inputs.manifest), manifestFor(file, step.inputs.manifest));
    // A dry run; no pull-request comment (no event payload here); drift is the drift check's
    // business, and nothing exists yet to compare with.
    const inputs = { ...step.inputs, dry_run: 'true', comment_on_pr: 'false', fail_on_drift: 'false' };
    // An earlier google-github-actions/auth step: its credentials, as it writes them.
    const auth = step.authBefore;
    const adc: Record<string, string> = auth
      ? { GOOGLE_APPLICATION_CREDENTIALS: authStepCredentials(fake, join(workspace, 'gha-creds.json'), auth.workload_identity_provider!, auth.service_account || undefined) }
      : {};
    return await run(fake, inputs, { ...step.env, ...adc, GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: SETUP.repository });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** A use's title: its file and the workflow's name (or the block's line). */
function titleOf(use: (typeof uses)[number]): string {
  const doc = classify(use.block, parseYamlBlock(use.block));
  const name = doc.kind === 'workflow' && typeof doc.doc.name === 'string' ? doc.doc.name : `line ${use.block.line}`;
  return `${use.block.file}: ${name}`;
}

describe('the YAML blocks of README.md and docs/', () => {
  test('are found: the README workflow, and the pages with snippets', () => {
    expect(yamlBlocks.filter((b) => b.file === 'README.md').length).toBeGreaterThanOrEqual(1);
    for (const page of ['docs/usage.md', 'docs/review.md', 'docs/fleet.md', 'docs/cloud-run.md']) {
      expect([page, uses.filter((u) => u.block.file === page).length]).toEqual([page, expect.any(Number)]);
      expect(uses.some((u) => u.block.file === page)).toBe(true);
    }
    expect(uses.length).toBeGreaterThanOrEqual(12);
  });

  test.each(yamlBlocks.map((b) => [b.where, b] as const))('%s is valid YAML', (_where, block) => {
    expect(() => parseYamlBlock(block)).not.toThrow();
  });

  test('invalid YAML in a block fails the check', () => {
    const [bad] = fencedBlocks('docs/x.md', '```yaml\nwith:\n  name: a\n   region: b\n```\n');
    expect(() => parseYamlBlock(bad!)).toThrow();
    const [duplicate] = fencedBlocks('docs/x.md', '```yaml\nname: a\nname: b\n```\n');
    expect(() => parseYamlBlock(duplicate!)).toThrow(/unique|duplicate/i);
  });

  test('the jobs outside the protected environment (the plan, the drift check) act as the read-only planner', () => {
    const outside = uses.filter((u) => u.runs().some((r) => !r.environment));
    expect([...new Set(outside.map(titleOf))].sort()).toEqual(['docs/review.md: Drift check', 'docs/review.md: Plan']);
    for (const u of outside) for (const r of u.runs()) expect([u.where, r.inputs.service_account]).toEqual([u.where, SETUP.planner]);
  });
});

describe('every use of the action in README.md and docs/ runs, as printed, in a dry run against the setup', () => {
  test.concurrent.each(uses.map((u) => [u.where, u] as const))('%s', async (_where, use) => {
    for (const step of use.runs()) {
      const result = await withFake((fake) => dryRun(fake, step, use.block.file), { world: WORLD, bare: true });
      expect([use.where, failure(result)]).toEqual([use.where, '']);
      expect(result.code).toBe(0);
      // The plan of what it would do (a teardown of nothing plans nothing).
      if (step.inputs.state !== 'absent') expect(JSON.parse(result.outputs.plan!).length).toBeGreaterThan(0);
    }
  });
});

describe('a snippet that loses runtime_service_account fails the check', () => {
  const readmeWorkflow = uses.find((u) => u.block.file === 'README.md')!;

  test.concurrent('the README workflow without it: refused before anything is created, naming the input', async () => {
    const [step] = readmeWorkflow.runs();
    expect(step!.inputs.runtime_service_account).toBe(SETUP.runtime);
    const { runtime_service_account: _dropped, ...without } = step!.inputs;
    const result = await withFake((fake) => dryRun(fake, { ...step!, inputs: without }, 'README.md'), { world: WORLD, bare: true });
    expect(result.code).not.toBe(0);
    expect(failure(result)).toMatch(/runtime_service_account/);
  });

  test('and the snippets that create something all set it (directly, through a reusable workflow or in a manifest)', () => {
    for (const use of uses) {
      for (const step of use.runs()) {
        if (step.inputs.state === 'absent' || (step.inputs.project_id && !step.inputs.workload_identity_provider && !step.inputs.image)) continue;
        const manifest = step.inputs.manifest ? manifestFor(use.block.file, step.inputs.manifest) : '';
        expect([use.where, Boolean(step.inputs.runtime_service_account) || /runtime_service_account:/.test(manifest)]).toEqual([use.where, true]);
      }
    }
  });
});

describe('the shell blocks that run the action against the local Google Cloud', () => {
  const local = blocks.filter((b) => b.lang === 'sh' && b.text.includes('dist/index.js'));

  test('are found (docs/development.md)', () => {
    expect(local.map((b) => b.file)).toContain('docs/development.md');
  });

  test.concurrent.each(local.map((b) => [b.where, b] as const))('%s runs as printed, with the env `npm run fake` prints', (_where, block) =>
    withFake(async (fake) => {
      const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...fake.env() };
      // Not spawnSync: the fake answers from this process.
      const shell = await promisify(execFile)('sh', ['-c', block.text], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
      // The block prints the outputs file: the job was deployed, scheduled and smoke-tested.
      expect(shell.stdout).toMatch(/execution_status(?:=|<<.*\n)succeeded\b/);
    }),
  );
});

