// Every published use of the action, as the runner would hand it over: the workflows in
// .github/workflows and examples/workflows, and every fenced YAML block of README.md and
// docs/**/*.md. Each `${{ … }}` is replaced by a sample value: the names that the README's
// one-time setup creates (and stores as repository variables). Used by
// test/unit/examples.test.ts (each use through the action's input parser) and
// test/integration/snippets.test.ts (each use in a dry run against the local Google Cloud).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../scripts/readme-tables.ts';

export type Obj = Record<string, any>;

export const PROJECT = 'my-project';
/** What the README's one-time setup creates, with its sample values. */
export const SETUP = {
  projectNumber: '123456789',
  repository: 'my-org/my-repo',
  ownerId: '1000001',
  environment: 'production',
  provider: 'projects/123456789/locations/global/workloadIdentityPools/github/providers/cloud-run-cron',
  deployer: `cloud-run-cron-deployer@${PROJECT}.iam.gserviceaccount.com`,
  planner: `cloud-run-cron-planner@${PROJECT}.iam.gserviceaccount.com`,
  runtime: `cron-runtime@${PROJECT}.iam.gserviceaccount.com`,
  invoker: `scheduler-invoker@${PROJECT}.iam.gserviceaccount.com`,
};
/** The repository variables the setup sets (and manual.yml's header asks for; CRON_NAME is optional: unset). */
export const VARS: Record<string, string> = {
  GCP_WORKLOAD_IDENTITY_PROVIDER: SETUP.provider,
  GCP_DEPLOYER_SA: SETUP.deployer,
  GCP_PLANNER_SA: SETUP.planner,
  GCP_INVOKER_SA: SETUP.invoker,
  GCP_RUNTIME_SA: SETUP.runtime,
  GCP_REGION: 'europe-west1',
  CRON_NAME: '',
};
/** A step output that holds an image reference (docker inspect's RepoDigests). */
export const PUSHED_IMAGE = `europe-west1-docker.pkg.dev/${PROJECT}/cron/uptime-check@sha256:${'e3b0c442'.repeat(8)}`;

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

/** The step's `with`, as the runner hands it over (strings, expressions evaluated). */
function stepInputs(withInputs: Obj, ctx: Context, where: string): Record<string, string> {
  return Object.fromEntries(Object.entries(withInputs ?? {}).map(([k, v]) => [k, substitute(v, ctx, `${where} ${k}`)]));
}

export const isActionStep = (uses: unknown): boolean => typeof uses === 'string' && /^(?:[\w.-]+\/cloud-run-cron@|\.\/\.cloud-run-cron$)/.test(uses);
/** The reusable workflow a job calls (deploy.yml or plan.yml), if it is one of ours. */
const reusableCalled = (uses: unknown): string | undefined =>
  typeof uses === 'string' ? /(?:^\.|cloud-run-cron)\/\.github\/workflows\/(deploy|plan)\.yml(?:@|$)/.exec(uses)?.[1] : undefined;

/** What deploy.yml or plan.yml hands the action for a caller's `with`: its own defaults, booleans as 'true'/'false'. */
function throughReusable(file: string, callerWith: Obj, ctx: Context, where: string): { inputs: Record<string, string>; environment?: string } {
  const reusable = parseYaml(readFileSync(join(ROOT, `.github/workflows/${file}.yml`), 'utf8')) as Obj;
  const reusableInputs = reusable.on.workflow_call.inputs as Record<string, Obj>;
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(reusableInputs)) {
    const given = callerWith?.[name];
    inputs[name] = given === undefined ? String(spec.default ?? '') : substitute(given, ctx, `${where} ${name}`);
  }
  const { job, step } = Object.values(reusable.jobs as Record<string, Obj>)
    .flatMap((job) => (job.steps ?? []).map((step: Obj) => ({ job, step })))
    .find(({ step }) => isActionStep(step.uses))!;
  const environment = environmentOf(job.environment, { env: {}, inputs }, where);
  return { inputs: stepInputs(step.with, { env: {}, inputs }, `${where} -> ${file}.yml`), environment };
}

/** A job's `environment:` (a name or {name}), evaluated; undefined when it has none. */
function environmentOf(value: unknown, ctx: Context, where: string): string | undefined {
  const name = typeof value === 'object' && value !== null ? (value as Obj).name : value;
  const evaluated = name === undefined ? '' : substitute(name, ctx, `${where} environment`);
  return evaluated === '' ? undefined : evaluated;
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

/** One run of the action's step as the runner would start it. */
export interface StepRun {
  /** The step's inputs (`with`, expressions evaluated). */
  inputs: Record<string, string>;
  /** The step's environment (`env:` of the workflow, job and step). */
  env: Record<string, string>;
  /** The GitHub environment the job runs in, if any: it decides the OIDC token's subject. */
  environment?: string;
  /** The events that start the workflow (`on:`). */
  events: string[];
  /** The inputs of a google-github-actions/auth step before it in the job, if any (its credentials are then the ADC). */
  authBefore?: Record<string, string>;
}

export interface Use {
  where: string;
  runs: () => StepRun[];
}

/** Each use of the action in one workflow (or part of one): steps, and jobs that call our reusable workflows. */
export function usesIn(doc: Obj, where0: string): Use[] {
  const found: Use[] = [];
  const forms = dispatchForms(doc);
  const on = doc.on;
  const events = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : Object.keys(on ?? {});
  for (const [jobId, job] of Object.entries((doc.jobs ?? {}) as Record<string, Obj>)) {
    const where = `${where0} jobs.${jobId}`;
    const reusable = reusableCalled(job.uses);
    if (reusable) {
      found.push({
        where,
        runs: () => forms.map((inputs) => ({ ...throughReusable(reusable, job.with, { env: {}, inputs }, where), env: {}, events })),
      });
    }
    (job.steps ?? []).forEach((step: Obj, i: number) => {
      // A bare `uses:` line (the pinning forms) shows a reference, not an invocation.
      if (!isActionStep(step.uses) || !step.with || /\/(deploy|plan)\.yml$/.test(where0)) return;
      const env = { ...(doc.env ?? {}), ...(job.env ?? {}), ...(step.env ?? {}) } as Record<string, string>;
      const at = `${where}.steps[${i}]`;
      const auth = (job.steps as Obj[]).slice(0, i).find((s) => typeof s.uses === 'string' && s.uses.startsWith('google-github-actions/auth@'));
      found.push({
        where: at,
        runs: () => forms.map((inputs) => ({
          inputs: stepInputs(step.with, { env, inputs }, at),
          env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, substitute(v, { env: {}, inputs }, `${at} env.${k}`)])),
          environment: environmentOf(job.environment, { env, inputs }, at),
          events,
          ...(auth ? { authBefore: stepInputs(auth.with, { env, inputs }, `${at} (auth step)`) } : {}),
        })),
      });
    });
  }
  return found;
}

export const WORKFLOW_FILES = ['.github/workflows', 'examples/workflows'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${dir}/${f}`),
);

/** README.md and every Markdown file under docs/, as paths relative to the repository. */
export function docFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name.endsWith('.md') ? [relative(ROOT, path)] : [];
    });
  return ['README.md', ...walk(join(ROOT, 'docs')).sort()];
}

export interface Block {
  file: string;
  /** 1-based line of the opening fence */
  line: number;
  lang: string;
  text: string;
  where: string;
}

/** Every fenced code block of a Markdown file. */
export function fencedBlocks(file: string, markdown = readFileSync(join(ROOT, file), 'utf8')): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    if (end < 0) throw new Error(`${file}:${i + 1}: a code fence that is never closed`);
    blocks.push({ file, line: i + 1, lang: open[2]!, text: lines.slice(i + 1, end).join('\n'), where: `${file}:${i + 1}` });
    i = end;
  }
  return blocks;
}

/** A YAML block, de-indented (a step list item is shown at its place in a workflow); throws on invalid YAML. */
export function parseYamlBlock(block: Block): unknown {
  const lines = block.text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return parseYaml(lines.map((l) => l.slice(indent)).join('\n'), { prettyErrors: true, uniqueKeys: true });
}

/** What a YAML block of the docs is. */
export type Snippet =
  | { kind: 'workflow'; doc: Obj }
  | { kind: 'manifest'; doc: Obj; name?: string }
  | { kind: 'fragment'; doc: unknown };

export function classify(block: Block, parsed: unknown): Snippet {
  if (Array.isArray(parsed)) return { kind: 'workflow', doc: { jobs: { snippet: { steps: parsed } } } };
  const doc = (parsed ?? {}) as Obj;
  if (doc.jobs) return { kind: 'workflow', doc };
  if (doc.workloads) return { kind: 'manifest', doc, name: /^#\s*(\S+\.ya?ml)\b/.exec(block.text.trim())?.[1] };
  return { kind: 'fragment', doc };
}

/** The uses of the action in the README's and docs' YAML blocks, with the block each comes from. */
export function docUses(): (Use & { block: Block })[] {
  return docFiles()
    .flatMap((file) => fencedBlocks(file))
    .filter((b) => /^ya?ml$/.test(b.lang))
    .flatMap((block) => {
      const snippet = classify(block, parseYamlBlock(block));
      return snippet.kind === 'workflow' ? usesIn(snippet.doc, block.where).map((u) => ({ ...u, block })) : [];
    });
}
