// Cloud Monitoring v3 on the local Google Cloud: alert policies and notification channels,
// validated as alert.proto / alert_service.proto / notification_service.proto describe (FACTS.md).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeGcp, type FakeGcp } from '../../fake/server.ts';
import { rest, tokenOf, wifClient } from './helpers.ts';

let fake: FakeGcp;
let token: string;
const P = '/v3/projects/demo-project';
const JOB_FAILED = 'metric.type = "run.googleapis.com/job/completed_execution_count" AND resource.type = "cloud_run_job" AND resource.labels.job_name = "nightly" AND metric.labels.result = "failed"';
const JOB_SUCCEEDED = JOB_FAILED.replace('"failed"', '"succeeded"');

const threshold = { displayName: 'failed', conditionThreshold: { filter: JOB_FAILED, comparison: 'COMPARISON_GT', thresholdValue: 0, duration: '0s' } };
const absent = (duration: string) => ({ displayName: 'missed', conditionAbsent: { filter: JOB_SUCCEEDED, duration } });
const logMatch = { displayName: 'trigger failed', conditionMatchedLog: { filter: 'resource.type="cloud_scheduler_job" AND severity>=ERROR' } };

beforeAll(async () => {
  fake = await startFakeGcp();
  token = await tokenOf(wifClient(fake));
});
afterAll(async () => {
  await fake.close();
});

const create = (body: unknown) => rest(fake, token, 'POST', `${P}/alertPolicies`, body);

describe('alert policies', () => {
  test('create names the policy and its conditions, defaults enabled, records who made it; get returns it', async () => {
    const r = await create({ displayName: 'nightly', combiner: 'OR', conditions: [threshold, absent('3600s')], userLabels: { 'managed-by': 'cloud-run-cron' } });
    expect(r.status).toBe(200);
    expect(r.json.name).toMatch(/^projects\/demo-project\/alertPolicies\/\d+$/);
    expect(r.json.conditions.map((c: any) => c.name)).toEqual([expect.stringMatching(new RegExp(`^${r.json.name}/conditions/\\d+$`)), expect.stringMatching(/conditions/)]);
    expect(r.json.enabled).toBe(true);
    expect(r.json.creationRecord.mutatedBy).toBe(fake.world.deployer);
    const g = await rest(fake, token, 'GET', `/v3/${r.json.name}`);
    expect(g.json).toEqual(r.json);
  });

  test.each([
    ['no condition', { displayName: 'x', conditions: [] }, /one to six conditions/],
    ['seven conditions', { displayName: 'x', combiner: 'OR', conditions: Array(7).fill(threshold) }, /one to six/],
    ['a condition of no kind', { displayName: 'x', conditions: [{ displayName: 'c' }] }, /condition_case had an invalid value/],
    ['two conditions without a combiner', { displayName: 'x', conditions: [threshold, absent('3600s')] }, /combiner/],
    ['an absence window under 120 s', { displayName: 'x', conditions: [absent('60s')] }, /at least 120 seconds/],
    ['an absence window over 23.5 h', { displayName: 'x', conditions: [absent('84660s')] }, /at most 23 hours 30 minutes/],
    ['an absence window of no whole minutes', { displayName: 'x', conditions: [absent('150s')] }, /multiple of 60/],
    ['a threshold with GE', { displayName: 'x', conditions: [{ conditionThreshold: { ...threshold.conditionThreshold, comparison: 'COMPARISON_GE' } }] }, /COMPARISON_LT and COMPARISON_GT/],
    ['a filter without metric.type', { displayName: 'x', conditions: [{ conditionAbsent: { filter: 'resource.type = "cloud_run_job"', duration: '300s' } }] }, /metric type/],
    ['a filter without resource.type', { displayName: 'x', conditions: [{ conditionAbsent: { filter: 'metric.type = "a/b"', duration: '300s' } }] }, /resource type/],
    ['an unbalanced filter', { displayName: 'x', conditions: [{ conditionAbsent: { filter: 'metric.type = "a/b', duration: '300s' } }] }, /unbalanced/],
    ['a log match without a rate limit', { displayName: 'x', conditions: [logMatch] }, /notification rate limit is required/],
    ['a log match with another condition', { displayName: 'x', combiner: 'OR', conditions: [logMatch, threshold], alertStrategy: { notificationRateLimit: { period: '300s' } } }, /only have a single condition/],
    ['a user label with an upper-case value', { displayName: 'x', conditions: [threshold], userLabels: { repo: 'Acme' } }, /User label value/],
    ['four documentation links', { displayName: 'x', conditions: [threshold], documentation: { content: 'x', mimeType: 'text/markdown', links: Array(4).fill({ displayName: 'l', url: 'https://x' }) } }, /At most 3 links/],
    ['documentation that is not markdown', { displayName: 'x', conditions: [threshold], documentation: { content: 'x', mimeType: 'text/html' } }, /text\/markdown/],
    ['a channel that does not exist', { displayName: 'x', conditions: [threshold], notificationChannels: ['projects/demo-project/notificationChannels/1'] }, /does not exist/],
    ['an unknown field', { displayName: 'x', conditions: [threshold], owner: 'me' }, /Unknown name "owner"/],
    ['a PromQL evaluation interval of 45 s', { displayName: 'x', conditions: [{ conditionPrometheusQueryLanguage: { query: 'up == 0', evaluationInterval: '45s' } }] }, /multiple of 30 seconds/],
  ])('%s is a 400 INVALID_ARGUMENT', async (_, body, message) => {
    const r = await create(body);
    expect(r.status).toBe(400);
    expect(r.json.error.status).toBe('INVALID_ARGUMENT');
    expect(r.json.error.message).toMatch(message);
  });

  test('a log match alone with a rate limit, and an absence of exactly 23.5 h, are accepted', async () => {
    expect((await create({ displayName: 'x', combiner: 'OR', conditions: [logMatch], alertStrategy: { notificationRateLimit: { period: '3600s' } } })).status).toBe(200);
    expect((await create({ displayName: 'x', conditions: [absent('84600s')] })).status).toBe(200);
  });

  test('a PromQL condition next to another: refused under promqlMixed=refused, accepted under allowed; alone always', async () => {
    const promql = { displayName: 'missed', conditionPrometheusQueryLanguage: { query: 'absent_over_time(x[90000s])', evaluationInterval: '300s' } };
    expect((await create({ displayName: 'x', conditions: [promql] })).status).toBe(200);
    const refused = await create({ displayName: 'x', combiner: 'OR', conditions: [promql, threshold] });
    expect([refused.status, refused.json.error.message]).toEqual([400, 'A PromQL condition must be the only condition of its policy.']);
    fake.setVariants({ promqlMixed: 'allowed' });
    try {
      expect((await create({ displayName: 'x', combiner: 'OR', conditions: [promql, threshold] })).status).toBe(200);
    } finally {
      fake.setVariants({ promqlMixed: 'refused' });
    }
  });

  test('patch with updateMask changes only the masked fields, keeps named conditions and the id; without a mask it replaces', async () => {
    const r = await create({ displayName: 'patchme', combiner: 'OR', conditions: [threshold, absent('3600s')], userLabels: { team: 'a' } });
    const [c0, c1] = r.json.conditions;
    const p = await rest(fake, token, 'PATCH', `/v3/${r.json.name}?updateMask=conditions,user_labels`, {
      displayName: 'ignored', conditions: [c0, { ...c1, conditionAbsent: { ...c1.conditionAbsent, duration: '7200s' } }], userLabels: { team: 'b' },
    });
    expect(p.status).toBe(200);
    expect(p.json.displayName).toBe('patchme');
    expect(p.json.userLabels).toEqual({ team: 'b' });
    expect(p.json.conditions.map((c: any) => c.name)).toEqual([c0.name, c1.name]);
    expect(p.json.conditions[1].conditionAbsent.duration).toBe('7200s');
    expect(p.json.mutationRecord.mutateTime >= r.json.creationRecord.mutateTime).toBe(true);
    // A patch that would make the policy invalid is refused, and nothing changes.
    const bad = await rest(fake, token, 'PATCH', `/v3/${r.json.name}?updateMask=combiner`, {});
    expect(bad.status).toBe(400);
    expect((await rest(fake, token, 'GET', `/v3/${r.json.name}`)).json.combiner).toBe('OR');
    const mask = await rest(fake, token, 'PATCH', `/v3/${r.json.name}?updateMask=name`, {});
    expect(mask.json.error.message).toMatch(/Invalid update_mask path: name/);
    const replaced = await rest(fake, token, 'PATCH', `/v3/${r.json.name}`, { displayName: 'new', conditions: [threshold] });
    expect(replaced.json.name).toBe(r.json.name);
    expect(replaced.json.userLabels).toBeUndefined();
    expect(replaced.json.conditions).toHaveLength(1);
    expect(replaced.json.conditions[0].name).not.toBe(c0.name);
  });

  test('list filters by user label and display name, pages with nextPageToken, and delete removes', async () => {
    for (const w of ['a', 'b', 'c']) await create({ displayName: `listed-${w}`, conditions: [threshold], userLabels: { 'cloud-run-cron-workload': `w-${w}`, 'managed-by': 'cloud-run-cron' } });
    const filter = encodeURIComponent('user_labels."managed-by" = "cloud-run-cron"');
    const all = await rest(fake, token, 'GET', `${P}/alertPolicies?filter=${filter}`);
    expect(all.json.alertPolicies.length).toBeGreaterThanOrEqual(3);
    const one = await rest(fake, token, 'GET', `${P}/alertPolicies?filter=${encodeURIComponent('user_labels.cloud-run-cron-workload = "w-b" AND display_name = "listed-b"')}`);
    expect(one.json.alertPolicies.map((p: any) => p.displayName)).toEqual(['listed-b']);
    const seen: string[] = [];
    let pageToken = '';
    do {
      const r = await rest(fake, token, 'GET', `${P}/alertPolicies?pageSize=2&filter=${filter}${pageToken ? `&pageToken=${pageToken}` : ''}`);
      expect(r.json.alertPolicies.length).toBeLessThanOrEqual(2);
      seen.push(...r.json.alertPolicies.map((p: any) => p.name));
      pageToken = r.json.nextPageToken ?? '';
    } while (pageToken);
    expect(seen).toEqual(all.json.alertPolicies.map((p: any) => p.name));
    expect((await rest(fake, token, 'GET', `${P}/alertPolicies?filter=${encodeURIComponent('user_labels.x ~ "y"')}`)).status).toBe(400);
    const name = one.json.alertPolicies[0].name;
    expect((await rest(fake, token, 'DELETE', `/v3/${name}`)).json).toEqual({});
    expect((await rest(fake, token, 'GET', `/v3/${name}`)).status).toBe(404);
    expect((await rest(fake, token, 'DELETE', `/v3/${name}`)).status).toBe(404);
  });

  test('every method checks its monitoring.alertPolicies permission', async () => {
    fake.revoke('projects/demo-project', `serviceAccount:${fake.world.deployer}`, 'roles/monitoring.alertPolicyEditor');
    try {
      const r = await create({ displayName: 'x', conditions: [threshold] });
      expect(r.status).toBe(403);
      expect(r.json.error.details[0].metadata.permission).toBe('monitoring.alertPolicies.create');
      expect((await rest(fake, token, 'GET', `${P}/alertPolicies`)).json.error.details[0].metadata.permission).toBe('monitoring.alertPolicies.list');
    } finally {
      fake.grant('projects/demo-project', `serviceAccount:${fake.world.deployer}`, 'roles/monitoring.alertPolicyEditor');
    }
  });
});

describe('notification channels', () => {
  test('an email channel: create, find by filter, patch, and delete refused while a policy uses it unless forced', async () => {
    const c = await rest(fake, token, 'POST', `${P}/notificationChannels`, { type: 'email', displayName: 'Ops', labels: { email_address: 'ops@example.com' }, userLabels: { 'managed-by': 'cloud-run-cron' } });
    expect(c.status).toBe(200);
    expect(c.json.name).toMatch(/^projects\/demo-project\/notificationChannels\/\d+$/);
    expect(c.json.enabled).toBe(true);
    const found = await rest(fake, token, 'GET', `${P}/notificationChannels?filter=${encodeURIComponent('type = "email" AND labels.email_address = "ops@example.com"')}`);
    expect(found.json.notificationChannels.map((x: any) => x.name)).toEqual([c.json.name]);
    const p = await rest(fake, token, 'PATCH', `/v3/${c.json.name}?updateMask=display_name`, { displayName: 'Ops team' });
    expect(p.json.displayName).toBe('Ops team');
    expect(p.json.labels).toEqual({ email_address: 'ops@example.com' });
    const policy = await create({ displayName: 'uses', conditions: [threshold], notificationChannels: [c.json.name] });
    expect(policy.status).toBe(200);
    const refused = await rest(fake, token, 'DELETE', `/v3/${c.json.name}`);
    expect(refused.status).toBe(400);
    expect(refused.json.error.status).toBe('FAILED_PRECONDITION');
    expect((await rest(fake, token, 'DELETE', `/v3/${c.json.name}?force=true`)).status).toBe(200);
    expect((await rest(fake, token, 'GET', `/v3/${policy.json.name}`)).json.notificationChannels).toEqual([]);
  });

  test.each([
    ['no type', { labels: { email_address: 'a@b.c' } }, /type is required/],
    ['an unknown type', { type: 'pigeon' }, /Unknown notification channel type/],
    ['email without an address', { type: 'email' }, /email_address" is required/],
    ['email with a bad address', { type: 'email', labels: { email_address: 'nobody' } }, /not a valid email/],
    ['a label the type does not define', { type: 'email', labels: { email_address: 'a@b.c', url: 'x' } }, /not defined/],
  ])('%s is a 400', async (_, body, message) => {
    const r = await rest(fake, token, 'POST', `${P}/notificationChannels`, body);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(message);
  });
});
