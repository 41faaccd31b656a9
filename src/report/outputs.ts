import * as core from './runner.js';
import { logsUrlOf, monitoringUrl, smokeLogsUrl } from './links.js';
import type { Change } from '../plan/types.js';
import { existsAfterRun, planToJson } from './plan-text.js';
import type { RunReport } from './types.js';

/** The step's outputs, as action.yml declares them. */
export function outputsOf(report: RunReport): Record<string, string> {
  // A name is output only for what exists: a create that was never reached made nothing.
  const exists = (type: Change['type']): boolean => report.plan.filter((c) => c.type === type).every(existsAfterRun);
  return {
    kind: report.config.kind,
    resource: exists(report.config.kind === 'job' ? 'run-job' : 'run-service') ? report.resource : '',
    url: report.url ?? '',
    revision: report.revision ?? '',
    scheduler_job: report.schedulerJob && exists('scheduler-job') ? report.schedulerJob : '',
    execution: report.smoke.execution ?? '',
    execution_status: report.smoke.status,
    logs_url: smokeLogsUrl(report.smoke) ?? (report.dryRun ? '' : (logsUrlOf(report.resource) ?? '')),
    changed: String(report.changed),
    plan: planToJson(report.plan),
    alert_policies: JSON.stringify(alertPoliciesOf(report)),
  };
}

/** One alert policy in the `alert_policies` output. */
export interface AlertPolicyOutput {
  workload: string;
  role: string;
  /** Full resource name; empty when it does not exist (yet). */
  name: string;
  action: string;
  status?: string;
  conditions: string[];
  channels: string[];
  url: string;
}

/** The workload's alert policies, as planned or applied. */
export function alertPoliciesOf(report: RunReport | undefined): AlertPolicyOutput[] {
  return (report?.alerting?.policies ?? []).map((p) => {
    const real = /^projects\/[^/]+\/alertPolicies\/[0-9]+$/.test(p.change.resource) && existsAfterRun(p.change);
    return {
      workload: report!.config.name,
      role: p.role,
      name: real ? p.change.resource : '',
      action: p.change.action,
      ...(p.change.status ? { status: p.change.status } : {}),
      conditions: p.conditions,
      channels: p.channels,
      url: real ? (monitoringUrl(p.change.resource) ?? '') : '',
    };
  });
}

export function setOutputs(report: RunReport): void {
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
}

/** One workload in the `results` output. */
export interface WorkloadResult {
  name: string;
  kind: string;
  resource: string;
  url: string;
  scheduler_jobs: string[];
  changed: boolean;
  execution: string;
  execution_status: string;
}

/** A workload's entry of `results`, from its report (absent: it stopped before it was planned). */
export function resultOf(name: string, kind: string, report: RunReport | undefined): WorkloadResult {
  const o = report ? outputsOf(report) : undefined;
  return {
    name,
    kind,
    resource: o?.resource ?? '',
    url: o?.url ?? '',
    // Every trigger of the workload (fleet mode may give it several) that exists after the run.
    scheduler_jobs: (report?.plan ?? []).filter((c) => c.type === 'scheduler-job' && existsAfterRun(c)).map((c) => c.resource),
    changed: report?.changed ?? false,
    execution: o?.execution ?? '',
    execution_status: o?.execution_status ?? 'skipped',
  };
}
