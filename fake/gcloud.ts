// The documented one-time setup, run against the fake: the few `gcloud` commands of a setup
// script (shell, as the README prints it) that create a Workload Identity provider, service
// accounts and custom roles and bind them, applied to the fake's IAM exactly as written. A test
// can then prove that the setup the documentation prints is the one the action works with.
// Reads (`describe`) and `services enable` change nothing here; any other command is an error, so
// the documentation cannot grow a step that the test silently skips.
import type { Auth } from './auth.ts';
import { GITHUB_ISSUER } from './github.ts';
import type { Iam } from './iam.ts';

/** Shell words of one command line: quotes removed, ${VAR} / $VAR expanded outside single quotes. */
function words(line: string, vars: Record<string, string>): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let i = 0;
  const expand = (): string => {
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(line.slice(i));
    if (!m) throw new Error(`unsupported shell syntax at: ${line.slice(i, i + 30)}`);
    const name = m[1] ?? m[2]!;
    if (!(name in vars)) throw new Error(`variable ${name} is not set`);
    i += m[0].length;
    return vars[name]!;
  };
  while (i < line.length) {
    const c = line[i]!;
    if (/\s/.test(c)) {
      if (word !== undefined) out.push(word);
      word = undefined;
      i++;
    } else if (c === '#' && word === undefined) {
      break; // a comment
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      word ??= '';
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '$') word += expand();
        else word += line[i++];
      }
      if (line[i] !== '"') throw new Error(`unterminated quote in: ${line}`);
      i++;
    } else if (c === '$') {
      word = (word ?? '') + expand();
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** `--name=value` flags and positional arguments. */
function parseArgs(args: string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (const a of args) {
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(a);
    if (m) flags[m[1]!] = m[2] ?? 'true';
    else positional.push(a);
  }
  return { positional, flags };
}

/** Logical lines of a script: continuation lines joined, blank and comment-only lines dropped. */
function logicalLines(script: string): string[] {
  return script
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export interface GcloudTarget {
  iam: Iam;
  auth: Auth;
  projectId: string;
  projectNumber: string;
}

/**
 * Runs the setup script. `given` are the variables the reader sets by hand or by a command
 * substitution (PROJECT_ID, REPO, PROJECT_NUMBER, ...): an `export` of one of them keeps the
 * given value; any other `export NAME="..."` is evaluated. Returns the commands applied.
 */
export function runGcloudSetup(target: GcloudTarget, script: string, given: Record<string, string>): string[] {
  const vars: Record<string, string> = { ...given };
  const applied: string[] = [];
  for (const line of logicalLines(script)) {
    const assignment = /^export\s+([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (assignment) {
      const [, name, value] = assignment;
      if (name! in given) continue;
      if (value!.includes('$(')) throw new Error(`${name} comes from a command: give its value`);
      vars[name!] = words(value!, vars).join(' ');
      continue;
    }
    // GitHub's side of the setup (the environment, the repository variables) is not Google Cloud's.
    if (/^gh\s/.test(line)) continue;
    const argv = words(line, vars);
    if (argv[0] !== 'gcloud') throw new Error(`not a gcloud command: ${line}`);
    applyGcloud(target, argv.slice(1), line);
    applied.push(argv.join(' '));
  }
  return applied;
}

function applyGcloud(t: GcloudTarget, argv: string[], line: string): void {
  const { positional, flags } = parseArgs(argv);
  const command = positional.slice(0, 5).join(' ');
  const projectOf = (): string => {
    const p = flags.project ?? '';
    if (p !== t.projectId) throw new Error(`--project=${p} is not the fake's project ${t.projectId}: ${line}`);
    return p;
  };
  const at = (n: number): string => {
    const v = positional[n];
    if (!v) throw new Error(`missing argument: ${line}`);
    return v;
  };
  if (command.startsWith('services enable')) return; // every API of the fake is on
  if (/^iam workload-identity-pools( providers)? describe/.test(command)) return; // a read
  if (command.startsWith('iam workload-identity-pools create')) {
    projectOf();
    return; // the pool is the path prefix of its providers
  }
  if (command.startsWith('iam workload-identity-pools providers create-oidc')) {
    projectOf();
    const pool = flags['workload-identity-pool'];
    if (!pool || flags.location !== 'global') throw new Error(`a provider needs --workload-identity-pool and --location=global: ${line}`);
    const mapping: Record<string, string> = {};
    for (const pair of (flags['attribute-mapping'] ?? '').split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) mapping[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
    if (flags['issuer-uri'] !== GITHUB_ISSUER) throw new Error(`the fake's tokens come from ${GITHUB_ISSUER}: ${line}`);
    t.auth.providers.push({
      name: `projects/${t.projectNumber}/locations/global/workloadIdentityPools/${pool}/providers/${at(4)}`,
      issuer: GITHUB_ISSUER,
      allowedAudiences: flags['allowed-audiences'] ? flags['allowed-audiences'].split(',') : [],
      attributeCondition: flags['attribute-condition'] ?? 'true',
      attributeMapping: mapping,
      disabled: false,
    });
    return;
  }
  if (command.startsWith('iam service-accounts create')) {
    t.iam.serviceAccounts.add(`${at(3)}@${projectOf()}.iam.gserviceaccount.com`);
    return;
  }
  if (command.startsWith('iam roles create')) {
    t.iam.createRole(projectOf(), at(3), (flags.permissions ?? '').split(',').map((p) => p.trim()).filter(Boolean));
    return;
  }
  const member = flags.member;
  const role = flags.role;
  if (command.startsWith('projects add-iam-policy-binding')) {
    if (!member || !role) throw new Error(`a binding needs --member and --role: ${line}`);
    if (flags.condition && flags.condition !== 'None') throw new Error(`conditional bindings are not modelled: ${line}`);
    if (at(2) !== t.projectId) throw new Error(`not the fake's project: ${line}`);
    t.iam.grant(`projects/${t.projectId}`, member, role);
    return;
  }
  if (command.startsWith('iam service-accounts add-iam-policy-binding')) {
    if (!member || !role) throw new Error(`a binding needs --member and --role: ${line}`);
    projectOf();
    const email = at(3);
    if (!t.iam.serviceAccounts.has(email)) throw new Error(`service account ${email} does not exist: ${line}`);
    t.iam.grant(t.iam.saResource(email), member, role);
    return;
  }
  throw new Error(`a gcloud command the fake does not model: ${line}`);
}
