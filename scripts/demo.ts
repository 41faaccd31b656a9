// npm run demo: the whole product on the embedded local Google Cloud. Starts it, runs the
// bundled action as the GitHub runner would, for a job and for a service (deploy, trigger,
// smoke test), then a small fleet from a manifest (deployed, then pruned of one workload), then
// reviews a change on a pull request (a dry run that comments the plan, and a second one that
// updates the same comment); shows each run's log, job summary and outputs, stops everything,
// and exits non-zero on a failure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGcp } from '../fake/server.ts';
import { runAction } from './lib/run-action.ts';

const DIGEST = `sha256:${'4'.repeat(64)}`;

const fake = await startFakeGcp({ quiet: true });
const w = fake.world;
const common = {
  workload_identity_provider: w.provider,
  service_account: w.deployer,
  region: w.region,
  runtime_service_account: w.runtime,
  invoker_service_account: w.invoker,
};
const demos: { title: string; inputs: Record<string, string>; manifest?: string }[] = [
  {
    title: 'a Cloud Run job, run nightly by Cloud Scheduler with an OAuth token',
    inputs: {
      ...common,
      kind: 'job',
      name: 'nightly-report',
      image: `us-docker.pkg.dev/${w.projectId}/apps/report@${DIGEST}`,
      tasks: '3',
      schedule: '0 3 * * *',
      time_zone: 'Europe/Berlin',
      env_vars: 'REPORT_BUCKET=gs://reports',
    },
  },
  {
    title: 'a private Cloud Run service, called every 15 minutes with an OIDC token',
    inputs: {
      ...common,
      kind: 'service',
      name: 'cache-warmer',
      image: `us-docker.pkg.dev/${w.projectId}/apps/warmer@${DIGEST}`,
      schedule: '*/15 * * * *',
      path: '/tasks/warm',
      attempt_deadline: '5m',
      timeout: '2m',
    },
  },
];

// Fleet mode: a manifest of three workloads (one job with two schedules), alerting to one email
// channel (docs/alerts.md), then the same manifest without one of them, with prune: true.
const workspace = mkdtempSync(join(tmpdir(), 'cloud-run-cron-demo-'));
const manifest = (withWarmer: boolean): string => `version: 1
fleet: reports
defaults:
  runtime_service_account: ${w.runtime}
  invoker_service_account: ${w.invoker}
  time_zone: Europe/Berlin
  alert_channels: [email:oncall@example.com]
workloads:
  - name: fleet-report
    kind: job
    image: \${REPORT_IMAGE}
    schedule: '0 3 * * *'
  - name: fleet-ingest
    kind: job
    image: us-docker.pkg.dev/${w.projectId}/apps/ingest@${DIGEST}
    env_vars: { SOURCE: s3 }
    schedules:
      - id: hourly
        schedule: '0 * * * *'
      - id: weekly-full
        schedule: '30 2 * * 0'
        args: ['--full']
        task_count: 4
${withWarmer ? `  - name: fleet-warmer
    kind: service
    image: us-docker.pkg.dev/${w.projectId}/apps/warmer@${DIGEST}
    schedule: '*/15 * * * *'
    path: /warm
` : ''}`;
const fleetInputs = { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'cloud-run-cron.yaml' };
const fleetEnv = { GITHUB_WORKSPACE: workspace, REPORT_IMAGE: `us-docker.pkg.dev/${w.projectId}/apps/report@${DIGEST}` };
demos.push(
  { title: 'a fleet of three workloads from cloud-run-cron.yaml (fleet mode), alerting to email:oncall@example.com', inputs: fleetInputs, manifest: manifest(true) },
  { title: 'the fleet without fleet-warmer, with prune: true (its Scheduler job, then the service, are deleted)', inputs: { ...fleetInputs, prune: 'true' }, manifest: manifest(false) },
);

let failed = 0;
try {
  for (const demo of demos) {
    console.log(`\n=== Deploying ${demo.title}\n`);
    if (demo.manifest) writeFileSync(join(workspace, 'cloud-run-cron.yaml'), demo.manifest);
    const run = await runAction({ inputs: demo.inputs, env: { ...fake.env(), ...(demo.manifest ? fleetEnv : {}) }, echo: true });
    console.log(`\n--- Job summary (the Markdown written to GITHUB_STEP_SUMMARY) ---\n${run.summary}`);
    console.log(`--- Outputs ---\n${Object.entries(run.outputs).filter(([k]) => k !== 'plan').map(([k, v]) => `${k}=${v}`).join('\n')}`);
    console.log(`--- exit code ${run.code}, ${Math.round(run.wallMs)} ms ---`);
    if (run.code !== 0) failed++;
  }

  // Review before deploy: a pull request changes the job; its dry run comments the plan, and the
  // next push to the pull request updates that same comment.
  const dir = mkdtempSync(join(tmpdir(), 'cloud-run-cron-demo-'));
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify(fake.github.pullRequestEvent({ number: 42 })));
  const prEnv = { ...fake.env(), GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event };
  const job = demos[0]!.inputs;
  for (const [step, change] of [['opened', { tasks: '4' }], ['synchronize', { tasks: '4', schedule: '30 2 * * *' }]] as const) {
    console.log(`\n=== Pull request #42 ${step}: dry run with comment_on_pr (auto)\n`);
    const run = await runAction({ inputs: { ...job, ...change, dry_run: 'true', github_token: fake.github.writeToken }, env: prEnv });
    const comments = fake.github.comments(42);
    console.log(run.stdout.split('\n').filter((l) => /Pull request #42|::warning::/.test(l)).join('\n'));
    console.log(`--- pull request #42 has ${comments.length} comment(s); comment ${comments[0]?.id} reads ---\n${comments[0]?.body ?? '(none)'}`);
    if (run.code !== 0 || comments.length !== 1) failed++;
  }
  rmSync(dir, { recursive: true, force: true });
} finally {
  await fake.close();
}
console.log(failed ? `\ndemo: ${failed} run(s) failed` : '\ndemo: every run succeeded');
process.exit(failed ? 1 : 0);
