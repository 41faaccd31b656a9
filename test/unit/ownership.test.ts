// The owner record (src/ownership): its wire forms read back as written, the exact-match
// classification every deletion and takeover goes through, the trigger-target check, and the
// rule that no other module knows the label keys or the description's first line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { classify, mayDelete, takeover } from '../../src/ownership/classify.js';
import { fromDescription, fromLabels, grantsOf, recordOf, reservedLabel, toDescription, toLabels, withGrants, withRecordLabels } from '../../src/ownership/record.js';
import { targetsWorkload } from '../../src/ownership/targets.js';
import { parse, SCHEDULED } from './config-helpers.js';

const here = { fleet: 'reports', repositoryId: '2000002', workload: 'nightly' };

describe('the owner record on the wire', () => {
  it('labels: written and read back; one label per part, regions joined', () => {
    const record = { fleet: 'reports', repositoryId: '2000002', workload: 'nightly', schedulerRegions: ['europe-west1', 'us-central1'] };
    expect(toLabels(record)).toEqual({
      'managed-by': 'cloud-run-cron',
      'cloud-run-cron-fleet': 'reports',
      'cloud-run-cron-repo': '2000002',
      'cloud-run-cron-workload': 'nightly',
      'cloud-run-cron-scheduler': 'europe-west1_us-central1',
    });
    expect(fromLabels(toLabels(record))).toEqual({ kind: 'record', record });
    // Too many regions for one label value (63 characters): "all", read as "search everywhere".
    const many = { workload: 'w', schedulerRegions: ['asia-southeast1', 'australia-southeast1', 'europe-west1', 'northamerica-northeast1'] };
    expect(toLabels(many)['cloud-run-cron-scheduler']).toBe('all');
    expect(fromLabels(toLabels(many))).toEqual({ kind: 'record', record: { workload: 'w', schedulerRegions: undefined } });
    // Every label value is a valid Cloud Run label value.
    for (const v of Object.values(toLabels(record))) expect(v).toMatch(/^[a-z0-9_-]{0,63}$/);
  });

  it('a Scheduler description: a fixed first line, then the text; single mode and no repository as "-"', () => {
    expect(toDescription(here, 'Runs it.')).toBe('cloud-run-cron fleet=reports repo=2000002 workload=nightly\nRuns it.');
    expect(fromDescription(toDescription(here, 'x'))).toEqual({ kind: 'record', record: here });
    expect(fromDescription(toDescription({ workload: 'w' }, 'x'))).toEqual({ kind: 'record', record: { workload: 'w' } });
    // Marks from before the owner record, and none.
    expect(fromDescription('cloud-run-cron fleet=reports workload=a: Runs the Cloud Run job a')).toEqual({ kind: 'legacy', fleet: 'reports', workload: 'a' });
    expect(fromDescription('Runs the Cloud Run job a (managed by cloud-run-cron)')).toEqual({ kind: 'legacy', workload: 'a' });
    expect(fromDescription('nightly run, see cloud-run-cron fleet=reports repo=1 workload=a')).toEqual({ kind: 'unmarked' });
    expect(fromDescription(undefined)).toEqual({ kind: 'unmarked' });
  });

  it('from a Config: fleet, repository id, name, and the regions of every schedule', () => {
    const c = parse({ ...SCHEDULED, scheduler_region: 'us-central1' });
    c.fleet = 'reports';
    c.repositoryId = '7';
    expect(recordOf(c)).toEqual({ fleet: 'reports', repositoryId: '7', workload: 'nightly', schedulerRegions: ['us-central1'] });
  });

  it('replaces an earlier record (a fleet mark does not survive single mode); keeps other labels', () => {
    const before = { team: 'data', ...toLabels({ fleet: 'reports', workload: 'nightly', schedulerRegions: [] }) };
    expect(withRecordLabels(before, { workload: 'nightly', schedulerRegions: [] })).toEqual({ team: 'data', 'managed-by': 'cloud-run-cron', 'cloud-run-cron-workload': 'nightly' });
  });

  it('grants: an annotation the action reads back; other annotations stay', () => {
    const grants = [{ role: 'roles/run.invoker', member: 'serviceAccount:a@p.iam.gserviceaccount.com' }];
    const annotations = withGrants({ 'example.com/x': 'y' }, grants);
    expect(grantsOf(annotations)).toEqual(grants);
    expect(withGrants(annotations, [])).toEqual({ 'example.com/x': 'y' });
  });

  it('reserves managed-by and cloud-run-cron-*', () => {
    expect(reservedLabel('managed-by')).toMatch(/reserved/);
    expect(reservedLabel('cloud-run-cron-fleet')).toMatch(/reserved/);
    expect(reservedLabel('team')).toBeUndefined();
    expect(reservedLabel('cloud-run-cronx')).toBeUndefined();
  });
});

describe('classify: an exact match of repository, fleet and workload', () => {
  const record = (over: Record<string, string | undefined> = {}) => ({ kind: 'record' as const, record: { ...here, ...over } });
  it.each([
    [record(), 'ours'],
    [record({ repositoryId: '3000003' }), 'other-repository'],
    [record({ repositoryId: undefined }), 'other-repository'],
    [record({ fleet: 'reports2' }), 'other-fleet'],
    [record({ fleet: undefined }), 'single-mode'],
    [record({ workload: 'other' }), 'other-workload'],
    [{ kind: 'legacy' as const, fleet: 'reports' }, 'legacy-mark'],
    [{ kind: 'legacy' as const, fleet: 'other' }, 'other-fleet'],
    [{ kind: 'legacy' as const, fleet: 'reports', workload: 'z' }, 'other-workload'],
    [{ kind: 'unmarked' as const }, 'unmarked'],
  ])('%j is %s', (found, ownership) => {
    expect(classify(found, here).ownership).toBe(ownership);
  });

  it('deletes only what is ours (or marked by this fleet before the record, where allowed)', () => {
    expect(mayDelete(classify(record(), here), false)).toBe(true);
    expect(mayDelete(classify({ kind: 'legacy', fleet: 'reports' }, here), false)).toBe(false);
    expect(mayDelete(classify({ kind: 'legacy', fleet: 'reports' }, here), true)).toBe(true);
    expect(mayDelete(classify(record({ repositoryId: '1' }), here), true)).toBe(false);
  });

  it('says what a deploy takes over', () => {
    expect(takeover(record(), here, 'Cloud Run job nightly')).toEqual({});
    expect(takeover({ kind: 'unmarked' }, here, 'Cloud Run job nightly').warning).toMatch(/^The Cloud Run job nightly was not made by cloud-run-cron/);
    expect(takeover(record(), { ...here, fleet: undefined }, 'Cloud Run job nightly')).toMatchObject({ reason: 'leaves fleet reports (single mode)' });
    expect(takeover(record({ fleet: undefined }), here, 'Cloud Run job nightly').reason).toMatch(/^taken over by fleet reports from single mode/);
  });
});

describe('targets: the trigger fires at this workload', () => {
  const job = { kind: 'job' as const, name: 'nightly', region: 'us-central1', projects: ['p', '123'] };
  const at = (uri: string) => ({ httpTarget: { uri } });
  it('a job: its :run URI, v1 or v2, by project id or number; never another name or region', () => {
    expect(targetsWorkload(at('https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/nightly:run'), job)).toBe(true);
    expect(targetsWorkload(at('https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/123/jobs/nightly:run'), job)).toBe(true);
    expect(targetsWorkload(at('https://run.googleapis.com/v2/projects/p/locations/us-central1/jobs/nightly:run'), job)).toBe(true);
    expect(targetsWorkload(at('https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/nightly-2:run'), job)).toBe(false);
    expect(targetsWorkload(at('https://europe-west1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/nightly:run'), job)).toBe(false);
    expect(targetsWorkload(at('https://example.com/nightly:run'), job)).toBe(false);
    expect(targetsWorkload({}, job)).toBe(false);
  });
  it('a service: one of its URLs; once gone, a run.app host of its name', () => {
    const svc = { kind: 'service' as const, name: 'web', region: 'us-central1', projects: ['p'], urls: ['https://web-abc-uc.a.run.app'] };
    expect(targetsWorkload(at('https://web-abc-uc.a.run.app/warm'), svc)).toBe(true);
    expect(targetsWorkload(at('https://web2-abc-uc.a.run.app/warm'), svc)).toBe(false);
    expect(targetsWorkload(at('https://web-123.us-central1.run.app/'), { ...svc, urls: [] })).toBe(true);
    expect(targetsWorkload(at('https://webby-123.us-central1.run.app/'), { ...svc, urls: [] })).toBe(false);
  });
});

describe('one module knows the marks', () => {
  // The label keys, the description's first line and the grants annotation: only src/ownership/record.ts writes or reads them.
  // (The documented service accounts cloud-run-cron-deployer and -planner are names, not marks.)
  const FORMS = [/managed-by/, /cloud-run-cron-(?!deployer@|planner@)[a-z]/, /managed by cloud-run-cron/, /\b(fleet|repo|workload)=/, /cloud-run-cron\/grants/];
  const root = join(import.meta.dirname, '../../src');
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
  it('no file of src/ but src/ownership/record.ts holds a label key or the description format', () => {
    const found = files(root)
      .filter((f) => relative(root, f) !== join('ownership', 'record.ts'))
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        return FORMS.filter((re) => re.test(text)).map((re) => `${relative(root, f)}: ${re}`);
      });
    expect(found).toEqual([]);
    expect(FORMS.every((re) => re.test(readFileSync(join(root, 'ownership', 'record.ts'), 'utf8')))).toBe(true);
  });
});
