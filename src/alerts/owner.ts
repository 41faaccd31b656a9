// Which alert policies and notification channels are the workload's. A policy carries the
// workload's owner record (src/ownership: the only module that knows its labels) plus the
// policy's role; the action updates or deletes a policy only on an exact match of that record.
import type { Config } from '../config/types.js';
import { classify, hereOf, type Here } from '../ownership/classify.js';
import { fromLabels, recordOf, toLabels } from '../ownership/record.js';
import type { AlertPolicy, NotificationChannel } from './plan.js';

/** Which of a workload's policies this is (run, missed or trigger). */
const ROLE_KEY = 'alert-role';
/** The mark of a channel the action created (shared by every workload that names its address). */
const CHANNEL_KEY = 'created-by';
const CHANNEL_VALUE = 'cloud-run-cron';

/** The owner record of the workload as policy user labels (the role label is added per policy). */
export function policyOwnerLabels(config: Config): Record<string, string> {
  return toLabels(recordOf(config));
}

export function roleLabel(role: string): Record<string, string> {
  return { [ROLE_KEY]: role };
}

/** The user labels of a channel the action creates. */
export function channelOwnerLabels(): Record<string, string> {
  return { [CHANNEL_KEY]: CHANNEL_VALUE };
}

/** The policy carries exactly `here`'s owner record (repository, fleet or single mode, workload). */
export function isOwnedPolicy(policy: AlertPolicy, here: Here): boolean {
  return classify(fromLabels(policy.userLabels), here).ownership === 'ours';
}

/** The workload of `config`'s own policy. */
export function isWorkloadPolicy(policy: AlertPolicy, config: Config): boolean {
  return isOwnedPolicy(policy, hereOf(config));
}

/** The workload a policy's owner record names, if it has one. */
export function policyWorkload(policy: AlertPolicy): string | undefined {
  const found = fromLabels(policy.userLabels);
  return found.kind === 'record' ? found.record.workload : undefined;
}

/** The role of one of the action's policies ('run', 'missed' or 'trigger'), from its labels. */
export function policyRole(policy: AlertPolicy): string | undefined {
  return policy.userLabels?.[ROLE_KEY];
}

/** A channel the action created (and may delete once no policy uses it). */
export function isActionChannel(channel: NotificationChannel): boolean {
  return channel.userLabels?.[CHANNEL_KEY] === CHANNEL_VALUE;
}
