// The rules for text nobody trusts, one function at a time: which variables a manifest may read,
// which label and annotation keys spec may use, how a value reads in Markdown, and what of a
// trigger body the plan may show.
import { bodyWithoutValues, HIDDEN_VALUE, overrideEnvValues } from '../../src/config/run-job-body.js';
import { deniedVariable, expandVariables } from '../../src/fleet/manifest.js';
import { resourceNames } from '../../src/pipeline/names.js';
import { planScheduler } from '../../src/plan/planner.js';
import { formatPlan, planToJson } from '../../src/report/plan-text.js';
import { markdownText } from '../../src/report/summary.js';
import { parse, SCHEDULED } from './config-helpers.js';
import { isMetadataKey } from '../../src/run/spec.js';

describe('deniedVariable: what a manifest may never read', () => {
  test.each(['ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_RUNTIME_TOKEN', 'INPUT_GITHUB_TOKEN', 'INPUT_SERVICE_ACCOUNT', 'RUNNER_TEMP', 'GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_EVENT_PATH', 'GITHUB_API_URL', 'CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN', 'GOOGLE_APPLICATION_CREDENTIALS', 'GCLOUD_PROJECT', 'NODE_OPTIONS', 'https_proxy', 'actions_runtime_token'])('%s is refused', (name) => {
    expect(deniedVariable(name)).toBeDefined();
  });

  test.each(['GITHUB_SHA', 'GITHUB_REF_NAME', 'GITHUB_REPOSITORY', 'GITHUB_RUN_ID', 'IMAGE_TAG', 'MODE', 'REPORT_IMAGE'])('%s may be read', (name) => {
    expect(deniedVariable(name)).toBeUndefined();
  });

  test('expandVariables names each refused variable with its path and workload, and expands the rest', () => {
    const problems: string[] = [];
    const out = expandVariables({ workloads: [{ name: 'a', args: ['${ACTIONS_ID_TOKEN_REQUEST_TOKEN}', '${GITHUB_SHA}'] }] }, { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'tok', GITHUB_SHA: 'abc' }, problems);
    expect(out).toEqual({ workloads: [{ name: 'a', args: ['', 'abc'] }] });
    expect(problems).toEqual([expect.stringMatching(/^workloads\[0\]\.args\[0\]: \$\{ACTIONS_ID_TOKEN_REQUEST_TOKEN\} \(workload a\): ACTIONS_ID_TOKEN_REQUEST_TOKEN is .*a manifest may not read it/)]);
  });

  test('vars: only the listed variables expand; the list itself is not expanded', () => {
    const problems: string[] = [];
    const out = expandVariables({ vars: ['A', '${B}'], workloads: [{ name: 'w', args: ['${A}', '${B}'] }] }, { A: '1', B: '2' }, problems);
    expect(out).toEqual({ vars: ['A', '${B}'], workloads: [{ name: 'w', args: ['1', ''] }] });
    expect(problems).toEqual(["workloads[0].args[1]: ${B} (workload w): B is not in the manifest's vars: list it there to read it."]);
  });
});

describe("isMetadataKey: Kubernetes' rules for label and annotation keys", () => {
  test.each(['team', 'app.kubernetes.io/name', 'run.googleapis.com/launch-stage', 'a', 'A_b.c-9', 'example.com/x'])('%j is a key', (key) => {
    expect(isMetadataKey(key)).toBe(true);
  });
  test.each(['', 'a\n::warning::x', '-a', 'a-', 'a b', `${'a'.repeat(64)}`, 'Example.com/x', 'a/b/c', '/x', 'x/', `${'a'.repeat(254)}/x`, 'ok\r::set-output name=x::y'])('%j is not', (key) => {
    expect(isMetadataKey(key)).toBe(false);
  });
});

describe('markdownText: a value reads as itself in the summary and the comment', () => {
  test.each([
    ['**bold** _it_ `code` ~~gone~~', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~'],
    ['[link](https://evil.example) ![img](x)', '\\[link\\](https://evil.example) !\\[img\\](x)'],
    ['<img src=x onerror=alert(1)> a|b', '\\<img src=x onerror=alert(1)\\> a\\|b'],
    ['ping @octocat and @acme/team', 'ping @\u200boctocat and @\u200bacme/team'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['line one\nline two', 'line one line two'],
    ['&#64;octocat', '\\&#64;octocat'],
  ])('%j', (text, md) => {
    expect(markdownText(text)).toBe(md);
  });

  test('ordinary text is left alone: snake_case, emails, paths, durations', () => {
    const text = 'allow_unauthenticated is false; sa@acme.iam.gserviceaccount.com runs projects/p/jobs/x in 1m30s (3 tasks).';
    expect(markdownText(text)).toBe(text);
  });
});

describe('a trigger body with override env values', () => {
  const body = JSON.stringify({ overrides: { containerOverrides: [{ args: ['--full'], env: [{ name: 'API_KEY', value: 'k3y-value' }, { name: 'EMPTY' }] }], taskCount: 2 } });

  test('overrideEnvValues lists the values', () => {
    expect(overrideEnvValues(body)).toEqual(['k3y-value']);
    expect(overrideEnvValues('not json')).toEqual([]);
  });

  test('bodyWithoutValues hides each value and keeps the rest', () => {
    expect(bodyWithoutValues(body)).toEqual({ overrides: { containerOverrides: [{ args: ['--full'], env: [{ name: 'API_KEY', value: HIDDEN_VALUE }, { name: 'EMPTY' }] }], taskCount: 2 } });
    expect(bodyWithoutValues(JSON.stringify({ overrides: { taskCount: 2 } }))).toBeUndefined();
    expect(bodyWithoutValues('{"hello": "service body"}')).toBeUndefined();
  });
});

test("the planner shows a trigger's override body decoded, each value hidden; a changed value is still a change", () => {
  const body = (value: string) => JSON.stringify({ overrides: { containerOverrides: [{ env: [{ name: 'API_KEY', value }] }] } });
  const config = parse({ ...SCHEDULED, runtime_service_account: 'default', body: body('k3y-value-one') });
  const names = resourceNames(config, 'my-proj');
  const created = planScheduler(config, names, undefined, undefined)!;
  // What is written carries the value; what is shown does not.
  expect(Buffer.from(String(created.body.httpTarget?.body), 'base64').toString()).toContain('k3y-value-one');
  const shown = [formatPlan([created.change]), planToJson([created.change])].join('\n');
  expect(shown).not.toContain('k3y-value-one');
  expect(shown).not.toContain(String(created.body.httpTarget?.body));
  expect(shown).toContain(HIDDEN_VALUE);

  const changed = planScheduler(parse({ ...SCHEDULED, runtime_service_account: 'default', body: body('k3y-value-two') }), names, created.body, undefined)!;
  expect(changed.change.action).toBe('update');
  expect(changed.change.fields.map((f) => f.field)).toEqual(['target']);
  expect(JSON.stringify(changed.change)).not.toMatch(/k3y-value/);
});
