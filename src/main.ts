// Wires the steps: inputs -> config -> (auth, while the Google libraries load) -> what
// exists -> plan -> apply -> smoke test -> report. Each step lives in its own module.
import * as core from '@actions/core';
import { requestGithubToken } from './auth/github-token.js';
import { parseConfig } from './config/parse-config.js';
import type { Config } from './config/types.js';

/** How long deploy, IAM and Scheduler writes may take in all, before the smoke test. */
const DEPLOY_DEADLINE_MS = 20 * 60_000;

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: Config;
  try {
    config = parseConfig((name) => core.getInput(name));
  } catch (err) {
    core.setFailed(err instanceof Error ? err.message : String(err));
    return;
  }
  // The first round trip leaves now; the rest of the code loads while it is in flight.
  const provider = config.auth.workloadIdentityProvider;
  const githubToken = provider ? requestGithubToken(config.auth.audience ?? `https://iam.googleapis.com/${provider}`, env) : undefined;
  githubToken?.catch(() => undefined); // reported by the auth step
  const pipeline = import('./pipeline/run-pipeline.js');
  const { runPipeline } = await pipeline;
  await runPipeline(config, githubToken, env, DEPLOY_DEADLINE_MS);
}
