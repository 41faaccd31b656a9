// The GitHub OIDC token: the first round trip of every run. This module is on the start-up
// path, before the Google libraries load, so it needs Node's own http(s)
// client only (the one of the URL's scheme), and it retries passing errors by itself.

import type { AuthConfig } from '../config/types.js';
import { withRetry } from '../google/retry.js';
import { traceExchange } from '../google/trace.js';
import { setSecret } from '../report/workflow-commands.js';

/** The audience of the GitHub OIDC token: the input, or what the provider accepts by default. */
export function githubAudience(auth: AuthConfig): string {
  return auth.audience ?? `https://iam.googleapis.com/${auth.workloadIdentityProvider ?? ''}`;
}

/** Thrown when the runner cannot give a GitHub OIDC token. */
export class GithubTokenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GithubTokenError';
  }
}

/** Attempts in all for a 429, a 5xx or a dropped connection, and the time they may take. */
const ATTEMPTS = 5;
const BUDGET_MS = 60_000;
const REQUEST_TIMEOUT_MS = 30_000;

interface Answer {
  status: number;
  body: string;
}

async function get(url: URL, bearer: string, onSent?: () => void): Promise<Answer> {
  const { request } = url.protocol === 'http:' ? await import('node:http') : await import('node:https');
  const started = performance.now();
  const trace = (status: number | string, body?: string) => traceExchange({ method: 'GET', url: url.href, status, ms: performance.now() - started, response: body });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json', 'User-Agent': 'actions/oidc-client' },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const answer = { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') };
          trace(answer.status, answer.body);
          resolve(answer);
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('the request timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (err) => {
      trace(`failed (${err.message})`);
      reject(err);
    });
    req.on('finish', () => onSent?.());
    req.end();
  });
}

const retryable = (status: number) => status === 429 || status === 408 || (status >= 500 && status <= 504);

/**
 * Starts fetching the GitHub OIDC token at once (what @actions/core's getIDToken does, without
 * its HTTP client): GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=... -> {value}. The token is masked.
 */
export function requestGithubToken(
  audience: string,
  env: NodeJS.ProcessEnv = process.env,
  options: { random?: () => number; onSent?: () => void } = {},
): Promise<string> {
  const base = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!base || !bearer) {
    return Promise.reject(
      new GithubTokenError(
        'No GitHub OIDC token is available (ACTIONS_ID_TOKEN_REQUEST_URL is not set): give the workflow or job ' +
          "'permissions: id-token: write' (and 'contents: read'). Pull requests from forks never get one.",
      ),
    );
  }
  const fail = (detail: string, cause?: unknown) =>
    new GithubTokenError(`Could not get the GitHub OIDC token for audience ${audience}: ${detail}`, { cause });
  let url: URL;
  try {
    url = new URL(`${base}&audience=${encodeURIComponent(audience)}`);
  } catch (err) {
    return Promise.reject(fail(`ACTIONS_ID_TOKEN_REQUEST_URL is not a URL`, err));
  }
  let attempts = 0;
  const attempt = async (): Promise<string> => {
    attempts++;
    const answer = await get(url, bearer, attempts === 1 ? options.onSent : undefined);
    if (answer.status < 200 || answer.status >= 300) {
      const detail = `HTTP ${answer.status}: ${answer.body.slice(0, 500)}`;
      throw retryable(answer.status) ? new PassingFailure(detail) : fail(detail);
    }
    let value: unknown;
    try {
      value = (JSON.parse(answer.body) as { value?: unknown }).value;
    } catch {
      value = undefined;
    }
    if (typeof value !== 'string' || !value) throw fail('the response holds no token');
    setSecret(value);
    return value;
  };
  return withRetry(attempt, {
    attempts: ATTEMPTS,
    deadline: Date.now() + BUDGET_MS,
    random: options.random,
    // A 429/5xx answer or a dropped connection; not our own verdicts.
    retryOn: (err) => !(err instanceof GithubTokenError),
  }).catch((err: unknown) => {
    if (err instanceof GithubTokenError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw fail(attempts > 1 ? `${detail} (after ${attempts} attempts)` : detail, err);
  });
}

/** An answer worth another try. */
class PassingFailure extends Error {}

/**
 * The token's `sub` claim (repo:OWNER/REPO:environment:NAME, repo:OWNER/REPO:pull_request, ...):
 * who this run is to Google, as a principal://.../subject/SUB member names it with the
 * documented mapping google.subject=assertion.sub. Read for messages only; STS verifies the token.
 */
export function subjectOf(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const sub = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return typeof sub === 'string' && sub ? sub : undefined;
  } catch {
    return undefined;
  }
}
