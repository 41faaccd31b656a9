export const id = 144;
export const ids = [144];
export const modules = {

/***/ 1832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lZ: () => (/* binding */ ActionError),
  cU: () => (/* binding */ explainApiError),
  y6: () => (/* binding */ explainAuthError)
});

// UNUSED EXPORTS: federationGrant, findDenial, grantFor, isConflict, isNotFound, isPermissionDenied, isRetryable, providerPathProblem, readApiError, repositoryPrincipalSet, scrubSecrets

// EXTERNAL MODULE: ./src/errors/api-error.ts
var api_error = __webpack_require__(1384);
;// CONCATENATED MODULE: ./src/errors/grants.ts
// Which role grants a missing permission, and the one gcloud command that grants it on the
// narrowest scope that fits what this action does.
// First match wins; permission names compare case-insensitively because Google's
// messages spell them both ways ('iam.serviceaccounts.actAs').
const RULES = [
    { permission: /^iam\.serviceAccounts\.actAs$/i, role: 'roles/iam.serviceAccountUser', scope: 'service-account' },
    {
        permission: /^iam\.serviceAccounts\.(getAccessToken|getOpenIdToken|signJwt|signBlob)$/i,
        role: 'roles/iam.workloadIdentityUser',
        scope: 'federation',
    },
    { permission: /^run\.jobs\.runWithOverrides$/i, role: 'roles/run.jobsExecutorWithOverrides', scope: 'run-resource' },
    { permission: /^run\.(jobs\.run|routes\.invoke)$/i, invokerOnly: true, role: 'roles/run.invoker', scope: 'run-resource' },
    { permission: /^run\./i, role: 'roles/run.admin', scope: 'project' },
    { permission: /^cloudscheduler\./i, role: 'roles/cloudscheduler.admin', scope: 'project' },
];
const PLACEHOLDER = {
    project: 'PROJECT_ID',
    deployer: 'serviceAccount:DEPLOYER_SA_EMAIL',
    adcAccount: 'serviceAccount:ADC_ACCOUNT_EMAIL',
    serviceAccount: 'SERVICE_ACCOUNT_EMAIL',
    repository: 'OWNER/REPO',
};
/** IAM member string of an email: service accounts and users differ. */
function memberOf(email) {
    return `${email.endsWith('.gserviceaccount.com') ? 'serviceAccount' : 'user'}:${email}`;
}
/**
 * The principalSet of the workflow's repository under the provider's pool (needs the
 * provider to map attribute.repository = assertion.repository).
 */
function repositoryPrincipalSet(provider, repository = PLACEHOLDER.repository) {
    const pool = provider.replace(/^\/*(?:iam\.googleapis\.com\/)?/, '').replace(/\/providers\/[^/]+$/, '');
    return `principalSet://iam.googleapis.com/${pool}/attribute.repository/${repository}`;
}
/** The member that made the deployer's calls: the deployer SA, else the federated repository. */
function callerMember(ctx) {
    if (ctx.deployer)
        return memberOf(ctx.deployer);
    if (ctx.provider)
        return repositoryPrincipalSet(ctx.provider, ctx.repository);
    return PLACEHOLDER.deployer;
}
const RUN_RESOURCE = /^projects\/([^/]+)\/locations\/([^/]+)\/(jobs|services)\/([^/]+)$/;
/** Project of a full resource name, if it has one. */
function projectOf(resource) {
    return resource ? /^projects\/([^/]+)\//.exec(resource)?.[1] : undefined;
}
function projectGrant(role, member, ctx) {
    const project = ctx.projectId ?? projectOf(ctx.resource) ?? PLACEHOLDER.project;
    return {
        role,
        member,
        scope: `project ${project}`,
        command: `gcloud projects add-iam-policy-binding ${project} --member=${member} --role=${role}`,
    };
}
function serviceAccountGrant(role, member, account) {
    return {
        role,
        member,
        scope: `service account ${account}`,
        command: `gcloud iam service-accounts add-iam-policy-binding ${account} --member=${member} --role=${role}`,
    };
}
function runResourceGrant(role, member, ctx) {
    const m = RUN_RESOURCE.exec(ctx.resource ?? '');
    if (!m)
        return projectGrant(role, member, ctx); // no resource to bind on: the project still works
    const [, project, region, collection, name] = m;
    return {
        role,
        member,
        scope: `${collection === 'jobs' ? 'job' : 'service'} ${name}`,
        command: `gcloud run ${collection} add-iam-policy-binding ${name} --region=${region} --project=${project} --member=${member} --role=${role}`,
    };
}
/** The grant that fixes a missing `permission`, or undefined when the table has no rule for it. */
function grantFor(permission, ctx) {
    const rule = RULES.find((r) => r.permission.test(permission) && (!r.invokerOnly || ctx.invoker));
    if (!rule)
        return undefined;
    switch (rule.scope) {
        case 'project':
            return projectGrant(rule.role, callerMember(ctx), ctx);
        case 'service-account':
            return serviceAccountGrant(rule.role, callerMember(ctx), ctx.serviceAccount ?? PLACEHOLDER.serviceAccount);
        case 'run-resource':
            return runResourceGrant(rule.role, ctx.invoker ? memberOf(ctx.invoker) : callerMember(ctx), ctx);
        case 'federation':
            return federationGrant(ctx);
    }
}
/**
 * Who may mint tokens for the deployer SA: the workflow's federated identity
 * (roles/iam.workloadIdentityUser), or without federation the ADC account
 * (roles/iam.serviceAccountTokenCreator).
 */
function federationGrant(ctx) {
    const account = ctx.serviceAccount ?? ctx.deployer ?? PLACEHOLDER.serviceAccount;
    return ctx.provider
        ? serviceAccountGrant('roles/iam.workloadIdentityUser', repositoryPrincipalSet(ctx.provider, ctx.repository), account)
        : serviceAccountGrant('roles/iam.serviceAccountTokenCreator', PLACEHOLDER.adcAccount, account);
}

// EXTERNAL MODULE: ./src/errors/scrub.ts
var scrub = __webpack_require__(356);
;// CONCATENATED MODULE: ./src/errors/explain.ts
// Every failure becomes one message a person can act on: what the step was doing, on which
// resource, what Google said, the missing permission, and the one command that grants it.






/** A failure explained: `message` is the whole story; the fields are for callers and tests. */
class ActionError extends Error {
    permission;
    resource;
    role;
    fix;
    code;
    httpStatus;
    constructor(message, details = {}) {
        super(message, { cause: details.cause });
        this.name = 'ActionError';
        this.permission = details.permission;
        this.resource = details.resource;
        this.role = details.role;
        this.fix = details.fix;
        this.code = details.code;
        this.httpStatus = details.httpStatus;
    }
}
const DENIAL_PATTERNS = [
    /Permission '([^']+)' denied on resource '([^']+)'/i,
    /Permission '([^']+)' denied on service account ([^\s()]+?)\.?(?=\s|$)/i,
    /lacks IAM permission "([^"]+)" for the resource "([^"]+)"/i,
    /Permission '([^']+)' denied/i,
];
/** 'iam.serviceaccounts.actAs' as IAM spells it elsewhere. */
const canonicalPermission = (p) => p.replace(/^iam\.serviceaccounts\./i, 'iam.serviceAccounts.');
function findDenial(facts) {
    const { permission, resource } = facts.metadata;
    if (permission)
        return { permission: canonicalPermission(permission), on: resource };
    for (const pattern of DENIAL_PATTERNS) {
        const m = pattern.exec(facts.message);
        if (m?.[1])
            return { permission: canonicalPermission(m[1]), on: m[2] };
    }
    return undefined;
}
/** The email in 'projects/-/serviceAccounts/EMAIL' or a bare email. */
function serviceAccountIn(text) {
    return text ? /([^\s/'"]+@[^\s/'"]+)$/.exec(text)?.[1] : undefined;
}
// ---------------------------------------------------------------------------------------
// Message assembly.
const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function headline(ctx, facts) {
    const label = (0,api_error/* statusLabel */.Rh)(facts);
    const on = ctx.resource && !ctx.action.includes(ctx.resource) ? ` ${ctx.resource}` : '';
    return `${capitalize(ctx.action)}${on} failed: ${facts.message}${label ? ` (${label})` : ''}`;
}
function grantLines(intro, grant) {
    const lines = [`${intro} Grant ${grant.role} on ${grant.scope} to ${grant.member}:`, `  ${grant.command}`];
    if (grant.member.startsWith('principalSet://') && grant.member.includes('/attribute.repository/')) {
        lines.push('  (this principalSet needs the provider to map attribute.repository = assertion.repository)');
    }
    return lines;
}
/** A disabled API: the one `gcloud services enable`. */
function serviceDisabledFix(facts, ctx) {
    const disabled = facts.reason === 'SERVICE_DISABLED' || /has not been used in project \S+ before or it is disabled/i.test(facts.message);
    if (!disabled)
        return undefined;
    const service = facts.metadata.service ?? /apis\/api\/([a-z0-9.-]+)\//i.exec(facts.message)?.[1] ?? /\b([a-z0-9-]+\.googleapis\.com)\b/.exec(facts.message)?.[1];
    const project = facts.metadata.consumer?.replace(/^projects\//, '') ?? /in project (\S+?) before/.exec(facts.message)?.[1] ?? ctx.projectId;
    return `gcloud services enable ${service ?? 'SERVICE.googleapis.com'} --project=${project ?? 'PROJECT_ID'}`;
}
// One-line hints for codes that have no permission to name.
const CODE_HINTS = {
    8: 'A quota was exceeded; the action already backs off and retries. If it persists, raise the quota or run less often.',
    16: 'The access token was rejected (expired, or minted for another audience); re-run the step.',
};
const callerOf = (ctx) => (ctx.deployer ? memberOf(ctx.deployer) : 'the deployer');
function explainFacts(facts, ctx, cause, options = {}) {
    const { fallbackPermission, denialNote } = options;
    const lines = [headline(ctx, facts)];
    const code = (0,api_error/* grpcCodeOf */.pW)(facts);
    const details = { code, httpStatus: facts.httpStatus, resource: ctx.resource, cause };
    const enable = serviceDisabledFix(facts, ctx);
    const denial = findDenial(facts) ?? (fallbackPermission ? { permission: fallbackPermission } : undefined);
    if (enable) {
        lines.push('The API is not enabled in the project. Enable it with:', `  ${enable}`);
        details.fix = enable;
    }
    else if (denial) {
        const serviceAccount = serviceAccountIn(denial.on) ?? ctx.serviceAccount;
        const grant = grantFor(denial.permission, { ...ctx, serviceAccount });
        const missing = `Missing permission ${denial.permission}${denial.on ? ` on ${denial.on}` : ''}.`;
        if (grant)
            lines.push(...grantLines(missing, grant));
        else
            lines.push(`${missing} Grant a role that includes it to ${callerOf(ctx)}.`);
        if (denialNote)
            lines.push(denialNote);
        Object.assign(details, { permission: denial.permission, role: grant?.role, fix: grant?.command, resource: ctx.resource ?? denial.on });
    }
    else if (code === 7) {
        lines.push(`Permission denied without naming the permission: check that ${callerOf(ctx)} has roles/run.admin and ` +
            'roles/cloudscheduler.admin on the project and roles/iam.serviceAccountUser on the runtime and invoker service accounts.');
    }
    else if (code !== undefined && CODE_HINTS[code]) {
        lines.push(CODE_HINTS[code]);
    }
    return new ActionError(lines.join('\n'), details);
}
/** Turns any failed Google API call into one ActionError (an ActionError passes through). */
function explainApiError(err, context) {
    if (err instanceof ActionError)
        return err;
    return explainFacts((0,api_error/* readApiError */.tR)(err), context, err);
}
const PROVIDER_PATH = /^projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;
/** What is wrong with the provider path's shape, if anything. */
function providerPathProblem(provider) {
    if (!provider)
        return undefined;
    const path = provider.replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, '');
    const m = PROVIDER_PATH.exec(path);
    if (!m) {
        return /\/workloadIdentityPools\/[^/]+\/?$/.test(path)
            ? 'workload_identity_provider names a pool, not a provider: append /providers/PROVIDER_ID.'
            : 'workload_identity_provider must be projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER.';
    }
    const project = m[1] ?? '';
    if (!/^\d+$/.test(project)) {
        return (`workload_identity_provider uses '${project}' where the project NUMBER belongs; find it with:\n` +
            `  gcloud projects describe ${project} --format='value(projectNumber)'`);
    }
    return undefined;
}
/** The OAuth error of an STS failure: from the response body, or the message google-auth-library builds. */
function oauthErrorOf(facts) {
    if (facts.oauthError)
        return { error: facts.oauthError, description: facts.oauthDescription };
    // oauth2common.getErrorFromOAuthErrorResponse: 'Error code CODE: DESCRIPTION - URI'
    const gal = /Error code (\w+)(?::\s*([\s\S]*?))?(?: - \S+)?$/.exec(facts.message);
    if (gal)
        return { error: gal[1], description: gal[2] };
    const json = { error: /"error"\s*:\s*"(\w+)"/.exec(facts.message)?.[1], description: /"error_description"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(facts.message)?.[1] };
    return json.error ? json : { description: facts.message };
}
function describeProviderCommand(provider) {
    const m = provider ? PROVIDER_PATH.exec(provider) : null;
    const [, project = 'PROJECT_NUMBER', pool = 'POOL', id = 'PROVIDER'] = m ?? [];
    return `gcloud iam workload-identity-pools providers describe ${id} --workload-identity-pool=${pool} --location=global --project=${project} --format='value(attributeCondition)'`;
}
/**
 * The fix for a google.subject over 127 bytes, for the documented setup: it binds the deployer by
 * subject, so the sub moves to a custom attribute (only google.subject has the 127-byte limit)
 * and the binding follows it; the other mappings stay (update-oidc replaces them all).
 */
function shortSubjectCommands(provider) {
    const m = provider ? PROVIDER_PATH.exec(provider) : null;
    const [, project = 'PROJECT_NUMBER', pool = 'POOL', id = 'PROVIDER'] = m ?? [];
    return [
        `gcloud iam workload-identity-pools providers update-oidc ${id} --workload-identity-pool=${pool} --location=global --project=${project} ` +
            `--attribute-mapping="google.subject=assertion.repository_id+':'+assertion.run_id,attribute.sub=assertion.sub,` +
            `attribute.actor=assertion.actor,attribute.repository=assertion.repository,attribute.repository_owner_id=assertion.repository_owner_id,` +
            `attribute.job_workflow_ref=assertion.job_workflow_ref"`,
        `gcloud iam service-accounts add-iam-policy-binding DEPLOYER --role=roles/iam.workloadIdentityUser ` +
            `--member="principalSet://iam.googleapis.com/projects/${project}/locations/global/workloadIdentityPools/${pool}/attribute.sub/SUBJECT"`,
    ];
}
function stsDiagnosis(error, description, ctx) {
    const provider = ctx.provider ?? 'PROVIDER';
    if (/exceeds the 127 bytes? limit/i.test(description)) {
        const [mapping, binding] = shortSubjectCommands(ctx.provider);
        return {
            text: "The provider's attribute mapping makes google.subject longer than the 127 bytes Google allows: with " +
                "google.subject=assertion.sub, GitHub's sub (repo:OWNER/REPO:environment:NAME, or repo:OWNER/REPO:ref:refs/heads/BRANCH " +
                'for a job without an environment) is too long for a long repository, environment or branch name. Keep the sub ' +
                'in a custom attribute (only google.subject has the limit), map google.subject to something short, keep the ' +
                'other mappings, and bind the deployer by the attribute instead of the subject (SUBJECT is the sub the old ' +
                'binding named, such as repo:OWNER/REPO:environment:production):\n' +
                `  ${mapping}\n  ${binding}`,
            fix: mapping,
        };
    }
    if (/attribute condition/i.test(description)) {
        const fix = describeProviderCommand(ctx.provider);
        return {
            text: `The provider's attribute condition rejected this workflow's token` +
                `${ctx.repository ? ` (repository ${ctx.repository})` : ''}: compare the condition with the token's claims ` +
                '(repository, repository_owner, ref, job_workflow_ref). Show the condition with:\n' +
                `  ${fix}`,
            fix,
        };
    }
    if (error === 'invalid_target' || /does not exist|not found|disabled|deleted/i.test(description)) {
        return {
            text: `The provider ${provider} was not found or is disabled: check the pool and provider IDs, that the path uses ` +
                'the project NUMBER, and that pool and provider are enabled.',
        };
    }
    if (/audience/i.test(description)) {
        const requested = ctx.audience ?? `https://iam.googleapis.com/${provider}`;
        return {
            text: `The token's audience is not one the provider accepts: the action requested ${requested}. ` +
                "Leave 'audience' unset (the provider accepts https://iam.googleapis.com/ + its path by default) or add it to the provider's allowed audiences.",
        };
    }
    return { text: "Check workload_identity_provider (the full provider path, with the project number), the provider's attribute condition, and 'audience'." };
}
function explainGithubToken(err, env) {
    const facts = (0,api_error/* readApiError */.tR)(err);
    const noRequestUrl = !env.ACTIONS_ID_TOKEN_REQUEST_URL || /ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/.test(facts.message);
    if (!noRequestUrl)
        return new ActionError(`Getting the GitHub OIDC token failed: ${facts.message}`, { cause: err });
    const fix = 'permissions:\n  id-token: write\n  contents: read';
    return new ActionError('Getting the GitHub OIDC token failed: ACTIONS_ID_TOKEN_REQUEST_URL is not set, so the workflow lacks ' +
        "'permissions: id-token: write'. Add to the job (or the workflow):\n" +
        fix.replace(/^/gm, '  ') +
        '\n(Workflows triggered by pull requests from forks never get an OIDC token.)', { fix, cause: err });
}
function explainSts(err, ctx) {
    const facts = (0,api_error/* readApiError */.tR)(err);
    const { error, description = facts.message } = oauthErrorOf(facts);
    const shape = providerPathProblem(ctx.provider);
    const diagnosis = stsDiagnosis(error, description, ctx);
    const lines = [
        `Exchanging the GitHub OIDC token at Google STS failed (Failed to generate Google Cloud federated token)` +
            `${ctx.provider ? ` for provider ${ctx.provider}` : ''}: ${error ? `${error}: ` : ''}${(0,scrub/* scrubSecrets */.Zg)(description)}`,
        ...(shape ? [shape] : []),
        diagnosis.text,
    ];
    return new ActionError(lines.join('\n'), {
        fix: diagnosis.fix,
        resource: ctx.provider,
        httpStatus: facts.httpStatus,
        code: (0,api_error/* grpcCodeOf */.pW)(facts),
        cause: err,
    });
}
function explainImpersonation(err, ctx) {
    const account = ctx.serviceAccount ?? ctx.deployer;
    const impersonation = {
        ...ctx,
        // The stage says more than a caller's generic action ('authenticating').
        action: `impersonating ${account ?? 'the deployer service account'}`,
        resource: account,
        serviceAccount: account,
        // The caller here is the federated identity, not the deployer it is trying to become.
        deployer: undefined,
    };
    return explainFacts((0,api_error/* readApiError */.tR)(err), impersonation, err, {
        // iamcredentials answers 403 both for a missing binding and for an account that does not exist.
        fallbackPermission: (0,api_error/* isPermissionDenied */.T1)(err) ? 'iam.serviceAccounts.getAccessToken' : undefined,
        denialNote: account ? `(If ${account} does not exist, check the 'service_account' input.)` : undefined,
    });
}
/** Explains a failed link of the auth chain. */
function explainAuthError(stage, err, ctx, env = process.env) {
    if (err instanceof ActionError)
        return err;
    switch (stage) {
        case 'github-token':
            return explainGithubToken(err, env);
        case 'sts':
            return explainSts(err, ctx);
        case 'impersonation':
            return explainImpersonation(err, ctx);
        case 'adc':
            return new ActionError(`Authenticating with Application Default Credentials failed: ${(0,api_error/* readApiError */.tR)(err).message}\n` +
                'Without workload_identity_provider this step uses Application Default Credentials, for example from a ' +
                'google-github-actions/auth step before it. To let this step authenticate by itself through Workload ' +
                'Identity Federation, set workload_identity_provider (and service_account, the deployer to impersonate), ' +
                "and give the job 'permissions: id-token: write'.", { cause: err });
    }
}


/***/ }),

/***/ 144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ readOwned),
/* harmony export */   _5: () => (/* binding */ FLEET_LABEL),
/* harmony export */   wM: () => (/* binding */ planPrune)
/* harmony export */ });
/* unused harmony exports ownsWorkload, ownsSchedulerJob */
/* harmony import */ var _plan_delete_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5652);
/* harmony import */ var _scheduler_scheduler_job_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(634);
/* harmony import */ var _scheduler_upsert_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5618);



/** The label every workload of a fleet carries, with the fleet's id as its value. */
const FLEET_LABEL = 'cloud-run-cron-fleet';
function ownsWorkload(fleet, labels) {
    return labels?.['managed-by'] === 'cloud-run-cron' && labels[FLEET_LABEL] === fleet;
}
function ownsSchedulerJob(fleet, description) {
    // The marker ends with "workload=": the fleet id is followed by a space, so fleet=a never matches fleet=ab.
    return (description ?? '').startsWith((0,_scheduler_scheduler_job_js__WEBPACK_IMPORTED_MODULE_0__/* .fleetMarker */ .Th)(fleet, ''));
}
/** What carries the fleet's marks, in `regions` (Cloud Run) and wherever of them Cloud Scheduler is offered. */
async function readOwned(api, clients, projectId, fleet, regions) {
    const offered = new Set(await (0,_scheduler_upsert_js__WEBPACK_IMPORTED_MODULE_1__/* .schedulerRegions */ .L8)(api, clients, projectId));
    const lists = await Promise.all([
        ...regions.flatMap((region) => ['jobs', 'services'].map(async (collection) => {
            const parent = `projects/${projectId}/locations/${region}`;
            const items = await api.call(`listing the Cloud Run ${collection}`, parent, () => clients.run.list(parent, collection));
            return items
                .filter((r) => ownsWorkload(fleet, r.labels) && r.name)
                .map((r) => ({ type: collection === 'jobs' ? 'run-job' : 'run-service', resource: r.name }));
        })),
    ]);
    const scheduler = await Promise.all(regions.filter((r) => offered.has(r)).map(async (region) => {
        const jobs = await (0,_scheduler_upsert_js__WEBPACK_IMPORTED_MODULE_1__/* .listSchedulerJobs */ .G3)(api, clients, `projects/${projectId}/locations/${region}`);
        return jobs.filter((j) => ownsSchedulerJob(fleet, j.description) && j.name).map((j) => j.name);
    }));
    return { workloads: lists.flat(), schedulerJobs: scheduler.flat() };
}
/** `- delete` changes for what is owned and not declared (full resource names). Pure. */
function planPrune(fleet, owned, declared) {
    const reason = `carries the marks of fleet ${fleet} and is no longer in the manifest`;
    const deletions = [
        ...owned.schedulerJobs.filter((n) => !declared.schedulerJobs.has(n)).map((resource) => ({ type: 'scheduler-job', resource, reason })),
        ...owned.workloads.filter((w) => !declared.resources.has(w.resource)).map((w) => ({ type: w.type, resource: w.resource, reason })),
    ];
    return (0,_plan_delete_js__WEBPACK_IMPORTED_MODULE_2__/* .planDeletions */ .f)(deletions);
}


/***/ }),

/***/ 5652:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ planDeletions)
/* harmony export */ });
/** `- delete` changes for `deletions`: Scheduler jobs first, then jobs and services, each group by name. */
function planDeletions(deletions) {
    const rank = (d) => (d.type === 'scheduler-job' ? 0 : 1);
    return [...deletions]
        .sort((a, b) => rank(a) - rank(b) || a.resource.localeCompare(b.resource))
        .map((d) => ({ type: d.type, resource: d.resource, action: 'delete', fields: [], reason: d.reason }));
}


/***/ }),

/***/ 634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $B: () => (/* binding */ desiredSchedulerJob),
/* harmony export */   Th: () => (/* binding */ fleetMarker),
/* harmony export */   _9: () => (/* binding */ SCHEDULER_FIELDS),
/* harmony export */   fz: () => (/* binding */ SCHEDULER_STATES),
/* harmony export */   pK: () => (/* binding */ DEFAULT_ATTEMPT_DEADLINE)
/* harmony export */ });
/* unused harmony exports CLOUD_PLATFORM_SCOPE, URL_AFTER_DEPLOY, jobRunUri, serviceTargetUri */
/* harmony import */ var _google_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4937);

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const DEFAULT_ATTEMPT_DEADLINE = 180;
/** Placeholder while a new service has no URL yet; replaced by re-planning after deploy. */
const URL_AFTER_DEPLOY = '(the service URL, known after deploy)';
const HTTP_METHODS = ['HTTP_METHOD_UNSPECIFIED', 'POST', 'GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const SCHEDULER_STATES = ['STATE_UNSPECIFIED', 'ENABLED', 'PAUSED', 'DISABLED', 'UPDATE_FAILED'];
/** The documented URI that runs a Cloud Run job (regional host, v1 namespaces API). */
function jobRunUri(region, projectId, name) {
    return `https://${region}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/${projectId}/jobs/${name}:run`;
}
/** The service URL + path, without a doubled slash. */
function serviceTargetUri(serviceUri, path) {
    return serviceUri.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}
function isJson(text) {
    try {
        JSON.parse(text);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * `current`: the Scheduler job as it exists, if it does. attempt_deadline and retry_count left
 * empty keep its values (issue 11: an empty input never changes a live value); the defaults
 * apply on a create.
 */
function desiredSchedulerJob(config, names, serviceUri, current) {
    const s = config.schedule;
    const invoker = s.invokerServiceAccount;
    const audience = serviceUri ?? URL_AFTER_DEPLOY;
    const httpTarget = config.kind === 'job'
        ? {
            uri: jobRunUri(config.region, names.projectId, config.name),
            httpMethod: s.httpMethod,
            oauthToken: { serviceAccountEmail: invoker, scope: CLOUD_PLATFORM_SCOPE },
        }
        : {
            uri: serviceUri ? serviceTargetUri(serviceUri, s.path) : URL_AFTER_DEPLOY,
            httpMethod: s.httpMethod,
            oidcToken: { serviceAccountEmail: invoker, audience },
        };
    if (s.body !== undefined) {
        httpTarget.body = Buffer.from(s.body, 'utf8').toString('base64'); // bytes: base64 in REST JSON
        if (isJson(s.body))
            httpTarget.headers = { 'Content-Type': 'application/json' };
    }
    return {
        name: names.schedulerJob,
        description: schedulerDescription(config),
        schedule: s.cron,
        timeZone: s.timeZone,
        httpTarget,
        attemptDeadline: (0,_google_values_js__WEBPACK_IMPORTED_MODULE_0__/* .duration */ .p0)(s.attemptDeadlineSeconds ?? (current ? (0,_google_values_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSeconds */ .o8)(current.attemptDeadline) : undefined) ?? DEFAULT_ATTEMPT_DEADLINE),
        retryConfig: { retryCount: s.retryCount ?? (current ? (0,_google_values_js__WEBPACK_IMPORTED_MODULE_0__/* .toNumber */ .Ro)(current.retryConfig?.retryCount) : undefined) ?? 0 },
    };
}
/** Fleet mode: the marker prune recognises its own Scheduler jobs by (they have no labels). */
function fleetMarker(fleet, workload) {
    return `cloud-run-cron fleet=${fleet} workload=${workload}`;
}
function schedulerDescription(config) {
    const what = `Runs the Cloud Run ${config.kind} ${config.name}`;
    return config.fleet ? `${fleetMarker(config.fleet, config.name)}: ${what}` : `${what} (managed by cloud-run-cron)`;
}
/** The target as compared: what matters for the call Scheduler makes, defaults filled in. */
function normalizedTarget(job) {
    const t = job.httpTarget;
    if (!t)
        return undefined;
    const token = t.oidcToken
        ? { oidc: t.oidcToken.serviceAccountEmail ?? '', audience: t.oidcToken.audience || t.uri || '' }
        : t.oauthToken
            ? { oauth: t.oauthToken.serviceAccountEmail ?? '', scope: t.oauthToken.scope || CLOUD_PLATFORM_SCOPE }
            : { none: true };
    const method = (0,_google_values_js__WEBPACK_IMPORTED_MODULE_0__/* .enumName */ .$U)(t.httpMethod, HTTP_METHODS);
    const contentType = Object.entries(t.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    return {
        uri: t.uri ?? '',
        method: !method || method === 'HTTP_METHOD_UNSPECIFIED' ? 'POST' : method,
        body: (0,_google_values_js__WEBPACK_IMPORTED_MODULE_0__/* .bytesBase64 */ .DI)(t.body) || undefined,
        // With a body and no Content-Type, Scheduler stores application/octet-stream.
        contentType: (0,_google_values_js__WEBPACK_IMPORTED_MODULE_0__/* .bytesBase64 */ .DI)(t.body) ? (contentType ?? 'application/octet-stream') : undefined,
        token,
    };
}
const SCHEDULER_FIELDS = [
    { field: 'schedule', mask: 'schedule', read: (j) => j.schedule ?? '' },
    // Scheduler stores an empty zone as UTC.
    { field: 'time_zone', mask: 'time_zone', read: (j) => (!j.timeZone || j.timeZone === 'UTC' ? 'Etc/UTC' : j.timeZone) },
    { field: 'target', mask: 'http_target', read: normalizedTarget },
    { field: 'attempt_deadline', mask: 'attempt_deadline', read: (j) => (0,_google_values_js__WEBPACK_IMPORTED_MODULE_0__/* .durationSeconds */ .o8)(j.attemptDeadline) ?? DEFAULT_ATTEMPT_DEADLINE },
    { field: 'retry_count', mask: 'retry_config.retry_count', read: (j) => (0,_google_values_js__WEBPACK_IMPORTED_MODULE_0__/* .toNumber */ .Ro)(j.retryConfig?.retryCount) ?? 0 },
    { field: 'description', mask: 'description', read: (j) => j.description ?? '' },
];


/***/ }),

/***/ 5618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ readSchedulerJob),
/* harmony export */   G3: () => (/* binding */ listSchedulerJobs),
/* harmony export */   L8: () => (/* binding */ schedulerRegions),
/* harmony export */   Mw: () => (/* binding */ deleteSchedulerJob),
/* harmony export */   Nt: () => (/* binding */ applySchedulerJob),
/* harmony export */   YA: () => (/* binding */ setSchedulerPaused),
/* harmony export */   _y: () => (/* binding */ DeletedAgainError)
/* harmony export */ });
/* harmony import */ var _errors_api_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1384);
/* harmony import */ var _errors_explain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1832);
/* harmony import */ var _google_values_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4937);
/* harmony import */ var _scheduler_job_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(634);
// Reads and writes the Cloud Scheduler job: create, or PATCH with an updateMask of exactly
// the changed fields; pause/resume are their own calls (state is output-only).




async function readSchedulerJob(api, clients, name) {
    return api.call('reading the Cloud Scheduler job', name, async () => {
        try {
            return await clients.scheduler.get(name);
        }
        catch (err) {
            if ((0,_errors_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(err))
                return undefined;
            throw err;
        }
    });
}
/** Deletes the Scheduler job (a synchronous call); one already gone counts as deleted. Answers whether this call deleted it. */
async function deleteSchedulerJob(api, clients, name) {
    return api.call('deleting the Cloud Scheduler job', name, async () => {
        try {
            await clients.scheduler.delete(name);
            return true;
        }
        catch (err) {
            if ((0,_errors_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(err))
                return false;
            throw err;
        }
    });
}
/** Every Scheduler job of a location. */
async function listSchedulerJobs(api, clients, parent) {
    return api.call('listing the Cloud Scheduler jobs', parent, () => clients.scheduler.list(parent));
}
/** The regions where Cloud Scheduler is offered to this project. */
async function schedulerRegions(api, clients, projectId) {
    return api.call('listing the Cloud Scheduler locations', `projects/${projectId}`, () => clients.scheduler.locations(projectId));
}
function parentOf(name) {
    return name.slice(0, name.lastIndexOf('/jobs/'));
}
/** Applies the step; `replan` re-plans against a job another writer created first. */
async function applySchedulerJob(api, clients, step, replan) {
    const name = step.change.resource;
    let current = step;
    let result;
    if (current.change.action === 'create') {
        try {
            result = await api.call('creating the Cloud Scheduler job', name, async () => clients.scheduler.create(parentOf(name), current.body));
        }
        catch (err) {
            if (!(0,_errors_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .isConflict */ .dh)(err))
                throw err;
            current = replan(await readSchedulerJob(api, clients, name));
        }
    }
    if (current.change.action === 'update' && current.updateMask.length > 0) {
        result = await api.call('updating the Cloud Scheduler job', name, async () => clients.scheduler.update(name, current.body, current.updateMask));
    }
    if (current.setPaused === true && current.change.action === 'create') {
        result = await pauseNewOrDelete(api, clients, name);
    }
    else if (current.setPaused !== undefined) {
        result = await setSchedulerPaused(api, clients, name, current.setPaused);
    }
    return result;
}
/** Pauses or resumes the Scheduler job; one that is in that state already is fine. */
async function setSchedulerPaused(api, clients, name, pause) {
    return api.call(`${pause ? 'pausing' : 'resuming'} the Cloud Scheduler job`, name, async () => {
        try {
            return await clients.scheduler.call(name, pause ? 'pause' : 'resume');
        }
        catch (err) {
            // FAILED_PRECONDITION: already in that state (e.g. an earlier try that did go through).
            if ((0,_errors_api_error_js__WEBPACK_IMPORTED_MODULE_0__/* .readApiError */ .tR)(err).grpcCode !== 9)
                throw err;
            const job = await clients.scheduler.get(name);
            if ((0,_google_values_js__WEBPACK_IMPORTED_MODULE_3__/* .enumName */ .$U)(job.state, _scheduler_job_js__WEBPACK_IMPORTED_MODULE_2__/* .SCHEDULER_STATES */ .fz) === (pause ? 'PAUSED' : 'ENABLED'))
                return job;
            throw err;
        }
    });
}
/** The new Scheduler job could not be paused and was deleted again: it does not exist. */
class DeletedAgainError extends _errors_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ {
}
/**
 * paused: true on a job this run just created. Cloud Scheduler cannot create a job paused
 * (Job.state is output only), so it is paused at once, before anyone may invoke the target; if
 * that fails, the job is deleted again: a pause never fails open into a live trigger.
 */
async function pauseNewOrDelete(api, clients, name) {
    try {
        return await setSchedulerPaused(api, clients, name, true);
    }
    catch (pauseError) {
        const why = pauseError instanceof Error ? pauseError.message : String(pauseError);
        try {
            await api.call('deleting the Cloud Scheduler job this run created', name, () => clients.scheduler.delete(name));
        }
        catch (deleteError) {
            throw new _errors_explain_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`paused: true, but the new Cloud Scheduler job ${name} could not be paused, and deleting it failed too: it is ENABLED and ` +
                `will fire on its schedule. Pause or delete it now: gcloud scheduler jobs delete ${name.split('/').pop()} ` +
                `--location=${name.split('/')[3]} --project=${name.split('/')[1]}\nPausing: ${why}\nDeleting: ${deleteError instanceof Error ? deleteError.message : String(deleteError)}`, { cause: pauseError });
        }
        throw new DeletedAgainError(`paused: true, but the new Cloud Scheduler job ${name} could not be paused, so this run deleted it again (no trigger is left ` +
            `running, and the invoker role was not granted). ${why}`, { cause: pauseError });
    }
}


/***/ })

};
