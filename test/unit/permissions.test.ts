// Least privilege: the deployer's custom role in README holds exactly the
// permissions of the Google API calls the action makes. The table below maps each call of
// the REST clients (src/google/clients.ts) to its IAM permission; the test proves the
// table against the requests the clients really send, checks that every call in src/ is in
// it, and that README's role lists exactly its permissions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthClient } from 'google-auth-library';
import { makeClients, type GoogleClients } from '../../src/google/clients.js';
import { ROOT } from '../../scripts/build.ts';

const P = 'projects/p/locations/r';

interface Call {
  /** client.method, as src/ calls it */
  method: string;
  invoke: (c: GoogleClients) => Promise<unknown>;
  /** the request it sends */
  http: string;
  path: RegExp;
  permission: string;
}

// Permission names: Cloud Run's "run.{collection}.{verb}", Cloud Scheduler's
// "cloudscheduler.jobs.{verb}" (resume is jobs.enable) and Cloud Logging's entries.list
// (logging.logEntries.list), as in Google's IAM permissions reference.
const CALLS: Call[] = [
  { method: 'run.get', invoke: (c) => c.run.get(`${P}/jobs/n`), http: 'GET', path: /\/v2\/.*\/jobs\/n$/, permission: 'run.jobs.get' },
  { method: 'run.get', invoke: (c) => c.run.get(`${P}/services/n`), http: 'GET', path: /\/v2\/.*\/services\/n$/, permission: 'run.services.get' },
  { method: 'run.get', invoke: (c) => c.run.get(`${P}/jobs/n/executions/e`), http: 'GET', path: /\/executions\/e$/, permission: 'run.executions.get' },
  { method: 'run.get', invoke: (c) => c.run.get(`${P}/operations/o`), http: 'GET', path: /\/operations\/o$/, permission: 'run.operations.get' },
  { method: 'run.create', invoke: (c) => c.run.create(P, 'jobs', 'n', {}), http: 'POST', path: /\/jobs$/, permission: 'run.jobs.create' },
  { method: 'run.create', invoke: (c) => c.run.create(P, 'services', 'n', {}), http: 'POST', path: /\/services$/, permission: 'run.services.create' },
  { method: 'run.replace', invoke: (c) => c.run.replace(`${P}/jobs/n`, {}), http: 'PATCH', path: /\/jobs\/n$/, permission: 'run.jobs.update' },
  { method: 'run.replace', invoke: (c) => c.run.replace(`${P}/services/n`, {}), http: 'PATCH', path: /\/services\/n$/, permission: 'run.services.update' },
  { method: 'run.run', invoke: (c) => c.run.run(`${P}/jobs/n`), http: 'POST', path: /\/jobs\/n:run$/, permission: 'run.jobs.run' },
  { method: 'run.getIamPolicy', invoke: (c) => c.run.getIamPolicy(`${P}/jobs/n`), http: 'GET', path: /\/jobs\/n:getIamPolicy$/, permission: 'run.jobs.getIamPolicy' },
  { method: 'run.getIamPolicy', invoke: (c) => c.run.getIamPolicy(`${P}/services/n`), http: 'GET', path: /\/services\/n:getIamPolicy$/, permission: 'run.services.getIamPolicy' },
  { method: 'run.setIamPolicy', invoke: (c) => c.run.setIamPolicy(`${P}/jobs/n`, {}), http: 'POST', path: /\/jobs\/n:setIamPolicy$/, permission: 'run.jobs.setIamPolicy' },
  { method: 'run.setIamPolicy', invoke: (c) => c.run.setIamPolicy(`${P}/services/n`, {}), http: 'POST', path: /\/services\/n:setIamPolicy$/, permission: 'run.services.setIamPolicy' },
  { method: 'scheduler.get', invoke: (c) => c.scheduler.get(`${P}/jobs/s`), http: 'GET', path: /\/v1\/.*\/jobs\/s$/, permission: 'cloudscheduler.jobs.get' },
  { method: 'scheduler.create', invoke: (c) => c.scheduler.create(P, {}), http: 'POST', path: /\/v1\/.*\/jobs$/, permission: 'cloudscheduler.jobs.create' },
  { method: 'scheduler.update', invoke: (c) => c.scheduler.update(`${P}/jobs/s`, {}, ['schedule']), http: 'PATCH', path: /\/jobs\/s$/, permission: 'cloudscheduler.jobs.update' },
  { method: 'scheduler.call:run', invoke: (c) => c.scheduler.call(`${P}/jobs/s`, 'run'), http: 'POST', path: /\/jobs\/s:run$/, permission: 'cloudscheduler.jobs.run' },
  { method: 'scheduler.call:pause', invoke: (c) => c.scheduler.call(`${P}/jobs/s`, 'pause'), http: 'POST', path: /\/jobs\/s:pause$/, permission: 'cloudscheduler.jobs.pause' },
  { method: 'scheduler.call:resume', invoke: (c) => c.scheduler.call(`${P}/jobs/s`, 'resume'), http: 'POST', path: /\/jobs\/s:resume$/, permission: 'cloudscheduler.jobs.enable' },
  { method: 'scheduler.delete', invoke: (c) => c.scheduler.delete(`${P}/jobs/s`), http: 'DELETE', path: /\/v1\/.*\/jobs\/s$/, permission: 'cloudscheduler.jobs.delete' },
  // Fleet mode: list reads (all pages) and prune's deletions.
  { method: 'run.list', invoke: (c) => c.run.list(P, 'jobs'), http: 'GET', path: /\/v2\/.*\/jobs$/, permission: 'run.jobs.list' },
  { method: 'run.list', invoke: (c) => c.run.list(P, 'services'), http: 'GET', path: /\/v2\/.*\/services$/, permission: 'run.services.list' },
  { method: 'run.delete', invoke: (c) => c.run.delete(`${P}/jobs/n`), http: 'DELETE', path: /\/v2\/.*\/jobs\/n$/, permission: 'run.jobs.delete' },
  { method: 'run.delete', invoke: (c) => c.run.delete(`${P}/services/n`), http: 'DELETE', path: /\/v2\/.*\/services\/n$/, permission: 'run.services.delete' },
  { method: 'scheduler.list', invoke: (c) => c.scheduler.list(P), http: 'GET', path: /\/v1\/.*\/jobs$/, permission: 'cloudscheduler.jobs.list' },
  { method: 'logging.list', invoke: (c) => c.logging.list({ resourceNames: ['projects/p'], filter: 'x' }), http: 'POST', path: /^\/v2\/entries:list$/, permission: 'logging.logEntries.list' },
  { method: 'scheduler.locations', invoke: (c) => c.scheduler.locations('p'), http: 'GET', path: /\/v1\/projects\/p\/locations$/, permission: 'cloudscheduler.locations.list' },
  // Alerting (alert_channels): Cloud Monitoring's "monitoring.{collection}.{verb}".
  { method: 'monitoring.list', invoke: (c) => c.monitoring.list('p', 'alertPolicies'), http: 'GET', path: /^\/v3\/projects\/p\/alertPolicies$/, permission: 'monitoring.alertPolicies.list' },
  { method: 'monitoring.list', invoke: (c) => c.monitoring.list('p', 'notificationChannels'), http: 'GET', path: /^\/v3\/projects\/p\/notificationChannels$/, permission: 'monitoring.notificationChannels.list' },
  { method: 'monitoring.create', invoke: (c) => c.monitoring.create('p', 'alertPolicies', {}), http: 'POST', path: /^\/v3\/projects\/p\/alertPolicies$/, permission: 'monitoring.alertPolicies.create' },
  { method: 'monitoring.create', invoke: (c) => c.monitoring.create('p', 'notificationChannels', {}), http: 'POST', path: /^\/v3\/projects\/p\/notificationChannels$/, permission: 'monitoring.notificationChannels.create' },
  { method: 'monitoring.update', invoke: (c) => c.monitoring.update('projects/p/alertPolicies/1', {}, ['conditions']), http: 'PATCH', path: /^\/v3\/projects\/p\/alertPolicies\/1$/, permission: 'monitoring.alertPolicies.update' },
  { method: 'monitoring.delete', invoke: (c) => c.monitoring.delete('projects/p/alertPolicies/1'), http: 'DELETE', path: /^\/v3\/projects\/p\/alertPolicies\/1$/, permission: 'monitoring.alertPolicies.delete' },
  { method: 'monitoring.delete', invoke: (c) => c.monitoring.delete('projects/p/notificationChannels/1'), http: 'DELETE', path: /^\/v3\/projects\/p\/notificationChannels\/1$/, permission: 'monitoring.notificationChannels.delete' },
];

function recordingClients(): { clients: GoogleClients; sent: { method: string; path: string }[] } {
  const sent: { method: string; path: string }[] = [];
  const authClient = {
    request: async (opts: { url: string; method: string }) => {
      sent.push({ method: opts.method, path: new URL(opts.url).pathname });
      return { data: {} };
    },
  } as unknown as AuthClient;
  return { clients: makeClients(authClient, {}), sent };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every client call in src/: run.get, scheduler.call:pause, ... */
function callsInSource(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/clients\.(run|scheduler|logging|monitoring)\.(\w+)(?:<[^>]*>)?\(([^)]*)\)?/g)) {
      const [, api, method, args = ''] = m;
      if (method !== 'call') found.add(`${api}.${method}`);
      else for (const verb of args.matchAll(/'(run|pause|resume)'/g)) found.add(`${api}.call:${verb[1]}`);
    }
  }
  return found;
}

describe('the permissions the action needs', () => {
  it('the table holds what each client call really sends', async () => {
    for (const call of CALLS) {
      const { clients, sent } = recordingClients();
      await call.invoke(clients);
      expect([call.permission, sent]).toEqual([call.permission, [{ method: call.http, path: expect.stringMatching(call.path) }]]);
    }
  });

  it('the table covers every method of the two clients, and every call in src/', () => {
    const { clients } = recordingClients();
    const defined = Object.entries(clients).flatMap(([api, client]) => Object.keys(client as object).map((k) => `${api}.${k}`));
    const inTable = new Set(CALLS.map((c) => c.method.replace(/:.*/, '')));
    expect(defined.filter((m) => !inTable.has(m))).toEqual([]);
    const used = callsInSource();
    expect(used.size).toBeGreaterThan(8);
    const tableMethods = new Set(CALLS.map((c) => c.method));
    expect([...used].filter((m) => !tableMethods.has(m))).toEqual([]);
    // And nothing in the table (so nothing in the role) that src/ does not call.
    expect([...tableMethods].filter((m) => !used.has(m))).toEqual([]);
  });

  it("the planner's role (README and docs/identities.md) lists exactly the reads of a dry run, and nothing that writes", () => {
    // A dry run reads the workload, its IAM policy and its Scheduler job, or lists them (fleet
    // mode, prune's plan), and the Scheduler's locations: every GET of the table, but for an
    // execution or an operation, which exist only once a run wrote or started something.
    const reads = new Set(CALLS.filter((c) => c.http === 'GET' && !/^run\.(executions|operations)\./.test(c.permission)).map((c) => c.permission));
    for (const file of ['README.md', 'docs/identities.md']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const listed = /gcloud iam roles create "cloudRunCronPlanner"[^`]*?--permissions="([^"]+)"/.exec(text)?.[1]?.split(',').map((p) => p.trim()).sort();
      expect([file, listed]).toEqual([file, [...reads].sort()]);
    }
    expect([...reads].filter((p) => !/\.(get|list|getIamPolicy)$/.test(p))).toEqual([]);
  });

  it("README's custom role lists exactly these permissions", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const listed = /gcloud iam roles create "cloudRunCronDeployer"[^`]*?--permissions="([^"]+)"/.exec(readme)?.[1]?.split(',').map((p) => p.trim()).sort();
    expect(listed).toEqual([...new Set(CALLS.map((c) => c.permission))].sort());
  });
});
