// Starts the local Google Cloud on its own: `scripts/node24 fake/cli.ts [options]` (--help lists
// them). Prints the env vars that point the action at it, the default world, and a sample command
// line; runs until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startFakeGcp, type Variants } from './server.ts';
import { parseVariants } from './variants.ts';

const USAGE = `Usage: npm run fake -- [options]   (or: scripts/node24 fake/cli.ts [options])

Starts the local Google Cloud on 127.0.0.1 (GitHub OIDC tokens, STS, IAM Credentials, Cloud Run
Admin v2, Cloud Scheduler v1, Cloud Logging entries:list, GitHub's REST API for plan comments),
prints the environment variables that point the action at it and a sample command line, and runs
until Ctrl-C.

Options:
  --port N           port to listen on (default 8123; 0 picks a free one)
  --latency MS       added before every answer (default 0)
  --task-ms MS       how long one task attempt of an execution runs (default 300)
  --operation-ms MS  how long a create/update/delete operation takes (default 150)
  --variants K=V,..  unsettled Google behaviours to simulate (fake/variants.ts), e.g.
                     attemptTime=start,runRegion=400; also FAKE_GCP_VARIANTS
  --verbose          log every request on stderr
  -h, --help         this text
`;

function options(): { port: number; latency: number; taskMs?: number; operationMs?: number; verbose: boolean; variants?: string } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '8123' },
        latency: { type: 'string', default: '0' },
        'task-ms': { type: 'string' },
        'operation-ms': { type: 'string' },
        verbose: { type: 'boolean', default: false },
        variants: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    // parseArgs' own message names the option ("Unknown option '--x'"); the usage says what is allowed.
    usageError((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const number = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text)) usageError(`--${name} must be a whole number, not ${JSON.stringify(text)}`);
    return Number(text);
  };
  return {
    port: number('port', values.port)!,
    latency: number('latency', values.latency)!,
    taskMs: number('task-ms', values['task-ms']),
    operationMs: number('operation-ms', values['operation-ms']),
    verbose: values.verbose,
    variants: values.variants,
  };
}

function usageError(message: string): never {
  process.stderr.write(`fake: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const values = options();

const fake = await startFakeGcp({
  port: values.port,
  latencyMs: values.latency,
  taskMs: values.taskMs,
  operationMs: values.operationMs,
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
