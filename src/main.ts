// Wires the steps: inputs -> config -> (auth, while the rest of the code loads) -> what
// exists -> plan -> apply -> smoke test -> report. Each step lives in its own module.
//
// Start-up is on every run's clock: this module and what it imports statically (the input
// parser, croner, the GitHub token request on Node's own http client) are all that load
// before the first request leaves. google-auth-library loads while the GitHub token is in
// flight; the pipeline and the report while the STS exchange is.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { githubAudience, requestGithubToken } from './auth/github-token.js';
import { guardRailWarnings } from './config/guard-rails.js';
import { parseConfig } from './config/parse-config.js';
import { repositoryIdOf } from './ownership/record.js';
import type { Config } from './config/types.js';
import type { FleetRun } from './fleet/run-fleet.js';
import { checkOverrides } from './google/endpoints.js';
import { configureTrace } from './google/trace.js';
import * as core from './report/workflow-commands.js';

const noop = (): void => undefined;

/** Resolves when the next HTTP request has been handed to the operating system. */
function nextRequestSent(): Promise<void> {
  return new Promise((resolve) => {
    const started = (message: unknown): void => {
      unsubscribe('http.client.request.start', started);
      (message as { request: ClientRequest }).request.once('finish', () => resolve());
    };
    subscribe('http.client.request.start', started);
  });
}

/** How long deploy, IAM and Scheduler writes may take in all, before the smoke test. */
const DEPLOY_DEADLINE_MS = 20 * 60_000;

/** The runner's input INPUT_<NAME>, trimmed (as @actions/core's getInput reads it). */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let fleet: FleetRun & { isSet?: (config: Config, input: string) => boolean };
  try {
    const get = (name: string): string => getInput(name, env);
    // Fleet mode loads its manifest reader (YAML, JSON Schema) only when a manifest is given.
    fleet = get('manifest')
      ? await import('./fleet/manifest.js').then(({ loadManifest }) => loadManifest(get, env))
      : { configs: [parseConfig(get, { deferWarnings: true, commitSha: env.GITHUB_SHA, repositoryId: repositoryIdOf(env) })], prune: false, maxParallel: 1 };
    checkOverrides(env);
    // Only a run with spec loads the YAML parser and the Run v2 schema, before any request.
    // What spec may not also set: a fleet workload's own keys; the step's inputs otherwise.
    const { isSet = (_: Config, name: string) => get(name) !== '' } = fleet;
    for (const config of fleet.configs) {
      if (config.spec) await (await import('./run/spec.js')).loadSpec(config, (name) => isSet(config, name));
    }
  } catch (err) {
    core.setOutput('changed', 'false');
    core.setOutput('execution_status', 'skipped');
    core.setFailed(err instanceof Error ? err.message : String(err));
    return;
  }
  // Step debug logging: every HTTP exchange in the log, without this run's env var values and secret references.
  configureTrace(env, [
    ...fleet.configs.flatMap((config) => [
      ...config.envVars.map((e) => e.value),
      ...(config.spec?.envValues ?? []),
      ...[...config.secrets, ...config.secretFiles].flatMap((s) => [s.secret, `${s.secret}:${s.version}`]),
    ]),
    env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '',
    fleet.configs[0]?.comment.token ?? '',
  ]);
  const config = fleet.configs[0];
  if (!config) {
    // A manifest with no workloads: no authentication is needed to do nothing.
    const { runFleet } = await import('./fleet/run-fleet.js');
    const none = Promise.reject(new Error('no workloads: nothing authenticates'));
    none.catch(() => undefined);
    return runFleet(fleet, none, env, DEPLOY_DEADLINE_MS);
  }
  // The first round trip leaves now; the rest of the code loads while it is in flight (not
  // before it is on the wire: loading a chunk blocks the event loop that would send it).
  const provider = config.auth.workloadIdentityProvider;
  let githubToken: Promise<string> | undefined;
  let sent: Promise<unknown> = Promise.resolve();
  if (provider) {
    let onSent!: () => void;
    const wire = new Promise<void>((resolve) => (onSent = resolve));
    githubToken = requestGithubToken(githubAudience(config.auth), env, { onSent });
    githubToken.catch(() => undefined); // reported by the auth step
    sent = Promise.race([wire, githubToken.then(() => undefined, () => undefined)]);
  }
  await sent;
  // Authentication (google-auth-library) loads and starts first. The rest of the pipeline
  // (the plan, apply and report code) loads once the STS exchange is on the wire, and while it is in
  // flight: loading blocks the event loop that would otherwise still have to send it.
  const onTheWire = nextRequestSent();
  // gaxios builds a Headers for every request; Node loads its fetch internals on their first
  // use (~15 ms). Load them now, while the GitHub token is in flight, not after it arrives.
  new Headers();
  const credentials = import('./auth/credentials.js').then(({ authenticate }) => authenticate(config.auth, githubToken, env, config.projectId));
  credentials.catch(() => undefined); // reported by the auth step
  await Promise.race([onTheWire, credentials.then(noop, noop)]);
  const pipeline = import('./fleet/run-fleet.js');
  for (const c of fleet.configs) c.warnings = guardRailWarnings(c);
  const { runFleet } = await pipeline;
  await runFleet(fleet, credentials, env, DEPLOY_DEADLINE_MS);
}
