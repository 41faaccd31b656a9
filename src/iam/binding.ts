// Grants roles on the one job or service (its own IAM policy), never on the project:
// an etag read-modify-write that keeps every binding someone else holds, and that
// re-reads and tries again when another writer changed the policy in between.
import type { Config } from '../config/types.js';
import { isConflict } from '../errors/api-error.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import { hasBinding, type BindingStep, type IamPolicy } from '../plan/planner.js';

type Kind = Config['kind'];

export async function readPolicy(api: Api, clients: GoogleClients, kind: Kind, resource: string): Promise<IamPolicy> {
  return api.call(`reading the IAM policy of the Cloud Run ${kind}`, resource, async () => {
    return clients.run.getIamPolicy<IamPolicy>(resource);
  });
}

/**
 * The policy with the bindings added (a member joins an existing binding of the role), and the
 * member taken out of the unconditional binding of each role in `stale` (what the action itself
 * granted and no longer needs); every other binding and member stays.
 */
export function withBindings(policy: IamPolicy, wanted: { role: string; member: string }[], stale: { role: string; member: string }[] = []): IamPolicy {
  let bindings = (policy.bindings ?? []).map((b) => ({ ...b, members: [...(b.members ?? [])] }));
  for (const { role, member } of stale) {
    const binding = bindings.find((b) => b.role === role && !b.condition);
    if (binding) binding.members = binding.members.filter((m) => m !== member);
  }
  bindings = bindings.filter((b) => b.members.length > 0);
  for (const { role, member } of wanted) {
    if (hasBinding({ bindings }, role, member)) continue;
    const binding = bindings.find((b) => b.role === role && !b.condition);
    if (binding) binding.members.push(member);
    else bindings.push({ role, members: [member] });
  }
  return { ...policy, bindings };
}

const MAX_CONFLICTS = 5;

/** Adds the missing bindings and removes the stale ones in one etag read-modify-write; returns true if it wrote. */
export async function applyBindings(
  api: Api,
  clients: GoogleClients,
  kind: Kind,
  resource: string,
  steps: BindingStep[],
  policy: IamPolicy | undefined,
): Promise<boolean> {
  const wanted = steps.filter((s) => s.change.action === 'create');
  const stale = steps.filter((s) => s.change.action === 'delete');
  if (wanted.length === 0 && stale.length === 0) return false;
  let current = policy ?? (await readPolicy(api, clients, kind, resource));
  for (let attempt = 1; ; attempt++) {
    // Done after a write of ours was tried: that write (its answer lost) may be what made it so.
    if (wanted.every((w) => hasBinding(current, w.role, w.member)) && !stale.some((s) => hasBinding(current, s.role, s.member))) return attempt > 1;
    const next = withBindings(current, wanted, stale);
    const what = [...(wanted.length ? [`granting ${wanted.map((w) => w.role).join(', ')}`] : []), ...(stale.length ? [`removing ${stale.map((s) => `${s.role} from ${s.member}`).join(', ')}`] : [])].join(' and ');
    try {
      await api.call(`${what} on the Cloud Run ${kind}`, resource, async () => {
        return clients.run.setIamPolicy(resource, next);
      });
      return true;
    } catch (err) {
      // ABORTED / 409: the etag is stale because someone else wrote; their bindings must survive.
      if (!isConflict(err) || attempt >= MAX_CONFLICTS) throw err;
      current = await readPolicy(api, clients, kind, resource);
    }
  }
}
