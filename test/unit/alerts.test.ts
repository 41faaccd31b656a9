// Alerting's pure parts: the longest gap of a workload's schedules (DST included, three zones on
// both hemispheres), the alerting inputs, the desired policies and the plan against what exists.
import { describe, expect, it } from '@jest/globals';
import { longestGapSeconds } from '../../src/config/cron-core.js';
import { desiredAlerting, missedWindow } from '../../src/alerts/desired.js';
import { planAlerts, type AlertPolicy, type AlertState } from '../../src/alerts/plan.js';
import { policyOwnerLabels } from '../../src/alerts/owner.js';
import { policyDeletions } from '../../src/alerts/alerting.js';
import { planPrune } from '../../src/fleet/prune.js';
import { toDescription, toLabels } from '../../src/ownership/record.js';
import type { Config } from '../../src/config/types.js';
import { errorsOf, parse, SCHEDULED } from './config-helpers.js';

const H = 3600;
const FROM = new Date('2026-01-05T00:00:00Z');
const gap = (cron: string, timeZone: string, more: { cron: string; timeZone: string }[] = []) => longestGapSeconds([{ cron, timeZone }, ...more], FROM);

describe('the longest gap between runs', () => {
  it('a daily run is 24 h in UTC, and 25 h in a zone whose clocks go back (New York, Berlin, Sydney)', () => {
    expect(gap('0 3 * * *', 'Etc/UTC')).toBe(24 * H);
    // America/New_York falls back on 1 Nov 2026, Europe/Berlin on 25 Oct 2026, Australia/Sydney on 5 Apr 2026.
    expect(gap('0 9 * * *', 'America/New_York')).toBe(25 * H);
    expect(gap('0 9 * * *', 'Europe/Berlin')).toBe(25 * H);
    expect(gap('0 9 * * *', 'Australia/Sydney')).toBe(25 * H);
  });

  it('a run in the hour the clocks skip runs when they jump (23.5 h), and is 25 h across the change back', () => {
    // 02:30 does not exist on 8 Mar 2026 in New York: it runs at 03:00 EDT; on 1 Nov it is 25 h after the day before.
    expect(gap('30 2 * * *', 'America/New_York')).toBe(25 * H);
  });

  it('every 6 hours: 7 h across the change back (Berlin, Sydney), 6 h in UTC', () => {
    expect(gap('0 */6 * * *', 'Europe/Berlin')).toBe(7 * H);
    expect(gap('0 */6 * * *', 'Australia/Sydney')).toBe(7 * H);
    expect(gap('0 */6 * * *', 'Etc/UTC')).toBe(6 * H);
  });

  it('weekly, monthly on the 31st, and the union of two schedules', () => {
    expect(gap('0 4 * * MON', 'Etc/UTC')).toBe(168 * H);
    expect(gap('0 4 * * MON', 'Europe/Berlin')).toBe(169 * H);
    // 31 May -> 31 Jul, 31 Aug -> 31 Oct, 31 Oct -> 31 Dec: 61 days.
    expect(gap('0 0 31 * *', 'Etc/UTC')).toBe(61 * 24 * H);
    expect(gap('0 3 * * *', 'Etc/UTC', [{ cron: '0 15 * * *', timeZone: 'Etc/UTC' }])).toBe(12 * H);
    // A trigger in Berlin and one in New York, both daily at 09:00 local: 6 h and 18 h apart (5 h / 19 h when only one zone has changed).
    expect(gap('0 9 * * *', 'Europe/Berlin', [{ cron: '0 9 * * *', timeZone: 'America/New_York' }])).toBe(19 * H);
  });

  it('once a year is 365 or 366 days; no schedule is Infinity', () => {
    expect(gap('0 0 1 1 *', 'Etc/UTC')).toBe(366 * 24 * H);
    expect(longestGapSeconds([], FROM)).toBe(Infinity);
  });
});

const job = (extra: Record<string, string> = {}): Config => parse({ ...SCHEDULED, alert_channels: 'email:ops@example.com', ...extra });

describe('alerting inputs', () => {
  it('empty: no alerting; channels: both conditions by default; names and emails, deduplicated, lower-cased', () => {
    expect(parse(SCHEDULED).alerts).toBeUndefined();
    const c = job({ alert_channels: 'email:Ops@Example.com, projects/p/notificationChannels/123\nemail:ops@example.com' });
    expect(c.alerts).toEqual({ channels: { names: ['projects/p/notificationChannels/123'], emails: ['ops@example.com'] }, conditions: ['failure', 'missed'], explicit: false, missedGraceSeconds: undefined });
    expect(job({ alerts: 'missed, failure', missed_grace: '15m' }).alerts).toMatchObject({ conditions: ['failure', 'missed'], explicit: true, missedGraceSeconds: 900 });
    expect(job({ alert_channels: '', alerts: 'none' }).alerts?.conditions).toBe('none');
  });

  it('bad values name the input and what is allowed', () => {
    const e = errorsOf({ ...SCHEDULED, alert_channels: 'ops@example.com,projects/p/channels/1', alerts: 'failure,late', missed_grace: '13h' });
    expect(e.errors.map((x) => x.input)).toEqual(['alert_channels', 'alert_channels', 'alerts', 'missed_grace']);
    expect(e.message).toContain(`Input 'alert_channels': "ops@example.com" is not allowed: use Cloud Monitoring notification channel names (projects/PROJECT/notificationChannels/ID) or email:ADDRESS`);
    expect(e.message).toContain(`Input 'alerts': "failure,late" is not allowed: use failure,missed, failure, missed or none`);
    expect(e.message).toContain(`Input 'missed_grace': "13h" is not allowed: use a duration from 0s to 12h`);
    expect(errorsOf({ ...SCHEDULED, alert_channels: 'email:a@b.co', alerts: 'none' }).message).toContain(`Input 'alerts': none removes the alert policies, and alert_channels is set`);
  });
});

describe('the desired policies', () => {
  const labels = (c: Config) => policyOwnerLabels(c);
  it('a job every 15 minutes: run policy with a failure threshold and a metric-absence window of gap + task timeout + 10 m; a trigger log match with a rate limit', () => {
    const c = job({ schedule: '*/15 * * * *', task_timeout: '5m' });
    const d = desiredAlerting(c, 'my-proj', labels(c), { from: FROM, repository: 'acme/app' });
    expect(d.policies.map((p) => p.role)).toEqual(['run', 'trigger']);
    const [run, trigger] = d.policies;
    expect(run!.body.conditions.map((x) => Object.keys(x)[1])).toEqual(['conditionThreshold', 'conditionAbsent']);
    expect((run!.body.conditions[1]!.conditionAbsent as { duration: string }).duration).toBe(`${(15 + 5 + 10) * 60}s`);
    expect(run!.body.userLabels).toEqual({ 'managed-by': 'cloud-run-cron', 'cloud-run-cron-workload': 'nightly', 'cloud-run-cron-scheduler': 'europe-west1', 'alert-role': 'run' });
    expect(run!.body.documentation.links?.map((l) => l.displayName)).toEqual(['executions', 'logs', 'repository']);
    expect(trigger!.body.alertStrategy).toEqual({ notificationRateLimit: { period: '3600s' } });
    expect(trigger!.body.conditions).toHaveLength(1);
  });

  it('a paused schedule has no missed-run condition; alerts: failure has none either; none wants nothing', () => {
    const paused = job({ paused: 'true' });
    expect(missedWindow(paused, FROM)).toEqual({ note: 'no missed-run condition: the schedule is paused' });
    expect(desiredAlerting(paused, 'p', {}, { from: FROM }).notes).toEqual(['no missed-run condition: the schedule is paused']);
    expect(desiredAlerting(job({ alerts: 'failure' }), 'p', {}, { from: FROM }).policies.map((p) => p.watches)).toEqual([['failure'], ['trigger']]);
    expect(desiredAlerting(job({ alert_channels: '', alerts: 'none' }), 'p', {}, { from: FROM }).policies).toEqual([]);
  });

  it('a window over 23.5 h is a PromQL condition in its own policy; a service has no metric failure condition', () => {
    const d = desiredAlerting(job(), 'p', {}, { from: FROM });
    expect(d.policies.map((p) => p.role)).toEqual(['run', 'missed', 'trigger']);
    expect(d.missedByPromql).toBe(true);
    const svc = parse({ ...SCHEDULED, kind: 'service', schedule: '*/30 * * * *', alert_channels: 'email:a@b.co' });
    const s = desiredAlerting(svc, 'p', {}, { from: FROM });
    expect(s.policies.map((p) => [p.role, p.watches])).toEqual([['run', ['missed']], ['trigger', ['trigger']]]);
  });
});

describe('the alerting plan', () => {
  const c = job({ schedule: '*/15 * * * *' });
  const desired = desiredAlerting(c, 'my-proj', policyOwnerLabels(c), { from: FROM });
  const state = (policies: AlertState['policies'] = {}, channels: AlertState['channels'] = []): AlertState => ({ policies, channels, projectPolicies: Object.values(policies) as AlertPolicy[] });
  /** What Google answers for what was sent: named, proto3 defaults (0, '0s', false) left out. */
  const live = (role: 'run' | 'trigger', channels: string[]): AlertPolicy => {
    const body = JSON.parse(JSON.stringify(desired.policies.find((p) => p.role === role)!.body, (_k, v) => (v === 0 || v === '0s' ? undefined : v)));
    return { ...body, name: `projects/my-proj/alertPolicies/${role === 'run' ? 1 : 2}`, notificationChannels: channels, conditions: body.conditions.map((x: object, i: number) => ({ ...x, name: `projects/my-proj/alertPolicies/1/conditions/${i}` })) };
  };
  const ops = { name: 'projects/my-proj/notificationChannels/9', type: 'email', labels: { email_address: 'ops@example.com' } };
  const plan = (config: Config, s: AlertState) =>
    planAlerts({ alerts: config.alerts!, desired: desiredAlerting(config, 'my-proj', policyOwnerLabels(config), { from: FROM }), state: s, projectId: 'my-proj', workload: 'nightly', channelLabels: { 'managed-by': 'cloud-run-cron' } });

  it('nothing there: an email channel to create, and two policies that use it', () => {
    const p = plan(c, state());
    expect(p.channels.map((x) => x.change.action)).toEqual(['create']);
    expect(p.policies.map((x) => [x.role, x.change.action, x.channels])).toEqual([['run', 'create', ['email:ops@example.com']], ['trigger', 'create', ['email:ops@example.com']]]);
  });

  it('everything as Google answers it (defaults left out, names assigned): unchanged, no channel, no write', () => {
    const p = plan(c, state({ run: live('run', [ops.name]), trigger: live('trigger', [ops.name]) }, [ops]));
    expect(p.channels).toEqual([]);
    expect(p.policies.map((x) => [x.change.action, x.body])).toEqual([['unchanged', undefined], ['unchanged', undefined]]);
  });

  it('empty alert_channels keeps the channels in place; none given and none in place creates nothing, and says so', () => {
    const keep = parse({ ...SCHEDULED, schedule: '*/15 * * * *', alerts: 'failure,missed' });
    const p = plan(keep, state({ run: live('run', [ops.name]), trigger: live('trigger', [ops.name]) }, [ops]));
    expect(p.policies.map((x) => x.change.action)).toEqual(['unchanged', 'unchanged']);
    const none = plan(keep, state());
    expect(none.policies).toEqual([]);
    expect(none.notes).toContain('no run alert policy is created: alert_channels is empty, and alerting needs a notification channel');
  });

  it('a changed schedule updates the conditions only, keeping the condition IDs', () => {
    const hourly = job({ schedule: '0 * * * *' });
    const p = plan(hourly, state({ run: live('run', [ops.name]), trigger: live('trigger', [ops.name]) }, [ops]));
    const run = p.policies.find((x) => x.role === 'run')!;
    expect(run.change.action).toBe('update');
    expect(run.updateMask).toEqual(['documentation', 'conditions']);
    expect((run.body!.conditions as { name?: string }[]).map((x) => x.name)).toEqual(['projects/my-proj/alertPolicies/1/conditions/0', 'projects/my-proj/alertPolicies/1/conditions/1']);
    expect(run.change.fields.find((f) => f.field === 'conditions')).toEqual({ field: 'conditions', before: ['failed execution', 'no successful run in 35m'], after: ['failed execution', 'no successful run in 1h20m'] });
  });

  it('alerts: none deletes every policy of the workload', () => {
    const p = plan(job({ alert_channels: '', alerts: 'none' }), state({ run: live('run', [ops.name]), trigger: live('trigger', [ops.name]) }, [ops]));
    expect(p.policies.map((x) => [x.change.action, x.change.resource, x.change.reason])).toEqual([
      ['delete', 'projects/my-proj/alertPolicies/1', 'alerts: none'],
      ['delete', 'projects/my-proj/alertPolicies/2', 'alerts: none'],
    ]);
  });
});

describe('prune and state: absent take the policies with them', () => {
  const P = 'projects/p/locations/europe-west1';
  const owner = { fleet: 'reports', repositoryId: '7' };
  const record = (workload: string, repositoryId = '7') => toLabels({ fleet: 'reports', repositoryId, workload, schedulerRegions: ['europe-west1'] });
  const policy = (id: number, labels: Record<string, string>): AlertPolicy => ({ name: `projects/p/alertPolicies/${id}`, userLabels: { ...labels, 'alert-role': 'run' } });
  const declared = { resources: new Set([`${P}/jobs/kept`]), schedulerJobs: new Set<string>(), workloads: [{ kind: 'job' as const, name: 'kept', region: 'europe-west1', projects: ['p'] }] };

  it("prune deletes the policies of an undeclared workload with this fleet's exact record, after its trigger and before it", () => {
    const { deletions } = planPrune(owner, ['p'], {
      workloads: [{ type: 'run-job', resource: `${P}/jobs/gone`, labels: record('gone'), urls: [] }],
      schedulerJobs: [{ name: `${P}/jobs/gone-schedule`, description: toDescription({ fleet: 'reports', repositoryId: '7', workload: 'gone' }, 't'), httpTarget: { uri: 'https://europe-west1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/gone:run' } }],
      alertPolicies: [
        policy(1, record('gone')),
        policy(2, record('kept')),
        policy(3, record('gone', '8')),
        policy(4, { 'managed-by': 'cloud-run-cron', 'cloud-run-cron-workload': 'gone' }),
        policy(5, {}),
        // A workload deleted by hand earlier: its policy still carries the record.
        policy(6, record('vanished')),
      ],
    }, declared);
    expect(deletions.map((c) => [c.type, c.resource])).toEqual([
      ['scheduler-job', `${P}/jobs/gone-schedule`],
      ['alert-policy', 'projects/p/alertPolicies/1'],
      ['alert-policy', 'projects/p/alertPolicies/6'],
      ['run-job', `${P}/jobs/gone`],
    ]);
  });

  it('a workload prune must leave (a foreign trigger fires at it) keeps its policies', () => {
    const { deletions } = planPrune(owner, ['p'], {
      workloads: [{ type: 'run-job', resource: `${P}/jobs/gone`, labels: record('gone'), urls: [] }],
      schedulerJobs: [{ name: `${P}/jobs/by-hand`, description: 'made by hand', httpTarget: { uri: 'https://europe-west1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/gone:run' } }],
      alertPolicies: [policy(1, record('gone'))],
    }, declared);
    expect(deletions).toEqual([]);
  });

  it('state: absent: only the exact record of this run and workload', () => {
    const here = { fleet: 'reports', repositoryId: '7', workload: 'gone' };
    expect(policyDeletions([policy(1, record('gone')), policy(2, record('gone', '8')), policy(3, record('kept'))], here, 'r').map((d) => d.resource)).toEqual(['projects/p/alertPolicies/1']);
    expect(policyDeletions(undefined, here, 'r')).toEqual([]);
  });
});
