// Every published use of the action (examples/workflows, .github/workflows, the README's
// YAML snippets) is run through the action's own input parser, with each `${{ … }}`
// replaced by a sample value, so an example cannot fail validation again (issue 12: both
// example workflows and manual.yml failed as published). The samples are the names the
// README's quickstart creates, so the examples are also checked to use exactly those.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/config/parse-config.js';
import { InputErrors, type Config } from '../../src/config/types.js';
import { ROOT } from '../../scripts/readme-tables.ts';

type Obj = Record<string, any>;

const PROJECT = 'my-project';
/** What the quickstart creates (README "One-time Google Cloud setup"). */
const QUICKSTART = {
  provider: 'projects/123456789/locations/global/workloadIdentityPools/github/providers/cloud-run-cron',
  deployer: `cloud-run-cron-deployer@${PROJECT}.iam.gserviceaccount.com`,
  planner: `cloud-run-cron-planner@${PROJECT}.iam.gserviceaccount.com`,
  runtime: `cron-runtime@${PROJECT}.iam.gserviceaccount.com`,
  invoker: `scheduler-invoker@${PROJECT}.iam.gserviceaccount.com`,
};
/** Repository variables, as manual.yml's header asks for them (CRON_NAME is optional: unset). */
const VARS: Record<string, string> = {
  GCP_WORKLOAD_IDENTITY_PROVIDER: QUICKSTART.provider,
  GCP_DEPLOYER_SA: QUICKSTART.deployer,
  GCP_PLANNER_SA: QUICKSTART.planner,
  GCP_INVOKER_SA: QUICKSTART.invoker,
  GCP_RUNTIME_SA: QUICKSTART.runtime,
  GCP_REGION: 'europe-west1',
  CRON_NAME: '',
};
/** A step output that holds an image reference (docker inspect's RepoDigests). */
const PUSHED_IMAGE = `europe-west1-docker.pkg.dev/${PROJECT}/cron/uptime-check@sha256:${'e3b0c442'.repeat(8)}`;

interface Context {
  env: Record<string, string>;
  inputs: Record<string, string>;
}

/** One `${{ … }}` expression: a context value, a quoted literal, or `a || b`. */
function evaluate(expr: string, ctx: Context, where: string): string {
  const alternatives = expr.split('||').map((s) => s.trim());
  for (const alt of alternatives) {
    const literal = /^'(.*)'$/.exec(alt);
    let value: string | undefined;
    if (literal) value = literal[1];
    else if (alt.startsWith('env.')) value = ctx.env[alt.slice(4)];
    else if (alt.startsWith('vars.')) value = VARS[alt.slice(5)];
    else if (alt.startsWith('inputs.')) value = ctx.inputs[alt.slice(7)];
    else if (/^steps\.[\w-]+\.outputs\.(ref|image|digest)$/.test(alt)) value = PUSHED_IMAGE;
    if (value === undefined) throw new Error(`${where}: no sample value for \${{ ${alt} }}`);
    if (value !== '') return value;
  }
  return '';
}

function substitute(value: unknown, ctx: Context, where: string): string {
  return String(value ?? '').replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => evaluate(expr, ctx, where));
}

/** parseConfig on the step's `with`, as the runner would hand it over; the errors as text. */
function parseStep(withInputs: Obj, ctx: Context, where: string): Config {
  const inputs = Object.fromEntries(Object.entries(withInputs ?? {}).map(([k, v]) => [k, substitute(v, ctx, `${where} ${k}`)]));
  try {
    return parseConfig((name) => inputs[name] ?? '');
  } catch (e) {
    if (e instanceof InputErrors) throw new Error(`${where}: ${e.message}`);
    throw e;
  }
}

const isActionStep = (uses: unknown): boolean => typeof uses === 'string' && /^(?:[\w.-]+\/cloud-run-cron@|\.\/\.cloud-run-cron$)/.test(uses);
/** The reusable workflow a job calls (deploy.yml or plan.yml), if it is one of ours. */
const reusableCalled = (uses: unknown): string | undefined =>
  typeof uses === 'string' ? /(?:^\.|cloud-run-cron)\/\.github\/workflows\/(deploy|plan)\.yml(?:@|$)/.exec(uses)?.[1] : undefined;

/** What deploy.yml or plan.yml hands the action for a caller's `with`: its own defaults, booleans as 'true'/'false'. */
function throughReusable(file: string, callerWith: Obj, ctx: Context, where: string): Config {
  const reusable = parseYaml(readFileSync(join(ROOT, `.github/workflows/${file}.yml`), 'utf8')) as Obj;
  const reusableInputs = reusable.on.workflow_call.inputs as Record<string, Obj>;
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(reusableInputs)) {
    const given = callerWith?.[name];
    inputs[name] = given === undefined ? String(spec.default ?? '') : substitute(given, ctx, `${where} ${name}`);
  }
  const { step } = Object.values(reusable.jobs as Record<string, Obj>)
    .flatMap((job) => (job.steps ?? []).map((step: Obj) => ({ step })))
    .find(({ step }) => isActionStep(step.uses))!;
  return parseStep(step.with, { env: {}, inputs }, `${where} -> ${file}.yml`);
}

/** Every way a workflow_dispatch form can be filled in: each choice option, defaults elsewhere. */
function dispatchForms(doc: Obj): Record<string, string>[] {
  const spec = (doc.on?.workflow_dispatch?.inputs ?? {}) as Record<string, Obj>;
  const base = Object.fromEntries(
    Object.entries(spec).map(([name, s]) => [name, s.required && s.default === undefined ? (name === 'image' ? PUSHED_IMAGE : 'x') : String(s.default ?? '')]),
  );
  const forms = [base];
  for (const [name, s] of Object.entries(spec)) {
    for (const option of (s.options ?? []) as string[]) forms.push({ ...base, [name]: option });
  }
  return forms;
}

interface Use {
  where: string;
  configs: () => Config[];
  /** The GitHub environment of the job (or of the reusable workflow it calls); null for a bare step list. */
  environment: string | undefined | null;
}

function usesIn(doc: Obj, file: string): Use[] {
  const found: Use[] = [];
  const forms = dispatchForms(doc);
  for (const [jobId, job] of Object.entries((doc.jobs ?? {}) as Record<string, Obj>)) {
    const where = `${file} jobs.${jobId}`;
    const reusable = reusableCalled(job.uses);
    if (reusable) {
      found.push({ where, environment: job.with?.environment, configs: () => forms.map((inputs) => throughReusable(reusable, job.with, { env: {}, inputs }, where)) });
    }
    (job.steps ?? []).forEach((step: Obj, i: number) => {
      // A bare `uses:` line (README's pinning forms) shows a reference, not an invocation.
      if (!isActionStep(step.uses) || !step.with || /\/(deploy|plan)\.yml$/.test(file)) return;
      const env = { ...(doc.env ?? {}), ...(job.env ?? {}), ...(step.env ?? {}) } as Record<string, string>;
      found.push({ where: `${where}.steps[${i}]`, environment: jobId === 'snippet' ? null : job.environment, configs: () => forms.map((inputs) => parseStep(step.with, { env, inputs }, `${where}.steps[${i}]`)) });
    });
  }
  return found;
}

const workflowFiles = ['.github/workflows', 'examples/workflows'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${dir}/${f}`),
);

/** The README's ```yaml blocks: whole workflows, jobs, or a step list item. */
function readmeDocs(): { doc: Obj; where: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m, i) => {
    const lines = m[1]!.split('\n');
    const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
    const parsed = parseYaml(lines.map((l) => l.slice(indent)).join('\n')) as unknown;
    const where = `README.md yaml block ${i + 1}`;
    if (Array.isArray(parsed)) return { doc: { jobs: { snippet: { steps: parsed } } }, where };
    return { doc: parsed as Obj, where };
  });
}

const allUses: Use[] = [
  ...workflowFiles.flatMap((file) => usesIn(parseYaml(readFileSync(join(ROOT, file), 'utf8')) as Obj, file)),
  ...readmeDocs().flatMap(({ doc, where }) => usesIn(doc, where)),
];

describe('published uses of the action parse with its own input parser', () => {
  it('finds them: both examples, the reusable and manual workflows, the README snippets', () => {
    const where = allUses.map((u) => u.where).join('\n');
    expect(where).toMatch(/examples\/workflows\/deploy-job\.yml/);
    expect(where).toMatch(/examples\/workflows\/deploy-service\.yml/);
    expect(where).toMatch(/\.github\/workflows\/manual\.yml/);
    expect(where).toMatch(/examples\/workflows\/drift\.yml/);
    expect(allUses.filter((u) => u.where.startsWith('README.md')).length).toBeGreaterThanOrEqual(4);
    // The README shows the action after google-github-actions/auth (credentials from that step).
    const readmeConfigs = allUses.filter((u) => u.where.startsWith('README.md')).flatMap((u) => u.configs());
    expect(readmeConfigs.some((c) => c.auth.workloadIdentityProvider === undefined && c.projectId === 'my-project')).toBe(true);
  });

  it.each(allUses.map((u) => [u.where, u] as const))('%s', (_where, use) => {
    const configs = use.configs();
    expect(configs.length).toBeGreaterThan(0);
    for (const config of configs) {
      expect(config.name).toMatch(/^[a-z]/);
      // Examples use the accounts and the provider that the quickstart creates.
      const accounts = [config.auth.serviceAccount, config.runtimeServiceAccount, config.schedule?.invokerServiceAccount];
      for (const account of accounts.filter((a): a is string => a !== undefined)) {
        expect(Object.values(QUICKSTART)).toContain(account);
      }
      if (config.auth.workloadIdentityProvider) expect(config.auth.workloadIdentityProvider).toBe(QUICKSTART.provider);
      // Plans and drift checks run as the read-only planner, and the planner never applies.
      if (config.failOnDrift || config.readOnly || config.auth.serviceAccount === QUICKSTART.planner) {
        expect([config.auth.serviceAccount, config.readOnly, config.dryRun]).toEqual([QUICKSTART.planner, true, true]);
      }
      // The deployer trusts only the production environment's tokens (the Quickstart's binding).
      if (config.auth.serviceAccount === QUICKSTART.deployer && config.auth.workloadIdentityProvider && use.environment !== null) {
        expect(use.environment).toBe('production');
      }
    }
  });

  it('the examples pass a value with commas that arrives whole', () => {
    const job = allUses.find((u) => u.where.startsWith('examples/workflows/deploy-job.yml'))!;
    expect(job.configs()[0]!.envVars).toContainEqual({ name: 'URLS', value: 'https://example.com/,https://www.iana.org/' });
  });

  it('manual.yml deploys only, with a notice, when its schedule is left empty', () => {
    const manual = allUses.find((u) => u.where.startsWith('.github/workflows/manual.yml'))!;
    const [config] = manual.configs();
    expect(config!.schedule).toBeUndefined();
    expect(config!.notices.join('\n')).toMatch(/Input 'invoker_service_account' is ignored/);
  });
});
