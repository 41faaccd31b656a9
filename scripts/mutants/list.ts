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
const REAL_CLOUD = 'test/integration/real-cloud.test.ts';

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
    search: 'const bindings = (policy.bindings ?? []).map(',
    replace: 'const bindings = (policy.bindings ?? []).filter(() => false).map(',
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
];

/** How often `search` occurs in `text` (each mutant's must occur exactly once in its file). */
export function occurrences(text: string, search: string): number {
  let n = 0;
  for (let i = text.indexOf(search); i >= 0; i = text.indexOf(search, i + 1)) n++;
  return n;
}
