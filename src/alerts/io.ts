// Cloud Monitoring reads and writes for the alerting plan. The project's policies and channels are
// read once per run (every workload of a fleet selects its own from them), and an email channel is
// created once per run however many workloads name the address.
import { isNotFound, isPermissionDenied, unlessNotFound } from '../errors/api-error.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import type { Config } from '../config/types.js';
import { POLICY_ROLES } from './desired.js';
import { isActionChannel, isWorkloadPolicy, policyRole } from './owner.js';
import type { AlertPlan, AlertPolicy, AlertState, NotificationChannel } from './plan.js';

interface Project {
  policies: AlertPolicy[];
  channels: NotificationChannel[];
}

const projects = new WeakMap<GoogleClients, Map<string, Promise<Project>>>();
const createdChannels = new WeakMap<GoogleClients, Map<string, Promise<string>>>();

function perRun<V>(map: WeakMap<GoogleClients, Map<string, V>>, clients: GoogleClients): Map<string, V> {
  let m = map.get(clients);
  if (!m) map.set(clients, (m = new Map()));
  return m;
}

/** Every alert policy and notification channel of the project (all pages), read once per run. */
function readProject(api: Api, clients: GoogleClients, projectId: string): Promise<Project> {
  const cache = perRun(projects, clients);
  let p = cache.get(projectId);
  if (!p) {
    const parent = `projects/${projectId}`;
    p = Promise.all([
      api.call('listing the Cloud Monitoring alert policies', parent, () => clients.monitoring.list<AlertPolicy>(projectId, 'alertPolicies')),
      api.call('listing the Cloud Monitoring notification channels', parent, () => clients.monitoring.list<NotificationChannel>(projectId, 'notificationChannels')),
    ]).then(([policies, channels]) => ({ policies, channels }));
    cache.set(projectId, p);
    p.catch(() => cache.delete(projectId));
  }
  return p;
}

/** The workload's own policies by role (owner labels matched exactly), and the project's channels. */
export async function readAlertState(api: Api, clients: GoogleClients, config: Config, projectId: string): Promise<AlertState> {
  const project = await readProject(api, clients, projectId);
  const policies: AlertState['policies'] = {};
  for (const p of project.policies.filter((x) => isWorkloadPolicy(x, config))) {
    const role = policyRole(p);
    const known = POLICY_ROLES.find((r) => r === role);
    if (known && !policies[known]) policies[known] = p;
  }
  return { policies, channels: project.channels, projectPolicies: project.policies };
}

const listedForDeletion = new WeakMap<GoogleClients, Map<string, Promise<AlertPolicy[] | undefined>>>();

/**
 * The project's alert policies, for prune and state: absent to find a workload's policies by its
 * owner record; undefined when the deployer may not list them (a setup without alerting): then
 * there is nothing of the action's to find, and the deletions go on without them.
 */
export function listPoliciesForDeletion(api: Api, clients: GoogleClients, projectId: string): Promise<AlertPolicy[] | undefined> {
  const cache = perRun(listedForDeletion, clients);
  let p = cache.get(projectId);
  if (!p) {
    p = api.call('listing the Cloud Monitoring alert policies', `projects/${projectId}`, async () => {
      try {
        return await clients.monitoring.list<AlertPolicy>(projectId, 'alertPolicies');
      } catch (err) {
        if (isPermissionDenied(err)) return undefined;
        throw err;
      }
    });
    cache.set(projectId, p);
    p.catch(() => cache.delete(projectId));
  }
  return p;
}

/** Deletes an alert policy; one already gone counts as deleted. Answers whether this call deleted it. */
export async function deleteAlertPolicy(api: Api, clients: GoogleClients, name: string): Promise<boolean> {
  return api.call('deleting the Cloud Monitoring alert policy', name, async () => (await unlessNotFound(() => clients.monitoring.delete(name).then(() => true))) ?? false);
}

export interface AlertHooks {
  wrote(): void;
  progress(change: AlertPlan['policies'][number]['change'], starting: boolean): void;
}

/**
 * Applies the alerting plan: channels, then policy creates and updates, then deletes; then the
 * channels the action created that no policy of the project uses any more.
 */
export async function applyAlertPlan(api: Api, clients: GoogleClients, projectId: string, plan: AlertPlan, state: AlertState, hooks: AlertHooks): Promise<void> {
  const created = perRun(createdChannels, clients);
  const names = new Map<string, string>();
  for (const step of plan.channels) {
    hooks.progress(step.change, true);
    let first = false;
    let pending = created.get(step.address);
    if (!pending) {
      first = true;
      pending = api.call('creating the Cloud Monitoring notification channel', `email:${step.address}`, () =>
        clients.monitoring.create<NotificationChannel>(projectId, 'notificationChannels', step.body as NotificationChannel),
      ).then((c) => c.name);
      created.set(step.address, pending);
      pending.catch(() => created.delete(step.address));
    }
    try {
      const name = await pending;
      names.set(`email:${step.address}`, name);
      step.change.resource = name;
      step.change.status = first ? 'created' : 'unchanged';
      if (!first) step.change.reason = 'created by another workload of this run';
      step.change.written = first;
      if (first) hooks.wrote();
    } catch (err) {
      step.change.status = 'failed';
      throw err;
    } finally {
      hooks.progress(step.change, false);
    }
  }
  const resolve = (refs: readonly string[]): string[] => refs.map((r) => names.get(r) ?? r);
  const deleted: AlertPolicy[] = [];
  const ordered = [...plan.policies.filter((s) => s.change.action !== 'delete'), ...plan.policies.filter((s) => s.change.action === 'delete')];
  for (const step of ordered) {
    const c = step.change;
    if (c.action === 'unchanged') {
      c.status = 'unchanged';
      continue;
    }
    hooks.progress(c, true);
    try {
      if (c.action === 'create') {
        const body = { ...step.body, notificationChannels: resolve(step.channels) };
        const made = await api.call('creating the Cloud Monitoring alert policy', String(step.body?.displayName), () => clients.monitoring.create<AlertPolicy>(projectId, 'alertPolicies', body as unknown as AlertPolicy));
        c.resource = made.name;
        c.status = 'created';
      } else if (c.action === 'update') {
        const body = { ...step.body, notificationChannels: resolve(step.channels) };
        await api.call('updating the Cloud Monitoring alert policy', c.resource, () => clients.monitoring.update(c.resource, body, step.updateMask ?? []));
        c.status = 'updated';
      } else {
        await deleteAlertPolicy(api, clients, c.resource);
        c.status = 'deleted';
        const gone = state.projectPolicies.find((p) => p.name === c.resource);
        if (gone) deleted.push(gone);
      }
      c.written = true;
      hooks.wrote();
    } catch (err) {
      c.status = 'failed';
      throw err;
    } finally {
      hooks.progress(c, false);
    }
  }
  if (deleted.length) await deleteUnusedChannels(api, clients, projectId, deleted);
}

/**
 * After prune or state: absent deleted alert policies (by name): the action's channels they used
 * that no policy uses any more. The policies are those listed for the deletion.
 */
export async function deleteChannelsOf(api: Api, clients: GoogleClients, deletedNames: readonly string[]): Promise<string[]> {
  const projectId = deletedNames[0]?.split('/')[1];
  if (!projectId) return [];
  const listed = (await perRun(listedForDeletion, clients).get(projectId)?.catch(() => undefined)) ?? [];
  const deleted = listed.filter((p) => deletedNames.includes(p.name));
  return deleted.length ? deleteUnusedChannels(api, clients, projectId, deleted) : [];
}

/**
 * The action's own channels that the deleted policies used and no policy of the project uses now
 * (read again: another workload of this run may have just pointed a new policy at one).
 */
async function deleteUnusedChannels(api: Api, clients: GoogleClients, projectId: string, deleted: readonly AlertPolicy[]): Promise<string[]> {
  const parent = `projects/${projectId}`;
  const [now, channels] = await Promise.all([
    api.call('listing the Cloud Monitoring alert policies', parent, () => clients.monitoring.list<AlertPolicy>(projectId, 'alertPolicies')),
    api.call('listing the Cloud Monitoring notification channels', parent, () => clients.monitoring.list<NotificationChannel>(projectId, 'notificationChannels')),
  ]);
  const stillUsed = new Set(now.flatMap((p) => p.notificationChannels ?? []));
  const candidates = new Set(deleted.flatMap((p) => p.notificationChannels ?? []));
  const out: string[] = [];
  for (const name of candidates) {
    const channel = channels.find((c) => c.name === name);
    if (!channel || !isActionChannel(channel) || stillUsed.has(name)) continue;
    await api.call('deleting the Cloud Monitoring notification channel', name, async () => {
      try {
        await clients.monitoring.delete(name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    });
    out.push(name);
  }
  return out;
}
