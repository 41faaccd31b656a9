// Starts the local Google Cloud on its own: `scripts/node24 fake/cli.ts [--port N] [--latency MS]`
// (also --task-ms, --operation-ms, --verbose). Prints the env vars that point the action at it,
// the default world, and a sample command line; runs until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startFakeGcp, type Variants } from './server.ts';
import { parseVariants } from './variants.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8123' },
    latency: { type: 'string', default: '0' },
    'task-ms': { type: 'string' },
    'operation-ms': { type: 'string' },
    verbose: { type: 'boolean', default: false },
    variants: { type: 'string' },
  },
});

const fake = await startFakeGcp({
  port: Number(values.port),
  latencyMs: Number(values.latency),
  taskMs: values['task-ms'] ? Number(values['task-ms']) : undefined,
  operationMs: values['operation-ms'] ? Number(values['operation-ms']) : undefined,
  quiet: !values.verbose,
  variants: values.variants ? parseVariants(values.variants) as Partial<Variants> : undefined,
});

const w = fake.world;
const q = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;
const lines = [
  `# local Google Cloud listening on ${fake.url} (control: ${fake.url}/__fake/state)`,
  ...Object.entries(fake.env()).map(([k, v]) => `export ${k}=${q(v)}`),
  '',
  `# world: project ${w.projectId} (number ${w.projectNumber}), region ${w.region}, repository ${w.repository}`,
  `#   provider ${w.provider}`,
  `#   deployer ${w.deployer}`,
  `#   runtime  ${w.runtime}`,
  `#   invoker  ${w.invoker}`,
  '# image markers (an image named .../fake-<marker>[-<marker>]): fail, flaky, sleep<N>ms (jobs); notready, http500, slow (services)',
  `# variants (--variants a=b,c=d or FAKE_GCP_VARIANTS): ${Object.entries(fake.variants).map(([k, v]) => `${k}=${v}`).join(',')}`,
  '',
  '# sample run of the action against it (without GITHUB_OUTPUT/GITHUB_STEP_SUMMARY the outputs',
  '# and the summary go to the log):',
  `INPUT_WORKLOAD_IDENTITY_PROVIDER=${q(w.provider)} INPUT_SERVICE_ACCOUNT=${w.deployer} \\`,
  `  INPUT_REGION=${w.region} INPUT_NAME=nightly INPUT_IMAGE=us-docker.pkg.dev/${w.projectId}/app/worker:1 \\`,
  `  INPUT_SCHEDULE='0 3 * * *' INPUT_INVOKER_SERVICE_ACCOUNT=${w.invoker} INPUT_RUNTIME_SERVICE_ACCOUNT=${w.runtime} \\`,
  '  scripts/node24 dist/index.js',
];
console.log(lines.join('\n'));

const stop = (): void => {
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
