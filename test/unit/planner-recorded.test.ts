// The planner's "nothing changes on a rerun" against what Google hands back, not against the
// planner's own output: the current resources are fixtures in the shapes of recorded real API
// responses, server defaults included (sources in fake/FACTS.md, "Fixtures").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/config/parse-config.js';
import type { Config } from '../../src/config/types.js';
import { resourceNames } from '../../src/pipeline/names.js';
import { isDigestPinned, planChangesAnything, planRun, type CurrentState, type IamPolicy, type RunPlan } from '../../src/plan/planner.js';
import type { RunJob, RunService } from '../../src/run/workload.js';
import { desiredSchedulerJob, type SchedulerJob } from '../../src/scheduler/scheduler-job.js';
import { recordOf, toLabels, withGrants } from '../../src/ownership/record.js';

const PROJECT = 'my-proj';
const INPUTS: Record<string, string> = {
  project_id: PROJECT,
  region: 'us-central1',
  name: 'nightly',
  image: `us-central1-docker.pkg.dev/my-proj/repo/app@sha256:${'a'.repeat(64)}`,
  schedule: '0 3 * * *',
  invoker_service_account: 'invoker@my-proj.iam.gserviceaccount.com',
  env_vars: 'MODE=full,LEVEL=2',
  secrets: 'API_KEY=api-key:latest',
  labels: 'team=data',
};

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as T;

function config(inputs: Record<string, string> = {}): Config {
  const all = { ...INPUTS, ...inputs };
  return parseConfig((n) => all[n] ?? '');
}

function plan(c: Config, current: CurrentState): RunPlan {
  return planRun({ config: c, names: resourceNames(c, PROJECT), current, deployId: 'deploy-2' });
}

const actions = (p: RunPlan) => p.plan.map((ch) => `${ch.type}:${ch.action}`);
const changedFields = (p: RunPlan) => p.plan.flatMap((ch) => ch.fields.map((f) => `${ch.type}.${f.field}`));

/**
 * The recorded shapes with the owner record this action writes (src/ownership): its labels and
 * grants on the workload, its first line in the Scheduler job's description.
 */
function withRecord(state: CurrentState, c: Config): CurrentState {
  const names = resourceNames(c, PROJECT);
  const uri = (state.workload as { uri?: string }).uri;
  const record = recordOf(c);
  state.workload!.labels = { ...state.workload!.labels, ...toLabels(record) };
  state.workload!.annotations = withGrants(state.workload!.annotations as Record<string, string>, [{ role: 'roles/run.invoker', member: `serviceAccount:${c.schedule!.invokerServiceAccount}` }]);
  state.schedulerJob!.description = desiredSchedulerJob(c, names, uri).description;
  return state;
}

function jobState(): CurrentState {
  return withRecord({ workload: fixture<RunJob>('run-job'), policy: fixture<IamPolicy>('iam-policy'), schedulerJob: fixture<SchedulerJob>('scheduler-job-run') }, config());
}

function serviceState(): CurrentState {
  return withRecord(
    { workload: fixture<RunService>('run-service'), policy: fixture<IamPolicy>('iam-policy'), schedulerJob: fixture<SchedulerJob>('scheduler-job-service') },
    config({ kind: 'service' }),
  );
}

describe('a job deployed before the owner record', () => {
  it('gets the record: its labels and the Scheduler description change, nothing else', () => {
    const state: CurrentState = { workload: fixture<RunJob>('run-job'), policy: fixture<IamPolicy>('iam-policy'), schedulerJob: fixture<SchedulerJob>('scheduler-job-run') };
    const p = plan(config(), state);
    expect(changedFields(p)).toEqual(['run-job.labels', 'scheduler-job.description']);
    expect(p.scheduler!.updateMask).toEqual(['description']);
    // The invoker binding was there before the record: the action did not record it, so it never removes it.
    expect(p.bindings.map((b) => b.change.action)).toEqual(['unchanged']);
  });
});

describe('a rerun against recorded shapes: a job', () => {
  it('changes nothing', () => {
    const p = plan(config(), jobState());
    expect(changedFields(p)).toEqual([]);
    expect(actions(p)).toEqual(['run-job:unchanged', 'iam-binding:unchanged', 'scheduler-job:unchanged']);
    expect(p.workload.body).toBeUndefined();
    expect(p.scheduler!.updateMask).toEqual([]);
  });

  it('changes nothing when enums come as numbers (a read with enum-encoding=int)', () => {
    const state = jobState();
    const job = state.workload as Record<string, any>;
    job.launchStage = 4;
    job.template.template.executionEnvironment = 2;
    job.terminalCondition.state = 4;
    const sched = state.schedulerJob as Record<string, any>;
    sched.httpTarget.httpMethod = 1;
    sched.state = 1;
    expect(changedFields(plan(config(), state))).toEqual([]);
  });

  it('changes nothing when Scheduler leaves out a retryConfig and attemptDeadline it holds at their defaults', () => {
    const state = jobState();
    delete (state.schedulerJob as Record<string, unknown>).retryConfig;
    delete (state.schedulerJob as Record<string, unknown>).attemptDeadline;
    expect(changedFields(plan(config(), state))).toEqual([]);
  });

  it('sees each managed field that differs from the recorded job, and only it', () => {
    const c = config({ memory: '1Gi', retry_count: '2', max_retries: '1' });
    expect(changedFields(plan(c, jobState())).sort()).toEqual(['run-job.max_retries', 'run-job.memory', 'scheduler-job.retry_count']);
  });

  it('a trigger recorded with another scope is repaired', () => {
    const state = jobState();
    (state.schedulerJob as Record<string, any>).httpTarget.oauthToken.scope = 'https://www.googleapis.com/auth/userinfo.email';
    const p = plan(config(), state);
    expect(p.scheduler!.updateMask).toEqual(['http_target']);
  });
});

describe('a rerun against recorded shapes: a service', () => {
  const c = config({ kind: 'service', path: '/tick' });

  it('changes nothing', () => {
    const p = plan(c, serviceState());
    expect(changedFields(p)).toEqual([]);
    expect(actions(p)).toEqual(['run-service:unchanged', 'iam-binding:unchanged', 'scheduler-job:unchanged']);
    expect(p.scheduler!.updateMask).toEqual([]);
  });

  it('an OIDC audience recorded with the path is repaired to the service URL', () => {
    const state = serviceState();
    (state.schedulerJob as Record<string, any>).httpTarget.oidcToken.audience = 'https://nightly-abc123-uc.a.run.app/tick';
    const p = plan(c, state);
    expect(p.scheduler!.updateMask).toEqual(['http_target']);
    expect(p.scheduler!.body.httpTarget!.oidcToken!.audience).toBe('https://nightly-abc123-uc.a.run.app');
  });
});

// Survivors of the StrykerJS run on src/plan/planner.ts that matter.
describe('what the plan says about a change', () => {
  it('one changed resource among unchanged ones is a change', () => {
    const p = plan(config({ memory: '1Gi' }), jobState());
    expect(actions(p)).toEqual(['run-job:update', 'iam-binding:unchanged', 'scheduler-job:unchanged']);
    expect(planChangesAnything(p.plan)).toBe(true);
    expect(planChangesAnything(plan(config(), jobState()).plan)).toBe(false);
  });

  it('a missing invoker binding is listed with the role and the member it grants', () => {
    const state = jobState();
    state.policy = { etag: 'ACAB' } as IamPolicy;
    const p = plan(config(), state);
    const binding = p.plan.find((ch) => ch.type === 'iam-binding')!;
    expect(binding.action).toBe('create');
    expect(binding.fields).toEqual([{ field: 'binding', after: 'roles/run.invoker serviceAccount:invoker@my-proj.iam.gserviceaccount.com' }]);
  });

  it('a digest is pinned only when the reference ends with exactly one full sha256 digest', () => {
    const repo = 'us-central1-docker.pkg.dev/my-proj/repo/app';
    expect(isDigestPinned(`${repo}@sha256:${'a'.repeat(64)}`)).toBe(true);
    expect(isDigestPinned(`${repo}@sha256:${'a'.repeat(65)}`)).toBe(false);
    expect(isDigestPinned(`${repo}@sha256:${'a'.repeat(64)}:latest`)).toBe(false);
  });
});
