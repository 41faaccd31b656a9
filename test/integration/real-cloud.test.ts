// What real Google Cloud does that the fake did not model before: each case fails on an action
// that trusts the simpler world (fake/FACTS.md gives the source of each behaviour).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from '@jest/globals';
import { closeFakes, deployerToken, type FakeGcp, failure, group, jobInputs, run, serviceInputs, visibleLog, withFake, writesIn } from './setup.ts';

const workspaces = mkdtempSync(join(tmpdir(), 'real-cloud-'));
afterAll(async () => {
  await closeFakes();
  rmSync(workspaces, { recursive: true, force: true });
});

/** The action run on the manifest `text`, from a workspace of its own. */
function manifestRun(fake: FakeGcp, text: string) {
  const w = fake.world;
  const workspace = mkdtempSync(join(workspaces, 'run-'));
  writeFileSync(join(workspace, 'cloud-run-cron.yaml'), text);
  return run(fake, { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'cloud-run-cron.yaml' }, { GITHUB_WORKSPACE: workspace });
}

/** A fleet of `n` services with a schedule each, run from a workspace of its own. */
function serviceFleet(fake: FakeGcp, n: number, inputs: Record<string, string> = {}) {
  const w = fake.world;
  const workspace = mkdtempSync(join(workspaces, 'run-'));
  const workloads = Array.from({ length: n }, (_, i) => `  - name: svc-${i}
    kind: service
    image: us-docker.pkg.dev/${w.projectId}/apps/svc@sha256:${'a'.repeat(64)}
    schedule: '*/30 * * * *'`).join('\n');
  writeFileSync(join(workspace, 'cloud-run-cron.yaml'), `version: 1
fleet: busy
defaults:
  runtime_service_account: ${w.runtime}
  invoker_service_account: ${w.invoker}
workloads:
${workloads}
`);
  return run(fake, { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'cloud-run-cron.yaml', ...inputs }, { GITHUB_WORKSPACE: workspace });
}

group('completion', (it) => {
  it('an execution whose completionTime shows one read before its Completed condition is followed to the condition', () =>
    withFake(async (fake) => {
      const result = await run(fake, jobInputs(fake, 'early'));
      expect(failure(result)).toBe('');
      expect(result.outputs.execution_status).toBe('succeeded');
      expect(result.summary).toMatch(/succeeded: 1\/1 succeeded/);
    }, { variants: { completionOrder: 'time-first' } }));

  it('a job without a schedule, run directly, under the same order', () =>
    withFake(async (fake) => {
      const { schedule: _s, time_zone: _t, invoker_service_account: _i, ...inputs } = jobInputs(fake, 'direct');
      const result = await run(fake, inputs);
      expect(failure(result)).toBe('');
      expect(result.outputs.execution_status).toBe('succeeded');
    }, { variants: { completionOrder: 'time-first' } }));
});

group('registries', (it) => {
  it('an image from a registry Cloud Run cannot pull from is refused before any request, with the remote-repository fix', () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const result = await run(fake, jobInputs(fake, 'quay', { image: 'quay.io/acme/report:1.2' }));
      expect(result.code).not.toBe(0);
      expect(failure(result)).toMatch(/^Input 'image': "quay\.io\/acme\/report:1\.2": Cloud Run cannot deploy images from quay\.io/);
      expect(failure(result)).toContain('Artifact Registry remote repository for quay.io');
      expect(fake.requests.slice(before)).toEqual([]);
    }));

  for (const ghcrImages of ['refused', 'public'] as const) {
    it(`a ghcr.io image (ghcrImages=${ghcrImages}): deployed when Cloud Run takes it, else Cloud Run's refusal with its fix and nothing written`, () =>
      withFake(async (fake) => {
        const result = await run(fake, jobInputs(fake, 'gh', { image: 'ghcr.io/acme/report:1.2' }));
        expect(visibleLog(result)).toMatch(/ghcr\.io images only when they are public/);
        if (ghcrImages === 'public') {
          expect(failure(result)).toBe('');
          expect(result.outputs.execution_status).toBe('succeeded');
        } else {
          expect(result.code).not.toBe(0);
          expect(failure(result)).toMatch(/set up an Artifact Registry remote repository/);
          expect(fake.schedulerJobs()).toEqual([]);
        }
      }, { variants: { ghcrImages } }));
  }
});

group('gpu', (it) => {
  it('a service with a GPU and cpu_throttling empty is created with CPU always allocated, and a notice says why', () =>
    withFake(async (fake) => {
      const inputs = serviceInputs(fake, 'infer', { gpu: '1', gpu_type: 'nvidia-l4', cpu: '4', memory: '16Gi' });
      const result = await run(fake, inputs);
      expect(failure(result)).toBe('');
      expect(result.stdout).toMatch(/::notice::.*cpu_throttling: false.*GPU/);
      const svc = fake.runServices().find((x) => String(x.name).endsWith('/services/infer')) as any;
      expect(svc.template.containers[0].resources.cpuIdle).toBe(false);
      // The rerun plans nothing: the live value is what the GPU needs.
      const rerun = await run(fake, inputs);
      expect(failure(rerun)).toBe('');
      expect(rerun.outputs.changed).toBe('false');
    }));
});

group('invoker', (it) => {
  for (const crossProjectInvoker of ['400', '403'] as const) {
    it(`an invoker of another project is refused before any request (crossProjectInvoker=${crossProjectInvoker})`, () =>
      withFake(async (fake) => {
        const before = fake.requests.length;
        const result = await run(fake, jobInputs(fake, 'elsewhere', { invoker_service_account: 'invoker@other-project.iam.gserviceaccount.com' }));
        expect(result.code).not.toBe(0);
        expect(failure(result)).toMatch(
          /^Input 'invoker_service_account': "invoker@other-project\.iam\.gserviceaccount\.com" belongs to project other-project, and the Cloud Scheduler job is created in demo-project/,
        );
        expect(fake.requests.slice(before)).toEqual([]);
      }, { variants: { crossProjectInvoker } }));
  }
});

group('scheduler states', (it) => {
  for (const paused of ['false', 'true']) {
    it(`a DISABLED Scheduler job the action wrote is deleted and created again (paused: ${paused}); the dry run's plan says so first`, () =>
      withFake(async (fake) => {
        const inputs = jobInputs(fake, 'sick', { smoke_test: 'false', paused });
        expect(failure(await run(fake, inputs))).toBe('');
        fake.setSchedulerJobState('sick-schedule', 'DISABLED');
        const dry = await run(fake, { ...inputs, dry_run: 'true' });
        expect(failure(dry)).toBe('');
        expect(visibleLog(dry)).toMatch(/DISABLED.*deleted and created again/);
        const fixed = await run(fake, inputs);
        expect(failure(fixed)).toBe('');
        const job = fake.schedulerJobs().find((j) => String(j.name).endsWith('/jobs/sick-schedule'))!;
        expect(job.state).toBe(paused === 'true' ? 'PAUSED' : 'ENABLED');
        expect(fixed.outputs.changed).toBe('true');
      }));
  }

  it('a DISABLED Scheduler job the action did not write is left alone: the run fails before any write, naming the state and the fix', () =>
    withFake(async (fake) => {
      const inputs = jobInputs(fake, 'theirs', { smoke_test: 'false' });
      expect(failure(await run(fake, inputs))).toBe('');
      const token = await deployerToken(fake);
      const name = 'projects/demo-project/locations/us-central1/jobs/theirs-schedule';
      const edit = await fetch(`${fake.url}/v1/${name}?updateMask=description`, {
        method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ description: 'hand-made' }),
      });
      expect(edit.status).toBe(200);
      fake.setSchedulerJobState('theirs-schedule', 'DISABLED');
      const before = fake.requests.length;
      const result = await run(fake, inputs);
      expect(result.code).not.toBe(0);
      expect(failure(result)).toMatch(/is DISABLED: Cloud Scheduler disabled it after errors.*gcloud scheduler jobs delete theirs-schedule/s);
      expect(writesIn(fake, before)).toEqual([]);
    }));

  for (const paused of ['false', 'true']) {
    it(`an UPDATE_FAILED Scheduler job is written again whole and ends in the state asked for (paused: ${paused})`, () =>
      withFake(async (fake) => {
        const inputs = jobInputs(fake, 'stuck', { smoke_test: 'false', paused });
        expect(failure(await run(fake, inputs))).toBe('');
        fake.setSchedulerJobState('stuck-schedule', 'UPDATE_FAILED');
        const fixed = await run(fake, inputs);
        expect(failure(fixed)).toBe('');
        const job = fake.schedulerJobs().find((j) => String(j.name).endsWith('/jobs/stuck-schedule'))!;
        expect(job.state).toBe(paused === 'true' ? 'PAUSED' : 'ENABLED');
      }));
  }
});

group('attempt failure text', (it) => {
  it("a failed attempt is reported with Scheduler's own debugInfo from its log entry", () =>
    withFake(async (fake) => {
      const result = await run(fake, serviceInputs(fake, 'web500', { image: 'us-docker.pkg.dev/demo-project/apps/fake-http500:1' }));
      expect(result.code).not.toBe(0);
      expect(failure(result)).toMatch(/failed with INTERNAL \(URL_UNREACHABLE-UNREACHABLE_5xx\. Original HTTP response code number = 500\)/);
    }));

  it('a job status that says only UNKNOWN, without the log: the run says where the real status is, not a guess', () =>
    withFake(async (fake) => {
      fake.revoke(`projects/${fake.world.projectId}`, `serviceAccount:${fake.world.deployer}`, 'roles/logging.viewer');
      const result = await run(fake, serviceInputs(fake, 'web500', { image: 'us-docker.pkg.dev/demo-project/apps/fake-http500:1' }));
      expect(result.code).not.toBe(0);
      const message = failure(result);
      expect(message).toMatch(/failed with UNKNOWN: Cloud Scheduler's job status gives no more than UNKNOWN/);
      expect(message).toMatch(/roles\/logging\.viewer/);
      expect(message).not.toMatch(/the service answered with an error/);
    }, { variants: { jobStatus: 'unknown' } }));
});

group('log read quota', (it) => {
  it("a fleet's smoke tests share one paced reader of the attempt log: against a busy read quota every attempt is confirmed, a 429 is never read as a missing permission", () =>
    withFake(async (fake) => {
      const first = await serviceFleet(fake, 6, { smoke_test: 'true' });
      expect(failure(first)).toBe('');
      // Other readers of the project leave 6 reads a minute; each attempt's status now equals
      // the one before, so only its log entry confirms it before attempt_deadline (180 s).
      fake.setLogReadQuota(6);
      // ...and have just spent them: the fleet's first read is answered 429.
      const token = await deployerToken(fake);
      for (let i = 0; i < 6; i++) {
        const other = await fetch(`${fake.url}/v2/entries:list`, {
          method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ resourceNames: [`projects/${fake.world.projectId}`], filter: 'resource.type = "gce_instance"' }),
        });
        expect(other.status).toBe(200);
      }
      const before = fake.requests.length;
      const again = await serviceFleet(fake, 6, { smoke_test: 'true', smoke_timeout: '150s' });
      expect(fake.logReadsThrottled()).toBeGreaterThan(0);
      expect(failure(again)).toBe('');
      const results = JSON.parse(again.outputs.results!) as { execution_status: string }[];
      expect(results.map((r) => r.execution_status)).toEqual(Array(6).fill('succeeded'));
      expect(visibleLog(again)).not.toMatch(/logging\.viewer/);
      expect(visibleLog(again).match(/confirmed by the attempt.s AttemptFinished entry in Cloud Logging/g)).toHaveLength(6);
      const reads = fake.requests.slice(before).filter((r) => r.path === '/v2/entries:list').length;
      expect(reads).toBeLessThanOrEqual(12);
    }), 200_000);
});

group('smoke test in time', (it) => {
  for (const smoke_test of ['true', 'changed']) {
    it(`without the log and with smoke_timeout under attempt_deadline, the run decides before triggering (smoke_test: ${smoke_test})`, () =>
      withFake(async (fake) => {
        const inputs = serviceInputs(fake, 'blind', { attempt_deadline: '5m' });
        expect(failure(await run(fake, inputs))).toBe('');
        fake.revoke(`projects/${fake.world.projectId}`, `serviceAccount:${fake.world.deployer}`, 'roles/logging.viewer');
        const served = fake.servedRequests().length;
        // A new image: the run writes, so smoke_test: changed tests it too.
        const result = await run(fake, { ...inputs, image: inputs.image!.replace(/a{64}$/, 'b'.repeat(64)), smoke_test, smoke_timeout: '60s' });
        const message = smoke_test === 'true' ? failure(result) : result.outputs.execution_status === 'skipped' ? visibleLog(result) : '';
        expect(message).toMatch(/logging\.logEntries\.list/);
        expect(message).toMatch(/attempt_deadline \(5m\) has passed, while smoke_timeout is 1m/);
        expect(message).toMatch(/roles\/logging\.viewer/);
        expect(fake.servedRequests().length).toBe(served);
        if (smoke_test === 'changed') {
          expect(failure(result)).toBe('');
          expect(result.stdout).toMatch(/::warning::.*smoke test was skipped/);
        }
      }));
  }
});

group('manifest problems', (it) => {
  it('schema and semantic problems are reported together, each with its YAML path and line, before any request', () =>
    withFake(async (fake) => {
      const w = fake.world;
      const before = fake.requests.length;
      const result = await manifestRun(fake, `version: 1
fleet: reports
defaults:
  runtime_service_account: ${w.runtime}
  invoker_service_account: ${w.invoker}
workloads:
  - name: nightly
    image: us-docker.pkg.dev/${w.projectId}/apps/n@sha256:${'a'.repeat(64)}
    schedule: '61 * * * *'
    memory: lots
    task_timeout: forever
    colour: blue
`);
      expect(result.code).not.toBe(0);
      const message = failure(result);
      expect(message).toContain('workloads[0].colour (line 12): unknown key');
      expect(message).toContain('workloads[0].schedule (line 9): "61 * * * *" is not allowed');
      expect(message).toContain('workloads[0].memory (line 10): "lots" is not allowed');
      expect(message).toContain('workloads[0].task_timeout (line 11): "forever" is not allowed');
      expect(fake.requests.slice(before)).toEqual([]);
    }));

  it('a YAML syntax error is reported with its line and column', () =>
    withFake(async (fake) => {
      const result = await manifestRun(fake, `version: 1
fleet: reports
workloads:
  - name: a
    image: [unclosed
`);
      expect(result.code).not.toBe(0);
      expect(failure(result)).toMatch(/line \d+, column \d+: /);
      expect(failure(result)).not.toMatch(/line \?/);
    }));
});
