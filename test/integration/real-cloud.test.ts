// What real Google Cloud does that the fake did not model before: each case fails on an action
// that trusts the simpler world (fake/FACTS.md gives the source of each behaviour).
import { afterAll, expect } from '@jest/globals';
import { closeFakes, deployerToken, failure, group, jobInputs, run, serviceInputs, visibleLog, withFake, writesIn } from './setup.ts';

afterAll(closeFakes);

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
