// The plan and the summary as one pull-request comment (comment_on_pr), updated in place on
// every later run: the comment starts with a hidden marker naming the target, and the run looks
// among the pull request's comments for one of its own identity that starts with it. It talks to GITHUB_API_URL through
// @actions/github (Octokit), so GitHub Enterprise Server works too. Commenting is part of the report, never the step's failure: a
// token that may not write (a fork's pull request gets a read-only one) is a warning.
import { readFile } from 'node:fs/promises';
import type { Config } from '../config/types.js';
import { REQUEST_TIMEOUT_MS } from '../google/clients.js';

export interface PullRequest {
  owner: string;
  repo: string;
  number: number;
  /** Opened from another repository: its token is read-only. */
  fromFork: boolean;
}

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/** Whether this run comments: `auto` on pull-request events of a dry run, `true` on any event with a pull request. */
export function commentWanted(config: Pick<Config, 'comment' | 'dryRun'>, env: NodeJS.ProcessEnv): boolean {
  if (config.comment.mode === 'auto') return config.dryRun && PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? '');
  return config.comment.mode === 'true';
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});

/** The pull request of this run's event (the payload at GITHUB_EVENT_PATH), if it has one. */
export async function pullRequestOf(env: NodeJS.ProcessEnv): Promise<PullRequest | undefined> {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!env.GITHUB_EVENT_PATH || !owner || !repo) return undefined;
  let payload: Obj;
  try {
    payload = obj(JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')));
  } catch {
    return undefined;
  }
  const pr = obj(payload.pull_request);
  const issue = obj(payload.issue);
  // An issue_comment event on a pull request carries the pull request as an issue with a pull_request key.
  const number = typeof pr.number === 'number' ? pr.number : issue.pull_request && typeof issue.number === 'number' ? issue.number : undefined;
  if (number === undefined) return undefined;
  const head = obj(obj(pr.head).repo).full_name;
  const base = obj(payload.repository).full_name;
  return { owner, repo, number, fromFork: typeof head === 'string' && typeof base === 'string' && head !== base };
}

/** The hidden marker that finds this target's comment again: the same for every run of it. */
export function commentMarker(target: Record<string, string>): string {
  const parts = Object.entries(target).map(([k, v]) => `${k}=${v}`);
  return `<!-- cloud-run-cron:plan ${parts.join(' ')} -->`;
}

/** The comment: the marker, the summary (plan per resource, next runs, warnings), and a link to the run. */
export function commentBody(marker: string, summary: string, env: NodeJS.ProcessEnv, now: Date = new Date()): string {
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const run = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  const sha = env.GITHUB_SHA ? ` for ${env.GITHUB_SHA.slice(0, 7)}` : '';
  const footer = `${run ? `[Workflow run](${run})` : 'Workflow run'}${sha} · updated ${now.toISOString().replace(/\.\d+Z$/, 'Z')}`;
  return `${marker}\n${summary.trimEnd()}\n\n---\n<sub>${footer}</sub>\n`;
}

export interface CommentResult {
  action: 'created' | 'updated';
  url?: string;
}

interface Comment {
  id: number;
  body?: string;
  html_url?: string;
  user?: { login?: string } | null;
}

/**
 * The login the token posts as. A user's token (a PAT) names its user at GET /user; an installation
 * token, the workflow's GITHUB_TOKEN among them, gets 403 there ("Resource not accessible by
 * integration") and posts as the GitHub Actions app's bot.
 */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

const API_VERSION = { 'x-github-api-version': '2022-11-28' };

type Octokit = ReturnType<(typeof import('@actions/github'))['getOctokit']>;

async function postsAs(octokit: Octokit, request: () => { signal: AbortSignal }): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated({ headers: API_VERSION, request: request() });
    return data.login;
  } catch (err) {
    if ((err as { status?: unknown }).status === 403) return GITHUB_ACTIONS_BOT;
    throw err;
  }
}

/**
 * The action's own comment: written by the identity the token posts as, and starting with the
 * marker. A comment of anyone else is never edited, whatever it holds: whoever can comment on the
 * pull request could otherwise post the marker and have the plan written into their comment.
 */
export function isOwnComment(c: Comment, marker: string, author: string): boolean {
  return c.user?.login === author && (c.body ?? '').startsWith(marker);
}

/** Finds this target's own comment on the pull request (every page) and updates it, or creates one. */
export async function upsertComment(token: string, pr: PullRequest, marker: string, body: string, env: NodeJS.ProcessEnv): Promise<CommentResult> {
  // Octokit (and its HTTP client) load only when a run comments.
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token, { baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '') });
  const request = () => ({ signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  // The REST API version these calls were written against (every page of the list sends it too).
  const where = { owner: pr.owner, repo: pr.repo, headers: API_VERSION };
  const author = postsAs(octokit, request);
  author.catch(() => undefined); // awaited below
  // Every page (Link: rel="next"), stopping at the page that holds the comment.
  let mine: Comment | undefined;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...where, issue_number: pr.number, per_page: 100, request: request() })) {
    const login = await author;
    mine = (page.data as Comment[]).find((c) => isOwnComment(c, marker, login));
    if (mine) break;
  }
  if (mine) {
    const { data } = await octokit.rest.issues.updateComment({ ...where, comment_id: mine.id, body, request: request() });
    return { action: 'updated', url: data.html_url };
  }
  await author;
  const { data } = await octokit.rest.issues.createComment({ ...where, issue_number: pr.number, body, request: request() });
  return { action: 'created', url: data.html_url };
}

/** What a failed comment most likely means, for the warning. */
export function explainCommentError(err: unknown, pr: PullRequest): string {
  const status = (err as { status?: unknown }).status;
  const message = err instanceof Error ? err.message : String(err);
  const head = `Could not comment on pull request #${pr.number}: ${typeof status === 'number' ? `GitHub answered ${status}: ` : ''}${message}.`;
  if (status === 403) {
    const why = pr.fromFork
      ? 'This pull request comes from a fork, and GitHub gives such runs a read-only token.'
      : 'The token may not write to pull requests: give the job `permissions: pull-requests: write` (or pass a github_token that may).';
    return `${head} ${why} The plan is in the job summary.`;
  }
  if (status === 401) return `${head} The github_token is not valid. The plan is in the job summary.`;
  if (status === 404) return `${head} The token cannot see this repository or pull request. The plan is in the job summary.`;
  return `${head} The plan is in the job summary.`;
}

export interface CommentLog {
  info(message: string): void;
  warning(message: string): void;
  setSecret(secret: string): void;
}

/**
 * Posts or updates the comment when this run should; every problem is a warning. `summary` is the
 * job summary's Markdown, `target` what the marker names.
 */
export async function commentOnPullRequest(
  config: Pick<Config, 'comment' | 'dryRun'>,
  target: Record<string, string>,
  summary: string,
  env: NodeJS.ProcessEnv,
  log: CommentLog,
): Promise<CommentResult | undefined> {
  if (!commentWanted(config, env)) return undefined;
  const pr = await pullRequestOf(env);
  if (!pr) {
    if (config.comment.mode === 'true') log.warning(`comment_on_pr is true, but this ${env.GITHUB_EVENT_NAME ?? ''} event has no pull request: no comment was written.`);
    return undefined;
  }
  const token = config.comment.token;
  if (!token) {
    log.warning(`Input 'github_token' is empty: no comment was written on pull request #${pr.number}. The plan is in the job summary.`);
    return undefined;
  }
  log.setSecret(token);
  try {
    const marker = commentMarker(target);
    const result = await upsertComment(token, pr, marker, commentBody(marker, summary, env), env);
    log.info(`Pull request #${pr.number}: plan comment ${result.action}${result.url ? ` (${result.url})` : ''}`);
    return result;
  } catch (err) {
    log.warning(explainCommentError(err, pr));
    return undefined;
  }
}
