// The README is the front door (a working workflow on its first screen, the one-time setup as one
// block, then links); docs/ holds the rest, and docs/inputs.md is generated from action.yml
// (npm run docs). This checks the shape of both, that every link resolves, and that the inputs
// reference is current. test/integration/snippets.test.ts runs every snippet.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from '@jest/globals';
import { README, ROOT, ACTION_YML, INPUTS_DOC, renderInputs, renderInputsDoc, renderOutputs } from '../../scripts/readme-tables.ts';
import { fencedBlocks } from '../snippets.ts';

const readme = readFileSync(README, 'utf8');
const inputsDoc = readFileSync(INPUTS_DOC, 'utf8');
const actionYml = readFileSync(ACTION_YML, 'utf8');
const action = parse(actionYml) as {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
};
const docFiles = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const allDocs = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', ...docFiles];

function between(text: string, from: string, to?: string): string {
  const start = text.indexOf(from);
  expect(start).toBeGreaterThanOrEqual(0);
  return to === undefined ? text.slice(start) : text.slice(start, text.indexOf(to, start));
}

describe('docs/inputs.md', () => {
  it('is the rendering of the current action.yml (run `npm run docs` if this fails)', () => {
    expect(inputsDoc).toBe(renderInputsDoc(actionYml));
  });

  it('shows the default of an input whose action.yml default is empty but documented ("Empty means X.")', () => {
    const inputs = between(inputsDoc, '## Inputs', '## Outputs');
    const documented = Object.entries(action.inputs).filter(([, spec]) => !spec.default && /Empty means /.test(spec.description));
    expect(documented.length).toBeGreaterThan(10);
    for (const [name] of documented) {
      const row = inputs.split('\n').find((l) => l.startsWith(`| \`${name}\` |`))!;
      expect(`${name}: ${row.split(' | ')[2]}`).toMatch(new RegExp(`^${name}: \\S`));
    }
    expect(inputs).toContain('| `tasks` |  | `1` |');
    expect(inputs).toContain('| `ingress` |  | `all` |');
    expect(inputs).toContain('| `smoke_test` |  | `changed` |');
    // No default compute account by accident, so no default shown.
    expect(inputs).toContain('| `runtime_service_account` |  |  |');
  });

  it('lists every input with its default and every output', () => {
    const inputs = between(inputsDoc, '## Inputs', '## Outputs');
    for (const [name, spec] of Object.entries(action.inputs)) {
      const row = inputs.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
      expect(row).toBeDefined();
      if (spec.required) expect(row).toContain('| yes |');
      else if (spec.default) expect(row).toContain(`| \`${spec.default}\` |`);
    }
    const outputs = between(inputsDoc, '## Outputs');
    for (const name of Object.keys(action.outputs)) expect(outputs).toContain(`| \`${name}\` |`);
  });

  it('notices a change in action.yml', () => {
    const changed = actionYml.replace(/^outputs:\n/m, 'outputs:\n  extra_output:\n    description: \'new\'\n');
    expect(renderOutputs(changed)).toContain('`extra_output`');
    expect(renderInputsDoc(changed)).not.toBe(inputsDoc);
    const moreInputs = actionYml.replace(/^inputs:\n/m, 'inputs:\n  brand_new:\n    description: \'x | y\'\n    default: \'7\'\n');
    expect(renderInputs(moreInputs)).toContain('| `brand_new` |  | `7` | x \\| y |');
  });
});

describe('README, the front door', () => {
  const lines = readme.split('\n');

  it('is under 300 lines', () => {
    expect(lines.length).toBeLessThan(300);
  });

  it('says what the action does before anything else, and has a complete workflow within its first 60 lines', () => {
    const firstFence = lines.findIndex((l) => l.startsWith('```'));
    expect(firstFence).toBeGreaterThan(1);
    expect(firstFence).toBeLessThan(10);
    expect(lines[firstFence]).toBe('```yaml');
    const end = lines.findIndex((l, i) => i > firstFence && l.startsWith('```'));
    expect(end).toBeLessThan(60);
    const workflow = parse(lines.slice(firstFence + 1, end).join('\n')) as { on?: unknown; jobs?: Record<string, { steps?: { uses?: string; with?: Record<string, string> }[] }> };
    expect(workflow.on).toBeDefined();
    const step = Object.values(workflow.jobs!).flatMap((j) => j.steps ?? []).find((s) => s.uses?.startsWith('ACTION_OWNER/cloud-run-cron@'));
    expect(Object.keys(step!.with!)).toEqual(expect.arrayContaining(['workload_identity_provider', 'service_account', 'runtime_service_account', 'invoker_service_account', 'region', 'name', 'image', 'schedule']));
  });

  it('has the one-time setup as one shell block: APIs, provider with an attribute condition, roles, the variables the workflow reads', () => {
    const setup = between(readme, '## One-time setup', '## Try it without a cloud');
    expect(setup.match(/```sh/g)).toHaveLength(1);
    for (const s of [
      'run.googleapis.com', 'cloudscheduler.googleapis.com', 'iamcredentials.googleapis.com', 'sts.googleapis.com',
      'workload-identity-pools create', 'providers create-oidc',
      // The numeric owner ID (a renamed organization's name can be squatted), the deployer
      // impersonable from the deploying environment only, a custom role.
      '--attribute-condition="assertion.repository_owner_id ==', 'gh api "users/',
      'subject/repo:${REPO}:environment:${GITHUB_ENVIRONMENT}', 'gcloud iam roles create',
      'roles/iam.serviceAccountUser', 'roles/iam.workloadIdentityUser',
      'gh variable set GCP_WORKLOAD_IDENTITY_PROVIDER', 'gh variable set GCP_DEPLOYER_SA', 'gh variable set GCP_RUNTIME_SA', 'gh variable set GCP_INVOKER_SA',
    ]) {
      expect(setup).toContain(s);
    }
    expect(setup).not.toContain('attribute.repository/${REPO}');
    // Every variable the README's workflow reads is one the setup sets.
    for (const [, name] of readme.matchAll(/\$\{\{ vars\.(\w+) \}\}/g)) expect(setup).toContain(`gh variable set ${name} `);
  });

  it('links every page of docs/, one link a line (other pages add a line each)', () => {
    const list = between(readme, '## Documentation');
    for (const file of docFiles) {
      const line = list.split('\n').filter((l) => l.includes(`](${file})`));
      expect([file, line.length]).toEqual([file, 1]);
      expect(line[0]).toMatch(/^- \[/);
    }
  });

  it('gives the command to try it on a fresh clone', () => {
    expect(readme).toContain('npm ci && npm run demo');
  });
});

describe('the action repository placeholder', () => {
  it('is ACTION_OWNER/cloud-run-cron everywhere, never a bare OWNER', () => {
    const workflows = ['.github/workflows', 'examples/workflows'].flatMap((dir) => readdirSync(join(ROOT, dir)).map((f) => `${dir}/${f}`));
    for (const file of [...allDocs, ...workflows]) {
      const text = read(file);
      expect([file, text.match(/(?<![A-Z_])OWNER\/cloud-run-cron/g)]).toEqual([file, null]);
      for (const [, uses] of text.matchAll(/uses: (\S*cloud-run-cron\S*)/g)) expect([file, uses]).toEqual([file, expect.stringMatching(/^(?:ACTION_OWNER\/cloud-run-cron[@/]|\.\/\.cloud-run-cron$)/)]);
    }
  });

  it('is explained once, in the README, with forking and pinning', () => {
    const explained = allDocs.filter((f) => /`ACTION_OWNER\/cloud-run-cron` stands for/.test(read(f)));
    expect(explained).toEqual(['README.md']);
    expect(readme).toMatch(/`ACTION_OWNER\/cloud-run-cron` stands for[^\n]*\n[^\n]*published repository, or your fork/);
    expect(readme).toMatch(/full commit\nSHA|full commit SHA/);
  });
});

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-');
function anchors(text: string): Set<string> {
  let fence = false;
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    const m = !fence && /^#{1,6} (.+)$/.exec(line);
    if (m) out.add(slug(m[1]!));
  }
  return out;
}

describe('links', () => {
  it.each(allDocs)('in %s lead to files and headings that exist', (file) => {
    const text = read(file);
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l));
    const broken = links.filter((link) => {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path === '' ? join(ROOT, file) : join(ROOT, dirname(file), path);
      if (!existsSync(target)) return true;
      if (anchor === undefined || !target.endsWith('.md')) return false;
      return !anchors(readFileSync(target, 'utf8')).has(anchor);
    });
    expect(broken.map((l) => `${file}: ${l}`)).toEqual([]);
  });
});

describe('docs/ covers what a first run needs', () => {
  it.each([
    ['docs/setup.md', 'Secret Manager: the API and secretAccessor on the runtime account', /secretmanager\.googleapis\.com[\s\S]*roles\/secretmanager\.secretAccessor/],
    ['docs/setup.md', 'images in another project: the Cloud Run service agent reads the repository', /serverless-robot-prod\.iam\.gserviceaccount\.com[\s\S]*roles\/artifactregistry\.reader/],
    ['docs/setup.md', 'removing the setup', /## Removing the setup[\s\S]*gcloud iam workload-identity-pools delete/],
    ['docs/usage.md', 'costs', /## Costs[\s\S]*Cloud Scheduler[\s\S]*min_instances/],
    ['docs/review.md', 'teardown commands', /gcloud scheduler jobs delete[\s\S]*gcloud run jobs delete[\s\S]*gcloud run services delete/],
    ['docs/usage.md', 'using the action after google-github-actions/auth', /## After google-github-actions\/auth[\s\S]*uses: google-github-actions\/auth@/],
    ['docs/usage.md', 'the smoke test runs the real workload, and what each choice costs', /## The smoke test runs the real workload[\s\S]*What it costs[\s\S]*`changed` \(default\)[\s\S]*`true`[\s\S]*`false`/],
    ['docs/safety.md', 'the guarantees', /# Safe by default/],
    ['docs/development.md', 'the section the benchmark fills', /<!-- bench:start -->[\s\S]*<!-- bench:end -->/],
    ['docs/development.md', 'the load test', /scripts\/load-test/],
  ])('%s: %s', (file, _what, pattern) => {
    expect(read(file)).toMatch(pattern);
  });
});

describe('shell blocks', () => {
  const shellBlocks = allDocs.flatMap((file) => fencedBlocks(file, read(file))).filter((b) => /^(sh|bash|shell)$/.test(b.lang));

  it('are found, the one-time setup among them', () => {
    expect(shellBlocks.filter((b) => b.file === 'README.md' && b.text.includes('gcloud iam roles create'))).toHaveLength(1);
  });

  // A broken line continuation or quote in a block to paste shows up here.
  it.each(shellBlocks.map((b) => [b.where, b] as const))('%s is valid shell', (_where, block) => {
    const r = spawnSync('bash', ['-n'], { input: block.text, encoding: 'utf8' });
    expect([block.where, r.status, r.stderr]).toEqual([block.where, 0, '']);
  });
});
