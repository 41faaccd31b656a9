// How the action talks to the runner: workflow commands on stdout (`::warning::…`) and the
// GITHUB_OUTPUT file, in the formats of GitHub's "Workflow commands for GitHub Actions" and as
// @actions/core writes them (toolkit packages/core/src/command.ts, file-command.ts).
//
// Why not @actions/core itself: it imports its OIDC client statically, and with it
// @actions/http-client and undici (~0.9 MB of bundle) on every run, for the one function
// (getIDToken) this action does without (auth/github-token.ts). Loading them cost ~18 ms of
// CPU on every start-up. test/unit/workflow-commands.test.ts checks that every function here
// writes exactly what @actions/core writes.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/** A command's message: `%`, CR and LF escaped, as the runner unescapes them. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function issue(command: string, message = ''): void {
  process.stdout.write(`::${command}::${escapeData(message)}${EOL}`);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

/** Shown only with step debug logging (RUNNER_DEBUG=1). */
export function debug(message: string): void {
  issue('debug', message);
}

export function notice(message: string): void {
  issue('notice', message);
}

export function warning(message: string): void {
  issue('warning', message);
}

export function error(message: string): void {
  issue('error', message);
}

/** Runs `fn` inside a collapsible group of the log; the group ends also when it throws. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name);
  try {
    return await fn();
  } finally {
    issue('endgroup');
  }
}

/** The step fails with `message` (an ::error:: annotation) once the process exits. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/**
 * The runner masks `secret` in everything the job prints after this. Written at once, also by
 * the auth code on the start-up path: a token is masked before anything could print it.
 */
export function setSecret(secret: string): void {
  if (secret) issue('add-mask', secret);
}

/**
 * An output of the step: `name<<DELIMITER` / value / `DELIMITER` appended to GITHUB_OUTPUT, with
 * a random delimiter that the value must not contain. Without GITHUB_OUTPUT (an old runner) the
 * deprecated `::set-output::` command, as @actions/core falls back to.
 */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    process.stdout.write(EOL);
    process.stdout.write(`::set-output name=${escapeProperty(name)}::${escapeData(value)}${EOL}`);
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter)) throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (value.includes(delimiter)) throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

/** A command property's value: escapeData, and `:` and `,` (which separate properties). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
