import * as core from '@actions/core';

/** Thrown when the runner cannot give a GitHub OIDC token. */
export class GithubTokenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GithubTokenError';
  }
}

/**
 * Starts fetching the GitHub OIDC token at once: it is the first round trip of every run,
 * so it overlaps loading the Google libraries. core.getIDToken masks the token itself.
 */
export function requestGithubToken(audience: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    return Promise.reject(
      new GithubTokenError(
        'No GitHub OIDC token is available (ACTIONS_ID_TOKEN_REQUEST_URL is not set): give the workflow or job ' +
          "'permissions: id-token: write' (and 'contents: read'). Pull requests from forks never get one.",
      ),
    );
  }
  return core.getIDToken(audience).catch(
    (err: unknown) => {
      throw new GithubTokenError(
        `Could not get the GitHub OIDC token for audience ${audience}: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    },
  );
}
