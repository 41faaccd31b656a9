// The named critical mutations of issue 16: each breaks one behaviour the product promises, and
// `npm run mutants` checks that the named tests fail (kill it) when it is applied to src/.
// Adding a mutant is one entry here. `search` must occur exactly once in `file` (a unit test and
// the runner both check it), so a refactoring that moves the code makes this list fail loudly.

export interface Mutant {
  /** Short id, printed in the report. */
  name: string;
  /** What breaks, in words. */
  breaks: string;
  /** Path under the repository root (always in src/). */
  file: string;
  /** Exact text, found once in the file. */
  search: string;
  replace: string;
  /** Test files (repository paths) that must fail with the mutant applied. */
  tests: string[];
}

const BLIND_SPOTS = 'test/integration/blind-spots.test.ts';
const OWNERSHIP = 'test/integration/ownership.test.ts';
const FLEET_GUARDS = 'test/integration/fleet-guards.test.ts';
const UNIT_GUARDS = 'test/unit/guards.test.ts';
const REAL_CLOUD = 'test/integration/real-cloud.test.ts';
const ALERTS = 'test/integration/alerts.test.ts';
const UNIT_ALERTS = 'test/unit/alerts.test.ts';

export const MUTANTS: readonly Mutant[] = [
  {
    name: 'mask-off',
    breaks: 'token masking switched off (setSecret writes nothing)',
    file: 'src/report/workflow-commands.ts',
    search: "  if (secret) issue('add-mask', secret);",
    replace: "  if (secret.length < 0) issue('add-mask', secret);",
    tests: [BLIND_SPOTS],
  },
  {
    name: 'previous-execution',
    breaks: "the job smoke test accepts the job's previous execution as the one it started",
    file: 'src/smoke/smoke.ts',
    // Both halves of "is it new": another name than before, and not created before the run.
    search: 'if (!name || name === previous) return undefined;\n  return (timestampMs(newest?.createTime) ?? runAt) >= runAt - CLOCK_SKEW_MS ? name : undefined;',
    replace: 'return name;',
    tests: [BLIND_SPOTS],
  },
  {
    name: 'no-wait-for-ready',
    breaks: 'ensureReady takes a service that is not Ready yet as Ready',
    file: 'src/run/deploy.ts',
    search: 'return ready ? service : waitForReady(api, clients, name);',
    replace: 'return service;',
    tests: [BLIND_SPOTS],
  },
  {
    name: 'oauth-scope',
    breaks: "the job trigger's OAuth token asks for another scope than cloud-platform",
    file: 'src/scheduler/scheduler-job.ts',
    search: 'oauthToken: { serviceAccountEmail: invoker, scope: CLOUD_PLATFORM_SCOPE },',
    replace: "oauthToken: { serviceAccountEmail: invoker, scope: 'https://www.googleapis.com/auth/userinfo.email' },",
    tests: ['test/integration/job.test.ts'],
  },
  {
    name: 'etag-dropped',
    breaks: 'setIamPolicy is sent without the etag that was read',
    file: 'src/iam/binding.ts',
    search: 'return { ...policy, bindings };',
    replace: 'return { ...policy, etag: undefined, bindings };',
    tests: [BLIND_SPOTS],
  },
  {
    name: 'other-bindings-dropped',
    breaks: "other members' bindings are left out of the policy written",
    file: 'src/iam/binding.ts',
    search: 'let bindings = (policy.bindings ?? []).map(',
    replace: 'let bindings = (policy.bindings ?? []).filter(() => false).map(',
    tests: [BLIND_SPOTS],
  },
  {
    name: 'oidc-audience-with-path',
    breaks: "the service trigger's OIDC audience is the target URL with its path",
    file: 'src/scheduler/scheduler-job.ts',
    search: 'const audience = serviceUri ?? URL_AFTER_DEPLOY;',
    replace: 'const audience = serviceUri ? serviceTargetUri(serviceUri, s.path) : URL_AFTER_DEPLOY;',
    tests: ['test/integration/service.test.ts'],
  },
  {
    name: 'update-mask-wider',
    breaks: "the Scheduler PATCH's updateMask names every managed field, not only the changed ones",
    file: 'src/plan/planner.ts',
    search: 'SCHEDULER_FIELDS.filter((f) => repair || fields.some((c) => c.field === f.field)).map((f) => f.mask)',
    replace: 'SCHEDULER_FIELDS.map((f) => f.mask)',
    tests: ['test/unit/planner.test.ts'],
  },
  {
    name: 'any-finished-execution-succeeds',
    breaks: 'a finished execution counts as a success whatever its Completed condition says',
    file: 'src/smoke/smoke.ts',
    search: "if (state === 'CONDITION_SUCCEEDED') return { succeeded: true };",
    replace: "if (state === 'CONDITION_SUCCEEDED' || e.completionTime) return { succeeded: true };",
    tests: ['test/integration/job.test.ts'],
  },
  {
    name: 'failed-attempt-ok',
    breaks: "a failed Cloud Scheduler attempt counts as OK",
    file: 'src/smoke/smoke.ts',
    search: 'const { code, message, confirmedBy, job } = seen.result!;',
    replace: 'const { message, confirmedBy, job } = seen.result!; const code: number = 0;',
    tests: ['test/integration/service.test.ts'],
  },
  {
    name: 'binding-on-project',
    breaks: 'the invoker binding is written on the project instead of the one job or service',
    file: 'src/iam/binding.ts',
    search: 'return clients.run.setIamPolicy(resource, next);',
    replace: "return clients.run.setIamPolicy(resource.split('/locations/')[0]!, next);",
    tests: ['test/integration/job.test.ts'],
  },
  {
    name: 'run-resent-on-503',
    breaks: "the Scheduler job's :run is sent again after a 503, so the workload may run twice",
    file: 'src/smoke/smoke.ts',
    search: "clients.scheduler.call(name, 'run'), { retryOn: isQuotaError }",
    replace: "clients.scheduler.call(name, 'run'), { retryOn: () => true }",
    tests: ['test/integration/safety.test.ts'],
  },
  {
    name: 'env-value-in-plan',
    breaks: 'the plan shows env var values (they reach the log, the plan output and the summary)',
    file: 'src/plan/planner.ts',
    search: "  if (f.field !== 'env_vars') return f;",
    replace: '  return f;',
    tests: ['test/integration/safety.test.ts'],
  },
  {
    name: 'empty-input-overwrites',
    breaks: 'an empty input sets the default on an update instead of keeping the live value',
    file: 'src/run/workload.ts',
    search: '  return current ? undefined : createDefault;',
    replace: '  return current ? createDefault : createDefault;',
    tests: ['test/integration/safety.test.ts'],
  },
  // Ownership (docs/ownership.md): what may be deleted or taken over is an exact match of the owner record.
  {
    name: 'fleet-by-presence',
    breaks: "a fleet mark counts as this fleet's when any fleet is named: fleet other tears down fleet reports' workload",
    file: 'src/ownership/classify.ts',
    search: 'fleet === here.fleet ? undefined :',
    replace: '(fleet === undefined) === (here.fleet === undefined) ? undefined :',
    tests: [OWNERSHIP],
  },
  {
    name: 'repository-ignored',
    breaks: "the repository id is not compared: repository B's fleet prod prunes repository A's fleet prod",
    file: 'src/ownership/classify.ts',
    search: "if (r.repositoryId !== here.repositoryId) return { ownership: 'other-repository', owner };",
    replace: '',
    tests: [OWNERSHIP],
  },
  {
    name: 'target-uri-unchecked',
    breaks: "a Scheduler job's :run URI is not compared with the workload: a teardown of x takes z's trigger for x's",
    file: 'src/ownership/targets.ts',
    search: 'if (v1) return v1[1] === w.region && w.projects.includes(v1[2]!) && v1[3] === w.name;',
    replace: 'if (v1) return true;',
    tests: [OWNERSHIP],
  },
  {
    name: 'prune-after-failure',
    breaks: 'prune and teardown run after a workload failed: the old workload goes although its replacement was not created',
    file: 'src/fleet/run-fleet.ts',
    search: 'if (failed.length > 0 && removals.length > 0) {\n        skipped = `Prune and state: absent were skipped',
    replace: 'if (failed.length < 0) {\n        skipped = `Prune and state: absent were skipped',
    tests: [OWNERSHIP],
  },
  {
    name: 'stale-binding-foreign',
    breaks: 'stale-binding removal takes every binding no longer wanted, also one the action never granted',
    file: 'src/plan/planner.ts',
    search: '  const stale = recorded\n',
    replace: "  const stale = (policy?.bindings ?? []).flatMap((b) => (b.members ?? []).map((member) => ({ role: b.role ?? '', member })))\n",
    tests: [OWNERSHIP],
  },
  {
    name: 'stale-binding-kept',
    breaks: 'the old invoker the action granted keeps roles/run.invoker after invoker_service_account changes',
    file: 'src/iam/binding.ts',
    search: 'if (binding) binding.members = binding.members.filter((m) => m !== member);',
    replace: '',
    tests: [OWNERSHIP],
  },
  {
    name: 'prune-triggers-declared-regions-only',
    breaks: "prune lists Scheduler jobs only in the regions still declared: a removed workload's trigger in another region keeps firing",
    file: 'src/fleet/prune.ts',
    search: 'index.jobsIn(everywhere ? undefined : [...recorded])',
    replace: 'index.jobsIn(schedulerRegions)',
    tests: [OWNERSHIP],
  },
  {
    name: 'teardown-triggers-named-region-only',
    breaks: 'state: absent looks for triggers only in scheduler_region, not in every region the workload records',
    file: 'src/pipeline/teardown.ts',
    search: 'current.triggers = await index.jobsIn(regions);',
    replace: 'current.triggers = await index.jobsIn(named);',
    tests: [OWNERSHIP],
  },
  {
    name: 'fleet-mark-kept',
    breaks: "single mode keeps an earlier fleet mark: the fleet's next prune deletes a workload single mode now deploys",
    file: 'src/ownership/record.ts',
    search: 'const kept = Object.entries(labels ?? {}).filter(([k]) => !isOwnerLabel(k));',
    replace: 'const kept = Object.entries(labels ?? {});',
    tests: [OWNERSHIP],
  },
  {
    name: 'reserved-label-allowed',
    breaks: "a user label cloud-run-cron-fleet=... is accepted: any workflow can put a workload into another fleet's prune set",
    file: 'src/config/lists.ts',
    search: '} else if (reservedLabel(key)) {',
    replace: '} else if (reservedLabel(key) === key) {',
    tests: [OWNERSHIP],
  },
  {
    name: 'prune-one-batch',
    breaks: "prune deletes triggers and workloads in one parallel batch: a workload's deletion neither waits for its trigger's nor stops when that fails",
    file: 'src/pipeline/delete.ts',
    search: "deletions.filter((c) => c.type === 'scheduler-job'),",
    replace: 'deletions.splice(0),',
    tests: [FLEET_GUARDS],
  },
  {
    name: 'prune-later-schedules-undeclared',
    breaks: "prune treats a workload's second and later schedules as undeclared and deletes their Scheduler jobs",
    file: 'src/fleet/run-fleet.ts',
    search: '...(r.config.moreSchedules ?? []).map(',
    replace: '...(r.config.moreSchedules ?? []).slice(0, 0).map(',
    tests: [FLEET_GUARDS],
  },
  {
    name: 'prune-scheduler-regions-skipped',
    breaks: 'prune lists Scheduler jobs only in the Cloud Run regions, not in the scheduler_regions',
    file: 'src/fleet/prune.ts',
    search: 'index.jobsIn(everywhere ? undefined : [...recorded])',
    replace: 'index.jobsIn(regions)',
    tests: [FLEET_GUARDS],
  },
  {
    name: 'teardown-any-managed-by',
    breaks: 'state: absent takes any managed-by label (managed-by=terraform) as made by cloud-run-cron',
    file: 'src/ownership/record.ts',
    search: "if (l[MANAGED_BY_KEY] !== MANAGED_BY) return { kind: 'unmarked' };",
    replace: "if (!l[MANAGED_BY_KEY]) return { kind: 'unmarked' };",
    tests: [UNIT_GUARDS],
  },
  {
    name: 'max-parallel-ignored',
    breaks: 'max_parallel is ignored: every workload of a fleet is written at once',
    file: 'src/fleet/run-fleet.ts',
    search: 'await inParallel(runs.filter((r) => !r.config.teardown), fleet.maxParallel,',
    replace: 'await inParallel(runs.filter((r) => !r.config.teardown), runs.length,',
    tests: [FLEET_GUARDS],
  },
  {
    name: 'failure-stops-the-rest',
    breaks: 'a failing workload stops the workloads of the fleet not started yet',
    file: 'src/fleet/run-fleet.ts',
    search: 'runs.filter((r) => !r.config.teardown), fleet.maxParallel, (run) => applyWorkloadRun(ctxOf(run.config), run)',
    replace: 'runs.filter((r) => !r.config.teardown), fleet.maxParallel, (run) => (runs.some((r) => r.failure) ? Promise.resolve() : applyWorkloadRun(ctxOf(run.config), run))',
    tests: [FLEET_GUARDS],
  },
  {
    name: 'comment-any-marker',
    breaks: "the plan comment of another target on the same pull request is overwritten (any cloud-run-cron marker matches)",
    file: 'src/report/pr-comment.ts',
    search: 'mine = page.data.find((c) => c.body?.includes(marker));',
    replace: "mine = page.data.find((c) => c.body?.includes('<!-- cloud-run-cron:plan '));",
    tests: [FLEET_GUARDS],
  },
  {
    name: 'spec-repeated-output-only',
    breaks: 'spec accepts repeated output-only fields (conditions, urls)',
    file: 'src/run/spec.ts',
    search: "if (flags.includes('o')) {",
    replace: "if (flags === 'o') {",
    tests: [UNIT_GUARDS],
  },
  {
    name: 'spec-env-not-redacted',
    breaks: 'env values given in spec are not registered for redaction (an API error that echoes them prints them)',
    file: 'src/main.ts',
    search: '...(config.spec?.envValues ?? []),',
    replace: '...[],',
    tests: [FLEET_GUARDS],
  },
  {
    name: 'planner-write-not-refused',
    breaks: 'a run of the read-only planner (read_only: true) that would write is not refused before its first write',
    file: 'src/fleet/run-fleet.ts',
    search: 'if (first.readOnly) refuseWrites(',
    replace: 'if (first.readOnly && first.dryRun) refuseWrites(',
    tests: ['test/integration/identities.test.ts'],
  },
  {
    name: 'planner-smoke-test-not-a-write',
    breaks: "the planner's refusal leaves out the smoke test, which runs the trigger (a write)",
    file: 'src/plan/read-only.ts',
    search: "...(w.smokeTestRuns ? [`${w.label ? `${w.label}: ` : ''}the smoke test (it runs the trigger once)`] : []),",
    replace: '',
    tests: ['test/integration/identities.test.ts'],
  },
  {
    name: 'hint-names-repository',
    breaks: "the impersonation fix binds the whole repository (principalSet attribute.repository) instead of this run's own subject",
    file: 'src/errors/grants.ts',
    search: "serviceAccountGrant('roles/iam.workloadIdentityUser', subjectPrincipal(ctx.provider, ctx.subject), account)",
    replace: "serviceAccountGrant('roles/iam.workloadIdentityUser', `principalSet://iam.googleapis.com/${ctx.provider.replace(/\\/providers\\/[^/]+$/, '')}/attribute.repository/${ctx.repository ?? 'OWNER/REPO'}`, account)",
    tests: ['test/integration/identities.test.ts', 'test/integration/errors.test.ts'],
  },
  {
    name: 'override-warning-info',
    breaks: 'endpoint overrides from the environment are only an info line, not a ::warning:: annotation',
    file: 'src/fleet/run-fleet.ts',
    search: 'if (overridden) core.warning(overridden);',
    replace: 'if (overridden) core.info(overridden);',
    tests: ['test/integration/identities.test.ts'],
  },
  {
    name: 'impersonated-warning',
    breaks: "google-auth-library's Impersonated validation warning is back in the action's log",
    file: 'src/auth/credentials.ts',
    search: 'authClient = suppressAdcWarning ? suppressAdcWarning(() => new Impersonated(options)) : new Impersonated(options);',
    replace: 'authClient = new Impersonated(options);',
    tests: ['test/integration/adc.test.ts'],
  },
  {
    name: 'completion-from-completion-time',
    breaks: "an execution counts as ended once completionTime is set, before its Completed condition (execution.proto: not in happens-before order)",
    file: 'src/smoke/smoke.ts',
    search: '    finished: executionFinished,',
    replace: '    finished: (e) => timestampMs(e.completionTime) !== undefined,',
    tests: [REAL_CLOUD],
  },
  {
    name: 'registry-check-off',
    breaks: 'an image from a registry Cloud Run cannot deploy from is sent to Cloud Run instead of refused before any request',
    file: 'src/config/parse-config.ts',
    search: "  if (unpullable) return r.fail('image', `${quote(image)}: ${unpullable}.`) ?? '';",
    replace: '',
    tests: [REAL_CLOUD],
  },
  {
    name: 'cross-project-invoker-allowed',
    breaks: "an invoker service account of another project than the Scheduler job's is sent to the API (target.proto: it must be in the job's project)",
    file: 'src/config/parse-config.ts',
    search: '&& invokerProject !== projectId) {',
    replace: '&& invokerProject === undefined) {',
    tests: [REAL_CLOUD],
  },
  {
    name: 'disabled-not-recreated',
    breaks: 'a Scheduler job the system DISABLED is resumed like a paused one (ResumeJob needs PAUSED: the run fails with the raw API error)',
    file: 'src/plan/planner.ts',
    search: "  if (current && state === 'DISABLED') return recreateDisabled(config, names, current, desired, fields);",
    replace: '',
    tests: [REAL_CLOUD],
  },
  {
    name: 'token-problem-ignored',
    breaks: "a trigger whose OAuth token lacks the cloud-platform scope for a Google API is not recognised (retried as IAM propagation, reported as a missing role)",
    file: 'src/smoke/smoke.ts',
    search: '  if (!scopes.includes(CLOUD_PLATFORM_SCOPE)) return',
    replace: '  if (scopes.length < 0) return',
    tests: ['test/unit/smoke-token.test.ts'],
  },
  {
    name: 'quota-429-as-permission',
    breaks: "a 429 from Cloud Logging's read quota makes the attempt log count as unreadable (the smoke tests fall back to attempt_deadline and advise roles/logging.viewer)",
    file: 'src/smoke/attempt-log.ts',
    search: '      if (facts.httpStatus === 429 || facts.grpcCode === 8) {',
    replace: "      if (facts.grpcCode === 8 || facts.httpStatus === 429) { this.unreadable = 'grant roles/logging.viewer'; return; }\n      if (facts.httpStatus === -1) {",
    tests: [REAL_CLOUD],
  },
  {
    name: 'smoke-in-time-check-off',
    breaks: 'a service smoke test that cannot be confirmed before smoke_timeout (no log, attempt_deadline longer) runs the service and ends in a bare timeout',
    file: 'src/smoke/smoke.ts',
    search: '    if (cannot) return { ...cannot, durationMs: Date.now() - started };',
    replace: '',
    tests: [REAL_CLOUD],
  },
  {
    name: 'alert-policy-owner-loose',
    breaks: "prune and state: absent delete any policy that carries some owner record (another repository's, another fleet's), not only this workload's exact one",
    file: 'src/alerts/owner.ts',
    search: "return classify(fromLabels(policy.userLabels), here).ownership === 'ours';",
    replace: "return classify(fromLabels(policy.userLabels), here).ownership !== 'unmarked';",
    tests: [ALERTS, UNIT_ALERTS],
  },
  {
    name: 'alert-policies-left-behind',
    breaks: 'prune and state: absent delete the triggers and the workload but leave its alert policies watching nothing',
    file: 'src/pipeline/delete.ts',
    search: "deletions.filter((c) => c.type === 'alert-policy'),",
    replace: '[],',
    tests: [ALERTS],
  },
  {
    name: 'alert-rerun-writes',
    breaks: 'a rerun with nothing changed PATCHes every alert policy (proto3 defaults Google leaves out read as a difference)',
    file: 'src/alerts/plan.ts',
    search: 'if (sameValue(comparable(before), comparable(body[k]))) continue;',
    replace: 'if (sameValue(before, body[k])) continue;',
    tests: [ALERTS, UNIT_ALERTS],
  },
];

/** How often `search` occurs in `text` (each mutant's must occur exactly once in its file). */
export function occurrences(text: string, search: string): number {
  let n = 0;
  for (let i = text.indexOf(search); i >= 0; i = text.indexOf(search, i + 1)) n++;
  return n;
}
