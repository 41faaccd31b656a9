// The run after the inputs are valid: auth -> read -> plan -> apply -> smoke -> report.
import * as core from '@actions/core';
import { AuthError, type Credentials } from '../auth/credentials.js';
import { RULES } from '../config/rules.js';
import { InputError, type Config } from '../config/types.js';
import { ActionError, explainAuthError, type ErrorContext } from '../errors/explain.js';
import { registerSecretValues, scrubSecrets } from '../errors/scrub.js';
import { createApi } from '../google/api.js';
import { makeClients } from '../google/clients.js';
import { findDrift } from '../plan/drift.js';
import { overrideNotices } from '../google/endpoints.js';
import { planChangesAnything, planRun } from '../plan/planner.js';
import { driftLine, driftMessage } from '../report/drift-text.js';
import { formatPlan } from '../report/plan-text.js';
import { logsUrlOf } from '../report/links.js';
import { setOutputs } from '../report/outputs.js';
import { phase as logPhase } from '../report/log.js';
import { commentOnPullRequest } from '../report/pr-comment.js';
import { changeLine, renderSummary, renderSummaryText, writeSummary } from '../report/summary.js';
import type { RunReport, SmokeResult } from '../report/types.js';
import { envValuesOf, latestRevisionTraffic, type RunService } from '../run/workload.js';
import { smokeTest } from '../smoke/smoke.js';
import { applyPlan } from './apply.js';
import { teardown } from './teardown.js';
import { resourceNames } from './names.js';
import { readCurrentState } from './read-current.js';

export async function runPipeline(
  config: Config,
  /** Started by main as early as it could be (see main.ts). */
  authenticating: Promise<Credentials>,
  env: NodeJS.ProcessEnv,
  deployDeadlineMs: number,
): Promise<void> {
  const phases: Record<string, number> = {};
  const phase = <T>(name: string, fn: () => Promise<T>): Promise<T> => logPhase(name, fn, { into: phases });
  for (const notice of config.notices) core.notice(notice);
  for (const warning of config.warnings) core.warning(warning);
  for (const notice of overrideNotices(env)) core.info(notice);
  // Values never leave the run: every text below that did not come from the plan is scrubbed.
  registerSecretValues(config.envVars.map((e) => e.value));

  const errorContext: Omit<ErrorContext, 'action' | 'resource'> = {
    projectId: config.projectId,
    deployer: config.auth.serviceAccount,
    provider: config.auth.workloadIdentityProvider,
    repository: env.GITHUB_REPOSITORY,
    audience: config.auth.audience,
  };
  let report: RunReport | undefined;
  let failure: string | undefined;
  /** The execution the smoke test started, once known: it stays in the outputs whatever happens next. */
  let startedExecution: string | undefined;
  let smokeStarted = false;
  try {
    const credentials = await phase('auth', async () => {
      try {
        const c = await authenticating;
        core.info(`Authenticated as ${c.identity}`);
        return c;
      } catch (err) {
        if (err instanceof AuthError) throw explainAuthError(err.stage, err.cause, { ...errorContext, action: 'authenticating' }, env);
        throw err;
      }
    });
    const projectId = config.projectId ?? credentials.adcProjectId;
    if (!projectId) {
      throw new Error("Input 'project_id': no project is known: set project_id, or a service_account whose email names its project.");
    }
    // A project from Application Default Credentials meets the same rule as the input (issue 11).
    if (!RULES.projectId.pattern.test(projectId)) {
      throw new InputError('project_id', `the project of Application Default Credentials, ${JSON.stringify(projectId)}, is not allowed: ${RULES.projectId.allowed}. Set project_id.`);
    }
    const api = createApi({ ...errorContext, projectId }, Date.now() + deployDeadlineMs, (err, delay) =>
      core.info(scrubSecrets(`Retrying in ${delay}ms: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`)),
    );
    const clients = makeClients(credentials.authClient, env);
    const names = resourceNames(config, projectId);
    const deployId = `${env.GITHUB_RUN_ID ?? Date.now()}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;

    const current = await phase('read', async () => {
      const state = await readCurrentState(api, clients, config, names);
      const kindLabel = config.kind === 'job' ? 'Cloud Run job' : 'Cloud Run service';
      core.info(`${kindLabel} ${config.name}: ${state.workload ? 'exists' : 'does not exist yet'}`);
      if (state.workload) core.info(`IAM policy of ${config.name}: ${state.policy?.bindings?.length ?? 0} binding(s)`);
      if (names.schedulerJob) core.info(`Scheduler job ${names.schedulerJob.split('/').pop()}: ${state.schedulerJob ? 'exists' : 'does not exist yet'}`);
      return state;
    });
    registerSecretValues([...envValuesOf(current.workload, config.kind), ...envValuesOf(current.otherKind, config.kind === 'job' ? 'service' : 'job')]);
    if (config.teardown) {
      await teardown(config, projectId, names, current, { api, clients, phase }, (r) => {
        r.phases = phases;
        report = r;
      });
      return;
    }
    const runPlan = planRun({ config, names, current, deployId });
    for (const warning of runPlan.warnings) core.warning(scrubSecrets(warning));
    // Each change's reason (a tag redeploy, a re-pointed trigger) is in the plan, once.
    core.info(`Plan:\n${formatPlan(runPlan.plan)}`);

    report = {
      config,
      projectId,
      dryRun: config.dryRun,
      resource: names.resource,
      schedulerJob: names.schedulerJob,
      warnings: [...config.warnings, ...runPlan.warnings],
      phases,
      plan: runPlan.plan,
      changed: false,
      url: (current.workload as RunService | undefined)?.uri ?? undefined,
      smoke: { status: 'skipped', message: 'The run stopped before the smoke test.' },
    };
    if (config.dryRun) {
      report.smoke.message = 'Dry run: nothing was written and the smoke test was skipped.';
      core.info(planChangesAnything(runPlan.plan) ? 'Dry run: the plan above was not applied.' : 'Dry run: everything is up to date.');
      if (config.failOnDrift) {
        report.drift = findDrift(runPlan.plan, current).map(driftLine);
        if (report.drift.length > 0) throw new ActionError(driftMessage(report.drift));
        core.info('Drift check: the live state matches the inputs.');
      }
      return;
    }

    const applied = await applyPlan(api, clients, config, names, runPlan, current, deployId, {
      phase,
      wrote: () => {
        if (report) report.changed = true;
      },
      plan: (plan) => {
        if (report) report.plan = plan;
      },
      progress: (change, starting) => core.info(changeLine(change, starting)),
    });
    const service = config.kind === 'service' ? (applied.workload as RunService) : undefined;
    report.plan = applied.plan;
    report.changed = applied.changed;
    report.url = service?.uri ?? undefined;
    report.revision = service?.latestReadyRevision?.split('/').pop() ?? undefined;
    const share = service ? latestRevisionTraffic(service) : 100;
    if (share < 100) {
      const warning = `The service's traffic is split or pinned elsewhere: its latest revision ${report.revision} serves ${share}% of requests, so the trigger (and the smoke test) may reach an older revision. Route traffic to the latest revision: gcloud run services update-traffic ${config.name} --to-latest --region=${config.region} --project=${projectId}`;
      core.warning(warning);
      report.warnings.push(warning);
    }
    report.smoke = { status: 'skipped', message: 'The smoke test is off (smoke_test: false).' };
    if (config.smoke.enabled && config.smoke.onlyWhenChanged && !report.changed) {
      report.smoke = { status: 'skipped', message: 'Nothing was written, so the smoke test did not run (smoke_test: changed).' };
      core.info(report.smoke.message);
    } else if (config.smoke.enabled) {
      smokeStarted = true;
      const smokeApi = createApi({ ...errorContext, projectId }, Date.now() + config.smoke.timeoutSeconds * 1000);
      const smoke: SmokeResult = await phase('smoke', () =>
        smokeTest({
          api: smokeApi,
          clients,
          config,
          resource: names.resource,
          schedulerJob: names.schedulerJob,
          deadline: smokeApi.deadline,
          grantedAt: applied.grantedAt,
          onProgress: (line) => core.info(line),
          onExecution: (name) => (startedExecution = name),
          known: { workload: current.workload, schedulerJob: current.schedulerJob },
        }),
      );
      // A failed execution's or attempt's message comes from Google: scrubbed like any error.
      report.smoke = { ...smoke, message: scrubSecrets(smoke.message) };
      if (smoke.status === 'failed') throw new ActionError(report.smoke.message);
      core.info(report.smoke.message);
    }
  } catch (err) {
    const message = scrubSecrets(err instanceof Error ? err.message : String(err));
    failure = message;
    if (report && report.smoke.status !== 'failed') report.error = message;
    if (report && startedExecution && report.smoke.execution === undefined) {
      // Timed out or lost sight of it: the execution goes on in Cloud Run.
      report.smoke = { status: 'running', execution: startedExecution, logUri: logsUrlOf(startedExecution), message: `Execution ${startedExecution} was still running when the step stopped.` };
    } else if (report && report.smoke.status === 'skipped' && smokeStarted) {
      report.smoke = { status: 'failed', message };
    }
    core.setFailed(message);
  } finally {
    if (report) {
      setOutputs(report);
      // Without a summary file (run by hand, outside GitHub Actions) the summary goes to the log.
      const summary = renderSummary(report);
      if (!(await writeSummary(summary, env))) core.info(renderSummaryText(report));
      const target = { project: report.projectId, region: config.region, kind: config.kind, name: config.name };
      await commentOnPullRequest(config, target, summary, env, core);
    } else {
      // Stopped before anything was read (auth, the project, the Scheduler region): no plan.
      core.setOutput('kind', config.kind);
      core.setOutput('changed', 'false');
      core.setOutput('execution_status', 'skipped');
      const message = failure ?? 'unknown error';
      await writeSummary(`## ❌ cloud-run-cron: ${config.kind} ${config.name} was not deployed\n\nNothing was written.\n\n\`\`\`\n${message}\n\`\`\`\n`, env).catch(() => undefined);
    }
  }
}
