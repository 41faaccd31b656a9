// The reusable workflow must mirror action.yml (inputs with the same defaults, every
// output), ask for exactly the two permissions, serialise deploys per target; the manual
// workflow offers kind as a choice; every third-party action is pinned by commit SHA;
// every workflow file passes the offline actionlint.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from '@jest/globals';
import { ROOT } from '../../scripts/readme-tables.ts';
import { lintFiles, workflowFiles } from '../../scripts/actionlint.ts';

type Obj = Record<string, any>;
const load = (path: string): Obj => parse(readFileSync(join(ROOT, path), 'utf8')) as Obj;

const action = load('action.yml');
const deploy = load('.github/workflows/deploy.yml');
const planWorkflow = load('.github/workflows/plan.yml');
const manual = load('.github/workflows/manual.yml');
const ci = load('.github/workflows/ci.yml');

const allActionInputs = action.inputs as Record<string, { required?: boolean; default?: string }>;
// An input whose default the runner evaluates (github_token: ${{ github.token }}) keeps that default
// in the called workflow too: it is not an input of the workflow.
const actionInputs = Object.fromEntries(Object.entries(allActionInputs).filter(([, spec]) => !String(spec.default ?? '').startsWith('${{')));
const actionOutputs = Object.keys(action.outputs as Obj);
const call = deploy.on.workflow_call as Obj;
// Inputs of the workflow itself, not of the action.
const OWN_INPUTS = ['environment', 'runs_on', 'timeout_minutes'];

/** The job and the step that runs the action (uses: ./.cloud-run-cron) of a reusable workflow. */
function actionStep(workflow: Obj = deploy): { jobId: string; job: Obj; step: Obj } {
  for (const [jobId, job] of Object.entries(workflow.jobs as Record<string, Obj>)) {
    const step = (job.steps ?? []).find((s: Obj) => s.uses === './.cloud-run-cron');
    if (step) return { jobId, job, step };
  }
  throw new Error('no step uses ./.cloud-run-cron');
}

describe('reusable workflow (.github/workflows/deploy.yml)', () => {
  it('is called with workflow_call only', () => {
    expect(Object.keys(deploy.on)).toEqual(['workflow_call']);
  });

  it('declares every action input with the same name, requiredness and default', () => {
    const inputs = call.inputs as Record<string, Obj>;
    for (const [name, spec] of Object.entries(actionInputs)) {
      const mine = inputs[name];
      expect(mine).toBeDefined();
      expect(['string', 'boolean']).toContain(mine.type);
      expect(Boolean(mine.required)).toBe(Boolean(spec.required));
      if (spec.required) {
        expect(mine.default).toBeUndefined();
      } else {
        // The action takes strings: a boolean default reaches it as 'true'/'false'.
        expect(String(mine.default ?? '')).toBe(String(spec.default ?? ''));
        if (mine.type === 'boolean') expect(['true', 'false']).toContain(spec.default);
      }
    }
    const extra = Object.keys(inputs).filter((n) => !(n in actionInputs));
    expect(extra.sort()).toEqual([...OWN_INPUTS].sort());
  });

  it('passes every input to the action', () => {
    const { step } = actionStep();
    for (const name of Object.keys(actionInputs)) {
      expect(step.with?.[name]).toBe(`\${{ inputs.${name} }}`);
    }
    expect(Object.keys(step.with).sort()).toEqual(Object.keys(actionInputs).sort());
  });

  it('passes every action output through', () => {
    const { jobId, job, step } = actionStep();
    const outputs = call.outputs as Record<string, Obj>;
    for (const name of actionOutputs) {
      expect(outputs[name]?.value).toBe(`\${{ jobs.${jobId}.outputs.${name} }}`);
      expect(job.outputs?.[name]).toBe(`\${{ steps.${step.id}.outputs.${name} }}`);
    }
    expect(Object.keys(outputs).sort()).toEqual([...actionOutputs].sort());
  });

  it('asks for exactly id-token: write and contents: read', () => {
    const exact = { 'id-token': 'write', contents: 'read' };
    expect(deploy.permissions).toEqual(exact);
    const { jobId } = actionStep();
    for (const [id, job] of Object.entries(deploy.jobs as Record<string, Obj>)) {
      // The job that runs the action asks for the two; the target key reads the manifest only; any other job nothing.
      expect(job.permissions).toEqual(id === jobId ? exact : id === 'target' ? { contents: 'read' } : {});
    }
  });

  it('serialises deploys of the same target without cancelling one, and has a time limit', () => {
    const { job } = actionStep();
    expect(job.concurrency).toEqual({ group: '${{ needs.target.outputs.group }}', 'cancel-in-progress': false });
    expect(job['timeout-minutes']).toBe('${{ inputs.timeout_minutes }}');
    expect(call.inputs.timeout_minutes.default).toBeGreaterThan(0);
  });

  // Safe by default: the key is built from the normalized project, region, kind, name and scheduler
  // job, so two spellings of one target cannot run at once. The workflow's own script runs here.
  describe('the concurrency key', () => {
    const step = (deploy.jobs.target.steps as Obj[]).find((s) => s.id === 'key')!;
    const key = (inputs: Record<string, string>, manifest?: string): string => {
      const dir = mkdtempSync(join(tmpdir(), 'key-'));
      const out = join(dir, 'output');
      if (manifest !== undefined) writeFileSync(join(dir, 'cloud-run-cron.yaml'), manifest);
      const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: out };
      for (const name of Object.keys(step.env as Obj)) env[name] = inputs[name] ?? '';
      execFileSync('bash', ['-c', step.run as string], { env, cwd: dir });
      const group = readFileSync(out, 'utf8').trim().replace(/^group=/, '');
      rmSync(dir, { recursive: true, force: true });
      return group;
    };
    const base = { PROJECT_ID: 'my-proj', REGION: 'europe-west1', KIND: 'job', NAME: 'nightly', SCHEDULE: '0 3 * * *' };

    it('is the same for two spellings of one target', () => {
      const group = key(base);
      expect(group).toBe('cloud-run-cron/my-proj/europe-west1/job/nightly/europe-west1/nightly-schedule');
      expect(key({ ...base, PROJECT_ID: ' My-Proj ', REGION: 'Europe-West1', KIND: 'JOB', NAME: 'Nightly' })).toBe(group);
      expect(key({ ...base, KIND: '' })).toBe(group);
      expect(key({ ...base, PROJECT_ID: '', SERVICE_ACCOUNT: 'deployer@my-proj.iam.gserviceaccount.com' })).toBe(group);
      expect(key({ ...base, SCHEDULER_JOB: 'Nightly-Schedule', SCHEDULER_REGION: 'europe-west1' })).toBe(group);
    });

    it('differs for different targets', () => {
      const group = key(base);
      const others: Record<string, string>[] = [{ PROJECT_ID: 'other-proj' }, { REGION: 'us-central1' }, { KIND: 'service' }, { NAME: 'weekly' }, { SCHEDULER_JOB: 'x' }, { SCHEDULE: '' }];
      for (const other of others) {
        expect(key({ ...base, ...other })).not.toBe(group);
      }
    });

    it('fleet mode: is the fleet id, whichever manifest declares it; the plan workflow keys on it too', () => {
      const fleet = { PROJECT_ID: 'my-proj', MANIFEST: 'cloud-run-cron.yaml' };
      expect(key(fleet, 'version: 1\nfleet: reports\nworkloads: []\n')).toBe('cloud-run-cron/my-proj/fleet/reports');
      expect(key(fleet, "# the nightly fleet\nversion: 1\nfleet: 'reports'   # owner id\nworkloads:\n  - name: a\n    fleet: x\n")).toBe('cloud-run-cron/my-proj/fleet/reports');
      expect(key(fleet, 'fleet: staging\n')).not.toBe(key(fleet, 'fleet: reports\n'));
      expect(key(fleet, 'not a manifest')).toBe('cloud-run-cron/my-proj/manifest/cloud-run-cron.yaml');
      const plan = actionStep(planWorkflow).job;
      expect((plan.concurrency as Obj).group).toBe('cloud-run-cron-plan-${{ github.event.pull_request.number || github.ref }}-${{ needs.target.outputs.group }}');
      expect(plan.needs).toBe('target');
      const keyStep = (planWorkflow.jobs.target.steps as Obj[]).find((s) => s.id === 'key')!;
      expect(keyStep.run).toBe(step.run);
    });

    it('takes the inputs through env, never inlined into the script', () => {
      expect(step.run).not.toMatch(/\$\{\{/);
    });
  });

  it('runs in the optional GitHub environment', () => {
    const { job } = actionStep();
    expect(call.inputs.environment.default).toBe('');
    expect(JSON.stringify(job.environment)).toContain('inputs.environment');
  });

  it("checks out the action from the workflow's own repository and commit", () => {
    const { job } = actionStep();
    const checkout = job.steps.find((s: Obj) => String(s.uses).startsWith('actions/checkout@'));
    expect(checkout.with.repository).toBe('${{ job.workflow_repository }}');
    expect(checkout.with.ref).toBe('${{ job.workflow_sha }}');
    expect(checkout.with.path).toBe('.cloud-run-cron');
  });
});

describe('reusable plan workflow (.github/workflows/plan.yml)', () => {
  const planCall = planWorkflow.on.workflow_call as Obj;
  // Set by the workflow itself: a plan is a dry run that comments, as the read-only planner.
  const SET = { dry_run: 'true', comment_on_pr: 'true', read_only: 'true' };

  it('declares the same inputs as deploy.yml, less the three it sets', () => {
    expect(Object.keys(planWorkflow.on)).toEqual(['workflow_call']);
    const expected = Object.fromEntries(Object.entries(call.inputs as Obj).filter(([n]) => !(n in SET)).map(([n, spec]) => [n, { ...spec, description: expect.any(String) }]));
    expect(planCall.inputs).toEqual(expected);
  });

  it('runs the action as a dry run of the read-only planner that comments, with every other input passed', () => {
    const { step } = actionStep(planWorkflow);
    for (const name of Object.keys(actionInputs)) {
      expect(step.with?.[name]).toBe(name in SET ? SET[name as keyof typeof SET] : `\${{ inputs.${name} }}`);
    }
    expect(Object.keys(step.with).sort()).toEqual(Object.keys(actionInputs).sort());
  });

  it('passes every action output through', () => {
    const { jobId, job, step } = actionStep(planWorkflow);
    for (const name of actionOutputs) {
      expect((planCall.outputs as Obj)[name]?.value).toBe(`\${{ jobs.${jobId}.outputs.${name} }}`);
      expect(job.outputs?.[name]).toBe(`\${{ steps.${step.id}.outputs.${name} }}`);
    }
  });

  it('asks for exactly id-token: write, contents: read and pull-requests: write', () => {
    const exact = { 'id-token': 'write', contents: 'read', 'pull-requests': 'write' };
    expect(planWorkflow.permissions).toEqual(exact);
    const { jobId } = actionStep(planWorkflow);
    for (const [id, job] of Object.entries(planWorkflow.jobs as Record<string, Obj>)) expect(job.permissions).toEqual(id === jobId ? exact : id === 'target' ? { contents: 'read' } : {});
  });
});

describe('manual workflow (.github/workflows/manual.yml)', () => {
  const inputs = manual.on.workflow_dispatch.inputs as Record<string, Obj>;

  it('offers kind as a choice of job and service', () => {
    expect(inputs.kind.type).toBe('choice');
    expect(inputs.kind.options).toEqual(['job', 'service']);
    expect(inputs.kind.default).toBe('job');
  });

  it('takes image, schedule and dry_run', () => {
    expect(inputs.image.required).toBe(true);
    expect(inputs.schedule).toBeDefined();
    expect(inputs.dry_run.type).toBe('boolean');
  });

  it('deploys in a GitHub environment, so its protection rules apply', () => {
    const caller = Object.values(manual.jobs as Record<string, Obj>).find((j) => j.uses === './.github/workflows/deploy.yml')!;
    expect(caller.with.environment).toBe('production');
  });

  it('calls the reusable workflow with the two permissions', () => {
    const caller = Object.values(manual.jobs as Record<string, Obj>).find((j) => j.uses === './.github/workflows/deploy.yml');
    expect(caller).toBeDefined();
    expect(caller!.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    for (const name of Object.keys(caller!.with)) expect(name in actionInputs || OWN_INPUTS.includes(name)).toBe(true);
    for (const name of ['kind', 'image', 'schedule', 'dry_run']) expect(caller!.with[name]).toBe(`\${{ inputs.${name} }}`);
  });
});

describe('CI (.github/workflows/ci.yml)', () => {
  it('installs with npm ci on Node 24 and runs npm test', () => {
    const steps = Object.values(ci.jobs as Record<string, Obj>).flatMap((j) => j.steps as Obj[]);
    const node = steps.find((s) => String(s.uses).startsWith('actions/setup-node@'));
    expect(String(node?.with?.['node-version'])).toBe('24');
    const runs = steps.map((s) => s.run).filter(Boolean);
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm test');
  });
});

describe('every workflow file', () => {
  const files = workflowFiles();

  it('covers .github/workflows and examples/workflows', () => {
    const rel = files.map((f) => f.slice(ROOT.length).replace(/^\//, ''));
    expect(rel).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml', '.github/workflows/deploy.yml', '.github/workflows/manual.yml', '.github/workflows/plan.yml',
        'examples/workflows/deploy-job.yml', 'examples/workflows/deploy-service.yml', 'examples/workflows/drift.yml',
      ]),
    );
  });

  it('pins third-party actions by full commit SHA, with the version in a comment', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/gm)) {
        const ref = m[1].replace(/^['"]|['"]$/g, '');
        // Local actions and workflows, and this action itself (placeholder owner).
        if (ref.startsWith('./') || /\/cloud-run-cron(\/|@)/.test(ref)) continue;
        expect(`${file}: ${ref}`).toMatch(/@[0-9a-f]{40}$/);
        expect(`${file}: ${m[2]}`).toMatch(/#\s*v\d/);
      }
    }
  });

  it('passes the offline actionlint', async () => {
    expect(await lintFiles(files)).toEqual([]);
  });
});
