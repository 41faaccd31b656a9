// Which alert policies and notification channels are the workload's: the owner's user labels,
// written on what the action creates and matched exactly before anything is updated or deleted.
import type { Config } from '../config/types.js';
import type { AlertPolicy, NotificationChannel } from './plan.js';

const MANAGED_BY = { 'managed-by': 'cloud-run-cron' };

/** The user labels of the workload's policies (the role label is added per policy). */
export function policyOwnerLabels(config: Config): Record<string, string> {
  return { ...MANAGED_BY, ...(config.fleet !== undefined ? { 'cloud-run-cron-fleet': config.fleet } : {}), 'cloud-run-cron-workload': config.name };
}

/** The user labels of a channel the action creates (shared by every workload that names the address). */
export function channelOwnerLabels(): Record<string, string> {
  return { ...MANAGED_BY };
}

/** A policy carries exactly this workload's owner labels (the fleet's, or none in single mode). */
export function isWorkloadPolicy(policy: AlertPolicy, config: Config): boolean {
  const labels = policy.userLabels ?? {};
  const want = policyOwnerLabels(config);
  if (Object.entries(want).some(([k, v]) => labels[k] !== v)) return false;
  return config.fleet !== undefined || labels['cloud-run-cron-fleet'] === undefined;
}

/** The role of one of the action's policies ('run' or 'trigger'), from its labels. */
export function policyRole(policy: AlertPolicy): string | undefined {
  return policy.userLabels?.['cloud-run-cron-alert'];
}

/** A channel the action created (and may delete once nothing uses it). */
export function isActionChannel(channel: NotificationChannel): boolean {
  return Object.entries(channelOwnerLabels()).every(([k, v]) => channel.userLabels?.[k] === v);
}
