// The README's Inputs/Outputs tables are generated from action.yml (npm run docs); this
// fails when they are stale, and checks the parts of the README other docs rely on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from '@jest/globals';
import { README, ROOT, ACTION_YML, renderInputs, renderOutputs, renderReadme, replaceBetween } from '../../scripts/readme-tables.ts';

const readme = readFileSync(README, 'utf8');
const actionYml = readFileSync(ACTION_YML, 'utf8');
const action = parse(actionYml) as {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
};

function section(text: string, name: string): string {
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end);
}

describe('README tables', () => {
  // issue 12: the Default column was empty for every input whose default is documented in words.
  it('show the default of an input whose action.yml default is empty but documented ("Empty means X.")', () => {
    const inputs = section(readme, 'inputs');
    const documented = Object.entries(action.inputs).filter(([, spec]) => !spec.default && /Empty means /.test(spec.description));
    expect(documented.length).toBeGreaterThan(10);
    for (const [name] of documented) {
      const row = inputs.split('\n').find((l) => l.startsWith(`| \`${name}\` |`))!;
      expect(`${name}: ${row.split(' | ')[2]}`).toMatch(new RegExp(`^${name}: \\S`));
    }
    expect(inputs).toContain('| `tasks` |  | `1` |');
    expect(inputs).toContain('| `ingress` |  | `all` |');
    // Issue 11: no default compute account by accident, so no default shown.
    expect(inputs).toContain('| `runtime_service_account` |  |  |');
  });

  it('are the rendering of the current action.yml (run `npm run docs` if this fails)', () => {
    expect(renderReadme(readme, actionYml)).toBe(readme);
  });

  it('list every input with its default and every output', () => {
    const inputs = section(readme, 'inputs');
    for (const [name, spec] of Object.entries(action.inputs)) {
      const row = inputs.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
      expect(row).toBeDefined();
      if (spec.required) expect(row).toContain('| yes |');
      else if (spec.default) expect(row).toContain(`| \`${spec.default}\` |`);
    }
    const outputs = section(readme, 'outputs');
    for (const name of Object.keys(action.outputs)) expect(outputs).toContain(`| \`${name}\` |`);
  });

  it('notice a change in action.yml', () => {
    const changed = actionYml.replace(/^outputs:\n/m, 'outputs:\n  extra_output:\n    description: \'new\'\n');
    expect(renderOutputs(changed)).toContain('`extra_output`');
    expect(renderReadme(readme, changed)).not.toBe(readme);
    const moreInputs = actionYml.replace(/^inputs:\n/m, 'inputs:\n  brand_new:\n    description: \'x | y\'\n    default: \'7\'\n');
    expect(renderInputs(moreInputs)).toContain('| `brand_new` |  | `7` | x \\| y |');
  });

  it('refuse a README without the markers', () => {
    expect(() => replaceBetween('no markers here', 'inputs', 'x')).toThrow(/markers/);
  });
});

describe('README content', () => {
  it('gives the two set-up commands for a fresh clone', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toMatch(/^npm test$/m);
  });

  it('keeps the section the benchmark fills', () => {
    expect(readme).toMatch(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/);
  });

  it('has the quickstart pieces: APIs, provider with an attribute condition, roles', () => {
    for (const s of [
      'run.googleapis.com', 'cloudscheduler.googleapis.com', 'iamcredentials.googleapis.com', 'sts.googleapis.com',
      'workload-identity-pools create', 'providers create-oidc',
      // Issue 11: the numeric owner ID (a renamed organization's name can be squatted), the
      // deployer impersonable from the deploying environment only, a custom role.
      '--attribute-condition="assertion.repository_owner_id ==', 'https://api.github.com/users/',
      'subject/repo:${REPO}:environment:${GITHUB_ENVIRONMENT}', 'gcloud iam roles create',
      'roles/iam.serviceAccountUser', 'roles/iam.workloadIdentityUser',
      'id-token: write', '## Safe by default',
    ]) {
      expect(readme).toContain(s);
    }
    expect(readme).not.toContain('attribute.repository/${REPO}');
  });

  it('links only to files that exist', () => {
    const links = [...readme.matchAll(/\]\(((?:\.\/)?(?:examples|\.github|src|scripts|test|fake)[^)#\s]*)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(() => readFileSync(join(ROOT, link.replace(/\/$/, '/README.md')))).not.toThrow();
  });
});

// issue 12: the quickstart's gaps.
describe('README covers what a first run needs', () => {
  it.each([
    ['Secret Manager: the API and secretAccessor on the runtime account', /secretmanager\.googleapis\.com[\s\S]*roles\/secretmanager\.secretAccessor/],
    ["images in another project: the Cloud Run service agent reads the repository", /serverless-robot-prod\.iam\.gserviceaccount\.com[\s\S]*roles\/artifactregistry\.reader/],
    ['costs', /## Costs[\s\S]*Cloud Scheduler[\s\S]*min_instances/],
    ['teardown commands', /gcloud scheduler jobs delete[\s\S]*gcloud run jobs delete[\s\S]*gcloud run services delete/],
    ['using the action after google-github-actions/auth', /### After google-github-actions\/auth[\s\S]*uses: google-github-actions\/auth@/],
    ['the smoke test runs the real workload', /## The smoke test runs the real workload[\s\S]*`changed`/],
  ])('%s', (_what, pattern) => {
    expect(readme).toMatch(pattern);
  });
});
