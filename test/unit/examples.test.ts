// Every published use of the action (examples/workflows, .github/workflows, the YAML blocks
// of README.md and docs/) is run through the action's own input parser, with each `${{ … }}`
// replaced by a sample value, so an example cannot fail validation again (both example
// workflows and manual.yml once failed as published). The samples are the names the README's
// one-time setup creates, so the examples are also checked to use exactly those.
// test/integration/snippets.test.ts goes further: a dry run of each against the local Google Cloud.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/config/parse-config.js';
import { InputErrors, type Config } from '../../src/config/types.js';
import { ROOT } from '../../scripts/readme-tables.ts';
import { docUses, SETUP, usesIn, WORKFLOW_FILES, type Obj, type StepRun } from '../snippets.ts';

/** parseConfig on the step's inputs; the errors as text. */
function parseStep(run: StepRun, where: string): Config {
  try {
    return parseConfig((name) => run.inputs[name] ?? '');
  } catch (e) {
    if (e instanceof InputErrors) throw new Error(`${where}: ${e.message}`);
    throw e;
  }
}

interface Use {
  where: string;
  /** Each run's config, with the GitHub environment its job runs in (undefined: none; null: a bare list of steps). */
  configs: () => Config[];
  environments: () => (string | undefined | null)[];
}

const QUICKSTART = { provider: SETUP.provider, deployer: SETUP.deployer, planner: SETUP.planner, runtime: SETUP.runtime, invoker: SETUP.invoker };
const allUses: Use[] = [
  ...WORKFLOW_FILES.flatMap((file) => usesIn(parseYaml(readFileSync(join(ROOT, file), 'utf8')) as Obj, file)),
  ...docUses(),
]
  // A fleet step reads its manifest file: test/integration/snippets.test.ts runs those with theirs.
  .filter((u) => !u.runs().some((run) => run.inputs.manifest))
  .map((u) => ({
    where: u.where,
    configs: () => u.runs().map((run) => parseStep(run, u.where)),
    environments: () => u.runs().map((run) => (u.where.includes(' jobs.snippet.') ? null : run.environment)),
  }));

describe('published uses of the action parse with its own input parser', () => {
  it('finds them: both examples, the reusable and manual workflows, the snippets of README and docs/', () => {
    const where = allUses.map((u) => u.where).join('\n');
    expect(where).toMatch(/examples\/workflows\/deploy-job\.yml/);
    expect(where).toMatch(/examples\/workflows\/deploy-service\.yml/);
    expect(where).toMatch(/\.github\/workflows\/manual\.yml/);
    expect(where).toMatch(/examples\/workflows\/drift\.yml/);
    expect(allUses.filter((u) => u.where.startsWith('README.md')).length).toBeGreaterThanOrEqual(1);
    expect(allUses.filter((u) => u.where.startsWith('docs/')).length).toBeGreaterThanOrEqual(8);
    // The docs show the action after google-github-actions/auth (credentials from that step).
    const docConfigs = allUses.filter((u) => u.where.startsWith('docs/')).flatMap((u) => u.configs());
    expect(docConfigs.some((c) => c.auth.workloadIdentityProvider === undefined && c.projectId === 'my-project')).toBe(true);
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
    }
    const environments = use.environments();
    configs.forEach((config, i) => {
      // Plans and drift checks run as the read-only planner, and the planner never applies.
      if (config.failOnDrift || config.readOnly || config.auth.serviceAccount === QUICKSTART.planner) {
        expect([config.auth.serviceAccount, config.readOnly, config.dryRun]).toEqual([QUICKSTART.planner, true, true]);
      }
      // The deployer trusts only the production environment's tokens (the setup's binding).
      if (config.auth.serviceAccount === QUICKSTART.deployer && config.auth.workloadIdentityProvider && environments[i] !== null) {
        expect(environments[i]).toBe('production');
      }
    });
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
