// The alerting step of the one-workload pipeline: read (with the workload), plan (pure), apply
// (after the workload and its trigger), each adding its changes to the workload's plan and report.
import type { Config } from '../config/types.js';
import type { Change } from '../plan/types.js';
import type { AlertingReport } from '../report/types.js';
import { desiredAlerting } from './desired.js';
import type { Here } from '../ownership/classify.js';
import { channelOwnerLabels, isOwnedPolicy, policyOwnerLabels } from './owner.js';
import { planAlerts, type AlertPlan, type AlertPolicy, type AlertState } from './plan.js';

export { applyAlertPlan, deleteAlertPolicy, deleteChannelsOf, listPoliciesForDeletion, readAlertState } from './io.js';

/** The alerting plan of `config`'s workload against what was read. Pure: `now` is when schedule gaps count from. */
export function planAlerting(config: Config, projectId: string, state: AlertState, opts: { repository?: string; now: Date }): AlertPlan | undefined {
  if (!config.alerts) return undefined;
  const desired = desiredAlerting(config, projectId, policyOwnerLabels(config), { repository: opts.repository, from: opts.now });
  const plan = planAlerts({ alerts: config.alerts, desired, state, projectId, workload: config.name, channelLabels: channelOwnerLabels() });
  // What cannot be had is said where the policy is: in its change's reason.
  const target = plan.policies.find((p) => p.role === 'missed') ?? plan.policies.find((p) => p.role === 'run') ?? plan.policies[0];
  for (const note of plan.notes) {
    if (target) target.change.reason = target.change.reason ? `${target.change.reason}; ${note}` : note;
  }
  return plan;
}

/** The plan's changes: channels first, then policies. */
export function alertChanges(plan: AlertPlan | undefined): Change[] {
  return plan ? [...plan.channels.map((c) => c.change), ...plan.policies.map((p) => p.change)] : [];
}

export function alertingReport(plan: AlertPlan | undefined): AlertingReport | undefined {
  if (!plan) return undefined;
  return {
    policies: plan.policies.map((p) => ({
      role: p.role,
      change: p.change,
      conditions: p.conditions,
      channels: p.shown,
    })),
    notes: plan.notes,
    missedWindowSeconds: plan.missedWindowSeconds,
  };
}

/**
 * The deletions of the policies whose owner record is `here`'s exactly (prune: a workload no
 * longer declared; state: absent: the workload torn down), each with `reason`.
 */
export function policyDeletions(policies: readonly AlertPolicy[] | undefined, here: Here, reason: string): { type: 'alert-policy'; resource: string; reason: string }[] {
  return (policies ?? []).filter((p) => isOwnedPolicy(p, here)).map((p) => ({ type: 'alert-policy' as const, resource: p.name, reason }));
}
