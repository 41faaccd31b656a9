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
