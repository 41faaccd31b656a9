// Reads and writes the Cloud Run job or service, waits for the long-running operation,
// and for a service until it is Ready.
import type { Config } from '../config/types.js';
import { isConflict, isNotFound } from '../errors/api-error.js';
import type { Api } from '../google/api.js';
import type { GoogleClients, Operation } from '../google/clients.js';
import { pollUntil } from '../google/poll.js';
import { CONDITION_STATES, enumName, toNumber } from '../google/values.js';
import type { WorkloadStep } from '../plan/planner.js';
import type { RunResource, RunService } from './workload.js';

type Kind = Config['kind'];

const label = (kind: Kind) => (kind === 'job' ? 'Cloud Run job' : 'Cloud Run service');

/** The job or service, or undefined when it does not exist. */
export async function readWorkload(api: Api, clients: GoogleClients, kind: Kind, name: string): Promise<RunResource | undefined> {
  return api.call(`reading the ${label(kind)}`, name, async () => {
    try {
      return await clients.run.get<RunResource>(name);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  });
}

class OperationError extends Error {}

/** Waits for the operation; answers its result (the job or service as written), if it gives one. */
async function waitForOperation(api: Api, clients: GoogleClients, kind: Kind, op: Operation<RunResource>, resource: string): Promise<RunResource | undefined> {
  let latest = op;
  if (!latest.done && op.name) {
    latest = await pollUntil({
      read: () => api.call(`waiting for the ${label(kind)} operation`, resource, () => clients.run.get<Operation<RunResource>>(op.name!)),
      finished: (o) => Boolean(o.done),
      deadline: api.deadline,
      onTimeout: () => new Error(`The ${label(kind)} operation ${op.name} did not finish before the step's deadline.`),
    });
  }
  if (latest.error) {
    throw new OperationError(`The ${label(kind)} ${resource} failed to deploy: ${latest.error.message ?? JSON.stringify(latest.error)}`);
  }
  return latest.response;
}

export interface ReadyState {
  ready: boolean;
  failed?: string;
}

/** Cloud Run's own readiness rule for a service. */
export function serviceReadiness(service: RunService): ReadyState {
  const terminal = service.terminalCondition;
  const state = enumName(terminal?.state, CONDITION_STATES);
  if (state === 'CONDITION_FAILED') return { ready: false, failed: terminal?.message ?? 'the service is not Ready' };
  const ready =
    !service.reconciling &&
    toNumber(service.observedGeneration) === toNumber(service.generation) &&
    Boolean(service.latestReadyRevision) &&
    service.latestReadyRevision === service.latestCreatedRevision &&
    state === 'CONDITION_SUCCEEDED';
  return { ready };
}

async function waitForReady(api: Api, clients: GoogleClients, name: string): Promise<RunService> {
  const service = await pollUntil({
    read: () => api.call('waiting for the Cloud Run service to be Ready', name, () => clients.run.get<RunService>(name)),
    finished: (s) => serviceReadiness(s).ready || serviceReadiness(s).failed !== undefined,
    deadline: api.deadline,
    onTimeout: (s) =>
      new Error(`The Cloud Run service ${name} did not become Ready in time${s?.terminalCondition?.message ? `: ${s.terminalCondition.message}` : ''}.`),
  });
  const failed = serviceReadiness(service).failed;
  if (failed) throw new Error(`The Cloud Run service ${name} did not become Ready: ${failed}`);
  return service;
}

function parentOf(name: string): string {
  return name.slice(0, name.lastIndexOf('/', name.lastIndexOf('/') - 1));
}

/**
 * Applies the workload step. A create that meets ALREADY_EXISTS (another writer won) and an
 * update that meets a stale etag (ABORTED) re-read and re-plan, then write again.
 */
export async function applyWorkload(
  api: Api,
  clients: GoogleClients,
  kind: Kind,
  name: string,
  step: WorkloadStep,
  replan: (current: RunResource | undefined) => WorkloadStep,
  /** The job or service as the read phase saw it: an unchanged one is not read again. */
  known?: RunResource,
): Promise<RunResource> {
  let current = step;
  let written: RunResource | undefined;
  for (let attempt = 1; ; attempt++) {
    if (current.change.action === 'unchanged' || !current.body) {
      if (attempt === 1 && known) return known;
      return (await readWorkload(api, clients, kind, name))!;
    }
    const create = current.change.action === 'create';
    const id = name.slice(name.lastIndexOf('/') + 1);
    try {
      const collection = kind === 'job' ? 'jobs' : 'services';
      const body = { ...current.body, name: create ? undefined : name };
      const op = await api.call(`${create ? 'creating' : 'updating'} the ${label(kind)}`, name, () =>
        create ? clients.run.create<RunResource>(parentOf(name), collection, id, body) : clients.run.replace<RunResource>(name, body),
      );
      written = await waitForOperation(api, clients, kind, op, name);
      break;
    } catch (err) {
      // ALREADY_EXISTS on create or ABORTED (etag) on update: someone else wrote first.
      if (!isConflict(err) || attempt >= 3) throw err;
      current = replan(await readWorkload(api, clients, kind, name));
    }
  }
  // The operation's result is the resource as written: no read is needed when it says enough.
  if (kind === 'service') {
    if (written && serviceReadiness(written as RunService).ready) return written;
    return waitForReady(api, clients, name);
  }
  return written?.name ? written : (await readWorkload(api, clients, kind, name))!;
}
