// Safe by default, piece by piece: the one redaction module, the open-service
// warnings, the endpoint rule, and which errors let a :run be sent again.
import { parseConfig } from '../../src/config/parse-config.js';
import type { Config } from '../../src/config/types.js';
import { isQuotaError, isRetryable } from '../../src/errors/api-error.js';
import { envValueChanges, registerSecretValues, scrubSecrets } from '../../src/errors/scrub.js';
import { checkOverrides, endpointFor, overrideWarning } from '../../src/google/endpoints.js';
import { resourceNames } from '../../src/pipeline/names.js';
import { INVOKER_ROLE, planRun, type CurrentState } from '../../src/plan/planner.js';
import { formatPlan, planToJson } from '../../src/report/plan-text.js';
import type { RunService } from '../../src/run/workload.js';

const DIGEST = `us-central1-docker.pkg.dev/my-proj/repo/app@sha256:${'a'.repeat(64)}`;

function config(inputs: Record<string, string> = {}): Config {
  const all: Record<string, string> = { project_id: 'my-proj', region: 'us-central1', name: 'web', image: DIGEST, runtime_service_account: 'default', ...inputs };
  return parseConfig((n) => all[n] ?? '');
}
const plan = (c: Config, current: CurrentState) => planRun({ config: c, names: resourceNames(c, 'my-proj'), current, deployId: 'd' });

describe('redaction', () => {
  it('describes env var changes by name, never by value', () => {
    const before = [{ name: 'DB_PASSWORD', value: 'hunter2-s3cr3t' }, { name: 'MODE', value: 'full' }, { name: 'OLD', value: 'x' }];
    const after = [{ name: 'DB_PASSWORD', value: 'n3w-s3cr3t' }, { name: 'MODE', value: 'full' }, { name: 'NEW', value: 'y' }];
    const text = envValueChanges(before, after);
    expect(text).toBe('DB_PASSWORD: (changed), MODE: (unchanged), NEW: (added), OLD: (removed)');
  });

  it('cuts registered values (also JSON-escaped) and tokens out of any text; short values are left', () => {
    registerSecretValues(['pa"ss-word-1', 'ab', 'hunter2-s3cr3t']);
    expect(scrubSecrets('value: "hunter2-s3cr3t" and {"v":"pa\\"ss-word-1"} a b ab')).toBe('value: "[REDACTED]" and {"v":"[REDACTED]"} a b ab');
    expect(scrubSecrets('Authorization: Bearer ya29.abc-DEF')).not.toMatch(/ya29/);
  });

  it('the plan of an env var change holds no value: log, JSON output', () => {
    const secret = 'hunter2-s3cr3t';
    const current = {
      workload: {
        name: 'projects/my-proj/locations/us-central1/jobs/web',
        labels: { 'managed-by': 'cloud-run-cron' },
        template: { template: { containers: [{ image: DIGEST, env: [{ name: 'DB_PASSWORD', value: secret }] }] } },
      },
    };
    const p = plan(config({ env_vars: 'DB_PASSWORD=other-value', env_vars_update_strategy: 'overwrite' }), current);
    for (const text of [formatPlan(p.plan), planToJson(p.plan), JSON.stringify(p.plan)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain('other-value');
      expect(text).toContain('DB_PASSWORD: (changed)');
    }
    // The request body still carries the value to write.
    expect(JSON.stringify(p.workload.body)).toContain('other-value');
  });
});

describe('bad env_vars input', () => {
  it('names the entry that is not KEY=VALUE without echoing it: it may be a value', () => {
    let message = '';
    try {
      config({ env_vars: 'MODE=full\nhunter2-s3cr3t' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/env_vars.*entry 2 \(not shown: it may hold a value\) is not KEY=VALUE/);
    expect(message).not.toContain('hunter2');
  });
});

describe('open services', () => {
  const live = (over: Partial<RunService> = {}): RunService => ({
    name: 'projects/my-proj/locations/us-central1/services/web',
    uri: 'https://web-abc-uc.a.run.app',
    labels: { 'managed-by': 'cloud-run-cron', 'cloud-run-cron-workload': 'web' },
    template: { containers: [{ image: DIGEST }] },
    ...over,
  });

  it('warns about invokerIamDisabled unless allow_unauthenticated is true, and leaves it as it is', () => {
    const p = plan(config({ kind: 'service' }), { workload: live({ invokerIamDisabled: true }), policy: {} });
    expect(p.warnings).toEqual([expect.stringMatching(/invoker IAM check disabled.*--invoker-iam-check/)]);
    expect(p.workload.change.action).toBe('unchanged');
    expect(plan(config({ kind: 'service' }), { workload: live(), policy: {} }).warnings).toEqual([]);
    const publicOnPurpose = plan(config({ kind: 'service', allow_unauthenticated: 'true' }), {
      workload: live({ invokerIamDisabled: true }),
      policy: { bindings: [{ role: INVOKER_ROLE, members: ['allUsers'] }] },
    });
    expect(publicOnPurpose.warnings).toEqual([]);
  });

  it('warns when allow_unauthenticated makes a service public for the first time', () => {
    const first = plan(config({ kind: 'service', allow_unauthenticated: 'true' }), { workload: live(), policy: {} });
    expect(first.warnings).toEqual([expect.stringMatching(/makes the service web public/)]);
  });
});

describe('endpoint overrides', () => {
  const env = (url: string) => ({ CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN: url });

  it('must be https, unless the host is loopback', () => {
    expect(() => endpointFor('run', env('http://run.example.com/'))).toThrow(/CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN .*https:\/\//);
    expect(() => checkOverrides(env('http://10.0.0.1:8080'))).toThrow(/https/);
    expect(() => checkOverrides(env('ftp://127.0.0.1/'))).toThrow(/https/);
    expect(endpointFor('run', env('https://proxy.example.com/run'))).toBe('https://proxy.example.com/run/');
    for (const host of ['127.0.0.1:8123', 'localhost:1', '[::1]:9', '127.1.2.3']) {
      expect(endpointFor('run', env(`http://${host}/`))).toBe(`http://${host}/`);
    }
  });

  it('names each active override, variable and host, in one warning', () => {
    expect(overrideWarning({})).toBeUndefined();
    const warning = overrideWarning({ CLOUDSDK_API_ENDPOINT_OVERRIDES_STS: 'http://127.0.0.1:1/', CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN: 'https://proxy.example.com/run' });
    expect(warning).toContain('CLOUDSDK_API_ENDPOINT_OVERRIDES_STS sends sts requests to 127.0.0.1:1 (not sts.googleapis.com)');
    expect(warning).toContain('CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN sends run requests to proxy.example.com (not run.googleapis.com)');
    expect(warning).not.toContain('CLOUDSCHEDULER');
  });
});

describe(':run is sent again only when Google turned it away', () => {
  it('429 / RESOURCE_EXHAUSTED only; 503 and a dropped connection are retryable reads but not a second :run', () => {
    expect(isQuotaError({ code: 429 })).toBe(true);
    expect(isQuotaError({ code: 8 })).toBe(true);
    for (const err of [{ code: 503 }, { code: 14 }, { code: 'ECONNRESET' }, { code: 500 }]) {
      expect(isQuotaError(err)).toBe(false);
      expect(isRetryable(err)).toBe(true);
    }
  });
});
