// How the action talks to the runner: @actions/core (workflow commands, GITHUB_OUTPUT, the job
// summary, inputs), with every plain log line written by one function, logLine.
//
// The runner reads each line of stdout as a possible workflow command: a line that starts with
// `::` after leading whitespace (actions/runner ActionCommand.TryParseV2 trims it), and the old
// form `##[command]` anywhere in a line (TryParse). Text the action prints comes partly from
// others (inputs, the manifest, the live state in Google Cloud): it must never issue a command
// the action did not. Commands themselves (annotations, masks, groups) are written by
// @actions/core, which escapes CR and LF in their data, so they stay one line each.
//
// Annotations (warnings, notices, the failure) go through scrubSecrets (errors/scrub.ts): their
// text comes from errors and messages that may echo a value. Log lines, outputs and the summary
// are built from the plan, which never holds a value (plan/planner.ts); scrubbing them too would
// cut every occurrence of a short common value (an env var `prod`) out of names and URLs.
import * as core from '@actions/core';
import { scrubSecrets } from '../errors/scrub.js';

/** Lines the runner would take as a command: `::` first (after whitespace), or `##[` anywhere. */
const COMMAND_START = /^(\s*):(?=:)/;
const V1_COMMAND = /##\[/g;
/** A zero-width space: the text reads the same, the runner sees no command. */
const BREAK = '\u200b';

/**
 * `text` as log lines that cannot be a workflow command: a line starting with `::` gets a
 * zero-width space between the colons, and `##[` one after `##`. Line breaks stay (a plan is
 * many lines); a value from elsewhere is made one line first (oneLine) wherever it is printed.
 */
export function neutralise(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(COMMAND_START, `$1:${BREAK}`).replace(V1_COMMAND, `##${BREAK}[`))
    .join('\n');
}

/** Untrusted text as one line: CR and LF (and other control characters) shown escaped, as `\n`. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The one function that writes a plain line (or lines) to the step's log. */
export function logLine(message: string): void {
  core.info(neutralise(message));
}

export const info = logLine;

/** Shown only with step debug logging. */
export function debug(message: string): void {
  core.debug(scrubSecrets(message));
}

export function notice(message: string): void {
  core.notice(scrubSecrets(message));
}

export function warning(message: string): void {
  core.warning(scrubSecrets(message));
}

/** The step fails with `message` (an ::error:: annotation) once the process exits. */
export function setFailed(message: string): void {
  core.setFailed(scrubSecrets(message));
}

/**
 * The runner masks `secret` in everything the job prints after this. Written at once, also by
 * the auth code on the start-up path: a token is masked before anything could print it.
 */
export function setSecret(secret: string): void {
  if (secret) core.setSecret(secret);
}

/** An output of the step (GITHUB_OUTPUT). */
export function setOutput(name: string, value: string): void {
  core.setOutput(name, value);
}

/** Runs `fn` inside a collapsible group of the log; the group ends also when it throws. */
export function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return core.group(oneLine(name), fn);
}

/** The runner's input INPUT_<NAME>, trimmed. */
export function getInput(name: string): string {
  return core.getInput(name);
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
export async function appendSummary(markdown: string): Promise<void> {
  await core.summary.addRaw(markdown, !markdown.endsWith('\n')).write();
}
