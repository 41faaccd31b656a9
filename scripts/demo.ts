// npm run demo: the whole product on the embedded local Google Cloud. Starts it, runs the
// bundled action as the GitHub runner would, for a job and for a service (deploy, trigger,
// smoke test), shows each run's log, job summary and outputs, stops everything, and exits
// non-zero on a failure.
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
const demos: { title: string; inputs: Record<string, string> }[] = [
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

let failed = 0;
try {
  for (const demo of demos) {
    console.log(`\n=== Deploying ${demo.title}\n`);
    const run = await runAction({ inputs: demo.inputs, env: fake.env(), echo: true });
    console.log(`\n--- Job summary (the Markdown written to GITHUB_STEP_SUMMARY) ---\n${run.summary}`);
    console.log(`--- Outputs ---\n${Object.entries(run.outputs).filter(([k]) => k !== 'plan').map(([k, v]) => `${k}=${v}`).join('\n')}`);
    console.log(`--- exit code ${run.code}, ${Math.round(run.wallMs)} ms ---`);
    if (run.code !== 0) failed++;
  }
} finally {
  await fake.close();
}
console.log(failed ? `\ndemo: ${failed} run(s) failed` : '\ndemo: both runs succeeded');
process.exit(failed ? 1 : 0);
