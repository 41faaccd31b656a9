export const id = 528;
export const ids = [528,168];
export const modules = {

/***/ 8168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AuthError: () => (/* binding */ AuthError),
/* harmony export */   CLOUD_PLATFORM_SCOPE: () => (/* binding */ CLOUD_PLATFORM_SCOPE),
/* harmony export */   authenticate: () => (/* binding */ authenticate)
/* harmony export */ });
/* harmony import */ var google_auth_library_build_src_auth_identitypoolclient_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9960);
/* harmony import */ var google_auth_library_build_src_auth_impersonated_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9964);
/* harmony import */ var google_auth_library_build_src_util_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7870);
/* harmony import */ var node_fetch__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(816);
/* harmony import */ var _errors_grants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(916);
/* harmony import */ var _google_clients_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1774);
/* harmony import */ var _google_endpoints_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8157);
/* harmony import */ var _google_trace_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5126);
/* harmony import */ var _github_token_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1139);
/* harmony import */ var _report_runner_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7322);
// The two clients of Workload Identity Federation, from their own modules: the package's index
// loads every kind of credential (service account keys, AWS, metadata server, ...) on every run.


// @internal in google-auth-library 11 (what its GoogleAuth wraps trusted configurations in); absent in
// another version, the warning is back and test/integration/adc.test.ts says so.








const suppressAdcWarning = google_auth_library_build_src_util_js__WEBPACK_IMPORTED_MODULE_2__.suppressAdcWarning;
const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
/** An authentication failure, tagged with the link of the chain that broke. */
class AuthError extends Error {
    stage;
    /** The GitHub OIDC token's subject, when the token came (the principal a fix names). */
    subject;
    constructor(stage, cause, subject) {
        super(cause instanceof Error ? cause.message : String(cause), { cause });
        this.name = 'AuthError';
        this.stage = stage;
        this.subject = subject;
    }
}
const TOKEN_FIELDS = ['access_token', 'accessToken', 'token', 'id_token', 'idToken'];
/** Masks every token in an auth response before anything could print it. */
function maskTokensIn(data) {
    if (!data || typeof data !== 'object')
        return;
    for (const field of TOKEN_FIELDS) {
        const value = data[field];
        if (typeof value === 'string' && value)
            (0,_report_runner_js__WEBPACK_IMPORTED_MODULE_8__.setSecret)(value);
    }
}
/**
 * Every request an auth client makes (its own, the STS exchange's, and the API calls made through
 * it) goes through node-fetch with the same timeout as all the others, is traced in step debug
 * logging, and has the tokens of its answer masked before anything could print them.
 */
function prepareTransport(client) {
    const exchange = client.stsCredential;
    for (const transporter of new Set([client.transporter, exchange?.transporter])) {
        if (!transporter)
            continue;
        // node-fetch honours proxy agents; loaded while the GitHub token is in flight (start-up).
        transporter.defaults.fetchImplementation = (0,_google_trace_js__WEBPACK_IMPORTED_MODULE_6__/* .tracedFetch */ .Wb)(transporter.defaults.fetchImplementation ?? node_fetch__WEBPACK_IMPORTED_MODULE_9__["default"]);
        transporter.defaults.timeout ??= _google_clients_js__WEBPACK_IMPORTED_MODULE_4__/* .REQUEST_TIMEOUT_MS */ .j2;
        transporter.interceptors.response.add({
            resolved: async (response) => {
                maskTokensIn(response.data);
                return response;
            },
        });
    }
}
function federatedClient(auth, githubToken, env) {
    const provider = auth.workloadIdentityProvider;
    // The GitHub OIDC token lives about 5 minutes: the first exchange uses the one requested at
    // start-up, every later one (google-auth-library refreshes before the access token expires)
    // a freshly requested one.
    let first = githubToken;
    const subjectToken = () => {
        const token = first ?? (0,_github_token_js__WEBPACK_IMPORTED_MODULE_7__/* .requestGithubToken */ .eH)((0,_github_token_js__WEBPACK_IMPORTED_MODULE_7__/* .githubAudience */ ._g)(auth), env);
        first = undefined;
        return token;
    };
    const sts = (0,_google_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .endpointFor */ .Lo)('sts', env);
    const iamcredentials = (0,_google_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .endpointFor */ .Lo)('iamcredentials', env);
    const client = new google_auth_library_build_src_auth_identitypoolclient_js__WEBPACK_IMPORTED_MODULE_0__.IdentityPoolClient({
        type: 'external_account',
        audience: `//iam.googleapis.com/${provider}`,
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: `${sts}v1/token`,
        service_account_impersonation_url: auth.serviceAccount
            ? `${iamcredentials}v1/projects/-/serviceAccounts/${auth.serviceAccount}:generateAccessToken`
            : undefined,
        subject_token_supplier: { getSubjectToken: subjectToken },
        scopes: [CLOUD_PLATFORM_SCOPE],
    });
    prepareTransport(client);
    return client;
}
function isImpersonationFailure(err) {
    const e = err;
    const url = String(e?.config?.url ?? e?.response?.config?.url ?? '');
    return url.includes(':generateAccessToken');
}
/**
 * Authenticates and proves it by getting the first access token now, so a broken link of
 * the chain fails here, named, before any Cloud Run or Scheduler request.
 */
async function authenticate(auth, githubToken, env = process.env, 
/** The project when the inputs name it; otherwise ADC's project is asked for. */
projectId) {
    const provider = auth.workloadIdentityProvider;
    if (!provider)
        return applicationDefault(auth.serviceAccount, env, projectId);
    if (!githubToken)
        throw new Error('internal: a GitHub token request is needed with a workload identity provider');
    const client = federatedClient(auth, githubToken, env);
    // The first token's subject: the principal this run is, named by every permission fix.
    const subject = githubToken.then(_github_token_js__WEBPACK_IMPORTED_MODULE_7__/* .subjectOf */ .et, () => undefined);
    try {
        await client.getAccessToken(); // masked by the interceptor
    }
    catch (err) {
        if (err instanceof _github_token_js__WEBPACK_IMPORTED_MODULE_7__/* .GithubTokenError */ .tB)
            throw new AuthError('github-token', err);
        // The supplier's promise may have failed inside the library; look at it directly.
        const tokenFailure = await githubToken.then(() => undefined, (e) => e);
        if (tokenFailure)
            throw new AuthError('github-token', tokenFailure);
        throw new AuthError(isImpersonationFailure(err) ? 'impersonation' : 'sts', err, await subject);
    }
    const sub = await subject;
    return {
        authClient: client,
        identity: auth.serviceAccount ?? (sub ? (0,_errors_grants_js__WEBPACK_IMPORTED_MODULE_3__/* .subjectPrincipal */ .hF)(provider, sub) : `the federated principal of ${provider}`),
        subject: sub,
    };
}
async function applicationDefault(serviceAccount, env, projectId) {
    let stage = 'adc';
    try {
        // A known project spares the library finding one (for a federated credential file that
        // is a Cloud Resource Manager request, which needs resourcemanager.projects.get).
        const { GoogleAuth } = await __webpack_require__.e(/* import() */ 492).then(__webpack_require__.t.bind(__webpack_require__, 492, 23));
        const googleAuth = new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE], ...(projectId ? { projectId } : {}) });
        const source = await googleAuth.getClient();
        prepareTransport(source);
        const adcProjectId = projectId ?? ((await googleAuth.getProjectId().catch(() => undefined)) ?? undefined);
        let authClient = source;
        if (serviceAccount) {
            // ADC (e.g. from an earlier auth step) acting as the deployer account.
            stage = 'impersonation';
            // The library warns on every Impersonated built from a configuration it did not validate
            // itself; it builds its own from a trusted ADC file inside suppressAdcWarning. This one is
            // validated before it gets here: the target is the service_account input (checked as a
            // service account email), the endpoint comes from endpointFor (https, or http to loopback
            // only), and the source is ADC's own client. docs/identities.md says so too.
            const options = {
                sourceClient: source,
                targetPrincipal: serviceAccount,
                targetScopes: [CLOUD_PLATFORM_SCOPE],
                lifetime: 3600,
                delegates: [],
                endpoint: (0,_google_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .endpointFor */ .Lo)('iamcredentials', env).replace(/\/$/, ''),
            };
            authClient = suppressAdcWarning ? suppressAdcWarning(() => new google_auth_library_build_src_auth_impersonated_js__WEBPACK_IMPORTED_MODULE_1__.Impersonated(options)) : new google_auth_library_build_src_auth_impersonated_js__WEBPACK_IMPORTED_MODULE_1__.Impersonated(options);
            prepareTransport(authClient);
        }
        const { token } = await authClient.getAccessToken();
        if (token)
            (0,_report_runner_js__WEBPACK_IMPORTED_MODULE_8__.setSecret)(token);
        const email = serviceAccount ?? source.email;
        return { authClient, identity: email ?? 'Application Default Credentials', adcProjectId };
    }
    catch (err) {
        throw new AuthError(stage, err);
    }
}


/***/ }),

/***/ 916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ memberOf),
/* harmony export */   O4: () => (/* binding */ grantFor),
/* harmony export */   hF: () => (/* binding */ subjectPrincipal)
/* harmony export */ });
/* unused harmony exports projectOf, federationGrant */
// Which role grants a missing permission, and the one gcloud command that grants it on the
// narrowest scope that fits what this action does.
// First match wins; permission names compare case-insensitively because Google's
// messages spell them both ways ('iam.serviceaccounts.actAs').
const RULES = [
    { permission: /^run\.[a-z]+\.(get|list|getIamPolicy)$/i, readOnly: true, role: 'roles/run.viewer', scope: 'project' },
    { permission: /^cloudscheduler\.[a-z]+\.(get|list)$/i, readOnly: true, role: 'roles/cloudscheduler.viewer', scope: 'project' },
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
    { permission: /^monitoring\.alertPolicies\./i, role: 'roles/monitoring.alertPolicyEditor', scope: 'project' },
    { permission: /^monitoring\.notificationChannels\./i, role: 'roles/monitoring.notificationChannelEditor', scope: 'project' },
];
const PLACEHOLDER = {
    project: 'PROJECT_ID',
    deployer: 'serviceAccount:DEPLOYER_SA_EMAIL',
    adcAccount: 'serviceAccount:ADC_ACCOUNT_EMAIL',
    serviceAccount: 'SERVICE_ACCOUNT_EMAIL',
    repository: 'OWNER/REPO',
    subject: 'SUBJECT',
};
/** IAM member string of an email: service accounts and users differ. */
function memberOf(email) {
    return `${email.endsWith('.gserviceaccount.com') ? 'serviceAccount' : 'user'}:${email}`;
}
/**
 * This run's own principal under the provider's pool: the GitHub OIDC token's subject, e.g.
 * principal://iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/P/subject/repo:OWNER/REPO:environment:production
 * (with the documented mapping google.subject=assertion.sub). Never a set such as the whole
 * repository: a fix widens trust to exactly the run that needed it.
 */
function subjectPrincipal(provider, subject = PLACEHOLDER.subject) {
    const pool = provider.replace(/^\/*(?:iam\.googleapis\.com\/)?/, '').replace(/\/providers\/[^/]+$/, '');
    return `principal://iam.googleapis.com/${pool}/subject/${subject}`;
}
/** The member that made the deployer's calls: the deployer SA, else this run's federated principal. */
function callerMember(ctx) {
    if (ctx.deployer)
        return memberOf(ctx.deployer);
    if (ctx.provider)
        return subjectPrincipal(ctx.provider, ctx.subject);
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
    const rule = RULES.find((r) => r.permission.test(permission) && (!r.invokerOnly || ctx.invoker) && (!r.readOnly || (ctx.readOnly && !ctx.invoker)));
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
        ? serviceAccountGrant('roles/iam.workloadIdentityUser', subjectPrincipal(ctx.provider, ctx.subject), account)
        : serviceAccountGrant('roles/iam.serviceAccountTokenCreator', PLACEHOLDER.adcAccount, account);
}


/***/ }),

/***/ 7528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runFleet: () => (/* binding */ runFleet)
});

// EXTERNAL MODULE: ./src/report/runner.ts + 16 modules
var runner = __webpack_require__(7322);
// EXTERNAL MODULE: ./src/auth/credentials.ts
var auth_credentials = __webpack_require__(8168);
// EXTERNAL MODULE: ./src/config/rules.ts
var rules = __webpack_require__(5413);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/errors/api-error.ts
var api_error = __webpack_require__(1384);
// EXTERNAL MODULE: ./src/errors/grants.ts
var grants = __webpack_require__(916);
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
    if (grant.member.startsWith('principal://') && grant.member.includes('/subject/')) {
        lines.push("  (this run's own principal: its GitHub OIDC token's subject, with the provider mapping google.subject=assertion.sub)");
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
/** Who made the denied call: the deployer account, else this run's own federated principal. */
const callerOf = (ctx) => ctx.deployer ? (0,grants/* memberOf */.C5)(ctx.deployer) : ctx.provider && ctx.subject ? (0,grants/* subjectPrincipal */.hF)(ctx.provider, ctx.subject) : 'the deployer';
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
        const grant = (0,grants/* grantFor */.O4)(denial.permission, { ...ctx, serviceAccount });
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
                'other mappings, and bind the deployer and the planner by the attribute instead of the subject (docs/identities.md) (SUBJECT is the sub the old ' +
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
        denialNote: [
            ...(account ? [`(If ${account} does not exist, check the 'service_account' input.)`] : []),
            // A pull request plans as the planner; binding it to the deployer would widen the deployer's trust.
            ...(ctx.subject?.endsWith(':pull_request') && !ctx.readOnly
                ? ['A pull request should not impersonate the deployer: plan it as the read-only planner (service_account: the planner, read_only: true; docs/identities.md).']
                : []),
        ].join('\n') || undefined,
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

// EXTERNAL MODULE: ./src/google/retry.ts
var google_retry = __webpack_require__(8673);
;// CONCATENATED MODULE: ./src/google/api.ts
// Every Google API call goes through here: retried while the error is passing, turned
// into one message that names the step, the resource and the fix when it is not.


function createApi(base, deadline, onRetry) {
    return {
        deadline,
        async call(action, resource, fn, retry) {
            try {
                return await (0,google_retry/* withRetry */.bD)(fn, { deadline, onRetry, ...retry });
            }
            catch (err) {
                throw explainApiError(err, { ...base, action, resource });
            }
        },
    };
}

// EXTERNAL MODULE: ./src/google/endpoints.ts
var endpoints = __webpack_require__(8157);
// EXTERNAL MODULE: ./src/google/clients.ts + 1 modules
var google_clients = __webpack_require__(1774);
// EXTERNAL MODULE: ./src/config/duration.ts
var config_duration = __webpack_require__(7840);
;// CONCATENATED MODULE: ./src/report/format.ts
// Small text formatters shared by the log, the plan and the summary.

/** Wall time for people: '850ms', '4.2s', '1m5s'. */
function formatElapsed(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 10_000)
        return `${(ms / 1000).toFixed(1)}s`;
    return (0,config_duration/* formatDuration */.a)(ms / 1000);
}
/** '2/5 succeeded, 1 running, 1 failed, 1 retried' (zero counts other than succeeded left out). */
function formatTasks(t) {
    const extra = [
        ['running', t.running],
        ['failed', t.failed],
        ['cancelled', t.cancelled],
        ['retried', t.retried],
    ]
        .filter(([, n]) => n > 0)
        .map(([what, n]) => `${n} ${what}`);
    return [`${t.succeeded}/${t.total} succeeded`, ...extra].join(', ');
}
const RUN_TIME_FORMAT = {
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
};
function parts(date, timeZone, locale) {
    const fmt = new Intl.DateTimeFormat(locale, { ...RUN_TIME_FORMAT, timeZone });
    return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}
/**
 * 'Sat 2026-11-28 03:00 CET' in `timeZone`. en-US knows the American abbreviations
 * (EST) and en-GB the European ones (CET, BST); elsewhere the offset (GMT+9) stays.
 */
function formatRunTime(date, timeZone) {
    const p = parts(date, timeZone, 'en-US');
    let zone = p.timeZoneName ?? '';
    if (zone.startsWith('GMT')) {
        const gb = parts(date, timeZone, 'en-GB').timeZoneName ?? '';
        if (/^[A-Z]{2,5}$/.test(gb) && gb !== 'GMT')
            zone = gb;
    }
    return `${p.weekday} ${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${zone}`;
}

;// CONCATENATED MODULE: ./src/report/log.ts
// The step's log: one collapsible group per phase, and polling progress that says something only when there is something to say.


/** Wall time per phase of this run, ms (what RunReport.phases carries). */
const phaseTimes = {};
/** Runs `fn` inside a log group and records its wall time under `name`, failed or not. */
async function phase(name, fn, options = {}) {
    const { title = name, into = phaseTimes, clock = Date.now, group = true } = options;
    const start = clock();
    try {
        return await (group ? runner.group(title, fn) : fn());
    }
    finally {
        into[name] = (into[name] ?? 0) + (clock() - start);
    }
}
/**
 * A progress reporter for a polling loop: a line only when the status, task counts or detail
 * changed since the last line, and at most one per interval (so a 1 s poll does not flood
 * the log, and a long wait on nothing new stays quiet).
 */
function createProgress(label, options = {}) {
    const { intervalMs = 3_000, clock = Date.now, print = runner.info } = options;
    const start = clock();
    let lastKey;
    let lastPrint = -Infinity;
    return {
        update(state, final = false) {
            const now = clock();
            const what = [state.status, state.tasks && formatTasks(state.tasks), state.detail].filter(Boolean).join(' · ');
            if (what === lastKey || (!final && now - lastPrint < intervalMs))
                return false;
            print(`${label}: ${what} (${formatElapsed(now - start)})`);
            lastKey = what;
            lastPrint = now;
            return true;
        },
    };
}

;// CONCATENATED MODULE: ./src/report/links.ts
const CONSOLE = 'https://console.cloud.google.com';
const NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/(jobs|services)\/([^/]+)(?:\/executions\/([^/]+))?$/;
/** The parts of a full resource name, or undefined when it has another shape. */
function parseResourceName(name) {
    const m = NAME.exec(name);
    if (!m)
        return undefined;
    const [, project = '', location = '', collection = '', id = '', execution] = m;
    return { project, location, collection, id, execution };
}
const q = (project) => `?project=${encodeURIComponent(project)}`;
const seg = encodeURIComponent;
const runJobUrl = (r) => `${CONSOLE}/run/jobs/details/${seg(r.location)}/${seg(r.id)}/executions${q(r.project)}`;
const runServiceUrl = (r) => `${CONSOLE}/run/detail/${seg(r.location)}/${seg(r.id)}/metrics${q(r.project)}`;
const schedulerJobUrl = (r) => `${CONSOLE}/cloudscheduler/jobs/edit/${seg(r.location)}/${seg(r.id)}${q(r.project)}`;
/** The permissions tab of a Cloud Run job or service (where its IAM policy is shown). */
function runPermissionsUrl(r) {
    const base = r.collection === 'services' ? `${CONSOLE}/run/detail` : `${CONSOLE}/run/jobs/details`;
    return `${base}/${seg(r.location)}/${seg(r.id)}/permissions${q(r.project)}`;
}
/** An execution's details page (tasks, status). */
const executionUrl = (r) => `${CONSOLE}/run/jobs/executions/details/${seg(r.location)}/${seg(r.execution)}${q(r.project)}`;
/**
 * Logs Explorer for a job, one execution of it, or a service:
 * console.cloud.google.com/logs/query;query=FILTER?project=P (the legacy logs/viewer form,
 * which Cloud Run still puts in Execution.logUri, is not used).
 */
function logsUrl(r) {
    const filter = r.collection === 'services'
        ? ['resource.type="cloud_run_revision"', `resource.labels.service_name="${r.id}"`, `resource.labels.location="${r.location}"`]
        : [
            'resource.type="cloud_run_job"',
            `resource.labels.job_name="${r.id}"`,
            `resource.labels.location="${r.location}"`,
            ...(r.execution ? [`labels."run.googleapis.com/execution_name"="${r.execution}"`] : []),
        ];
    return `${CONSOLE}/logs/query;query=${encodeURIComponent(filter.join('\n'))}${q(r.project)}`;
}
/** The Console page of a planned resource; for an IAM binding, the permissions of the resource it is on. */
function consoleUrl(type, resource) {
    if (type === 'alert-policy' || type === 'notification-channel')
        return monitoringUrl(resource);
    const r = parseResourceName(resource);
    if (!r)
        return undefined;
    switch (type) {
        case 'run-job':
            return runJobUrl(r);
        case 'run-service':
            return runServiceUrl(r);
        case 'iam-binding':
            return runPermissionsUrl(r);
        case 'scheduler-job':
            return schedulerJobUrl(r);
    }
}
/** An alert policy's page, or the notification channels of the project of a channel. */
function monitoringUrl(name) {
    const m = /^projects\/([^/]+)\/(alertPolicies|notificationChannels)\/([0-9]+)$/.exec(name);
    if (!m)
        return undefined;
    const [, project = '', collection, id = ''] = m;
    return collection === 'alertPolicies' ? `${CONSOLE}/monitoring/alerting/policies/${seg(id)}${q(project)}` : `${CONSOLE}/monitoring/alerting/notifications${q(project)}`;
}
/** Logs of a full job, execution or service name. */
function logsUrlOf(resource) {
    const r = parseResourceName(resource);
    return r ? logsUrl(r) : undefined;
}
/** The logs of a smoke test: its execution's (as a Logs Explorer link), else the link it came with. */
function smokeLogsUrl(smoke) {
    return (smoke.execution && logsUrlOf(smoke.execution)) || smoke.logUri;
}
/** Details page of a full execution name (projects/P/locations/L/jobs/J/executions/E). */
function executionUrlOf(name) {
    const r = parseResourceName(name);
    return r?.execution ? executionUrl({ ...r, execution: r.execution }) : undefined;
}

;// CONCATENATED MODULE: ./src/report/plan-text.ts
// The plan as people read it in the log (Terraform-like) and as the `plan` output (JSON).

const SYMBOL = { create: '+', update: '~', unchanged: '=', delete: '-' };
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** 'secrets.DB_PASSWORD', 'secrets': the value is a Secret Manager reference. */
const isSecretField = (field) => field === 'secrets' || field.startsWith('secrets.');
/**
 * Only the reference of a secret value ('db-password:latest', 'DB=db-password:3'); anything
 * unrecognised is hidden rather than guessed at.
 */
function secretReference(value) {
    if (value === undefined || value === null)
        return value;
    if (Array.isArray(value))
        return value.map(secretReference);
    if (typeof value === 'string')
        return value;
    if (isObj(value)) {
        // SecretEnvVar {name, secret, version}, or Cloud Run's valueSource.secretKeyRef
        const ref = isObj(value.valueSource) && isObj(value.valueSource.secretKeyRef) ? value.valueSource.secretKeyRef : value;
        if (typeof ref.secret === 'string') {
            const reference = `${ref.secret}:${typeof ref.version === 'string' ? ref.version : 'latest'}`;
            return typeof value.name === 'string' ? `${value.name}=${reference}` : reference;
        }
    }
    return '(secret reference)';
}
/** A field's value as it may be shown or output. */
function displayValue(field, value) {
    return isSecretField(field) ? secretReference(value) : value;
}
/**
 * A value for the log: quoted strings, compact JSON, always whole: a digest, an email or a
 * URL cut in the middle cannot be read or copied (the log wraps long lines itself).
 */
function formatValue(value) {
    if (value === undefined)
        return '(none)';
    if (typeof value === 'string')
        return JSON.stringify(value);
    return JSON.stringify(value) ?? String(value);
}
/** Fields the planner already describes in words (`NAME: (changed)`, never a value or a reference). */
const DESCRIBED = new Set(['env_vars', 'secrets', 'secret_files']);
// Every piece from elsewhere (a field name from spec, a value, a reason naming live state) is one
// line (oneLine): a plan line is never two, and the log writer (report/runner.ts) sees each whole.
function fieldLine(action, f) {
    const field = (0,runner.oneLine)(f.field);
    if (DESCRIBED.has(f.field))
        return `    ${field}: ${(0,runner.oneLine)(String(f.after))}`;
    const after = (0,runner.oneLine)(formatValue(displayValue(f.field, f.after)));
    if (action === 'create')
        return `    ${field}: ${after}`;
    return `    ${field}: ${(0,runner.oneLine)(formatValue(displayValue(f.field, f.before)))} -> ${after}`;
}
function changeLines(c) {
    return [
        `${SYMBOL[c.action]} ${c.action} ${c.type} ${(0,runner.oneLine)(c.resource)}`,
        ...(c.reason ? [`  # ${(0,runner.oneLine)(c.reason)}`] : []),
        ...(c.action === 'unchanged' ? [] : c.fields.map((f) => fieldLine(c.action, f))),
    ];
}
/** Whether the resource of a change exists after the run (a plan not applied: as planned). */
function existsAfterRun(c) {
    switch (c.status) {
        case undefined:
        case 'created':
        case 'updated':
        case 'unchanged':
            return c.action !== 'delete';
        case 'deleted':
            return false;
        case 'failed':
        case 'not reached':
            return Boolean(c.written) || c.action !== 'create';
    }
}
/** 'Plan: 1 to create, 1 to update, 2 unchanged.' */
function planTotals(plan) {
    const count = (a) => plan.filter((c) => c.action === a).length;
    const deletes = count('delete') ? `, ${count('delete')} to delete` : '';
    return `Plan: ${count('create')} to create, ${count('update')} to update${deletes}, ${count('unchanged')} unchanged.`;
}
/** The plan as a readable diff for the log. */
function formatPlan(plan) {
    if (plan.length === 0)
        return 'Plan: nothing to do.';
    return [...plan.flatMap(changeLines), '', planTotals(plan)].join('\n');
}
/** Keys sorted at every level, so equal plans give equal JSON. */
function stable(value) {
    if (Array.isArray(value))
        return value.map(stable);
    if (!isObj(value))
        return value;
    return Object.fromEntries(Object.keys(value)
        .sort()
        .map((k) => [k, stable(value[k])]));
}
/** The `plan` output: compact JSON, fixed key order, secrets as references. */
function planToJson(plan) {
    return JSON.stringify(plan.map((c) => ({
        type: c.type,
        resource: c.resource,
        action: c.action,
        fields: c.fields.map((f) => ({
            field: f.field,
            before: stable(displayValue(f.field, f.before)),
            after: stable(displayValue(f.field, f.after)),
        })),
        ...(c.reason ? { reason: c.reason } : {}),
        ...(c.status ? { status: c.status } : {}),
    })));
}

;// CONCATENATED MODULE: ./src/report/outputs.ts



/** The step's outputs, as action.yml declares them. */
function outputsOf(report) {
    // A name is output only for what exists: a create that was never reached made nothing.
    const exists = (type) => report.plan.filter((c) => c.type === type).every(existsAfterRun);
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
/** The workload's alert policies, as planned or applied. */
function alertPoliciesOf(report) {
    return (report?.alerting?.policies ?? []).map((p) => {
        const real = /^projects\/[^/]+\/alertPolicies\/[0-9]+$/.test(p.change.resource) && existsAfterRun(p.change);
        return {
            workload: report.config.name,
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
function setOutputs(report) {
    for (const [name, value] of Object.entries(outputsOf(report)))
        runner.setOutput(name, value);
}
/** A workload's entry of `results`, from its report (absent: it stopped before it was planned). */
function resultOf(name, kind, report) {
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

// EXTERNAL MODULE: ./node_modules/cronstrue/dist/cronstrue.js
var cronstrue = __webpack_require__(2507);
var cronstrue_default = /*#__PURE__*/__webpack_require__.n(cronstrue);
// EXTERNAL MODULE: ./src/config/cron-core.ts + 1 modules
var cron_core = __webpack_require__(5947);
;// CONCATENATED MODULE: ./src/config/cron.ts
// Unix cron as Cloud Scheduler reads it: five fields, evaluated in an IANA time zone.
// Validation and run times are in cron-core.ts (on the start-up path); the English
// description needs cronstrue, which loads only with what imports this module (the report).


/** The schedule in English, e.g. "At 03:00, Monday through Friday". */
function describeCron(expr) {
    return cronstrue_default().toString(expr.trim(), { use24HourTimeFormat: true, throwExceptionOnParseError: true });
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: what exists now, what changed, when it runs next, how the smoke test
// went. Built once as a small document, then rendered as GitHub Markdown (the step summary)
// or as plain text (a terminal), so both always say the same thing.






const code = (text, href) => ({ text, code: true, href });
const summary_link = (text, href) => ({ text, href });
// ---------------------------------------------------------------------------------------
// Content.
const KIND_LABEL = { job: 'Cloud Run job', service: 'Cloud Run service' };
const TYPE_LABEL = {
    'run-job': 'Cloud Run job',
    'run-service': 'Cloud Run service',
    'iam-binding': 'IAM binding',
    'scheduler-job': 'Scheduler job',
    'alert-policy': 'Alert policy',
    'notification-channel': 'Notification channel',
};
const DONE = { create: 'created', update: 'updated', unchanged: 'unchanged', delete: 'deleted' };
const PLANNED = { create: 'to create', update: 'to update', unchanged: 'unchanged', delete: 'to delete' };
const STATUS_ICON = { succeeded: '✅', failed: '❌', running: '⏳', skipped: '⏭️' };
const MAX_FIELDS = 6;
const NEXT_RUNS = 3;
function outcomeOf(report) {
    if (report.dryRun && report.error === undefined)
        return 'dry-run';
    return report.error !== undefined || report.smoke.status === 'failed' ? 'failed' : 'succeeded';
}
function headingText(report) {
    const subject = `${KIND_LABEL[report.config.kind]} ${report.config.name}`;
    switch (outcomeOf(report)) {
        case 'dry-run': {
            const n = report.plan.filter((c) => c.action !== 'unchanged').length;
            return `📝 Dry run: ${subject} — ${n === 0 ? 'no changes' : `${n} change${n === 1 ? '' : 's'} planned`}`;
        }
        case 'failed':
            if (report.drift?.length)
                return `❌ Drift: ${subject} differs from the inputs`;
            return `❌ ${subject}: ${report.error !== undefined ? 'the run failed' : 'the smoke test failed'}`;
        case 'succeeded':
            if (report.config.teardown)
                return `🗑️ ${subject} ${report.changed ? 'removed' : 'is already absent'}`;
            return `✅ ${subject} ${report.changed ? 'deployed' : 'is up to date'}${report.config.schedule ? ' and scheduled' : ''}`;
    }
}
function contextLine(report) {
    const line = ['Project ', code(report.projectId), ' · region ', code(report.config.region)];
    if (report.url)
        line.push(' · URL ', summary_link(report.url, report.url));
    if (report.revision)
        line.push(' · revision ', code(report.revision));
    return line;
}
/** The role an IAM binding change is about, where the plan names it: the role granted first, the reason last
 * (a reason may name the role it replaces, e.g. 'roles/run.invoker does not include it'). */
function roleOf(c) {
    const texts = [c.subject, ...c.fields.flatMap((f) => [f.after, f.field]), ...c.fields.map((f) => f.before), c.reason];
    for (const t of texts) {
        const m = typeof t === 'string' ? /roles\/[A-Za-z.]+/.exec(t) : null;
        if (m)
            return m[0];
    }
    return undefined;
}
/** The resource of a change as the summary's table and the log name it, the same on every run. */
function resourceLabel(c) {
    const role = c.type === 'iam-binding' ? roleOf(c) : undefined;
    return role ? `${TYPE_LABEL[c.type]} (${role})` : TYPE_LABEL[c.type];
}
const STARTING = { create: 'creating', update: 'updating', unchanged: 'checking', delete: 'deleting' };
/** One log line for a change: 'Scheduler job nightly-schedule: creating', then '…: created'. */
function changeLine(c, starting) {
    const name = parseResourceName(c.resource)?.id ?? c.resource;
    const what = starting ? STARTING[c.action] : (c.status ?? DONE[c.action]);
    const fields = starting && c.action === 'update' ? ` (${fieldNames(c)})` : '';
    return `${resourceLabel(c)} ${name}: ${what}${fields}`;
}
function fieldNames(c) {
    if (c.action !== 'update' || c.fields.length === 0)
        return '—';
    const names = c.fields.map((f) => f.field);
    const shown = names.slice(0, MAX_FIELDS).join(', ');
    return names.length > MAX_FIELDS ? `${shown} +${names.length - MAX_FIELDS} more` : shown;
}
function resourceTable(report) {
    const verbs = report.dryRun ? PLANNED : DONE;
    const withNotes = report.plan.some((c) => c.reason);
    const rows = report.plan.map((c) => {
        const name = parseResourceName(c.resource)?.id ?? c.resource;
        const row = [
            [resourceLabel(c)],
            [code(name, consoleUrl(c.type, c.resource))],
            [c.status ?? verbs[c.action]],
            [fieldNames(c)],
        ];
        if (withNotes)
            row.push([c.reason ?? '']);
        return row;
    });
    return { kind: 'table', head: ['Resource', 'Name', 'Change', 'Changed fields', ...(withNotes ? ['Notes'] : [])], rows };
}
function describeSafely(cron) {
    try {
        return describeCron(cron);
    }
    catch {
        return 'unix-cron';
    }
}
function scheduleBlocks(report, now) {
    const s = report.config.schedule;
    if (report.config.teardown)
        return teardownScheduleBlocks(report);
    if (!s)
        return [{ kind: 'section', title: 'Schedule' }, { kind: 'para', line: ['None: deployed only; no Scheduler job was touched.'] }];
    const items = [[code(s.cron), ` — ${describeSafely(s.cron)} (${s.timeZone})`]];
    const change = report.plan.find((c) => c.type === 'scheduler-job');
    if (change?.status === 'not reached' || change?.status === 'failed') {
        const what = change.action === 'create' ? 'created' : 'updated';
        const state = existsAfterRun(change) ? 'It keeps the settings it had before this run.' : 'It does not exist: nothing runs on this schedule.';
        items.push([`Not applied: the Scheduler job was ${change.status === 'failed' ? `not fully ${what}` : `not ${what}`}, since the run stopped. ${state}`]);
    }
    else if (s.paused) {
        items.push(['Paused: the Scheduler job does not fire until it is resumed.']);
    }
    else {
        const runs = (0,cron_core/* nextRuns */.Oz)(s.cron, s.timeZone, NEXT_RUNS, now).map((d) => formatRunTime(d, s.timeZone));
        items.push([`Next runs: ${runs.join(' · ')}`]);
    }
    items.push(['Triggered by Scheduler job ', code(s.jobId), ' as ', code(s.invokerServiceAccount)]);
    return [{ kind: 'section', title: 'Schedule' }, { kind: 'list', items }];
}
/** state: absent: what became of the Scheduler job. */
function teardownScheduleBlocks(report) {
    const id = parseResourceName(report.schedulerJob ?? '')?.id ?? report.schedulerJob ?? '';
    const change = report.plan.find((c) => c.type === 'scheduler-job');
    const what = !change
        ? ['No Scheduler job ', code(id), ' exists: nothing triggers the workload.']
        : ['Scheduler job ', code(id), `: ${change.status ?? (report.dryRun ? 'to delete' : 'deleted')}.`];
    return [{ kind: 'section', title: 'Schedule' }, { kind: 'para', line: what }];
}
function smokeBlocks(report) {
    const smoke = report.smoke;
    const items = [[`${STATUS_ICON[smoke.status]} ${smoke.status}${smoke.message ? ` — ${smoke.message}` : ''}`]];
    if (smoke.durationMs !== undefined)
        items.push([`Duration: ${formatElapsed(smoke.durationMs)}`]);
    const logs = smokeLogsUrl(smoke);
    if (smoke.execution) {
        const id = parseResourceName(smoke.execution)?.execution ?? smoke.execution;
        const line = ['Execution: ', code(id, executionUrlOf(smoke.execution))];
        if (logs)
            line.push(' · ', summary_link('logs', logs));
        items.push(line);
    }
    else if (logs) {
        items.push([summary_link('Logs', logs)]);
    }
    // Said once: not again when the message already gives the task counts.
    if (smoke.tasks && !smoke.message.includes(formatTasks(smoke.tasks)))
        items.push([`Tasks: ${formatTasks(smoke.tasks)}`]);
    if (smoke.attemptStatus) {
        const a = smoke.attemptStatus;
        items.push([`Scheduler attempt: ${a.name}${a.message ? `: ${a.message}` : ''}`]);
    }
    return [{ kind: 'section', title: 'Smoke test' }, { kind: 'list', items }];
}
/** Each alert policy: what it watches, where it notifies, what the run did; then what cannot be watched. */
function alertingRows(report, withWorkload) {
    const verbs = report.dryRun ? PLANNED : DONE;
    return (report.alerting?.policies ?? []).map((p) => {
        const c = p.change;
        const real = /^projects\/[^/]+\/alertPolicies\/[0-9]+$/.test(c.resource);
        const channels = p.channels.map((ch) => ch.replace(/^projects\/[^/]+\/notificationChannels\//, 'channel '));
        return [
            ...(withWorkload ? [[code(report.config.name)]] : []),
            [real ? code(p.role, consoleUrl('alert-policy', c.resource)) : code(p.role)],
            [p.conditions.join(', ') || '—'],
            [channels.join(', ') || '—'],
            [c.status ?? verbs[c.action]],
        ];
    });
}
function alertingNotes(report, prefix = '') {
    const a = report.alerting;
    if (!a)
        return [];
    return [
        ...(a.missedWindowSeconds !== undefined ? [[`${prefix}Missed run: no successful run within ${(0,config_duration/* formatDuration */.a)(a.missedWindowSeconds)} (the longest gap of the schedule plus missed_grace) opens an incident.`]] : []),
        ...a.notes.map((n) => [`${prefix}${n.charAt(0).toUpperCase()}${n.slice(1)}.`]),
    ];
}
function alertingBlocks(report) {
    if (!report.alerting)
        return [];
    const rows = alertingRows(report, false);
    const notes = alertingNotes(report);
    return [
        { kind: 'section', title: 'Alerting' },
        ...(rows.length ? [{ kind: 'table', head: ['Policy', 'Watches', 'Channels', 'Status'], rows }] : []),
        ...(notes.length || !rows.length ? [{ kind: 'list', items: notes.length ? notes : [['No alert policy.']] }] : []),
    ];
}
function timingsLine(phases) {
    const entries = Object.entries(phases);
    if (entries.length === 0)
        return undefined;
    return [`Timings: ${entries.map(([name, ms]) => `${name} ${formatElapsed(ms)}`).join(' · ')}`];
}
/** The summary as a document, for either renderer. */
function buildSummary(report, now) {
    const blocks = [
        { kind: 'heading', text: headingText(report) },
        { kind: 'para', line: contextLine(report) },
    ];
    // Drift is listed in its own section below, not again as the error.
    if (report.error !== undefined && !report.drift?.length)
        blocks.push({ kind: 'alert', level: 'CAUTION', lines: ['The run stopped with this error:'], code: report.error });
    if (report.dryRun)
        blocks.push({ kind: 'alert', level: 'NOTE', lines: ['Dry run: nothing was written. The plan below is what a run would do.'] });
    const notices = report.config.notices;
    if (notices.length > 0)
        blocks.push({ kind: 'alert', level: 'NOTE', lines: notices, list: notices.length > 1 });
    if (report.warnings.length > 0)
        blocks.push({ kind: 'alert', level: 'WARNING', lines: report.warnings, list: report.warnings.length > 1 });
    if (report.plan.length > 0)
        blocks.push(resourceTable(report));
    if (report.drift) {
        const items = report.drift.length ? report.drift.map((l) => [l]) : [['None: the live state matches the inputs.']];
        blocks.push({ kind: 'section', title: 'Drift' }, { kind: 'list', items });
    }
    blocks.push(...scheduleBlocks(report, now), ...alertingBlocks(report), ...smokeBlocks(report));
    if (report.dryRun)
        blocks.push({ kind: 'section', title: 'Plan' }, { kind: 'code', lang: 'diff', text: formatPlan(report.plan) });
    const timings = timingsLine(report.phases);
    if (timings)
        blocks.push({ kind: 'para', line: timings });
    return blocks;
}
// ---------------------------------------------------------------------------------------
// Markdown.
/**
 * Text as Markdown that renders as that same text: every character Markdown or HTML would act on
 * escaped, line breaks as spaces, and an @mention broken by a zero-width space (GitHub notifies
 * whoever a comment or summary mentions). The summary and the PR comment carry values, messages
 * and drift lines from inputs, manifests and the live state: none may format, link or notify.
 */
function markdownText(text) {
    return (text
        .replace(/\r\n|\r|\n/g, ' ')
        // What starts formatting, a link, an image, HTML, a table cell or strikethrough anywhere;
        // `_` only where it can (GitHub leaves intraword underscores alone: snake_case reads as is).
        .replace(/[\\`*[\]<>|~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|&(?=#?[A-Za-z0-9]+;)/g, (c) => `\\${c}`)
        // What starts a block at the start of a line: a heading, a list item, a quote.
        .replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/, '$1\\$2')
        .replace(/(^|[^A-Za-z0-9_\\`])@(?=[A-Za-z0-9])/g, '$1@\u200b'));
}
/** Text inside a code span: a backtick would end it. */
const codeText = (text) => text.replace(/\r\n|\r|\n/g, ' ').replace(/`/g, "'");
const mdSpan = (s) => {
    if (typeof s === 'string')
        return markdownText(s);
    const text = s.code ? `\`${codeText(s.text)}\`` : markdownText(s.text);
    return s.href ? `[${text}](${s.href.replace(/[()\s<>]/g, encodeURIComponent)})` : text;
};
const mdLine = (line) => line.map(mdSpan).join('');
const mdCell = (line) => mdLine(line).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
function mdBlock(b) {
    switch (b.kind) {
        case 'heading':
            return `## ${markdownText(b.text)}`;
        case 'section':
            return `### ${markdownText(b.title)}`;
        case 'para':
            return mdLine(b.line);
        case 'list':
            return b.items.map((i) => `- ${mdLine(i)}`).join('\n');
        case 'table':
            return [
                `| ${b.head.map(markdownText).join(' | ')} |`,
                `| ${b.head.map(() => '---').join(' | ')} |`,
                ...b.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
            ].join('\n');
        case 'code': {
            // A fence longer than any run of backticks in the text: nothing inside can close it.
            const longest = Math.max(0, ...(b.text.match(/`+/g) ?? []).map((run) => run.length));
            const fence = '`'.repeat(Math.max(3, longest + 1));
            return `${fence}${b.lang}\n${b.text}\n${fence}`;
        }
        case 'alert': {
            // A code block keeps the error's line breaks and its indented command intact.
            const lines = b.lines.map((l) => `${b.list ? '- ' : ''}${l.split(/\r\n|\r|\n/).map(markdownText).join(b.list ? '\n  ' : '\n')}`);
            const body = b.code === undefined ? lines : [...lines, mdBlock({ kind: 'code', lang: '', text: b.code })];
            return [`> [!${b.level}]`, ...body.join('\n').split('\n').map((l) => `> ${l}`)].join('\n');
        }
    }
}
/** GitHub-flavoured Markdown for GITHUB_STEP_SUMMARY. */
function renderSummary(report, now = new Date()) {
    return `${buildSummary(report, now).map(mdBlock).join('\n\n')}\n`;
}
// ---------------------------------------------------------------------------------------
// Plain text.
const textSpan = (s) => (typeof s === 'string' ? s : s.href && s.href !== s.text ? `${s.text} <${s.href}>` : s.text);
const textLine = (line) => line.map(textSpan).join('');
const plainCell = (line) => line.map((s) => (typeof s === 'string' ? s : s.text)).join('');
function textTable(b) {
    const cells = [b.head, ...b.rows.map((r) => r.map(plainCell))];
    const widths = b.head.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
    const fmt = (row) => row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
    // Links do not fit in columns: list them under the table, named by the row's first cell.
    const links = b.rows.flatMap((r) => r.flat().flatMap((s) => (typeof s !== 'string' && s.href ? [`  ${plainCell(r[0] ?? [])} ${s.text}: ${s.href}`] : [])));
    return [fmt(b.head), fmt(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(fmt), ...links].join('\n');
}
function textBlock(b) {
    switch (b.kind) {
        case 'heading':
            return b.text;
        case 'section':
            return `${b.title}\n${'-'.repeat(b.title.length)}`;
        case 'para':
            return textLine(b.line);
        case 'list':
            return b.items.map((i) => `  - ${textLine(i)}`).join('\n');
        case 'table':
            return textTable(b);
        case 'code':
            return b.text.replace(/^/gm, '    ');
        case 'alert': {
            const lines = b.list ? b.lines.map((l) => `- ${l}`) : b.lines;
            const body = b.code === undefined ? lines : [...lines, ...b.code.split('\n').map((l) => `  ${l}`)];
            return body.map((l, i) => (i === 0 ? `${b.level}: ${l}` : `  ${l}`)).join('\n');
        }
    }
}
/** The same summary as plain text for a terminal. */
function renderSummaryText(report, now = new Date()) {
    return `${buildSummary(report, now).map(textBlock).join('\n\n')}\n`;
}
function fleetRow(e, now) {
    const r = e.report;
    const s = r?.config.schedule;
    const next = s ? (0,cron_core/* nextRuns */.Oz)(s.cron, s.timeZone, 1, now).map((d) => formatRunTime(d, s.timeZone))[0] : undefined;
    const changes = r ? r.plan.filter((c) => c.action !== 'unchanged') : [];
    const verbs = r?.dryRun ? PLANNED : DONE;
    const what = changes.length === 0 ? (r ? 'no change' : '—') : changes.map((c) => `${TYPE_LABEL[c.type]} ${c.status ?? verbs[c.action]}`).join(', ');
    const type = e.kind === 'job' ? 'run-job' : 'run-service';
    const outcome = e.failure ? `❌ ${e.failure.split('\n')[0]}` : r ? `${STATUS_ICON[r.smoke.status]} ${r.smoke.status}` : '—';
    const logs = r ? smokeLogsUrl(r.smoke) : undefined;
    return [
        [code(e.name, r ? consoleUrl(type, r.resource) : undefined)],
        [e.kind],
        [r?.resource ?? ''],
        s
            ? [
                code(s.jobId, r?.schedulerJob ? consoleUrl('scheduler-job', r.schedulerJob) : undefined),
                ` ${s.cron}${next ? ` (next ${next})` : ''}`,
                ...(r?.config.moreSchedules ?? []).map((m) => `, ${m.jobId} ${m.cron}`),
            ]
            : ['—'],
        [what],
        [outcome],
        logs ? [summary_link('logs', logs)] : [''],
    ];
}
function buildFleetSummary(fleet, dryRun, entries, deletions, now, notes) {
    const failed = entries.filter((e) => e.failure);
    const failedDeletes = deletions.filter((c) => c.status === 'failed');
    const icon = failed.length || failedDeletes.length ? '❌' : dryRun ? '📝' : '✅';
    const changed = entries.filter((e) => e.report?.plan.some((c) => (dryRun ? c.action !== 'unchanged' : c.written))).length;
    const blocks = [
        { kind: 'heading', text: `${icon} cloud-run-cron fleet ${fleet}: ${entries.length} workload${entries.length === 1 ? '' : 's'}, ${changed} ${dryRun ? 'to change (dry run)' : 'changed'}${failed.length ? `, ${failed.length} failed` : ''}` },
        {
            kind: 'table',
            head: ['Workload', 'Kind', 'Resource', 'Schedule', dryRun ? 'Planned' : 'Changed', 'Smoke test', 'Links'],
            rows: entries.map((e) => fleetRow(e, now)),
        },
    ];
    const alerted = entries.flatMap((e) => (e.report?.alerting ? [e.report] : []));
    if (alerted.length > 0) {
        const rows = alerted.flatMap((r) => alertingRows(r, true));
        const notes = alerted.flatMap((r) => alertingNotes(r, `${r.config.name}: `));
        blocks.push({ kind: 'section', title: 'Alerting' });
        if (rows.length)
            blocks.push({ kind: 'table', head: ['Workload', 'Policy', 'Watches', 'Channels', 'Status'], rows });
        if (notes.length)
            blocks.push({ kind: 'list', items: notes });
    }
    if (deletions.length > 0) {
        const verbs = dryRun ? PLANNED : DONE;
        blocks.push({ kind: 'section', title: notes.skipped ? 'Not pruned: skipped (no longer in the manifest)' : 'Pruned (no longer in the manifest)' });
        blocks.push({
            kind: 'table',
            head: ['Resource', 'Name', 'Status'],
            rows: deletions.map((c) => [[TYPE_LABEL[c.type]], [code(c.resource)], [c.status ?? verbs[c.action]]]),
        });
    }
    if (notes.skipped) {
        blocks.push({ kind: 'section', title: dryRun ? 'Deletions that would be skipped' : 'Deletions skipped' });
        blocks.push({ kind: 'code', lang: '', text: notes.skipped });
    }
    if (notes.leftAlone?.length) {
        blocks.push({ kind: 'section', title: 'Left alone (not this fleet\'s to delete)' });
        blocks.push({ kind: 'code', lang: '', text: notes.leftAlone.join('\n') });
    }
    if (failed.length > 0 || failedDeletes.length > 0) {
        blocks.push({ kind: 'section', title: 'Failures' });
        blocks.push({ kind: 'code', lang: '', text: [...failed.map((e) => `${e.name}: ${e.failure}`), ...failedDeletes.map((c) => `${c.resource}: not deleted`)].join('\n\n') });
    }
    return blocks;
}
/** The fleet's job summary (Markdown) and the same as plain text for a terminal. */
function renderFleetSummary(fleet, dryRun, entries, deletions, now = new Date(), notes = {}) {
    const blocks = buildFleetSummary(fleet, dryRun, entries, deletions, now, notes);
    return { markdown: `${blocks.map(mdBlock).join('\n\n')}\n`, text: `${blocks.map(textBlock).join('\n\n')}\n` };
}
// ---------------------------------------------------------------------------------------
// Writing.
/**
 * Appends `markdown` to the job summary (@actions/core's summary, GITHUB_STEP_SUMMARY). Outside
 * Actions (no GITHUB_STEP_SUMMARY) it does nothing; a failed write is a warning, never the step's failure.
 */
async function writeSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) {
        runner.debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
        return false;
    }
    try {
        await runner.appendSummary(markdown);
        return true;
    }
    catch (e) {
        runner.warning(`Could not write the job summary to ${file}: ${e.message}`);
        return false;
    }
}

// EXTERNAL MODULE: ./src/run/workload.ts
var workload = __webpack_require__(9124);
// EXTERNAL MODULE: ./src/ownership/record.ts
var record = __webpack_require__(8132);
// EXTERNAL MODULE: ./src/google/values.ts
var values = __webpack_require__(4937);
;// CONCATENATED MODULE: ./src/scheduler/scheduler-job.ts


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
 * empty keep its values (an empty input never changes a live value); the defaults
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
        attemptDeadline: (0,values/* duration */.p0)(s.attemptDeadlineSeconds ?? (current ? (0,values/* durationSeconds */.o8)(current.attemptDeadline) : undefined) ?? DEFAULT_ATTEMPT_DEADLINE),
        retryConfig: { retryCount: s.retryCount ?? (current ? (0,values/* toNumber */.Ro)(current.retryConfig?.retryCount) : undefined) ?? 0 },
    };
}
/** Scheduler jobs have no labels: the owner record is the description's first line. */
function schedulerDescription(config) {
    return (0,record/* toDescription */.mf)((0,record/* recordOf */.zv)(config), `Runs the Cloud Run ${config.kind} ${config.name}${config.fleet ? ` of fleet ${config.fleet}` : ''}.`);
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
    const method = (0,values/* enumName */.$U)(t.httpMethod, HTTP_METHODS);
    const contentType = Object.entries(t.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    return {
        uri: t.uri ?? '',
        method: !method || method === 'HTTP_METHOD_UNSPECIFIED' ? 'POST' : method,
        body: (0,values/* bytesBase64 */.DI)(t.body) || undefined,
        // With a body and no Content-Type, Scheduler stores application/octet-stream.
        contentType: (0,values/* bytesBase64 */.DI)(t.body) ? (contentType ?? 'application/octet-stream') : undefined,
        token,
    };
}
const SCHEDULER_FIELDS = [
    { field: 'schedule', mask: 'schedule', read: (j) => j.schedule ?? '' },
    // Scheduler stores an empty zone as UTC.
    { field: 'time_zone', mask: 'time_zone', read: (j) => (!j.timeZone || j.timeZone === 'UTC' ? 'Etc/UTC' : j.timeZone) },
    { field: 'target', mask: 'http_target', read: normalizedTarget },
    { field: 'attempt_deadline', mask: 'attempt_deadline', read: (j) => (0,values/* durationSeconds */.o8)(j.attemptDeadline) ?? DEFAULT_ATTEMPT_DEADLINE },
    { field: 'retry_count', mask: 'retry_config.retry_count', read: (j) => (0,values/* toNumber */.Ro)(j.retryConfig?.retryCount) ?? 0 },
    { field: 'description', mask: 'description', read: (j) => j.description ?? '' },
];

// EXTERNAL MODULE: ./src/run/spec-merge.ts
var spec_merge = __webpack_require__(4999);
// EXTERNAL MODULE: ./src/config/run-job-body.ts
var run_job_body = __webpack_require__(4926);
;// CONCATENATED MODULE: ./src/plan/diff.ts
/** Deep equality of JSON-like values (key order ignored). */
function sameValue(a, b) {
    return canonical(a) === canonical(b);
}
function canonical(value) {
    return JSON.stringify(value, (_key, v) => v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
        : v);
}
const isEmpty = (v) => v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
/** The differences among compared fields; on a create every managed field that has a value. */
function differences(compared, exists) {
    return compared
        .filter((c) => c.after !== undefined && (exists ? !sameValue(c.before, c.after) : !isEmpty(c.after)))
        .map((c) => (exists ? { field: c.field, before: c.before, after: c.after } : { field: c.field, after: c.after }));
}

;// CONCATENATED MODULE: ./src/ownership/classify.ts

/** The run asking about the workload of `config`. */
function hereOf(config) {
    return { fleet: config.fleet, repositoryId: config.repositoryId, workload: config.name };
}
function classify(found, here) {
    const owner = (0,record/* describeOwner */.$S)(found);
    const fleetMismatch = (fleet) => fleet === here.fleet ? undefined : fleet === undefined ? 'single-mode' : 'other-fleet';
    if (found.kind === 'unmarked')
        return { ownership: 'unmarked', owner };
    if (found.kind === 'legacy') {
        const ownership = fleetMismatch(found.fleet) ?? (found.workload !== undefined && found.workload !== here.workload ? 'other-workload' : 'legacy-mark');
        return { ownership, owner };
    }
    const r = found.record;
    if (r.repositoryId !== here.repositoryId)
        return { ownership: 'other-repository', owner };
    const ownership = fleetMismatch(r.fleet) ?? (r.workload !== here.workload ? 'other-workload' : 'ours');
    return { ownership, owner };
}
/** May a deletion go ahead? Ours, or (a workload named explicitly, or its trigger) marked by this fleet before the record existed. */
function mayDelete(c, legacyAllowed) {
    return c.ownership === 'ours' || (legacyAllowed && c.ownership === 'legacy-mark');
}
/** A deploy of `what` (e.g. "Cloud Run job x") by `here` over what it carries now. Pure. */
function takeover(found, here, what) {
    const c = classify(found, here);
    const mine = here.fleet ? `fleet ${here.fleet}` : 'single mode';
    const foundFleet = found.kind === 'record' ? found.record.fleet : found.kind === 'legacy' ? found.fleet : undefined;
    switch (c.ownership) {
        case 'ours':
        case 'legacy-mark':
            return {};
        case 'unmarked':
            return {
                reason: 'taken over: it had no owner record',
                warning: `The ${what} was not made by cloud-run-cron (it has no owner record): this run takes it over and writes the owner record of ${mine}, so prune and state: absent may delete it from now on.`,
            };
        case 'other-repository':
            return {
                reason: `taken over from ${c.owner}`,
                warning: `The ${what} belonged to ${c.owner}: this run takes it over for ${mine} of repository ${here.repositoryId ?? '(none)'}; the other repository no longer prunes or removes it.`,
            };
        default:
            if (!here.fleet && foundFleet) {
                return {
                    reason: `leaves fleet ${foundFleet} (single mode)`,
                    notice: `The ${what} was in fleet ${foundFleet}: single mode removes its fleet mark, so fleet ${foundFleet}'s prune no longer deletes it.`,
                };
            }
            return {
                reason: `taken over by ${mine} from ${c.owner}`,
                notice: `The ${what} was ${c.owner}: ${mine} takes it over, so ${foundFleet ? `fleet ${foundFleet}'s prune` : 'single mode'} no longer manages it.`,
            };
    }
}

;// CONCATENATED MODULE: ./src/plan/planner.ts











const INVOKER_ROLE = 'roles/run.invoker';
const OVERRIDES_ROLE = 'roles/run.jobsExecutorWithOverrides';
function isDigestPinned(image) {
    return /@sha256:[a-f0-9]{64}$/.test(image);
}
/**
 * A workload created without runtime_service_account would run as the default compute
 * account, which often holds Editor on the whole project: refused unless chosen explicitly.
 */
function requireRuntimeAccount(config, names) {
    if (config.runtimeServiceAccount !== undefined)
        return;
    throw new types/* InputError */.d('runtime_service_account', `required to create the ${config.kind} ${config.name}: without it the container runs as the project's default compute account ` +
        '(PROJECT_NUMBER-compute@developer.gserviceaccount.com), which often holds roles/editor on the whole project, so the workload ' +
        'could change almost anything in it. Create an account of its own and let the deployer act as it:\n' +
        `  gcloud iam service-accounts create ${config.name}-runtime --project=${names.projectId}\n` +
        `  gcloud iam service-accounts add-iam-policy-binding ${config.name}-runtime@${names.projectId}.iam.gserviceaccount.com ` +
        `--project=${names.projectId} --member=serviceAccount:${config.auth.serviceAccount ?? 'DEPLOYER'} --role=roles/iam.serviceAccountUser\n` +
        `then set runtime_service_account: ${config.name}-runtime@${names.projectId}.iam.gserviceaccount.com ` +
        '(and grant it only what the workload needs). To run as the default compute account anyway, set runtime_service_account: default.');
}
/** `grants`: the bindings the owner record says this action added (written with the workload). */
function planWorkload(config, names, current, deployId, grants = []) {
    if (!current)
        requireRuntimeAccount(config, names);
    const type = config.kind === 'job' ? 'run-job' : 'run-service';
    // Fields that the spec input sets are spec's (their inputs are empty): compared and written as spec.
    // A spec not yet checked (run/spec.ts loadSpec, before any request) is never dropped silently.
    if (config.spec && !config.spec.resource)
        throw new Error('The spec input was not checked before planning (loadSpec): nothing is written.');
    const spec = config.spec?.resource;
    const bySpec = spec ? (0,spec_merge/* fieldsSetBySpec */.gy)(spec, config.kind) : new Set();
    const defs = (0,workload/* fieldsFor */.VV)(config.kind).filter((d) => !bySpec.has(d.field));
    const compared = defs.map((d) => ({
        field: d.field,
        before: d.read(current, config.kind),
        after: d.desired(config, current),
    }));
    const fields = [...differences(compared, current !== undefined).map(withoutValues), ...(spec ? (0,spec_merge/* specChanges */.$6)(spec, current) : [])];
    const recordedBefore = (0,record/* grantsOf */.Rr)(current?.annotations);
    const grantsText = (g) => g.map((x) => `${x.role} ${x.member}`).sort();
    if (current && JSON.stringify(grantsText(recordedBefore)) !== JSON.stringify(grantsText(grants))) {
        fields.push({ field: 'owner_record.grants', before: grantsText(recordedBefore), after: grantsText(grants) });
    }
    const byTag = !isDigestPinned(config.image);
    // A service whose latest revision failed, or a job whose Ready condition failed (a setting Cloud
    // Run refused after accepting the request), is deployed again, not left as is.
    const failed = current ? (0,workload/* serviceReadiness */.my)(current).failed : undefined;
    if (current && fields.length === 0 && !byTag && !failed) {
        return { change: { type, resource: names.resource, action: 'unchanged', fields } };
    }
    const body = current ? structuredCloneResource(current) : {};
    if (current)
        dropOneTimeFields(body, config.kind);
    for (const d of defs)
        d.write(body, config.kind, compared.find((c) => c.field === d.field).after);
    if (spec)
        (0,spec_merge/* mergeSpec */.S_)(body, spec);
    const annotations = (0,record/* withGrants */.MQ)(body.annotations, grants);
    if (Object.keys(annotations).length > 0 || body.annotations)
        body.annotations = annotations;
    if (byTag || failed)
        (0,workload/* stampDeploy */.Bx)(body, config.kind, deployId);
    const change = { type, resource: names.resource, action: current ? 'update' : 'create', fields };
    if (current && failed) {
        change.reason = `${config.kind === 'service' ? "the service's latest revision" : 'the job'} is not Ready (${failed}): deployed again`;
    }
    else if (current && byTag) {
        change.reason = fields.length
            ? 'image is named by a tag: Cloud Run resolves it to a digest again'
            : 'image is named by a tag, which may point at a new digest now: redeployed (pin the image by @sha256: digest to skip this)';
    }
    return { change, body };
}
/**
 * The plan never holds an env var value, nor the secret a variable or a file references: env_vars,
 * secrets and secret_files are shown as what happens to each variable (or file), by name,
 * `DB_PASSWORD: (changed)`. The values and references stay in the request body only.
 */
function withoutValues(f) {
    if (f.field === 'env_vars')
        return { field: f.field, after: (0,scrub/* envValueChanges */.mF)((f.before ?? []), (f.after ?? [])) };
    if (f.field === 'secrets' || f.field === 'secret_files')
        return { field: f.field, after: (0,scrub/* envValueChanges */.mF)(references(f.before), references(f.after)) };
    return f;
}
/** Secret variables or files as name -> reference, for envValueChanges. */
function references(value) {
    return (value ?? []).map((s) => ({ name: s.name ?? s.path ?? '', value: `${s.secret}:${s.version}` }));
}
/**
 * Fields of the current resource that must not be sent back with an update: a fixed revision
 * name (a changed template under the same name fails with "Revision named ... with different
 * configuration already exists"), and a job's execution tokens (they start an execution named
 * after them on create or update).
 */
function dropOneTimeFields(body, kind) {
    if (kind === 'service') {
        const template = body.template;
        if (template)
            delete template.revision;
    }
    else {
        const job = body;
        delete job.startExecutionToken;
        delete job.runExecutionToken;
    }
}
/** A plain object of any realm (a vm context, structuredClone), not a Long, Buffer or Date. */
function isPlainObject(value) {
    if (!value || typeof value !== 'object')
        return false;
    const proto = Object.getPrototypeOf(value);
    return proto === null || Object.getPrototypeOf(proto) === null;
}
/** A copy that keeps protobuf values (Long, Buffer) intact, unlike JSON round trips. */
function structuredCloneResource(value) {
    if (Array.isArray(value))
        return value.map((v) => structuredCloneResource(v));
    if (isPlainObject(value)) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneResource(v)]));
    }
    return value;
}
/** Who needs which role on the workload: the Scheduler's invoker, and allUsers when asked. */
function desiredBindings(config) {
    const out = [];
    if (config.schedule) {
        // One binding for every trigger: they share the invoker; any trigger with overrides needs the larger role.
        const withOverrides = config.kind === 'job' && [config.schedule, ...(config.moreSchedules ?? [])].some((s) => s.bodyHasOverrides);
        out.push({
            role: withOverrides ? OVERRIDES_ROLE : INVOKER_ROLE,
            member: `serviceAccount:${config.schedule.invokerServiceAccount}`,
            reason: withOverrides
                ? `the trigger body carries overrides, which need run.jobs.runWithOverrides: ${INVOKER_ROLE} does not include it`
                : undefined,
        });
    }
    if (config.kind === 'service' && config.service.allowUnauthenticated) {
        out.push({ role: INVOKER_ROLE, member: 'allUsers', reason: 'allow_unauthenticated: true makes the service public' });
    }
    return out;
}
function hasBinding(policy, role, member) {
    return (policy?.bindings ?? []).some((b) => b.role === role && !b.condition && (b.members ?? []).includes(member));
}
/**
 * The bindings to add, and the ones this action added earlier (`recorded`, from the owner
 * record) that are no longer wanted: an old invoker, the overrides role once no trigger has
 * overrides. A binding the action did not record is never removed.
 */
function planBindings(config, names, policy, recorded = []) {
    const desired = desiredBindings(config);
    const step = (role, member, action, fields, reason) => ({
        role,
        member,
        change: { type: 'iam-binding', resource: names.resource, subject: role, action, fields, ...(reason ? { reason } : {}) },
    });
    const adds = desired.map(({ role, member, reason }) => hasBinding(policy, role, member) ? step(role, member, 'unchanged', [], reason) : step(role, member, 'create', [{ field: 'binding', after: `${role} ${member}` }], reason));
    const stale = recorded
        .filter((g) => !desired.some((d) => d.role === g.role && d.member === g.member) && hasBinding(policy, g.role, g.member))
        .map(({ role, member }) => step(role, member, 'delete', [{ field: 'binding', before: `${role} ${member}` }], 'granted by this action for an earlier setting and no longer needed'));
    return [...adds, ...stale];
}
/** What the owner record says the action granted once `bindings` are applied: what it adds now, and what it added before and still wants. */
function grantsAfter(bindings, recorded) {
    return bindings
        .filter((b) => b.change.action === 'create' || (b.change.action === 'unchanged' && recorded.some((g) => g.role === b.role && g.member === b.member)))
        .map(({ role, member }) => ({ role, member }));
}
/** serviceUri: the service's URL; undefined while the service is still to be created. */
/**
 * The trigger as the plan shows it: a body that carries override env values (a schedule's
 * env_vars) decoded, with each value hidden; base64 would only hide it from a reader, not from
 * anyone who decodes it. Compared before this: a changed value is still a change.
 */
function targetWithoutValues(target) {
    const t = target;
    if (!t?.body)
        return target;
    const shown = (0,run_job_body/* bodyWithoutValues */.N2)(Buffer.from(t.body, 'base64').toString('utf8'));
    return shown === undefined ? target : { ...t, body: shown };
}
function planScheduler(config, names, current, serviceUri) {
    if (!config.schedule || !names.schedulerJob)
        return undefined;
    const desired = desiredSchedulerJob(config, names, serviceUri, current);
    const compared = SCHEDULER_FIELDS.map((f) => ({ field: f.field, before: current ? f.read(current) : undefined, after: f.read(desired) }));
    const fields = differences(compared, current !== undefined).map((f) => f.field === 'target' ? { ...f, before: targetWithoutValues(f.before), after: targetWithoutValues(f.after) } : f);
    const state = current ? (0,values/* enumName */.$U)(current.state, SCHEDULER_STATES) : undefined;
    const paused = config.schedule.paused;
    if (current && state === 'DISABLED')
        return recreateDisabled(config, names, current, desired, fields);
    // A job left UPDATE_FAILED by an interrupted update is not run until a PATCH succeeds
    // (job.proto: "retry UpdateJob until a successful response is received"): write every managed
    // field again, whether or not they look the same.
    const repair = state === 'UPDATE_FAILED';
    if (repair)
        fields.push({ field: 'state', before: 'UPDATE_FAILED', after: 'ENABLED' });
    const updateMask = !current
        ? []
        : SCHEDULER_FIELDS.filter((f) => repair || fields.some((c) => c.field === f.field)).map((f) => f.mask);
    const currentlyPaused = state === 'PAUSED';
    // After a repair the state is the API's to say: paused is set explicitly either way.
    const setPaused = current ? (repair || paused !== currentlyPaused ? paused : undefined) : paused ? true : undefined;
    if (current && paused !== currentlyPaused)
        fields.push({ field: 'paused', before: currentlyPaused, after: paused });
    else if (!current && paused)
        fields.push({ field: 'paused', after: true });
    const action = !current ? 'create' : fields.length ? 'update' : 'unchanged';
    const change = { type: 'scheduler-job', resource: names.schedulerJob, action, fields };
    const retargeted = fields.find((f) => f.field === 'target');
    if (current && retargeted && targetKind(current) !== config.kind) {
        change.reason = `re-pointed from the Cloud Run ${targetKind(current)} to the ${config.kind}, with ${config.kind === 'job' ? 'an OAuth' : 'an OIDC'} token`;
    }
    return { change, body: desired, updateMask, setPaused };
}
/**
 * A Scheduler job the system DISABLED (job.proto: "disabled by the system due to error"): neither
 * resumed nor paused by the API. A job this action wrote (its description is exactly the one
 * the action writes) is deleted and created again from the desired state, which the action
 * holds whole; any other is left alone, and the run stops before any write.
 */
function recreateDisabled(config, names, current, desired, fields) {
    const name = names.schedulerJob;
    if (current.description !== desired.description) {
        const [, project, , location, , id] = name.split('/');
        throw new ActionError(`The Cloud Scheduler job ${name} is DISABLED: Cloud Scheduler disabled it after errors, and it can be neither resumed nor paused. ` +
            `Its description (${JSON.stringify(current.description ?? '')}) is not the one this action writes, so it is not this action's to ` +
            `delete and create again. See why it was disabled (gcloud scheduler jobs describe ${id} --location=${location} --project=${project}), ` +
            `then delete it (gcloud scheduler jobs delete ${id} --location=${location} --project=${project}) and run again, or set scheduler_job to another name.`);
    }
    const paused = config.schedule.paused;
    const change = {
        type: 'scheduler-job',
        resource: name,
        action: 'update',
        fields: [...fields, { field: 'state', before: 'DISABLED', after: paused ? 'PAUSED' : 'ENABLED' }],
        reason: 'Cloud Scheduler DISABLED it after errors (it can be neither resumed nor paused): deleted and created again from the inputs',
    };
    return { change, body: desired, updateMask: [], setPaused: paused ? true : undefined, recreate: true };
}
function targetKind(job) {
    return job.httpTarget?.oidcToken ? 'service' : 'job';
}
/** The config and names as seen by one of config.moreSchedules (the same workload, another trigger). */
function withSchedule(config, names, schedule) {
    return {
        config: { ...config, schedule, moreSchedules: undefined },
        names: { ...names, schedulerJob: `projects/${names.projectId}/locations/${schedule.region}/jobs/${schedule.jobId}` },
    };
}
/** The Scheduler steps of config.moreSchedules. */
function planMoreSchedulers(config, names, current, serviceUri) {
    return (config.moreSchedules ?? []).flatMap((schedule, i) => {
        const other = withSchedule(config, names, schedule);
        const step = planScheduler(other.config, other.names, current?.[i], serviceUri);
        return step ? [step] : [];
    });
}
function planRun({ config, names, current, deployId }) {
    const recorded = (0,record/* grantsOf */.Rr)(current.workload?.annotations);
    const bindings = planBindings(config, names, current.policy, recorded);
    const grants = grantsAfter(bindings, recorded);
    const workload = planWorkload(config, names, current.workload, deployId, grants);
    const serviceUri = config.kind === 'service' ? current.workload?.uri ?? undefined : undefined;
    const scheduler = planScheduler(config, names, current.schedulerJob, serviceUri);
    const moreSchedulers = planMoreSchedulers(config, names, current.moreSchedulerJobs, serviceUri);
    const warnings = [];
    if (current.otherKind) {
        const other = config.kind === 'job' ? 'service' : 'job';
        const command = other === 'job' ? 'jobs' : 'services';
        warnings.push(`A Cloud Run ${other} named ${config.name} still exists in ${config.region}; it is left in place and no longer triggered. ` +
            `Delete it when it is no longer needed: gcloud run ${command} delete ${config.name} --region=${config.region} --project=${names.projectId}`);
    }
    if (config.kind === 'service' && !config.service.allowUnauthenticated && hasBinding(current.policy, INVOKER_ROLE, 'allUsers')) {
        warnings.push(`The service ${config.name} is public (allUsers holds ${INVOKER_ROLE}) although allow_unauthenticated is false; the binding was not made by this run and is left as it is.`);
    }
    warnings.push(...openServiceWarnings(config, current));
    const notices = [];
    if (current.workload) {
        const moved = takeover((0,record/* fromLabels */.Kx)(current.workload.labels), hereOf(config), `Cloud Run ${config.kind} ${config.name}`);
        if (moved.reason)
            workload.change.reason = workload.change.reason ? `${moved.reason}; ${workload.change.reason}` : moved.reason;
        if (moved.warning)
            warnings.push(moved.warning);
        if (moved.notice)
            notices.push(moved.notice);
    }
    const plan = [workload.change, ...bindings.map((b) => b.change), ...(scheduler ? [scheduler.change] : []), ...moreSchedulers.map((m) => m.change)];
    return { plan, workload, bindings, scheduler, moreSchedulers, warnings, notices, grants };
}
/**
 * Where a service is or becomes open to anyone: a warning annotation, not only a plan
 * line. The action does not turn invokerIamDisabled off (a setting made elsewhere, kept like the
 * others it does not manage); it says so, with the command that does.
 */
function openServiceWarnings(config, current) {
    if (config.kind !== 'service')
        return [];
    const out = [];
    const service = current.workload;
    if (service?.invokerIamDisabled === true && !config.service.allowUnauthenticated) {
        out.push(`The service ${config.name} has the invoker IAM check disabled (invokerIamDisabled: true): anyone who can reach it can call it, ` +
            `although allow_unauthenticated is not true. It is left as it is; turn the check on again: ` +
            `gcloud run services update ${config.name} --invoker-iam-check --region=${config.region}`);
    }
    if (config.service.allowUnauthenticated && !hasBinding(current.policy, INVOKER_ROLE, 'allUsers')) {
        out.push(`allow_unauthenticated: true makes the service ${config.name} public: ${INVOKER_ROLE} is granted to allUsers, so anyone on the ` +
            'internet can call it. A scheduled service does not need this; remove the input to keep it private.');
    }
    return out;
}
function planChangesAnything(plan) {
    return plan.some((c) => c.action !== 'unchanged');
}

;// CONCATENATED MODULE: ./src/plan/read-only.ts
/** Everything the run would write, one line each: changes, deletions, and smoke tests (each runs the trigger). */
function plannedWrites(workloads, deletions) {
    const line = (c, label) => `${label ? `${label}: ` : ''}${c.action} ${c.type} ${c.resource}`;
    return [
        ...workloads.flatMap((w) => [
            ...w.plan.filter((c) => c.action !== 'unchanged').map((c) => line(c, w.label)),
            ...(w.smokeTestRuns ? [`${w.label ? `${w.label}: ` : ''}the smoke test (it runs the trigger once)`] : []),
        ]),
        ...deletions.map((c) => line(c, 'prune')),
    ];
}
/** The refusal, naming the planner account and the deployer that applies. */
function readOnlyRefusal(account, projectId, writes) {
    return [
        `Refused before any write: ${account} is the read-only planner (read_only: true), and this run would write:`,
        ...writes.map((w) => `- ${w}`),
        'Nothing was written. Plans and drift checks run as the planner with dry_run: true; writes belong to the deployer ' +
            `(cloud-run-cron-deployer@${projectId}.iam.gserviceaccount.com in docs/identities.md's setup), which only the deploying ` +
            "environment may impersonate: apply from a job with that environment, service_account set to the deployer and read_only unset.",
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/google/poll.ts
// Polling that notices completion soon and stays polite: quick at first, backing off to a
// cap (about one read a second, counted from the start of one read to the start of the
// next), slower after a quota error anywhere in the run; every read retried on passing
// errors (by the caller's api.call), and nothing waits past its deadline.


const POLL_FIRST_MS = 100;
/** Under a second, so a completion is seen within 1 s; ~1.1 reads/s sustained. */
const POLL_CAP_MS = 900;
/** A quota error multiplies the cap by up to this much. */
const QUOTA_SLOWDOWN_MAX = 8;
async function pollUntil(opts) {
    const baseCap = opts.capMs ?? POLL_CAP_MS;
    let interval = opts.firstMs ?? POLL_FIRST_MS;
    let slowdown = 1;
    let quotaSeen = google_retry/* quotaSignal */.rG.count;
    let last;
    if (opts.initialDelayMs)
        await (0,google_retry/* sleep */.yy)(Math.min(opts.initialDelayMs, Math.max(0, opts.deadline - Date.now())));
    for (;;) {
        const readStart = Date.now();
        try {
            last = await opts.read();
            opts.onRead?.(last);
            if (opts.finished(last))
                return last;
        }
        catch (err) {
            // The read itself already retried; a quota error that still comes through only slows us.
            if (!(0,api_error/* isQuotaError */.jq)(err))
                throw err;
        }
        if (google_retry/* quotaSignal */.rG.count !== quotaSeen) {
            // A 429 (ours, retried or not, or another call's): back off hard, and stay slower.
            quotaSeen = google_retry/* quotaSignal */.rG.count;
            slowdown = Math.min(QUOTA_SLOWDOWN_MAX, slowdown * 2);
            interval = Math.max(interval, baseCap) * 2;
        }
        const cap = baseCap * slowdown;
        interval = Math.min(cap, interval);
        const wait = Math.max(0, readStart + interval - Date.now());
        interval *= 1.5;
        const remaining = opts.deadline - Date.now();
        if (remaining <= 0)
            throw opts.onTimeout(last);
        await (0,google_retry/* sleep */.yy)(Math.min(wait, remaining));
    }
}

;// CONCATENATED MODULE: ./src/run/deploy.ts





const label = (kind) => (kind === 'job' ? 'Cloud Run job' : 'Cloud Run service');
/**
 * A read that reached no Cloud Run API: in a region Cloud Run does not serve, the front end
 * answers 404 with a generic "The requested URL ... was not found on this server" (an HTML page
 * or JSON), or 400. A missing job or service is a 404 that names the resource instead.
 */
function isRegionNotServed(err) {
    const facts = (0,api_error/* readApiError */.tR)(err);
    if (facts.httpStatus === 400 || facts.grpcCode === 3)
        return true;
    return (facts.httpStatus === 404 || facts.grpcCode === 5) && /was not found on this server|<html/i.test(facts.message);
}
function regionNotServed(name, err) {
    const region = /\/locations\/([^/]+)\//.exec(name)?.[1] ?? '?';
    return new ActionError(`Input 'region': Cloud Run does not serve '${region}': reading ${name} reached no Cloud Run API there ` +
        `(${(0,api_error/* statusLabel */.Rh)((0,api_error/* readApiError */.tR)(err)) || 'an error'}). Set region to a Cloud Run region, for example us-central1 or europe-west1 ` +
        '(the list: https://cloud.google.com/run/docs/locations, or gcloud run regions list).', { resource: name, cause: err });
}
/** The job or service, or undefined when it does not exist. */
async function readWorkload(api, clients, kind, name) {
    return api.call(`reading the ${label(kind)}`, name, async () => {
        try {
            return await clients.run.get(name);
        }
        catch (err) {
            if (isRegionNotServed(err))
                throw regionNotServed(name, err);
            if ((0,api_error/* isNotFound */.c4)(err))
                return undefined;
            throw err;
        }
    });
}
class OperationError extends Error {
}
/** Waits for the operation; answers its result (the job or service as written), if it gives one. */
async function waitForOperation(api, clients, kind, op, resource) {
    let latest = op;
    if (!latest.done && op.name) {
        const progress = createProgress(`${label(kind)} ${resource.split('/').pop()}`);
        latest = await pollUntil({
            read: () => api.call(`waiting for the ${label(kind)} operation`, resource, () => clients.run.get(op.name)),
            onRead: (o) => progress.update({ status: o.done ? 'operation done' : 'operation running' }, Boolean(o.done)),
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
/**
 * Deletes the job or service and waits for the deletion to finish. One already gone counts
 * as deleted. Answers whether this call deleted it.
 */
async function deleteWorkload(api, clients, kind, name) {
    const op = await api.call(`deleting the ${label(kind)}`, name, () => (0,api_error/* unlessNotFound */.CA)(() => clients.run.delete(name)));
    if (!op)
        return false;
    await waitForOperation(api, clients, kind, op, name);
    return true;
}
/** A service's readiness as one progress line: its newest revision and where it is. */
function readinessLine(s) {
    const revision = s.latestCreatedRevision?.split('/').pop();
    const { ready, failed } = (0,workload/* serviceReadiness */.my)(s);
    const status = ready ? 'Ready' : failed ? 'not Ready' : 'waiting for Ready';
    const reason = !ready ? (s.terminalCondition?.reason ?? undefined) : undefined;
    return { status, detail: [revision && `revision ${revision}`, reason && String(reason)].filter(Boolean).join(', ') || undefined };
}
async function waitForReady(api, clients, name) {
    const progress = createProgress(`Cloud Run service ${name.split('/').pop()}`);
    const service = await pollUntil({
        read: () => api.call('waiting for the Cloud Run service to be Ready', name, () => clients.run.get(name)),
        onRead: (s) => progress.update(readinessLine(s), (0,workload/* serviceReadiness */.my)(s).ready || (0,workload/* serviceReadiness */.my)(s).failed !== undefined),
        finished: (s) => (0,workload/* serviceReadiness */.my)(s).ready || (0,workload/* serviceReadiness */.my)(s).failed !== undefined,
        deadline: api.deadline,
        onTimeout: (s) => new Error(`The Cloud Run service ${name} did not become Ready in time${s?.terminalCondition?.message ? `: ${s.terminalCondition.message}` : ''}.`),
    });
    const failed = (0,workload/* serviceReadiness */.my)(service).failed;
    if (failed)
        throw new Error(`The Cloud Run service ${name} did not become Ready: ${failed}`);
    return service;
}
/** The service when it is Ready; waits while it is getting there; fails when it will not be. */
async function ensureReady(api, clients, name, service) {
    const { ready, failed } = (0,workload/* serviceReadiness */.my)(service);
    if (failed)
        throw new Error(`The Cloud Run service ${name} is not Ready: ${failed}`);
    return ready ? service : waitForReady(api, clients, name);
}
function parentOf(name) {
    return name.slice(0, name.lastIndexOf('/', name.lastIndexOf('/') - 1));
}
/**
 * Applies the workload step. A create that meets ALREADY_EXISTS (another writer won) and an
 * update that meets a stale etag (ABORTED) re-read and re-plan, then write again.
 */
async function applyWorkload(api, clients, kind, name, step, replan, 
/** The job or service as the read phase saw it: an unchanged one is not read again. */
known) {
    let current = step;
    let written;
    for (let attempt = 1;; attempt++) {
        if (current.change.action === 'unchanged' || !current.body) {
            const resource = attempt === 1 && known ? known : (await readWorkload(api, clients, kind, name));
            // Nothing to write, but a service whose last revision failed is not a success.
            return kind === 'service' ? ensureReady(api, clients, name, resource) : resource;
        }
        const create = current.change.action === 'create';
        const id = name.slice(name.lastIndexOf('/') + 1);
        try {
            const collection = kind === 'job' ? 'jobs' : 'services';
            const body = { ...current.body, name: create ? undefined : name };
            const op = await api.call(`${create ? 'creating' : 'updating'} the ${label(kind)}`, name, () => create ? clients.run.create(parentOf(name), collection, id, body) : clients.run.replace(name, body));
            written = await waitForOperation(api, clients, kind, op, name);
            break;
        }
        catch (err) {
            // Someone else wrote first: ALREADY_EXISTS on a create, ABORTED (a stale etag) on an
            // update. (ALREADY_EXISTS on an update is a revision name clash: not a race.)
            const code = (0,api_error/* readApiError */.tR)(err).grpcCode;
            const race = create ? code === 6 : code === 10;
            if (!race || attempt >= 3)
                throw err;
            current = replan(await readWorkload(api, clients, kind, name));
        }
    }
    // The operation's result is the resource as written: no read is needed when it says enough.
    if (kind === 'service')
        return written ? ensureReady(api, clients, name, written) : waitForReady(api, clients, name);
    return written?.name ? written : (await readWorkload(api, clients, kind, name));
}

;// CONCATENATED MODULE: ./src/scheduler/upsert.ts
// Reads and writes the Cloud Scheduler job: create, or PATCH with an updateMask of exactly
// the changed fields; pause/resume are their own calls (state is output-only).




async function readSchedulerJob(api, clients, name) {
    return api.call('reading the Cloud Scheduler job', name, () => (0,api_error/* unlessNotFound */.CA)(() => clients.scheduler.get(name)));
}
/** Deletes the Scheduler job (a synchronous call); one already gone counts as deleted. Answers whether this call deleted it. */
async function deleteSchedulerJob(api, clients, name) {
    return api.call('deleting the Cloud Scheduler job', name, async () => (await (0,api_error/* unlessNotFound */.CA)(() => clients.scheduler.delete(name).then(() => true))) ?? false);
}
/** Every Scheduler job of a location. */
async function listSchedulerJobs(api, clients, parent) {
    return api.call('listing the Cloud Scheduler jobs', parent, () => clients.scheduler.list(parent));
}
/** The regions where Cloud Scheduler is offered to this project. */
async function schedulerRegions(api, clients, projectId) {
    return api.call('listing the Cloud Scheduler locations', `projects/${projectId}`, () => clients.scheduler.locations(projectId));
}
function upsert_parentOf(name) {
    return name.slice(0, name.lastIndexOf('/jobs/'));
}
/** Applies the step; `replan` re-plans against a job another writer created first. */
async function applySchedulerJob(api, clients, step, replan) {
    const name = step.change.resource;
    let current = step;
    let result;
    if (current.recreate) {
        await deleteSchedulerJob(api, clients, name);
        result = await api.call('creating the Cloud Scheduler job again', name, () => clients.scheduler.create(upsert_parentOf(name), current.body));
        return current.setPaused ? pauseNewOrDelete(api, clients, name) : result;
    }
    if (current.change.action === 'create') {
        try {
            result = await api.call('creating the Cloud Scheduler job', name, async () => clients.scheduler.create(upsert_parentOf(name), current.body));
        }
        catch (err) {
            if (!(0,api_error/* isConflict */.dh)(err))
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
            if ((0,api_error/* readApiError */.tR)(err).grpcCode !== 9)
                throw err;
            const job = await clients.scheduler.get(name);
            if ((0,values/* enumName */.$U)(job.state, SCHEDULER_STATES) === (pause ? 'PAUSED' : 'ENABLED'))
                return job;
            throw err;
        }
    });
}
/** The new Scheduler job could not be paused and was deleted again: it does not exist. */
class DeletedAgainError extends ActionError {
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
            throw new ActionError(`paused: true, but the new Cloud Scheduler job ${name} could not be paused, and deleting it failed too: it is ENABLED and ` +
                `will fire on its schedule. Pause or delete it now: gcloud scheduler jobs delete ${name.split('/').pop()} ` +
                `--location=${name.split('/')[3]} --project=${name.split('/')[1]}\nPausing: ${why}\nDeleting: ${deleteError instanceof Error ? deleteError.message : String(deleteError)}`, { cause: pauseError });
        }
        throw new DeletedAgainError(`paused: true, but the new Cloud Scheduler job ${name} could not be paused, so this run deleted it again (no trigger is left ` +
            `running, and the invoker role was not granted). ${why}`, { cause: pauseError });
    }
}
function schedulerIndex(api, clients, projectId) {
    let offered;
    const lists = new Map();
    const index = {
        offered: () => (offered ??= schedulerRegions(api, clients, projectId)),
        async jobsIn(regions) {
            const where = await index.offered();
            const wanted = regions === undefined ? where : [...new Set(regions)].filter((r) => where.includes(r));
            const jobs = await Promise.all(wanted.map((region) => {
                let list = lists.get(region);
                if (!list)
                    lists.set(region, (list = listSchedulerJobs(api, clients, `projects/${projectId}/locations/${region}`)));
                return list;
            }));
            return jobs.flat();
        },
    };
    return index;
}

;// CONCATENATED MODULE: ./src/alerts/owner.ts


/** Which of a workload's policies this is (run, missed or trigger). */
const ROLE_KEY = 'alert-role';
/** The mark of a channel the action created (shared by every workload that names its address). */
const CHANNEL_KEY = 'created-by';
const CHANNEL_VALUE = 'cloud-run-cron';
/** The owner record of the workload as policy user labels (the role label is added per policy). */
function policyOwnerLabels(config) {
    return (0,record/* toLabels */.Dc)((0,record/* recordOf */.zv)(config));
}
function roleLabel(role) {
    return { [ROLE_KEY]: role };
}
/** The user labels of a channel the action creates. */
function channelOwnerLabels() {
    return { [CHANNEL_KEY]: CHANNEL_VALUE };
}
/** The policy carries exactly `here`'s owner record (repository, fleet or single mode, workload). */
function isOwnedPolicy(policy, here) {
    return classify((0,record/* fromLabels */.Kx)(policy.userLabels), here).ownership === 'ours';
}
/** The workload of `config`'s own policy. */
function isWorkloadPolicy(policy, config) {
    return isOwnedPolicy(policy, hereOf(config));
}
/** The workload a policy's owner record names, if it has one. */
function policyWorkload(policy) {
    const found = (0,record/* fromLabels */.Kx)(policy.userLabels);
    return found.kind === 'record' ? found.record.workload : undefined;
}
/** The role of one of the action's policies ('run', 'missed' or 'trigger'), from its labels. */
function policyRole(policy) {
    return policy.userLabels?.[ROLE_KEY];
}
/** A channel the action created (and may delete once no policy uses it). */
function isActionChannel(channel) {
    return channel.userLabels?.[CHANNEL_KEY] === CHANNEL_VALUE;
}

;// CONCATENATED MODULE: ./src/alerts/desired.ts
// The alert policies a workload should have, from its config: pure. Cloud Monitoring allows a
// log-match condition only alone in its policy (and only with a notification rate limit), and a
// metric-absence window of at most 23.5 hours, so a workload has up to three policies:
//   run      metric conditions on the workload: a job's failed executions, and a missed run
//            (no successful execution / 2xx request within the longest gap of its schedules
//            plus missed_grace) as a metric-absence condition when that window is 23.5 h or less;
//   missed   the same missed run as a PromQL absent_over_time condition, when the window is
//            longer (a daily schedule across a DST change, a weekly one), in a policy of its own;
//   trigger  a log match on Cloud Scheduler's AttemptFinished errors of the workload's
//            Scheduler jobs (a service's failure, and a trigger that cannot start a job).




/** Cloud Monitoring's longest metric-absence window: 23 h 30 min (see fake/FACTS.md). */
const ABSENCE_MAX_SECONDS = 84_600;
/** A metric-absence window is at least 2 minutes, in whole minutes. */
const ABSENCE_MIN_SECONDS = 120;
/** Default lateness allowed on top of the workload's own timeout. */
const GRACE_EXTRA_SECONDS = 600;
/** Cloud Run's default task timeout and Cloud Scheduler's default attempt deadline. */
const DEFAULT_TASK_TIMEOUT = 600;
const desired_DEFAULT_ATTEMPT_DEADLINE = 180;
/** At most one notification an hour from the trigger's log match (required for log-match policies). */
const TRIGGER_RATE_LIMIT = '3600s';
const POLICY_ROLES = ['run', 'missed', 'trigger'];
const JOB_EXECUTIONS = 'run.googleapis.com/job/completed_execution_count';
const SERVICE_REQUESTS = 'run.googleapis.com/request_count';
const SCHEDULER_LOG = 'cloudscheduler.googleapis.com%2Fexecutions';
const ATTEMPT_FINISHED = 'type.googleapis.com/google.cloud.scheduler.logging.AttemptFinished';
function schedulesOf(config) {
    return [config.schedule, ...(config.moreSchedules ?? [])].filter((s) => s !== undefined);
}
/** How late a run may be: missed_grace, else the job's task timeout / the trigger's attempt deadline, plus 10 minutes. */
function missedGraceSeconds(config) {
    if (config.alerts?.missedGraceSeconds !== undefined)
        return config.alerts.missedGraceSeconds;
    const own = config.kind === 'job'
        ? config.job.taskTimeoutSeconds ?? DEFAULT_TASK_TIMEOUT
        : Math.max(...schedulesOf(config).map((s) => s.attemptDeadlineSeconds ?? desired_DEFAULT_ATTEMPT_DEADLINE), desired_DEFAULT_ATTEMPT_DEADLINE);
    return own + GRACE_EXTRA_SECONDS;
}
/** The metric filter of the workload's runs: a job's executions with `result`, a service's 2xx requests. */
function metricFilter(config, result) {
    const terms = config.kind === 'job'
        ? ['resource.type = "cloud_run_job"', `resource.labels.job_name = "${config.name}"`, `resource.labels.location = "${config.region}"`, `metric.type = "${JOB_EXECUTIONS}"`, `metric.labels.result = "${result}"`]
        : ['resource.type = "cloud_run_revision"', `resource.labels.service_name = "${config.name}"`, `resource.labels.location = "${config.region}"`, `metric.type = "${SERVICE_REQUESTS}"`, 'metric.labels.response_code_class = "2xx"'];
    return terms.join(' AND ');
}
/** The PromQL form of the successful runs' metric (Cloud Monitoring's names: domain:path, `monitored_resource`). */
function promqlSelector(config) {
    return config.kind === 'job'
        ? `run_googleapis_com:job_completed_execution_count{monitored_resource="cloud_run_job",job_name="${config.name}",location="${config.region}",result="succeeded"}`
        : `run_googleapis_com:request_count{monitored_resource="cloud_run_revision",service_name="${config.name}",location="${config.region}",response_code_class="2xx"}`;
}
/** One series per workload, whatever its revisions: a new revision does not look like a stopped series. */
function aggregations(config, seconds) {
    const by = config.kind === 'job' ? 'resource.labels.job_name' : 'resource.labels.service_name';
    return [{ alignmentPeriod: `${seconds}s`, perSeriesAligner: 'ALIGN_SUM', crossSeriesReducer: 'REDUCE_SUM', groupByFields: [by] }];
}
/** The log filter of failed attempts of the workload's Scheduler jobs. */
function triggerLogFilter(projectId, schedules) {
    const ids = schedules.map((s) => `resource.labels.job_id = "${s.jobId}"`);
    return [
        `logName = "projects/${projectId}/logs/${SCHEDULER_LOG}"`,
        'resource.type = "cloud_scheduler_job"',
        ids.length === 1 ? ids[0] : `(${ids.join(' OR ')})`,
        `jsonPayload."@type" = "${ATTEMPT_FINISHED}"`,
        'severity >= ERROR',
    ].join(' AND ');
}
/** The missed-run window: the longest gap of the unpaused schedules plus the grace, in whole minutes. */
function missedWindow(config, from) {
    const active = schedulesOf(config).filter((s) => !s.paused);
    if (schedulesOf(config).length === 0)
        return { note: 'missed-run alerting needs a schedule: this workload has none' };
    if (active.length === 0)
        return { note: 'no missed-run condition: the schedule is paused' };
    const gap = (0,cron_core/* longestGapSeconds */.Y7)(active.map((s) => ({ cron: s.cron, timeZone: s.timeZone })), from);
    if (!Number.isFinite(gap))
        return { note: 'no missed-run condition: the schedule fires at most once' };
    const grace = missedGraceSeconds(config);
    const seconds = Math.max(ABSENCE_MIN_SECONDS, Math.ceil((gap + grace) / 60) * 60);
    if (seconds > ABSENCE_MAX_SECONDS) {
        return {
            seconds,
            promql: true,
            note: `the missed-run condition is a PromQL query (absent_over_time) in a policy of its own: the schedule's longest gap between runs (${(0,config_duration/* formatDuration */.a)(gap)}) plus missed_grace (${(0,config_duration/* formatDuration */.a)(grace)}) is ${(0,config_duration/* formatDuration */.a)(seconds)}, over Cloud Monitoring's 23h30m limit for a metric-absence condition`,
        };
    }
    return { seconds };
}
function documentation(config, projectId, repository, role, missed) {
    const r = { project: projectId, location: config.region, collection: config.kind === 'job' ? 'jobs' : 'services', id: config.name };
    const runs = config.kind === 'job' ? runJobUrl(r) : runServiceUrl(r);
    const schedules = schedulesOf(config).map((s) => `\`${s.cron}\` (${s.timeZone}${s.paused ? ', paused' : ''}), Scheduler job \`${s.jobId}\` in ${s.region}`);
    const what = role === 'trigger'
        ? 'A Cloud Scheduler attempt to run it failed (the target answered an error, or the trigger could not reach or start it: a lost permission, a deleted target).'
        : role === 'missed'
            ? `No successful run happened within ${(0,config_duration/* formatDuration */.a)(missed ?? 0)} (the longest gap of its schedule plus missed_grace).`
            : [
                config.kind === 'job' ? 'An execution failed, or ' : '',
                missed ? `no successful run happened within ${(0,config_duration/* formatDuration */.a)(missed)} (the longest gap of its schedule plus missed_grace).` : '',
            ].join('') || 'An execution failed.';
    const content = [
        `**${config.name}**: Cloud Run ${config.kind} in ${config.region}, project ${projectId}, deployed by cloud-run-cron${repository ? ` from ${repository}` : ''}.`,
        '',
        what,
        '',
        ...(schedules.length ? [`Schedule: ${schedules.join('; ')}.`, ''] : []),
        `${config.kind === 'job' ? 'Executions' : 'Service'}: ${runs}`,
        `Logs: ${logsUrl(r)}`,
    ].join('\n');
    const links = [
        { displayName: config.kind === 'job' ? 'executions' : 'service', url: runs },
        { displayName: 'logs', url: logsUrl(r) },
        ...(repository ? [{ displayName: 'repository', url: `https://github.com/${repository}` }] : []),
    ];
    const subject = { run: config.kind === 'job' ? 'failed or missed a run' : 'missed a run', missed: 'missed a run', trigger: 'trigger failed' }[role];
    return { content, mimeType: 'text/markdown', subject: `cloud-run-cron: ${config.name} ${subject}`, links };
}
/**
 * The policies of `config`'s workload. `labels`: the owner record as user labels (the ownership
 * module's), to which the role is added. `from`: the time the schedule gaps are counted from.
 */
function desiredAlerting(config, projectId, labels, opts) {
    const alerts = config.alerts;
    if (!alerts || alerts.conditions === 'none')
        return { policies: [], notes: [] };
    const want = (c) => alerts.conditions.includes(c);
    const notes = [];
    const policies = [];
    const window = want('missed') ? missedWindow(config, opts.from) : {};
    if (window.note)
        notes.push(window.note);
    const conditions = [];
    const watches = [];
    if (want('failure') && config.kind === 'job') {
        watches.push('failure');
        conditions.push({
            displayName: `${config.name}: an execution failed`,
            conditionThreshold: {
                filter: metricFilter(config, 'failed'),
                aggregations: aggregations(config, 60),
                comparison: 'COMPARISON_GT',
                thresholdValue: 0,
                duration: '0s',
                trigger: { count: 1 },
            },
        });
    }
    if (window.seconds !== undefined && !window.promql) {
        watches.push('missed');
        conditions.push({
            displayName: `${config.name}: no successful run in ${(0,config_duration/* formatDuration */.a)(window.seconds)}`,
            conditionAbsent: {
                filter: metricFilter(config, 'succeeded'),
                aggregations: aggregations(config, 300),
                duration: `${window.seconds}s`,
                trigger: { count: 1 },
            },
        });
    }
    const base = (role) => ({
        userLabels: { ...labels, ...roleLabel(role) },
        combiner: 'OR',
        enabled: true,
        severity: 'ERROR',
    });
    if (conditions.length) {
        policies.push({
            role: 'run',
            watches,
            body: { displayName: `cloud-run-cron: ${config.name} (${config.kind})`, documentation: documentation(config, projectId, opts.repository, 'run', window.promql ? undefined : window.seconds), conditions, ...base('run') },
        });
    }
    if (window.seconds !== undefined && window.promql) {
        policies.push({
            role: 'missed',
            watches: ['missed'],
            body: {
                displayName: `cloud-run-cron: ${config.name} missed run`,
                documentation: documentation(config, projectId, opts.repository, 'missed', window.seconds),
                conditions: [{
                        displayName: `${config.name}: no successful run in ${(0,config_duration/* formatDuration */.a)(window.seconds)}`,
                        conditionPrometheusQueryLanguage: { query: `absent_over_time(${promqlSelector(config)}[${window.seconds}s])`, evaluationInterval: '300s' },
                    }],
                ...base('missed'),
            },
        });
    }
    const schedules = schedulesOf(config);
    if (want('failure') && schedules.length) {
        policies.push({
            role: 'trigger',
            watches: ['trigger'],
            body: {
                displayName: `cloud-run-cron: ${config.name} trigger`,
                documentation: documentation(config, projectId, opts.repository, 'trigger'),
                conditions: [{ displayName: `${config.name}: a Scheduler attempt failed`, conditionMatchedLog: { filter: triggerLogFilter(projectId, schedules) } }],
                alertStrategy: { notificationRateLimit: { period: TRIGGER_RATE_LIMIT } },
                ...base('trigger'),
            },
        });
    }
    else if (want('failure') && config.kind === 'service') {
        notes.push('no failure condition: a service is watched through its Scheduler attempts, and it has no schedule');
    }
    return { policies, missedWindowSeconds: window.seconds, missedByPromql: window.promql, notes };
}

;// CONCATENATED MODULE: ./src/alerts/plan.ts
// The alerting part of a workload's plan: the desired policies against the workload's policies
// as read (selected by the owner record) and the project's notification channels. Pure.
//   create   a policy of a role the workload does not have yet;
//   update   a PATCH with an updateMask of exactly the changed fields (condition IDs kept);
//   delete   a policy of a role no longer wanted, and every policy with alerts: none;
//   an email channel is created once (found by type and address first) and shared.
// Empty alert_channels keep the channels of the policy in place; with none in place and none
// given, no policy is created (alerting needs somewhere to send to).



/** Body field -> update_mask path and the name the plan shows. */
const FIELDS = [
    ['displayName', 'display_name', 'display_name'],
    ['documentation', 'documentation', 'documentation'],
    ['userLabels', 'user_labels', 'user_labels'],
    ['conditions', 'conditions', 'conditions'],
    ['combiner', 'combiner', 'combiner'],
    ['enabled', 'enabled', 'enabled'],
    ['notificationChannels', 'notification_channels', 'channels'],
    ['alertStrategy', 'alert_strategy', 'alert_strategy'],
    ['severity', 'severity', 'severity'],
];
/**
 * A value as proto3 JSON may give it back: without the defaults it leaves out (0, '', false,
 * '0s', empty lists and objects) and without server-assigned condition names.
 */
function comparable(value) {
    if (Array.isArray(value))
        return value.map(comparable);
    if (value && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            if (k === 'name')
                continue;
            const c = comparable(v);
            const empty = c === undefined || c === 0 || c === '' || c === false || c === '0s' || (Array.isArray(c) && c.length === 0) || (typeof c === 'object' && c !== null && !Array.isArray(c) && Object.keys(c).length === 0);
            if (!empty)
                out[k] = c;
        }
        return out;
    }
    return value;
}
const KINDS = ['conditionThreshold', 'conditionAbsent', 'conditionMatchedLog', 'conditionPrometheusQueryLanguage'];
const kindOf = (c) => KINDS.find((k) => c[k] !== undefined);
/** The desired conditions, each carrying the name of the live condition of its kind (so its ID is kept). */
function withConditionNames(desired, live) {
    const used = new Set();
    return desired.map((c) => {
        const match = (live?.conditions ?? []).find((l) => l.name && !used.has(l.name) && kindOf(l) === kindOf(c));
        if (!match?.name)
            return c;
        used.add(match.name);
        return { name: match.name, ...c };
    });
}
function emailChannel(channels, address) {
    return channels.find((c) => c.type === 'email' && c.labels?.email_address?.toLowerCase() === address);
}
const sorted = (xs) => [...new Set(xs)].sort();
/**
 * The plan. `policyName`: the resource shown for a policy not created yet.
 * `channelLabels`: the owner's user labels for a channel this run creates.
 */
function planAlerts(input) {
    const { alerts, desired, state, projectId, workload } = input;
    const notes = [...desired.notes];
    const policies = [];
    const channels = [];
    const given = alerts.channels.names.length + alerts.channels.emails.length > 0;
    const refs = [...alerts.channels.names];
    for (const address of alerts.channels.emails) {
        const found = emailChannel(state.channels, address);
        if (found) {
            refs.push(found.name);
            continue;
        }
        refs.push(`email:${address}`);
        const body = { type: 'email', displayName: `cloud-run-cron: ${address}`, labels: { email_address: address }, userLabels: input.channelLabels };
        channels.push({
            address,
            body,
            change: { type: 'notification-channel', resource: `projects/${projectId}/notificationChannels/email:${address}`, action: 'create', fields: [{ field: 'email_address', after: address }], subject: `email:${address}` },
        });
    }
    const wanted = new Map(desired.policies.map((p) => [p.role, p]));
    for (const role of POLICY_ROLES) {
        const live = state.policies[role];
        const want = wanted.get(role);
        if (!want) {
            if (live) {
                const reason = alerts.conditions === 'none' ? 'alerts: none' : `no longer wanted (alerts: ${alerts.conditions.join(',')})`;
                policies.push({ role, channels: [], conditions: [], shown: [], change: { type: 'alert-policy', resource: live.name, action: 'delete', fields: [], reason, subject: role } });
            }
            continue;
        }
        const chosen = given ? sorted(refs) : sorted(live?.notificationChannels ?? []);
        if (!live && chosen.length === 0) {
            notes.push(`no ${role} alert policy is created: alert_channels is empty, and alerting needs a notification channel`);
            continue;
        }
        const body = { ...want.body, conditions: withConditionNames(want.body.conditions, live), notificationChannels: chosen };
        const reason = want.watches.join(' + ');
        const conditions = describeConditions(want.body.conditions);
        const shown = chosen.map((ref) => {
            const c = state.channels.find((x) => x.name === ref);
            return c?.type === 'email' && c.labels?.email_address ? `email:${c.labels.email_address}` : ref;
        });
        if (!live) {
            const fields = FIELDS.filter(([k]) => body[k] !== undefined && k !== 'documentation' && k !== 'userLabels').map(([k, , shown]) => ({ field: shown, after: k === 'conditions' ? describeConditions(body.conditions) : body[k] }));
            policies.push({ role, channels: chosen, conditions, shown, body, change: { type: 'alert-policy', resource: `projects/${projectId}/alertPolicies/(new ${workload} ${role})`, action: 'create', fields, reason, subject: role } });
            continue;
        }
        const fields = [];
        const mask = [];
        for (const [k, path, shown] of FIELDS) {
            const before = k === 'notificationChannels' ? sorted(live.notificationChannels ?? []) : live[k];
            if (sameValue(comparable(before), comparable(body[k])))
                continue;
            mask.push(path);
            fields.push(k === 'conditions'
                ? { field: shown, before: describeConditions((before ?? [])), after: describeConditions(body.conditions) }
                : k === 'documentation' ? { field: shown, before: '(changed)', after: '(changed)' } : { field: shown, before, after: body[k] });
        }
        policies.push({
            role,
            channels: chosen,
            conditions,
            shown,
            body: mask.length ? body : undefined,
            updateMask: mask.length ? mask : undefined,
            change: { type: 'alert-policy', resource: live.name, action: mask.length ? 'update' : 'unchanged', fields, reason, subject: role },
        });
    }
    // A channel is created only for a policy this run writes.
    const writing = policies.some((p) => p.body !== undefined);
    return { channels: writing ? channels : [], policies, notes, missedWindowSeconds: desired.missedWindowSeconds };
}
/** '91200s' -> '25h20m'. */
function inWords(duration) {
    const seconds = /^(\d+)s$/.exec(String(duration ?? ''))?.[1];
    return seconds === undefined ? '?' : (0,config_duration/* formatDuration */.a)(Number(seconds));
}
/** Conditions as the plan shows them: 'failed execution', 'absent 25h10m', 'log match'. */
function describeConditions(conditions) {
    return conditions.map((c) => {
        if (c.conditionAbsent)
            return `no successful run in ${inWords(c.conditionAbsent.duration)}`;
        if (c.conditionThreshold)
            return 'failed execution';
        if (c.conditionMatchedLog)
            return 'Scheduler attempt failed';
        if (c.conditionPrometheusQueryLanguage)
            return `no successful run in ${inWords(/\[(\d+s)\]\)$/.exec(String(c.conditionPrometheusQueryLanguage.query))?.[1])} (PromQL)`;
        return String(c.displayName ?? 'other');
    });
}

;// CONCATENATED MODULE: ./src/alerts/io.ts
// Cloud Monitoring reads and writes for the alerting plan. The project's policies and channels are
// read once per run (every workload of a fleet selects its own from them), and an email channel is
// created once per run however many workloads name the address.



const projects = new WeakMap();
const createdChannels = new WeakMap();
function perRun(map, clients) {
    let m = map.get(clients);
    if (!m)
        map.set(clients, (m = new Map()));
    return m;
}
/** Every alert policy and notification channel of the project (all pages), read once per run. */
function readProject(api, clients, projectId) {
    const cache = perRun(projects, clients);
    let p = cache.get(projectId);
    if (!p) {
        const parent = `projects/${projectId}`;
        p = Promise.all([
            api.call('listing the Cloud Monitoring alert policies', parent, () => clients.monitoring.list(projectId, 'alertPolicies')),
            api.call('listing the Cloud Monitoring notification channels', parent, () => clients.monitoring.list(projectId, 'notificationChannels')),
        ]).then(([policies, channels]) => ({ policies, channels }));
        cache.set(projectId, p);
        p.catch(() => cache.delete(projectId));
    }
    return p;
}
/** The workload's own policies by role (owner labels matched exactly), and the project's channels. */
async function readAlertState(api, clients, config, projectId) {
    const project = await readProject(api, clients, projectId);
    const policies = {};
    for (const p of project.policies.filter((x) => isWorkloadPolicy(x, config))) {
        const role = policyRole(p);
        const known = POLICY_ROLES.find((r) => r === role);
        if (known && !policies[known])
            policies[known] = p;
    }
    return { policies, channels: project.channels, projectPolicies: project.policies };
}
const listedForDeletion = new WeakMap();
/**
 * The project's alert policies, for prune and state: absent to find a workload's policies by its
 * owner record; undefined when the deployer may not list them (a setup without alerting): then
 * there is nothing of the action's to find, and the deletions go on without them.
 */
function listPoliciesForDeletion(api, clients, projectId) {
    const cache = perRun(listedForDeletion, clients);
    let p = cache.get(projectId);
    if (!p) {
        p = api.call('listing the Cloud Monitoring alert policies', `projects/${projectId}`, async () => {
            try {
                return await clients.monitoring.list(projectId, 'alertPolicies');
            }
            catch (err) {
                if ((0,api_error/* isPermissionDenied */.T1)(err))
                    return undefined;
                throw err;
            }
        });
        cache.set(projectId, p);
        p.catch(() => cache.delete(projectId));
    }
    return p;
}
/** Deletes an alert policy; one already gone counts as deleted. Answers whether this call deleted it. */
async function deleteAlertPolicy(api, clients, name) {
    return api.call('deleting the Cloud Monitoring alert policy', name, async () => (await (0,api_error/* unlessNotFound */.CA)(() => clients.monitoring.delete(name).then(() => true))) ?? false);
}
/**
 * Applies the alerting plan: channels, then policy creates and updates, then deletes; then the
 * channels the action created that no policy of the project uses any more.
 */
async function applyAlertPlan(api, clients, projectId, plan, state, hooks) {
    const created = perRun(createdChannels, clients);
    const names = new Map();
    for (const step of plan.channels) {
        hooks.progress(step.change, true);
        let first = false;
        let pending = created.get(step.address);
        if (!pending) {
            first = true;
            pending = api.call('creating the Cloud Monitoring notification channel', `email:${step.address}`, () => clients.monitoring.create(projectId, 'notificationChannels', step.body)).then((c) => c.name);
            created.set(step.address, pending);
            pending.catch(() => created.delete(step.address));
        }
        try {
            const name = await pending;
            names.set(`email:${step.address}`, name);
            step.change.resource = name;
            step.change.status = first ? 'created' : 'unchanged';
            if (!first)
                step.change.reason = 'created by another workload of this run';
            step.change.written = first;
            if (first)
                hooks.wrote();
        }
        catch (err) {
            step.change.status = 'failed';
            throw err;
        }
        finally {
            hooks.progress(step.change, false);
        }
    }
    const resolve = (refs) => refs.map((r) => names.get(r) ?? r);
    const deleted = [];
    const ordered = [...plan.policies.filter((s) => s.change.action !== 'delete'), ...plan.policies.filter((s) => s.change.action === 'delete')];
    for (const step of ordered) {
        const c = step.change;
        if (c.action === 'unchanged') {
            c.status = 'unchanged';
            continue;
        }
        hooks.progress(c, true);
        try {
            if (c.action === 'create') {
                const body = { ...step.body, notificationChannels: resolve(step.channels) };
                const made = await api.call('creating the Cloud Monitoring alert policy', String(step.body?.displayName), () => clients.monitoring.create(projectId, 'alertPolicies', body));
                c.resource = made.name;
                c.status = 'created';
            }
            else if (c.action === 'update') {
                const body = { ...step.body, notificationChannels: resolve(step.channels) };
                await api.call('updating the Cloud Monitoring alert policy', c.resource, () => clients.monitoring.update(c.resource, body, step.updateMask ?? []));
                c.status = 'updated';
            }
            else {
                await deleteAlertPolicy(api, clients, c.resource);
                c.status = 'deleted';
                const gone = state.projectPolicies.find((p) => p.name === c.resource);
                if (gone)
                    deleted.push(gone);
            }
            c.written = true;
            hooks.wrote();
        }
        catch (err) {
            c.status = 'failed';
            throw err;
        }
        finally {
            hooks.progress(c, false);
        }
    }
    if (deleted.length)
        await deleteUnusedChannels(api, clients, projectId, deleted);
}
/**
 * After prune or state: absent deleted alert policies (by name): the action's channels they used
 * that no policy uses any more. The policies are those listed for the deletion.
 */
async function deleteChannelsOf(api, clients, deletedNames) {
    const projectId = deletedNames[0]?.split('/')[1];
    if (!projectId)
        return [];
    const listed = (await perRun(listedForDeletion, clients).get(projectId)?.catch(() => undefined)) ?? [];
    const deleted = listed.filter((p) => deletedNames.includes(p.name));
    return deleted.length ? deleteUnusedChannels(api, clients, projectId, deleted) : [];
}
/**
 * The action's own channels that the deleted policies used and no policy of the project uses now
 * (read again: another workload of this run may have just pointed a new policy at one).
 */
async function deleteUnusedChannels(api, clients, projectId, deleted) {
    const parent = `projects/${projectId}`;
    const [now, channels] = await Promise.all([
        api.call('listing the Cloud Monitoring alert policies', parent, () => clients.monitoring.list(projectId, 'alertPolicies')),
        api.call('listing the Cloud Monitoring notification channels', parent, () => clients.monitoring.list(projectId, 'notificationChannels')),
    ]);
    const stillUsed = new Set(now.flatMap((p) => p.notificationChannels ?? []));
    const candidates = new Set(deleted.flatMap((p) => p.notificationChannels ?? []));
    const out = [];
    for (const name of candidates) {
        const channel = channels.find((c) => c.name === name);
        if (!channel || !isActionChannel(channel) || stillUsed.has(name))
            continue;
        await api.call('deleting the Cloud Monitoring notification channel', name, async () => {
            try {
                await clients.monitoring.delete(name);
            }
            catch (err) {
                if (!(0,api_error/* isNotFound */.c4)(err))
                    throw err;
            }
        });
        out.push(name);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/alerts/alerting.ts




/** The alerting plan of `config`'s workload against what was read. Pure: `now` is when schedule gaps count from. */
function planAlerting(config, projectId, state, opts) {
    if (!config.alerts)
        return undefined;
    const desired = desiredAlerting(config, projectId, policyOwnerLabels(config), { repository: opts.repository, from: opts.now });
    const plan = planAlerts({ alerts: config.alerts, desired, state, projectId, workload: config.name, channelLabels: channelOwnerLabels() });
    // What cannot be had is said where the policy is: in its change's reason.
    const target = plan.policies.find((p) => p.role === 'missed') ?? plan.policies.find((p) => p.role === 'run') ?? plan.policies[0];
    for (const note of plan.notes) {
        if (target)
            target.change.reason = target.change.reason ? `${target.change.reason}; ${note}` : note;
    }
    return plan;
}
/** The plan's changes: channels first, then policies. */
function alertChanges(plan) {
    return plan ? [...plan.channels.map((c) => c.change), ...plan.policies.map((p) => p.change)] : [];
}
function alertingReport(plan) {
    if (!plan)
        return undefined;
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
function policyDeletions(policies, here, reason) {
    return (policies ?? []).filter((p) => isOwnedPolicy(p, here)).map((p) => ({ type: 'alert-policy', resource: p.name, reason }));
}

;// CONCATENATED MODULE: ./src/pipeline/delete.ts



/** Deletes what `changes` (action 'delete') name, at most `parallel` at once per group. */
async function applyDeletions(api, clients, changes, parallel, hooks = {}) {
    const deletions = changes.filter((c) => c.action === 'delete');
    for (const c of deletions)
        c.status = 'not reached';
    const one = async (c) => {
        hooks.progress?.(c, true);
        try {
            const deleted = c.type === 'scheduler-job'
                ? await deleteSchedulerJob(api, clients, c.resource)
                : c.type === 'alert-policy'
                    ? await deleteAlertPolicy(api, clients, c.resource)
                    : await deleteWorkload(api, clients, c.type === 'run-job' ? 'job' : 'service', c.resource);
            c.written = deleted;
            c.status = deleted ? 'deleted' : 'unchanged';
            if (deleted)
                hooks.wrote?.();
        }
        catch (err) {
            c.status = 'failed';
            throw err;
        }
        finally {
            hooks.progress?.(c, false);
        }
    };
    // Triggers, then the alert policies watching the workloads, then the workloads: each group only
    // when the one before went through.
    const groups = [
        deletions.filter((c) => c.type === 'scheduler-job'),
        deletions.filter((c) => c.type === 'alert-policy'),
        deletions.filter((c) => c.type !== 'scheduler-job' && c.type !== 'alert-policy'),
    ];
    const failures = [];
    for (const group of groups) {
        if (failures.length === 0)
            failures.push(...(await inParallel(group, parallel, one)).filter((r) => r.status === 'rejected'));
    }
    // The email channels the action created for the deleted policies, once nothing uses them.
    const policies = groups[1].filter((c) => c.status === 'deleted').map((c) => c.resource);
    if (failures.length === 0 && policies.length)
        await deleteChannelsOf(api, clients, policies).catch((err) => failures.push({ status: 'rejected', reason: err }));
    if (failures[0])
        throw failures[0].reason;
}
/** Runs `fn` on every item with at most `limit` in flight; settles them all. */
async function inParallel(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            try {
                results[i] = { status: 'fulfilled', value: await fn(items[i], i) };
            }
            catch (reason) {
                results[i] = { status: 'rejected', reason };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/plan/drift.ts
const drift_text = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
function findDrift(plan, current) {
    const drift = [];
    for (const change of plan) {
        if (change.action === 'unchanged' || (change.action === 'update' && change.fields.length === 0))
            continue;
        const missing = change.action === 'create';
        const item = { change, fields: missing ? [] : change.fields, missing };
        if (!missing && (change.type === 'run-job' || change.type === 'run-service')) {
            const w = current.workload;
            item.lastModifier = drift_text(w?.lastModifier);
            item.modifiedAt = timestamp(w?.updateTime);
        }
        else if (!missing && change.type === 'scheduler-job') {
            item.modifiedAt = timestamp(current.schedulerJob?.userUpdateTime);
        }
        drift.push(item);
    }
    return drift;
}
/** An RFC 3339 string as read over REST, or a protobuf Timestamp {seconds, nanos} from a client. */
function timestamp(v) {
    if (typeof v === 'string')
        return drift_text(v);
    const seconds = v?.seconds;
    if (seconds === undefined || seconds === null)
        return undefined;
    const n = Number(typeof seconds === 'object' ? String(seconds) : seconds);
    return Number.isFinite(n) ? new Date(n * 1000).toISOString() : undefined;
}

;// CONCATENATED MODULE: ./src/report/drift-text.ts




/** One drifted resource as one line: what the live state holds is someone else's text (oneLine). */
function driftLine(d) {
    return (0,runner.oneLine)(driftText(d));
}
function driftText(d) {
    const c = d.change;
    const name = `${resourceLabel(c)} ${parseResourceName(c.resource)?.id ?? c.resource}`;
    if (d.missing) {
        const what = c.type === 'iam-binding' ? `the binding ${c.fields.map((f) => formatValue(f.after)).join(', ')} is missing` : 'does not exist';
        return `${name}: ${what}`;
    }
    const fields = d.fields
        .map((f) => (DESCRIBED.has(f.field) ? `${f.field}: ${String(f.after)}` : `${f.field} is ${formatValue(displayValue(f.field, f.before))}, the inputs say ${formatValue(displayValue(f.field, f.after))}`))
        .join('; ');
    return `${name}: ${fields}${lastChange(d)}`;
}
function lastChange(d) {
    if (d.lastModifier)
        return ` (last changed by ${d.lastModifier}${d.modifiedAt ? ` at ${d.modifiedAt}` : ''})`;
    // The proto documents userUpdateTime as "the creation time": said as the field it is.
    if (d.modifiedAt && d.change.type === 'scheduler-job')
        return ` (Cloud Scheduler's userUpdateTime: ${d.modifiedAt}; it does not record who changed the job)`;
    if (d.modifiedAt)
        return ` (last changed at ${d.modifiedAt})`;
    return '';
}
/** The step's error when fail_on_drift finds drift. */
function driftMessage(lines) {
    return [
        `Drift: the live state differs from the inputs (fail_on_drift: true):`,
        ...lines.map((l) => `- ${l}`),
        'Run without dry_run to put back what the inputs say, or change the inputs to keep what is live.',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/smoke/attempt-log.ts
// One reader of Cloud Scheduler's attempt log for the whole run. Cloud Logging's entries.list is
// limited per project (60 read requests a minute by default, shared with every other log reader
// of the project), so the smoke tests of a fleet do not each poll it: they register the attempt
// they wait for, and one batched read (a filter over every pending Scheduler job) answers them
// all, paced to a share of the quota. A 429 means "not yet" (with a backoff, longer when the
// server hints so), never "no permission"; only a refusal of the deployer makes the log unreadable.



/** The deployer may not read the log (a refusal no wait mends); the message says why. */
class LogUnreadable extends Error {
}
const DEFAULT_PACING = { perMinute: 20, minGapMs: 1000, backoffMs: 5000, maxBackoffMs: 60_000 };
/** Cloud Logging's longest query (https://cloud.google.com/logging/quotas): stay well below it. */
const MAX_FILTER_CHARS = 15_000;
/** How far Google's clocks may be off the runner's when asking for entries since an attempt. */
const SKEW_MS = 30_000;
/** Consecutive failures (not 429, not a refusal) before the log counts as unreadable. */
const MAX_FAILURES = 5;
const PAYLOAD = 'type.googleapis.com/google.cloud.scheduler.logging.AttemptFinished';
class AttemptLog {
    /** entries.list requests sent (for the summary and the bench). */
    reads = 0;
    /** 429 answers received. */
    throttled = 0;
    pending = new Map();
    found = new Map();
    readTimes = [];
    next;
    notBefore = 0;
    backoff;
    failures = 0;
    unreadable;
    clients;
    errorContext;
    pacing;
    constructor(clients, errorContext, pacing = DEFAULT_PACING) {
        this.clients = clients;
        this.errorContext = errorContext;
        this.pacing = pacing;
        this.backoff = pacing.backoffMs;
    }
    /**
     * The AttemptFinished entry of the attempt of `schedulerJob` that started at `since` (epoch ms),
     * once a read has found it; undefined: not (yet) found by the next read that fits before
     * `deadline`. Throws LogUnreadable when Cloud Logging refuses the deployer.
     */
    async finished(schedulerJob, since, deadline) {
        const hit = this.take(schedulerJob, since);
        if (hit)
            return hit;
        if (this.unreadable)
            throw new LogUnreadable(this.unreadable);
        const [, project, , location, , id] = schedulerJob.split('/');
        this.pending.set(schedulerJob, { project: project, location: location, id: id, since });
        if (this.nextReadAt() > deadline)
            return undefined;
        await this.read();
        if (this.unreadable)
            throw new LogUnreadable(this.unreadable);
        return this.take(schedulerJob, since);
    }
    /** Stops waiting for `schedulerJob` (its attempt was confirmed otherwise). */
    forget(schedulerJob) {
        this.pending.delete(schedulerJob);
        this.found.delete(schedulerJob);
    }
    /** Whether the deployer may read the log: one read of its own (shared), or what is known. */
    async readable(project, deadline) {
        if (this.unreadable)
            return this.unreadable;
        if (this.reads > 0 && this.failures === 0)
            return true;
        const probe = `projects/${project}/locations/-/jobs/-`;
        this.pending.set(probe, { project, location: '-', id: '-', since: Date.now() });
        try {
            if (this.nextReadAt() <= deadline)
                await this.read();
        }
        finally {
            this.pending.delete(probe);
        }
        return this.unreadable ?? true;
    }
    take(schedulerJob, since) {
        const entries = this.found.get(schedulerJob) ?? [];
        const hit = entries.find((e) => Date.parse(e.timestamp ?? '') >= since);
        if (hit) {
            this.forget(schedulerJob);
            return hit;
        }
        return undefined;
    }
    nextReadAt() {
        const now = Date.now();
        const windowStart = now - 60_000;
        while (this.readTimes.length && this.readTimes[0] <= windowStart)
            this.readTimes.shift();
        const byWindow = this.readTimes.length >= this.pacing.perMinute ? this.readTimes[0] + 60_000 : 0;
        const byGap = (this.readTimes.at(-1) ?? 0) + this.pacing.minGapMs;
        return Math.max(now, byWindow, byGap, this.notBefore);
    }
    /** The next batched read: one for every caller waiting now, paced. */
    read() {
        this.next ??= (async () => {
            await (0,google_retry/* sleep */.yy)(this.nextReadAt() - Date.now());
            this.next = undefined;
            await this.readOnce();
        })();
        return this.next;
    }
    async readOnce() {
        const batch = this.batch();
        if (!batch.length)
            return;
        const project = batch[0].project;
        const since = Math.min(...batch.map((p) => p.since)) - SKEW_MS;
        const jobs = batch.filter((p) => p.id !== '-').map((p) => `resource.labels.job_id = "${p.id}"`);
        const filter = [
            `logName = "projects/${project}/logs/cloudscheduler.googleapis.com%2Fexecutions"`,
            'resource.type = "cloud_scheduler_job"',
            `jsonPayload."@type" = "${PAYLOAD}"`,
            `timestamp >= "${new Date(since).toISOString()}"`,
            ...(jobs.length ? [`(${jobs.join(' OR ')})`] : []),
        ].join(' AND ');
        this.readTimes.push(Date.now());
        this.reads++;
        try {
            const page = await this.clients.logging.list({ resourceNames: [`projects/${project}`], filter, orderBy: 'timestamp asc', pageSize: 1000 });
            this.failures = 0;
            this.backoff = this.pacing.backoffMs;
            const byJob = new Map();
            for (const entry of page.entries ?? []) {
                const labels = entry.resource?.labels;
                const name = `projects/${project}/locations/${labels?.location}/jobs/${labels?.job_id}`;
                if (this.pending.has(name))
                    byJob.set(name, [...(byJob.get(name) ?? []), entry]);
            }
            for (const [name, entries] of byJob)
                this.found.set(name, entries);
        }
        catch (err) {
            const facts = (0,api_error/* readApiError */.tR)(err);
            if (facts.httpStatus === 429 || facts.grpcCode === 8) {
                // The project's read quota is spent (by this run or another reader): not yet.
                this.throttled++;
                this.notBefore = Date.now() + (retryHintMs(err) ?? this.backoff);
                this.backoff = Math.min(this.backoff * 2, this.pacing.maxBackoffMs);
                return;
            }
            const refused = facts.httpStatus === 401 || facts.httpStatus === 403 || facts.grpcCode === 7 || facts.grpcCode === 16;
            if (refused || ++this.failures >= MAX_FAILURES) {
                const explained = explainApiError(err, { ...this.errorContext, action: 'reading the Cloud Scheduler attempt log (Cloud Logging)', resource: `projects/${project}` });
                this.unreadable = explained.message.split('\n')[0];
                return;
            }
            this.notBefore = Date.now() + this.backoff;
        }
    }
    /** The pending jobs of one project whose filter fits in one query. */
    batch() {
        const all = [...this.pending.values()];
        const project = all[0]?.project;
        const out = [];
        let chars = 400;
        for (const p of all) {
            if (p.project !== project)
                continue;
            chars += p.id.length + 40;
            if (chars > MAX_FILTER_CHARS)
                break;
            out.push(p);
        }
        // The first waiting jobs go last next time, so a long list is read in turns.
        for (const p of out) {
            const key = `projects/${p.project}/locations/${p.location}/jobs/${p.id}`;
            if (this.pending.delete(key))
                this.pending.set(key, p);
        }
        return out;
    }
}
/** A server's hint of when to try again: google.rpc.RetryInfo's retryDelay, or Retry-After. */
function retryHintMs(err) {
    for (let e = err; e && typeof e === 'object'; e = e.cause) {
        const response = e.response;
        const data = response?.data;
        const delay = data?.error?.details?.find((d) => d['@type'] === 'type.googleapis.com/google.rpc.RetryInfo')?.retryDelay;
        const seconds = delay ? Number(/^([\d.]+)s$/.exec(delay)?.[1]) : NaN;
        if (Number.isFinite(seconds))
            return seconds * 1000;
        const headers = response?.headers;
        const after = typeof headers?.get === 'function' ? headers.get('retry-after') : headers?.['retry-after'];
        if (after && /^\d+$/.test(after))
            return Number(after) * 1000;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/smoke/smoke.ts









/** How far the runner's clock may be off Google's when telling our execution from older ones. */
const CLOCK_SKEW_MS = 30_000;
/** How long a fresh grant may take to be seen by the invoker's token checks. */
const IAM_PROPAGATION_MS = 120_000;
/** Most re-triggers after a denial: each one may run the workload, once it goes through. */
const MAX_RETRIGGERS = 2;
function taskCounts(e) {
    return {
        total: (0,values/* toNumber */.Ro)(e.taskCount) ?? 0,
        succeeded: (0,values/* toNumber */.Ro)(e.succeededCount) ?? 0,
        failed: (0,values/* toNumber */.Ro)(e.failedCount) ?? 0,
        cancelled: (0,values/* toNumber */.Ro)(e.cancelledCount) ?? 0,
        retried: (0,values/* toNumber */.Ro)(e.retriedCount) ?? 0,
        running: (0,values/* toNumber */.Ro)(e.runningCount) ?? 0,
    };
}
/**
 * Whether an execution has ended: its Completed condition is terminal. Not completionTime, which
 * execution.proto says "is not guaranteed to be set in happens-before order across separate
 * operations" (it has been seen before the condition, with the counts not yet final).
 */
function executionFinished(e) {
    const completed = (e.conditions ?? []).find((c) => c.type === 'Completed');
    const state = (0,values/* enumName */.$U)(completed?.state, values/* CONDITION_STATES */.xm);
    return state === 'CONDITION_SUCCEEDED' || state === 'CONDITION_FAILED';
}
/** The outcome of a finished execution. */
function executionOutcome(e) {
    const completed = (e.conditions ?? []).find((c) => c.type === 'Completed');
    const state = (0,values/* enumName */.$U)(completed?.state, values/* CONDITION_STATES */.xm);
    if (state === 'CONDITION_SUCCEEDED')
        return { succeeded: true };
    const reason = completed?.message || (completed?.executionReason ? String(completed.executionReason) : undefined);
    // executionReason CANCELLED (3 as an enum number) or tasks counted as cancelled.
    const cancelled = completed?.executionReason === 'CANCELLED' || completed?.executionReason === 3 || ((0,values/* toNumber */.Ro)(e.cancelledCount) ?? 0) > 0;
    return { succeeded: false, cancelled, reason: reason ?? (cancelled ? 'cancelled' : undefined) };
}
async function followExecution(ctx, name, started) {
    const { api, clients } = ctx;
    const progress = createProgress(`Execution ${name.split('/').pop()}`, { print: ctx.onProgress });
    const execution = await pollUntil({
        read: () => api.call('reading the execution', name, () => clients.run.get(name)),
        finished: executionFinished,
        onRead: (e) => {
            const finished = executionFinished(e);
            progress.update({ status: finished ? 'finished' : 'running', tasks: taskCounts(e) }, finished);
        },
        deadline: ctx.deadline,
        onTimeout: (e) => new Error(`The smoke test timed out (smoke_timeout) while execution ${name} was still running` +
            (e ? ` (${formatTasks(taskCounts(e))})` : '') +
            `. It goes on running in Cloud Run; raise smoke_timeout or follow it at ${e?.logUri ?? 'its log'}.`),
    });
    const tasks = taskCounts(execution);
    const outcome = executionOutcome(execution);
    const durationMs = Date.now() - started;
    const logUri = execution.logUri ?? undefined;
    if (outcome.succeeded) {
        return { status: 'succeeded', execution: name, tasks, logUri, durationMs, message: `Execution ${name} succeeded: ${formatTasks(tasks)}.` };
    }
    const logs = `Logs: ${logUri ?? 'see the job in the Cloud Console'}`;
    const message = outcome.cancelled
        ? `Execution ${name} was cancelled before it finished (${formatTasks(tasks)})` +
            (outcome.reason && outcome.reason !== 'cancelled' ? `: ${outcome.reason}` : '') +
            `. Someone or something cancelled it in Cloud Run while the smoke test followed it. ${logs}`
        : `Execution ${name} failed: ${tasks.failed} of ${tasks.total} task(s) failed` + (outcome.reason ? ` (${outcome.reason})` : '') + `. ${logs}`;
    return { status: 'failed', execution: name, tasks, logUri, durationMs, message };
}
/** What a Scheduler attempt's status most likely means, by target kind. */
function attemptHint(code, kind) {
    const hints = kind === 'service'
        ? {
            16: 'the OIDC token was rejected: its audience must be exactly the service URL (without the path)',
            7: 'the invoker service account lacks roles/run.invoker on the service',
            4: 'the service did not answer within attempt_deadline; for work this long use kind: job',
            5: 'the URL or path does not exist on the service',
            13: 'the service answered with a server error (HTTP 5xx): see its logs',
            2: 'the service answered with an error: see its logs',
            14: 'the service was unavailable (HTTP 503): see its logs',
        }
        : {
            16: 'the trigger must use an OAuth token (scope cloud-platform) to call the Cloud Run Admin API',
            7: 'the invoker service account lacks run.jobs.run on the job (roles/run.invoker)',
            5: 'the job run URI names another region or project than the job',
            3: 'the Cloud Run Admin API rejected the trigger body',
        };
    return hints[code] ?? 'see the Cloud Scheduler job\'s logs';
}
/**
 * What is wrong with the trigger's token for its target, read from the Scheduler job as it is
 * configured (not from an answer's text, which Cloud Scheduler does not pass on: its log gives a
 * category such as URL_ERROR-ERROR_AUTHENTICATION). A Google API (*.googleapis.com, the Cloud
 * Run Admin API of a job target) takes only an OAuth access token with the cloud-platform scope.
 */
function tokenProblem(job) {
    const t = job?.httpTarget;
    let host;
    try {
        host = new URL(t?.uri ?? '').hostname;
    }
    catch {
        return undefined;
    }
    if (!host.endsWith('.googleapis.com'))
        return undefined;
    if (t?.oidcToken)
        return `the trigger sends an OIDC token to ${host}, a Google API, which takes only an OAuth access token (scope cloud-platform)`;
    if (!t?.oauthToken)
        return `the trigger sends no token to ${host}: it needs an OAuth access token (scope cloud-platform)`;
    const scopes = (t.oauthToken.scope || CLOUD_PLATFORM_SCOPE).split(/[\s,]+/);
    if (!scopes.includes(CLOUD_PLATFORM_SCOPE))
        return `the trigger's OAuth token has scope ${t.oauthToken.scope}, and ${host} needs ${CLOUD_PLATFORM_SCOPE}`;
    return undefined;
}
/** Past attempt_deadline, plus this, an attempt has surely ended (Scheduler abandons it at the deadline). */
const ATTEMPT_END_MARGIN_MS = 2_000;
/** From the :run call to the attempt's start, as allowed for in the time check before triggering. */
const DISPATCH_ALLOWANCE_MS = 10_000;
/**
 * Tells when the attempt this run started has ended, and with what. Cloud Scheduler may write
 * lastAttemptTime when an attempt starts and `status` only when it ends, so `status` alone, read
 * as soon as lastAttemptTime moves, may be the previous attempt's. In order:
 * 1. the attempt's AttemptFinished entry in Cloud Logging (needs logging.logEntries.list);
 * 2. the Scheduler job's `status`, once it differs from what it was before the run;
 * 3. the Scheduler job's `status`, once attempt_deadline has passed since the attempt was seen.
 */
function attemptConfirmer(ctx, previousStatus) {
    let logsUnreadable;
    let seenAt;
    return async (job) => {
        seenAt ??= Date.now();
        if (logsUnreadable === undefined) {
            try {
                const entry = await ctx.attemptLog.finished(ctx.schedulerJob, (0,values/* timestampMs */.R5)(job.lastAttemptTime), ctx.deadline);
                if (entry) {
                    const name = entry.jsonPayload?.status;
                    const code = name ? api_error/* GRPC_CODE_NAMES */.gH.indexOf(name) : -1;
                    const http = entry.httpRequest?.status;
                    return {
                        code: code >= 0 ? code : http && http >= 400 ? ((0,api_error/* grpcCodeOf */.pW)({ message: '', metadata: {}, httpStatus: http }) ?? 2) : 0,
                        message: entry.jsonPayload?.debugInfo ?? job.status?.message ?? undefined,
                        confirmedBy: "the attempt's AttemptFinished entry in Cloud Logging",
                        job,
                    };
                }
            }
            catch (err) {
                // Only a refusal of the deployer: a spent read quota (429) is "not yet" (attempt-log.ts).
                if (!(err instanceof LogUnreadable))
                    throw err;
                logsUnreadable = err.message;
                ctx.onProgress?.(`Cloud Logging is not readable (${logsUnreadable}); confirming the attempt from the Cloud Scheduler job instead`);
            }
        }
        const fromStatus = (how) => {
            ctx.attemptLog.forget(ctx.schedulerJob);
            return { code: (0,values/* toNumber */.Ro)(job.status?.code) ?? 0, message: job.status?.message ?? undefined, confirmedBy: how, job };
        };
        const unreadable = logsUnreadable ? ` (Cloud Logging was not readable: grant the deployer roles/logging.viewer for a quicker answer)` : '';
        if (JSON.stringify(job.status ?? null) !== previousStatus)
            return fromStatus(`the Cloud Scheduler job's status, which changed after the run${unreadable}`);
        const deadlineMs = ((0,values/* durationSeconds */.o8)(job.attemptDeadline) ?? DEFAULT_ATTEMPT_DEADLINE) * 1000;
        if (Date.now() >= seenAt + deadlineMs + ATTEMPT_END_MARGIN_MS) {
            return fromStatus(`the Cloud Scheduler job's status once attempt_deadline had passed${unreadable}`);
        }
        return undefined;
    };
}
/**
 * The full name of an execution the job refers to. Cloud Run gives `latestCreatedExecution.name`
 * as the short execution ID (`nightly-abc12`); some clients treat it as a full name: both work.
 */
function executionName(job, ref) {
    if (!ref)
        return undefined;
    return ref.includes('/') ? ref : `${job}/executions/${ref}`;
}
/** The job's newest execution if it is new and not older than our run (a schedule or a person may have started another). */
function ourExecution(resource, job, previous, runAt) {
    const newest = job.latestCreatedExecution;
    const name = executionName(resource, newest?.name);
    if (!name || name === previous)
        return undefined;
    return ((0,values/* timestampMs */.R5)(newest?.createTime) ?? runAt) >= runAt - CLOCK_SKEW_MS ? name : undefined;
}
/**
 * Runs the Scheduler job once and waits for its attempt; retries a denial while IAM propagates.
 * For a job target it watches the job too (previousExecution: its newest execution before the
 * run), so a new execution ends the wait as soon as it exists, without another round trip.
 */
async function triggerThroughScheduler(ctx, previousExecution) {
    const { api, clients, resource } = ctx;
    const name = ctx.schedulerJob;
    const watchJob = ctx.config.kind === 'job';
    let retriggers = 0;
    let known = ctx.known;
    // Waits between tries while a fresh grant propagates: 1 s, doubling up to 16 s (no fixed sleep,
    // so a grant that takes effect quickly costs little).
    let propagationWaitMs = 1000;
    for (;;) {
        const before = known ? known.schedulerJob : await api.call('reading the Cloud Scheduler job', name, () => clients.scheduler.get(name));
        known = undefined; // a retry after a denial reads afresh
        const previousAttempt = (0,values/* timestampMs */.R5)(before?.lastAttemptTime) ?? 0;
        const confirm = attemptConfirmer(ctx, JSON.stringify(before?.status ?? null));
        const runAt = Date.now();
        // Sent again only after a 429 (turned away): after a 503 or a dropped connection the run may
        // have started, and a second one would run the workload twice.
        await runOnce(() => api.call('running the Cloud Scheduler job once', name, () => clients.scheduler.call(name, 'run'), { retryOn: api_error/* isQuotaError */.jq }));
        ctx.onProgress?.(`Cloud Scheduler job ${name.split('/').pop()} triggered; waiting for its attempt`);
        const seen = await pollUntil({
            read: async () => {
                const [job, workload] = await Promise.all([
                    api.call('reading the Cloud Scheduler job', name, () => clients.scheduler.get(name)),
                    watchJob ? api.call('reading the Cloud Run job', resource, () => clients.run.get(resource)) : undefined,
                ]);
                const execution = workload && ourExecution(resource, workload, previousExecution, runAt);
                const attempted = ((0,values/* timestampMs */.R5)(job.lastAttemptTime) ?? 0) > previousAttempt;
                return { execution, result: !execution && attempted ? await confirm(job) : undefined };
            },
            finished: (x) => x.execution !== undefined || x.result !== undefined,
            deadline: ctx.deadline,
            onTimeout: () => new Error(`The smoke test timed out (smoke_timeout) waiting for Cloud Scheduler's attempt of ${name}.`),
        }).finally(() => ctx.attemptLog.forget(name)); // the shared reader stops looking for this attempt
        if (seen.execution)
            return { code: 0, execution: seen.execution, runAt, confirmedBy: 'the new execution of the job' };
        const { code, message, confirmedBy, job } = seen.result;
        // A token of the wrong kind or scope is refused too, but no wait mends it.
        const badToken = code !== 0 ? tokenProblem(job) : undefined;
        // A denial right after this run's grant may be IAM propagating: triggered again, at most
        // MAX_RETRIGGERS times and only while the grant is younger than the propagation window.
        const propagating = code === 7 &&
            !badToken &&
            ctx.grantedAt !== undefined &&
            retriggers < MAX_RETRIGGERS &&
            Date.now() + propagationWaitMs - ctx.grantedAt < IAM_PROPAGATION_MS &&
            Date.now() + propagationWaitMs < ctx.deadline;
        if (!propagating)
            return { code, message, runAt, confirmedBy, tokenProblem: badToken };
        retriggers++;
        ctx.onProgress?.(`PERMISSION_DENIED right after granting the invoker role: IAM may still be propagating, trying again in ${propagationWaitMs / 1000}s`);
        await (0,google_retry/* sleep */.yy)(propagationWaitMs);
        propagationWaitMs = Math.min(propagationWaitMs * 2, 16_000);
    }
}
/** A :run call (sent again on 429 only); a failure says why it was not sent again. */
async function runOnce(call) {
    try {
        return await call();
    }
    catch (err) {
        if (!(err instanceof Error) || (0,api_error/* isQuotaError */.jq)(err))
            throw err;
        err.message +=
            '\nThe run was not sent again: after this answer it is unknown whether the workload started, and a second run could run it twice. ' +
                'Check the job\'s executions (or the service\'s logs) before running it by hand.';
        throw err;
    }
}
function failedAttempt(ctx, attempt, started) {
    const { code, message } = attempt;
    const name = api_error/* GRPC_CODE_NAMES */.gH[code] ?? String(code);
    // The job's status may say only UNKNOWN whatever the attempt met: its log entry says more.
    const unknownOnly = code === 2 && !message;
    const likely = attempt.tokenProblem
        ?? (unknownOnly
            ? "Cloud Scheduler's job status gives no more than UNKNOWN; the attempt's own status and HTTP code are in its AttemptFinished log entry (grant the deployer roles/logging.viewer to have them here)"
            : `most likely ${attemptHint(code, ctx.config.kind)}`);
    return {
        status: 'failed',
        durationMs: Date.now() - started,
        attemptStatus: { code, name, message },
        message: `The Cloud Scheduler attempt failed with ${name}${message ? ` (${message})` : ''}: ${likely}. ` +
            `(Confirmed by ${attempt.confirmedBy}.)`,
    };
}
/**
 * Decided before triggering: can the service attempt be confirmed before smoke_timeout? An
 * attempt whose status equals the previous one is confirmed by its log entry, else only once
 * attempt_deadline has passed; so without logging.logEntries.list and with smoke_timeout shorter
 * than attempt_deadline, the trigger would run the service and the run would end in a bare
 * timeout. Fails (smoke_test: true) or skips (smoke_test: changed) with the reason instead.
 */
async function cannotConfirmInTime(ctx) {
    const before = ctx.known?.schedulerJob;
    // Without an earlier attempt's status, any status the attempt writes is a change.
    if (!before?.status)
        return undefined;
    const deadlineSeconds = ctx.config.schedule?.attemptDeadlineSeconds ?? (0,values/* durationSeconds */.o8)(before.attemptDeadline) ?? DEFAULT_ATTEMPT_DEADLINE;
    const needMs = deadlineSeconds * 1000 + ATTEMPT_END_MARGIN_MS + DISPATCH_ALLOWANCE_MS;
    if (ctx.deadline - Date.now() >= needMs)
        return undefined;
    const project = ctx.schedulerJob.split('/')[1];
    const readable = await ctx.attemptLog.readable(project, ctx.deadline);
    if (readable === true)
        return undefined;
    const skip = ctx.config.smoke.onlyWhenChanged;
    const message = `The smoke test ${skip ? 'was skipped' : 'cannot confirm the attempt in time, so it did not run the service'}: Cloud Logging is not readable ` +
        `(${readable}), and without logging.logEntries.list an attempt whose status equals the previous one is confirmed only once ` +
        `attempt_deadline (${(0,config_duration/* formatDuration */.a)(deadlineSeconds)}) has passed, while smoke_timeout is ${(0,config_duration/* formatDuration */.a)(ctx.config.smoke.timeoutSeconds)}. ` +
        `Grant the deployer roles/logging.viewer on project ${project}, or set smoke_timeout above ${(0,config_duration/* formatDuration */.a)(Math.ceil(needMs / 1000))}.`;
    return { status: skip ? 'skipped' : 'failed', message, ...(skip ? { warn: true } : {}) };
}
/** The execution the trigger started: the job's newest execution, once it is a new one. */
async function newExecution(ctx, previous, runAt) {
    const { api, clients, resource } = ctx;
    const job = await pollUntil({
        read: () => api.call('reading the Cloud Run job', resource, () => clients.run.get(resource)),
        finished: (j) => ourExecution(resource, j, previous, runAt) !== undefined,
        deadline: ctx.deadline,
        onTimeout: () => new Error(`The smoke test timed out (smoke_timeout): the trigger ran but no new execution of ${resource} appeared.`),
    });
    return ourExecution(resource, job, previous, runAt);
}
async function smokeTest(ctx) {
    const started = Date.now();
    const { api, clients, config, resource } = ctx;
    if (config.kind === 'service' && !ctx.schedulerJob) {
        return { status: 'skipped', message: 'No schedule: the service is Ready, and nothing triggers it.' };
    }
    if (config.kind === 'job' && !ctx.schedulerJob) {
        const op = await runOnce(() => api.call('running the Cloud Run job', resource, () => clients.run.run(resource), { retryOn: api_error/* isQuotaError */.jq }));
        const name = op.metadata?.name;
        if (!name)
            throw new Error(`Running ${resource} gave no execution name.`);
        ctx.onExecution?.(name);
        ctx.onProgress?.(`Execution ${name.split('/').pop()} started`);
        return followExecution(ctx, name, started);
    }
    if (config.schedule?.paused) {
        return {
            status: 'skipped',
            message: 'The Cloud Scheduler job is paused (paused: true), so the smoke test did not run it: a paused trigger does not fire, ' +
                'and Cloud Scheduler may refuse to run a paused job by hand. Set paused: false to resume it and test it.',
        };
    }
    const trigger = { ...ctx, schedulerJob: ctx.schedulerJob };
    if (config.kind === 'service') {
        const cannot = await cannotConfirmInTime(trigger);
        if (cannot)
            return { ...cannot, durationMs: Date.now() - started };
        const attempt = await triggerThroughScheduler(trigger);
        if (attempt.code !== 0)
            return failedAttempt(ctx, attempt, started);
        return {
            status: 'succeeded',
            durationMs: Date.now() - started,
            attemptStatus: { code: 0, name: 'OK' },
            message: `Cloud Scheduler called the service with its OIDC token, and the service answered with success (confirmed by ${attempt.confirmedBy}).`,
        };
    }
    const before = ctx.known
        ? ctx.known.workload
        : await api.call('reading the Cloud Run job', resource, () => clients.run.get(resource));
    const previous = executionName(resource, before?.latestCreatedExecution?.name);
    const attempt = await triggerThroughScheduler(trigger, previous);
    if (attempt.code !== 0)
        return failedAttempt(ctx, attempt, started);
    const execution = attempt.execution ?? (await newExecution(ctx, previous, attempt.runAt));
    ctx.onExecution?.(execution);
    ctx.onProgress?.(`Execution ${execution.split('/').pop()} started by Cloud Scheduler`);
    return followExecution(ctx, execution, started);
}

;// CONCATENATED MODULE: ./src/iam/binding.ts


async function readPolicy(api, clients, kind, resource) {
    return api.call(`reading the IAM policy of the Cloud Run ${kind}`, resource, async () => {
        return clients.run.getIamPolicy(resource);
    });
}
/**
 * The policy with the bindings added (a member joins an existing binding of the role), and the
 * member taken out of the unconditional binding of each role in `stale` (what the action itself
 * granted and no longer needs); every other binding and member stays.
 */
function withBindings(policy, wanted, stale = []) {
    let bindings = (policy.bindings ?? []).map((b) => ({ ...b, members: [...(b.members ?? [])] }));
    for (const { role, member } of stale) {
        const binding = bindings.find((b) => b.role === role && !b.condition);
        if (binding)
            binding.members = binding.members.filter((m) => m !== member);
    }
    bindings = bindings.filter((b) => b.members.length > 0);
    for (const { role, member } of wanted) {
        if (hasBinding({ bindings }, role, member))
            continue;
        const binding = bindings.find((b) => b.role === role && !b.condition);
        if (binding)
            binding.members.push(member);
        else
            bindings.push({ role, members: [member] });
    }
    return { ...policy, bindings };
}
const MAX_CONFLICTS = 5;
/** Adds the missing bindings and removes the stale ones in one etag read-modify-write; returns true if it wrote. */
async function applyBindings(api, clients, kind, resource, steps, policy) {
    const wanted = steps.filter((s) => s.change.action === 'create');
    const stale = steps.filter((s) => s.change.action === 'delete');
    if (wanted.length === 0 && stale.length === 0)
        return false;
    let current = policy ?? (await readPolicy(api, clients, kind, resource));
    for (let attempt = 1;; attempt++) {
        // Done after a write of ours was tried: that write (its answer lost) may be what made it so.
        if (wanted.every((w) => hasBinding(current, w.role, w.member)) && !stale.some((s) => hasBinding(current, s.role, s.member)))
            return attempt > 1;
        const next = withBindings(current, wanted, stale);
        const what = [...(wanted.length ? [`granting ${wanted.map((w) => w.role).join(', ')}`] : []), ...(stale.length ? [`removing ${stale.map((s) => `${s.role} from ${s.member}`).join(', ')}`] : [])].join(' and ');
        try {
            await api.call(`${what} on the Cloud Run ${kind}`, resource, async () => {
                return clients.run.setIamPolicy(resource, next);
            });
            return true;
        }
        catch (err) {
            // ABORTED / 409: the etag is stale because someone else wrote; their bindings must survive.
            if (!(0,api_error/* isConflict */.dh)(err) || attempt >= MAX_CONFLICTS)
                throw err;
            current = await readPolicy(api, clients, kind, resource);
        }
    }
}

;// CONCATENATED MODULE: ./src/pipeline/apply.ts






/** The clients with `onWrite` called after every write that Google accepted. */
function watchWrites(clients, onWrite) {
    const after = (p) => p.then((value) => {
        onWrite();
        return value;
    });
    return {
        ...clients,
        run: {
            ...clients.run,
            create: (parent, collection, id, body) => after(clients.run.create(parent, collection, id, body)),
            replace: (name, body) => after(clients.run.replace(name, body)),
            setIamPolicy: (name, policy) => after(clients.run.setIamPolicy(name, policy)),
        },
        scheduler: {
            ...clients.scheduler,
            create: (parent, job) => after(clients.scheduler.create(parent, job)),
            update: (name, job, mask) => after(clients.scheduler.update(name, job, mask)),
            call: (name, verb) => (verb === 'run' ? clients.scheduler.call(name, verb) : after(clients.scheduler.call(name, verb))),
            delete: (name) => after(clients.scheduler.delete(name)),
        },
    };
}
async function applyPlan(api, clients, config, names, runPlan, current, deployId, hooks) {
    let plan = [runPlan.workload.change, ...runPlan.bindings.map((b) => b.change), ...(runPlan.scheduler ? [runPlan.scheduler.change] : []), ...runPlan.moreSchedulers.map((m) => m.change)];
    for (const change of plan)
        change.status = 'not reached';
    hooks.plan(plan);
    /** Runs one resource's writes, recording on `changes` what came of them. */
    const step = async (changes, fn) => {
        const tracked = watchWrites(clients, () => {
            for (const c of changes)
                c.written = true;
            hooks.wrote();
        });
        for (const c of changes)
            if (c.action !== 'unchanged')
                hooks.progress(c, true);
        try {
            const result = await fn(tracked);
            for (const c of changes)
                c.status = !c.written ? 'unchanged' : c.action === 'create' ? 'created' : c.action === 'delete' ? 'deleted' : 'updated';
            return result;
        }
        catch (err) {
            for (const c of changes)
                c.status = 'failed';
            throw err;
        }
        finally {
            for (const c of changes)
                hooks.progress(c, false);
        }
    };
    // paused: true on an existing Scheduler job: the pause is the first write of all, so nothing
    // this run changes can be triggered before it holds.
    let schedulerNow = current.schedulerJob;
    // Only an ENABLED job can be paused (PauseJob); one in a system state is repaired or recreated first.
    const pauseFirst = (0,values/* enumName */.$U)(schedulerNow?.state, SCHEDULER_STATES) === 'ENABLED' && runPlan.scheduler?.setPaused === true;
    if (pauseFirst) {
        const planned = runPlan.scheduler.change;
        schedulerNow = await hooks.phase('pause', () => step([planned], (tracked) => setSchedulerPaused(api, tracked, planned.resource, true)));
    }
    const workload = await hooks.phase('deploy', () => step([runPlan.workload.change], (tracked) => applyWorkload(api, tracked, config.kind, names.resource, runPlan.workload, (fresh) => planWorkload(config, names, fresh, deployId, runPlan.grants), current.workload)));
    // A new service's URL is known only now: plan the trigger again with it.
    const serviceUri = config.kind === 'service' ? (workload.uri ?? undefined) : undefined;
    const scheduler = runPlan.scheduler && planScheduler(config, names, schedulerNow, serviceUri);
    const schedulerWrites = scheduler !== undefined && scheduler.change.action !== 'unchanged';
    // A workload's further schedules (fleet mode): a Scheduler job each, planned the same way.
    const more = planMoreSchedulers(config, names, current.moreSchedulerJobs, serviceUri);
    if (scheduler) {
        if (pauseFirst)
            scheduler.change = withPause(scheduler.change, runPlan.scheduler.change);
        scheduler.change.status = 'not reached';
    }
    for (const m of more)
        m.change.status = 'not reached';
    if (scheduler || more.length) {
        plan = [runPlan.workload.change, ...runPlan.bindings.map((b) => b.change), ...(scheduler ? [scheduler.change] : []), ...more.map((m) => m.change)];
        hooks.plan(plan);
    }
    const bindingChanges = runPlan.bindings.map((b) => b.change);
    const schedulerChanges = scheduler ? [scheduler.change] : [];
    let grantedAt;
    const grant = () => step(bindingChanges, async (tracked) => {
        const wrote = await applyBindings(api, tracked, config.kind, names.resource, runPlan.bindings, current.policy);
        // A write whose answer was lost, then found done on the re-read: it went through.
        if (wrote && !bindingChanges.some((c) => c.written)) {
            bindingChanges.forEach((c) => (c.written = true));
            hooks.wrote();
        }
        if (bindingChanges.some((c) => c.written))
            grantedAt = Date.now();
    });
    const schedule = () => step(schedulerChanges, async (tracked) => {
        if (!scheduler || !schedulerWrites)
            return;
        try {
            await applySchedulerJob(api, tracked, scheduler, (fresh) => planScheduler(config, names, fresh, serviceUri));
        }
        catch (err) {
            // Created, not paused, deleted again: it does not exist after this run.
            if (err instanceof DeletedAgainError)
                scheduler.change.written = false;
            throw err;
        }
    });
    const scheduleMore = () => Promise.all(more.map((trigger, i) => step([trigger.change], async (tracked) => {
        if (trigger.change.action === 'unchanged')
            return;
        const own = withSchedule(config, names, config.moreSchedules[i]);
        await applySchedulerJob(api, tracked, trigger, (fresh) => planScheduler(own.config, own.names, fresh, serviceUri));
    })));
    // A new Scheduler job to be paused is created and paused before the invoker may call the
    // target (if the pause fails, the job is deleted and nothing is granted). Otherwise the two
    // are independent: side by side, in one log group. Both are waited for, so a failure of one
    // does not leave the other's status unknown.
    const pausedCreate = (scheduler?.change.action === 'create' || scheduler?.recreate === true) && scheduler.setPaused === true;
    const results = await hooks.phase('iam + schedule', async () => {
        // A recreate deletes first: only once everything else of this run went through.
        if (scheduler?.recreate && !pausedCreate) {
            const others = await Promise.allSettled([grant(), scheduleMore()]);
            return others.some((r) => r.status === 'rejected') ? others : [...others, ...(await Promise.allSettled([schedule()]))];
        }
        if (!pausedCreate)
            return Promise.allSettled([grant(), schedule(), scheduleMore()]);
        const scheduled = await Promise.allSettled([schedule()]);
        return scheduled[0].status === 'rejected' ? scheduled : [...scheduled, ...(await Promise.allSettled([grant(), scheduleMore()]))];
    });
    const failed = results.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return { workload, plan, changed: plan.some((c) => c.written), granted: bindingChanges.some((c) => c.written), grantedAt };
}
/** The Scheduler change as applied after the pause went first: the pause (and its write) stay in the report. */
function withPause(after, planned) {
    const pause = planned.fields.filter((f) => f.field === 'paused');
    return { ...after, action: 'update', fields: [...after.fields.filter((f) => f.field !== 'paused'), ...pause], written: planned.written };
}

;// CONCATENATED MODULE: ./src/pipeline/names.ts
function resourceNames(config, projectId) {
    const collection = config.kind === 'job' ? 'jobs' : 'services';
    return {
        projectId,
        resource: `projects/${projectId}/locations/${config.region}/${collection}/${config.name}`,
        schedulerJob: config.schedule
            ? `projects/${projectId}/locations/${config.schedule.region}/jobs/${config.schedule.jobId}`
            : config.teardown
                ? `projects/${projectId}/locations/${config.teardown.schedulerRegion}/jobs/${config.teardown.schedulerJobId}`
                : undefined,
    };
}
/** The same name as the other kind: a job named x and a service named x. */
function otherKindName(config, projectId) {
    const collection = config.kind === 'job' ? 'services' : 'jobs';
    return `projects/${projectId}/locations/${config.region}/${collection}/${config.name}`;
}

;// CONCATENATED MODULE: ./src/pipeline/read-current.ts




const settle = (p) => p.then((value) => ({ value }), (error) => ({ error }));
const read_current_valueOf = (s) => {
    if ('error' in s)
        throw s.error;
    return s.value;
};
/** The error for a Scheduler region where Cloud Scheduler is not offered (`offered`: where it is). */
function schedulerNotOffered(config, region, offered) {
    return new Error(`Input 'scheduler_region': Cloud Scheduler is not offered in ${region}. ` +
        `It is offered in: ${offered.join(', ')}. Set scheduler_region to one of them (the Cloud Run ${config.kind} may stay in ${config.region}).`);
}
async function readCurrentState(api, clients, config, names) {
    const other = config.kind === 'job' ? 'service' : 'job';
    // The policy and Scheduler reads are settled, not raced: what they mean depends on the others
    // (a policy read of a workload that does not exist may fail with 404 or 403; a Scheduler job
    // read in a location where Scheduler is not offered fails with 400, 403 or 404).
    const more = (config.moreSchedules ?? []).map((s) => `projects/${names.projectId}/locations/${s.region}/jobs/${s.jobId}`);
    const [workload, otherKind, policy, schedulerJob, regions, ...moreSchedulerJobs] = await Promise.all([
        readWorkload(api, clients, config.kind, names.resource),
        readWorkload(api, clients, other, otherKindName(config, names.projectId)),
        settle(readPolicy(api, clients, config.kind, names.resource)),
        settle(names.schedulerJob ? readSchedulerJob(api, clients, names.schedulerJob) : Promise.resolve(undefined)),
        config.schedule ? schedulerRegions(api, clients, names.projectId) : undefined,
        ...more.map((name) => readSchedulerJob(api, clients, name)),
    ]);
    if (config.schedule && regions && !regions.includes(config.schedule.region))
        throw schedulerNotOffered(config, config.schedule.region, regions);
    // The workload read says it is absent: whatever its policy read answered does not matter.
    return {
        workload,
        otherKind,
        policy: workload ? read_current_valueOf(policy) : undefined,
        schedulerJob: read_current_valueOf(schedulerJob),
        ...(more.length ? { moreSchedulerJobs: moreSchedulerJobs } : {}),
    };
}

;// CONCATENATED MODULE: ./src/ownership/targets.ts
/** A service's URLs as Cloud Run reports them (uri, and urls); none for a job. */
function urlsOf(resource) {
    return [...(resource?.uri ? [resource.uri] : []), ...(resource?.urls ?? [])];
}
const V1_RUN = /^https:\/\/([a-z0-9-]+)-run\.googleapis\.com\/apis\/run\.googleapis\.com\/v1\/namespaces\/([^/]+)\/jobs\/([^/:]+):run$/;
const V2_RUN = /^https:\/\/run\.googleapis\.com\/v2\/projects\/([^/]+)\/locations\/([^/]+)\/jobs\/([^/:]+):run$/;
function targetsWorkload(job, w) {
    const uri = job.httpTarget?.uri ?? '';
    if (w.kind === 'job') {
        const v1 = V1_RUN.exec(uri);
        if (v1)
            return v1[1] === w.region && w.projects.includes(v1[2]) && v1[3] === w.name;
        const v2 = V2_RUN.exec(uri);
        return !!v2 && w.projects.includes(v2[1]) && v2[2] === w.region && v2[3] === w.name;
    }
    let host;
    try {
        host = new URL(uri).host;
    }
    catch {
        return false;
    }
    const urls = (w.urls ?? []).filter(Boolean);
    if (urls.length > 0)
        return urls.some((u) => URL.canParse(u) && new URL(u).host === host);
    // The service is gone: its URL was https://NAME-PROJECT_NUMBER.REGION.run.app or https://NAME-HASH-CODE.a.run.app.
    return host.startsWith(`${w.name}-`) && host.endsWith('.run.app');
}

;// CONCATENATED MODULE: ./src/plan/delete.ts
/** `- delete` changes for `deletions`: Scheduler jobs first, then alert policies, then jobs and services, each group by name. */
function planDeletions(deletions) {
    // Triggers, then the alert policies that watch the workload, then the workload.
    const rank = (d) => (d.type === 'scheduler-job' ? 0 : d.type === 'alert-policy' ? 1 : 2);
    return [...deletions]
        .sort((a, b) => rank(a) - rank(b) || a.resource.localeCompare(b.resource))
        .map((d) => ({ type: d.type, resource: d.resource, action: 'delete', fields: [], reason: d.reason }));
}

;// CONCATENATED MODULE: ./src/plan/teardown.ts




function planTeardown(config, names, current) {
    const force = config.teardown?.force ?? false;
    const here = hereOf(config);
    const kindLabel = config.kind === 'job' ? 'Cloud Run job' : 'Cloud Run service';
    const deletions = [];
    const refused = [];
    const target = { kind: config.kind, name: config.name, region: config.region, projects: [names.projectId], urls: urlsOf(current.workload) };
    // The triggers as listed (every region the workload records), with the one named by scheduler_job.
    const jobs = new Map();
    for (const j of [...(current.triggers ?? []), ...(current.schedulerJob ? [current.schedulerJob] : [])])
        if (j.name)
            jobs.set(j.name, j);
    for (const [name, job] of [...jobs].sort(([a], [b]) => a.localeCompare(b))) {
        const id = name.split('/').pop();
        const named = name === names.schedulerJob;
        if (!targetsWorkload(job, target)) {
            if (named)
                refused.push(`the Scheduler job ${id} triggers ${job.httpTarget?.uri ?? 'nothing'}, not the ${kindLabel} ${config.name}: it is another workload's trigger`);
            continue;
        }
        const c = classify((0,record/* fromDescription */.jt)(job.description), here);
        if (mayDelete(c, true) || (force && c.ownership === 'unmarked')) {
            deletions.push({ type: 'scheduler-job', resource: name, reason: 'state: absent (first: nothing may trigger a workload that is gone)' });
        }
        else {
            refused.push(c.ownership === 'unmarked' ? `the Scheduler job ${id} triggers ${config.name} and has ${c.owner}` : `the Scheduler job ${id} triggers ${config.name} but belongs to ${c.owner} (${c.ownership}), which force: true does not override`);
        }
    }
    if (current.workload) {
        const c = classify((0,record/* fromLabels */.Kx)(current.workload.labels), here);
        if (c.ownership === 'unmarked' && !force) {
            refused.push(`the ${kindLabel} ${config.name} has ${c.owner}`);
        }
        else if (c.ownership !== 'unmarked' && !mayDelete(c, true)) {
            refused.push(`the ${kindLabel} ${config.name} belongs to ${c.owner} (${c.ownership}), not to this run's ${here.fleet ? `fleet ${here.fleet}` : 'single mode'} of repository ${here.repositoryId ?? '(none)'}; force: true does not override that`);
        }
        deletions.push({ type: config.kind === 'job' ? 'run-job' : 'run-service', resource: names.resource, reason: 'state: absent (its IAM policy goes with it)' });
    }
    return { plan: planDeletions(deletions), refused };
}

;// CONCATENATED MODULE: ./src/pipeline/teardown.ts
// state: absent in the pipeline: after the read, plan the deletions and refuse what this
// action did not make (unless force); in a run that applies, delete through the shared delete
// plumbing (src/pipeline/delete.ts: Scheduler jobs first, each deletion waited for).










/**
 * Lists the Scheduler jobs where the workload's triggers may be: every region its owner record
 * names (one marked before the record, or unmarked: every region where Scheduler is offered),
 * and the region of scheduler_job. Each location is listed once per run, in parallel.
 */
async function readTeardownTriggers(index, run) {
    const { config, current } = run;
    if (!config.teardown || !current)
        return;
    const named = config.teardown.schedulerRegion ? [config.teardown.schedulerRegion] : [];
    const found = current.workload ? (0,record/* fromLabels */.Kx)(current.workload.labels) : undefined;
    const regions = !found ? named : found.kind === 'record' && found.record.schedulerRegions ? [...named, ...found.record.schedulerRegions] : undefined;
    current.triggers = await index.jobsIn(regions);
}
/** Plans the teardown and starts the workload's report; a refusal is the workload's failure. */
function planTeardownRun(ctx, run, current) {
    const { config, names } = run;
    const torn = planTeardown(config, names, current);
    // The workload's alert policies (exact owner record) go after its triggers, before it.
    const policies = policyDeletions(run.teardownPolicies, hereOf(config), 'state: absent (after its triggers: nothing may watch a workload that is gone)');
    if (policies.length)
        torn.plan = planDeletions([...torn.plan.map((c) => ({ type: c.type, resource: c.resource, reason: c.reason ?? '' })), ...policies]);
    if (run.teardownPolicies === undefined)
        runner.info('state: absent: the alert policies were not checked: the deployer may not list them (monitoring.alertPolicies.list).');
    runner.info(`Plan${ctx.label ? ` of ${ctx.label}` : ''}:\n${formatPlan(torn.plan)}`);
    run.report = startReport(ctx, run, torn.plan, [], 'state: absent: nothing is deployed, so there is nothing to smoke-test.');
    if (torn.refused.length > 0) {
        run.failure = run.report.error =
            `state: absent refused: ${torn.refused.join('; ')}. Nothing was deleted. ` +
                'Check the names (name, kind, region, scheduler_job, scheduler_region); force: true deletes a workload that has no owner record (docs/ownership.md).';
    }
    else if (config.dryRun || torn.plan.length === 0) {
        runner.info(torn.plan.length === 0 ? 'state: absent: nothing is left to remove.' : 'Dry run: the plan above was not applied.');
    }
}
/** Deletes what the teardown plan names. */
async function applyTeardown(ctx, report, phase) {
    if (report.plan.length === 0)
        return;
    await phase('delete', () => applyDeletions(ctx.api, ctx.clients, report.plan, 1, {
        progress: (change, starting) => runner.info(changeLine(change, starting)),
        wrote: () => (report.changed = true),
    }));
}

;// CONCATENATED MODULE: ./src/pipeline/run-pipeline.ts
// The one-workload pipeline below the fleet layer (src/fleet/run-fleet.ts): read what
// exists, plan, apply, smoke-test, each step recording what it did in the workload's report.
// A failure is recorded, not thrown: one failing workload does not stop the others.


















function phaseOf(ctx, run) {
    return (name, fn) => phase(name, fn, { into: run.phases, group: !ctx.label });
}
function startWorkload(ctx, config) {
    return { config, names: resourceNames(config, ctx.projectId), phases: {} };
}
/** Reads what exists of the workload (its job or service, IAM policy, Scheduler job). */
async function run_pipeline_readWorkload(ctx, run) {
    const { config, names } = run;
    await recordFailure(run, () => phaseOf(ctx, run)('read', async () => {
        const [state] = await Promise.all([readCurrentState(ctx.api, ctx.clients, config, names), readAlerts(ctx, run)]);
        const kindLabel = config.kind === 'job' ? 'Cloud Run job' : 'Cloud Run service';
        runner.info(`${kindLabel} ${config.name}: ${state.workload ? 'exists' : 'does not exist yet'}`);
        if (state.workload)
            runner.info(`IAM policy of ${config.name}: ${state.policy?.bindings?.length ?? 0} binding(s)`);
        if (names.schedulerJob)
            runner.info(`Scheduler job ${names.schedulerJob.split('/').pop()}: ${state.schedulerJob ? 'exists' : 'does not exist yet'}`);
        run.current = state;
    }));
}
/** Reads the workload's alert policies and the project's channels (fleet mode: beside the list reads). */
async function readAlerting(ctx, run) {
    await recordFailure(run, () => readAlerts(ctx, run));
}
/** What alerting needs: with alerting inputs, the workload's policies and the channels; for state: absent, the policies to delete with it. */
async function readAlerts(ctx, run) {
    const { config, names } = run;
    if (config.teardown)
        run.teardownPolicies = await listPoliciesForDeletion(ctx.api, ctx.clients, names.projectId);
    else if (config.alerts)
        run.alertState = await readAlertState(ctx.api, ctx.clients, config, names.projectId);
}
/** Plans the workload against what was read, and starts its report. Pure but for the log. */
function planWorkloadRun(ctx, run) {
    const { config, names, current } = run;
    if (!current || run.failure)
        return;
    if (config.teardown)
        return planTeardownRun(ctx, run, current);
    (0,scrub/* registerSecretValues */.om)([...(0,workload/* envValuesOf */.d9)(current.workload, config.kind), ...(0,workload/* envValuesOf */.d9)(current.otherKind, config.kind === 'job' ? 'service' : 'job')]);
    const runPlan = planRun({ config, names, current, deployId: ctx.deployId });
    run.runPlan = runPlan;
    if (run.alertState) {
        run.alertPlan = planAlerting(config, names.projectId, run.alertState, { repository: ctx.errorContext.repository, now: new Date() });
        runPlan.plan.push(...alertChanges(run.alertPlan));
    }
    for (const warning of runPlan.warnings)
        runner.warning((0,scrub/* scrubSecrets */.Zg)(ctx.label ? `${ctx.label}: ${warning}` : warning));
    for (const notice of runPlan.notices)
        runner.notice(ctx.label ? `${ctx.label}: ${notice}` : notice);
    // Each change's reason (a tag redeploy, a re-pointed trigger) is in the plan, once.
    runner.info(`Plan${ctx.label ? ` of ${ctx.label}` : ''}:\n${formatPlan(runPlan.plan)}`);
    run.report = startReport(ctx, run, runPlan.plan, runPlan.warnings, 'The run stopped before the smoke test.');
    run.report.alerting = alertingReport(run.alertPlan);
    run.report.url = current.workload?.uri ?? undefined;
    if (config.dryRun) {
        run.report.smoke.message = 'Dry run: nothing was written and the smoke test was skipped.';
        runner.info(planChangesAnything(runPlan.plan) ? `Dry run: the plan${ctx.label ? ` of ${ctx.label}` : ''} above was not applied.` : `Dry run: ${ctx.label ?? 'everything'} is up to date.`);
        if (config.failOnDrift) {
            run.report.drift = findDrift(runPlan.plan, current).map((d) => driftLine(withPolicyAuthor(d, run.alertState)));
            if (run.report.drift.length > 0)
                run.failure = run.report.error = driftMessage(run.report.drift);
            else
                runner.info(`Drift check${ctx.label ? ` of ${ctx.label}` : ''}: the live state matches the inputs.`);
        }
    }
}
/** The workload's report as planned: nothing written yet, the smoke test skipped for `why`. */
function startReport(ctx, run, plan, warnings, why) {
    const { config, names } = run;
    return {
        config,
        projectId: ctx.projectId,
        dryRun: config.dryRun,
        resource: names.resource,
        schedulerJob: names.schedulerJob,
        warnings: [...config.warnings, ...warnings],
        phases: run.phases,
        plan,
        changed: false,
        smoke: { status: 'skipped', message: why },
    };
}
/** Applies the plan and smoke-tests the workload, recording what was done (also on failure). */
async function applyWorkloadRun(ctx, run) {
    const { config, names, current, runPlan, report } = run;
    if (config.teardown && report && !run.failure && !config.dryRun)
        return recordFailure(run, () => applyTeardown(ctx, report, phaseOf(ctx, run)));
    if (!current || !runPlan || !report || run.failure || config.dryRun)
        return;
    const phase = phaseOf(ctx, run);
    await recordFailure(run, async () => {
        const alerting = alertChanges(run.alertPlan);
        for (const change of alerting)
            change.status = 'not reached';
        const applied = await applyPlan(ctx.api, ctx.clients, config, names, runPlan, current, ctx.deployId, {
            phase,
            wrote: () => (report.changed = true),
            plan: (plan) => (report.plan = [...plan, ...alerting]),
            progress: (change, starting) => runner.info(changeLine(change, starting)),
        });
        report.plan = [...applied.plan, ...alerting];
        // After the workload and its trigger: the policies watch what exists.
        if (run.alertPlan && run.alertState) {
            await phase('alerts', () => applyAlertPlan(ctx.api, ctx.clients, names.projectId, run.alertPlan, run.alertState, {
                wrote: () => (report.changed = true),
                progress: (change, starting) => runner.info(changeLine(change, starting)),
            }));
        }
        const service = config.kind === 'service' ? applied.workload : undefined;
        report.changed = applied.changed || alerting.some((c) => c.written);
        report.url = service?.uri ?? undefined;
        report.revision = service?.latestReadyRevision?.split('/').pop() ?? undefined;
        const share = service ? (0,workload/* latestRevisionTraffic */.WU)(service) : 100;
        if (share < 100) {
            const warning = `The service's traffic is split or pinned elsewhere: its latest revision ${report.revision} serves ${share}% of requests, so the trigger (and the smoke test) may reach an older revision. Route traffic to the latest revision: gcloud run services update-traffic ${config.name} --to-latest --region=${config.region} --project=${ctx.projectId}`;
            runner.warning(warning);
            report.warnings.push(warning);
        }
        report.smoke = { status: 'skipped', message: 'The smoke test is off (smoke_test: false).' };
        if (config.smoke.enabled && config.smoke.onlyWhenChanged && !report.changed) {
            report.smoke = { status: 'skipped', message: 'Nothing was written, so the smoke test did not run (smoke_test: changed).' };
            runner.info(ctx.label ? `${ctx.label}: ${report.smoke.message}` : report.smoke.message);
        }
        else if (config.smoke.enabled) {
            run.smokeStarted = true;
            const smokeApi = createApi({ ...ctx.errorContext, projectId: ctx.projectId }, Date.now() + config.smoke.timeoutSeconds * 1000);
            const smoke = await phase('smoke', () => smokeTest({
                api: smokeApi,
                clients: ctx.clients,
                config,
                resource: names.resource,
                schedulerJob: names.schedulerJob,
                deadline: smokeApi.deadline,
                grantedAt: applied.grantedAt,
                onProgress: (line) => runner.info(line),
                onExecution: (name) => (run.startedExecution = name),
                known: { workload: current.workload, schedulerJob: current.schedulerJob },
                attemptLog: ctx.attemptLog,
            }));
            // A failed execution's or attempt's message comes from Google: scrubbed like any error.
            report.smoke = { ...smoke, message: (0,scrub/* scrubSecrets */.Zg)(smoke.message) };
            if (smoke.status === 'failed')
                throw new ActionError(report.smoke.message);
            if (smoke.warn)
                runner.warning(ctx.label ? `${ctx.label}: ${report.smoke.message}` : report.smoke.message);
            else
                runner.info(report.smoke.message);
        }
    });
}
/** Runs `fn`; a failure is recorded on the workload and its report, not thrown. */
async function recordFailure(run, fn) {
    try {
        await fn();
    }
    catch (err) {
        const message = (0,scrub/* scrubSecrets */.Zg)(err instanceof Error ? err.message : String(err));
        run.failure = message;
        const report = run.report;
        if (!report)
            return;
        if (report.smoke.status !== 'failed')
            report.error = message;
        if (run.startedExecution && report.smoke.execution === undefined) {
            // Timed out or lost sight of it: the execution goes on in Cloud Run.
            report.smoke = { status: 'running', execution: run.startedExecution, logUri: logsUrlOf(run.startedExecution), message: `Execution ${run.startedExecution} was still running when the step stopped.` };
        }
        else if (report.smoke.status === 'skipped' && run.smokeStarted) {
            report.smoke = { status: 'failed', message };
        }
    }
}
/** Drift of an alert policy names who changed it last, as Cloud Monitoring records it. */
function withPolicyAuthor(d, alerts) {
    if (d.missing || d.change.type !== 'alert-policy' || !alerts)
        return d;
    const live = Object.values(alerts.policies).find((p) => p?.name === d.change.resource);
    return { ...d, lastModifier: live?.mutationRecord?.mutatedBy, modifiedAt: live?.mutationRecord?.mutateTime };
}

;// CONCATENATED MODULE: ./src/fleet/prune.ts
// Prune: what carries this fleet's owner record (this fleet, this repository, its own workload
// name: src/ownership) and is no longer declared goes; so do its triggers, found in every
// region its record names, and only those whose target is that workload. Anything else that
// looks related (another repository's fleet of the same name, a mark from before the owner
// record, a trigger someone else made) is left alone with a notice. A workload with a trigger
// that is not this fleet's to delete is left too: nothing may fire at a workload that is gone.
// Reading is list calls (all pages), each location once; planning is pure.






const shortName = (resource) => resource.split('/').pop();
const regionOf = (resource) => resource.split('/')[3];
/** Lists the Cloud Run jobs and services of `regions`, then the Scheduler jobs of every region this fleet's workloads record (and `schedulerRegions`). */
async function readForPrune(api, clients, projectId, owner, regions, schedulerRegions, index) {
    const lists = await Promise.all(regions.flatMap((region) => ['jobs', 'services'].map(async (collection) => {
        const parent = `projects/${projectId}/locations/${region}`;
        const items = await api.call(`listing the Cloud Run ${collection}`, parent, () => clients.run.list(parent, collection));
        return items.flatMap((r) => r.name ? [{ type: collection === 'jobs' ? 'run-job' : 'run-service', resource: r.name, labels: (r.labels ?? {}), urls: urlsOf(r) }] : []);
    })));
    const workloads = lists.flat();
    // Where this fleet's triggers may be: the regions its workloads record (a record without them: everywhere offered).
    let everywhere = false;
    const recorded = new Set(schedulerRegions);
    for (const w of owned(owner, workloads)) {
        const found = (0,record/* fromLabels */.Kx)(w.labels);
        const where = found.kind === 'record' ? found.record.schedulerRegions : undefined;
        if (where === undefined)
            everywhere = true;
        else
            where.forEach((r) => recorded.add(r));
    }
    const [schedulerJobs, alertPolicies] = await Promise.all([index.jobsIn(everywhere ? undefined : [...recorded]), listPoliciesForDeletion(api, clients, projectId)]);
    return { workloads, schedulerJobs, alertPolicies };
}
function owned(owner, workloads) {
    return workloads.filter((w) => classify((0,record/* fromLabels */.Kx)(w.labels), { ...owner, workload: shortName(w.resource) }).ownership === 'ours');
}
function targetOf(w, projects) {
    return { kind: w.type === 'run-job' ? 'job' : 'service', name: shortName(w.resource), region: regionOf(w.resource), projects, urls: w.urls };
}
/** The deletions of prune, and notices for what was left alone. Pure. */
function planPrune(owner, projects, listed, declared) {
    const notices = [];
    const kindOf = (type) => (type === 'run-job' ? 'Cloud Run job' : 'Cloud Run service');
    const mine = owned(owner, listed.workloads);
    for (const w of listed.workloads) {
        if (mine.includes(w) || declared.resources.has(w.resource))
            continue;
        const found = (0,record/* fromLabels */.Kx)(w.labels);
        const fleet = found.kind === 'record' ? found.record.fleet : found.kind === 'legacy' ? found.fleet : undefined;
        if (fleet !== owner.fleet)
            continue;
        const c = classify(found, { ...owner, workload: shortName(w.resource) });
        notices.push(`Prune left the ${kindOf(w.type)} ${shortName(w.resource)} alone: it carries the fleet id ${owner.fleet}, but its owner record is ${c.owner} (${c.ownership}), not this repository's fleet.`);
    }
    const undeclared = mine.filter((w) => !declared.resources.has(w.resource));
    const targets = [...declared.workloads.map((t) => ({ t, undeclared: undefined })), ...undeclared.map((w) => ({ t: targetOf(w, projects), undeclared: w }))];
    // Declared workloads' URLs come from the listing (a service's trigger is its URL).
    for (const x of targets) {
        if (x.undeclared || x.t.kind !== 'service')
            continue;
        const live = listed.workloads.find((w) => w.type === 'run-service' && shortName(w.resource) === x.t.name && regionOf(w.resource) === x.t.region);
        if (live)
            x.t = { ...x.t, urls: live.urls };
    }
    const reason = `carries the owner record of fleet ${owner.fleet} (this repository) and is no longer in the manifest`;
    const deletions = [];
    const blocked = new Map();
    for (const job of listed.schedulerJobs) {
        if (!job.name)
            continue;
        const hit = targets.find((x) => targetsWorkload(job, x.t));
        const found = (0,record/* fromDescription */.jt)(job.description);
        if (!hit) {
            const c = classify(found, { ...owner, workload: found.kind === 'record' ? found.record.workload : '' });
            if (c.ownership === 'ours' && !declared.schedulerJobs.has(job.name)) {
                notices.push(`Prune left the Scheduler job ${shortName(job.name)} alone: it carries this fleet's record, but its target (${job.httpTarget?.uri ?? 'none'}) is not a workload of the fleet.`);
            }
            continue;
        }
        const c = classify(found, { ...owner, workload: hit.t.name });
        if (mayDelete(c, true)) {
            if (!declared.schedulerJobs.has(job.name))
                deletions.push({ type: 'scheduler-job', resource: job.name, reason: `triggers ${hit.t.name}, ${reason}` });
        }
        else if (hit.undeclared) {
            blocked.set(hit.undeclared.resource, `the Scheduler job ${job.name} (${c.owner}) still triggers it, and is not this fleet's to delete`);
        }
    }
    for (const w of undeclared) {
        const why = blocked.get(w.resource);
        if (why)
            notices.push(`Prune left the ${kindOf(w.type)} ${shortName(w.resource)} alone: ${why}. Delete that trigger, then run prune again.`);
        else
            deletions.push({ type: w.type, resource: w.resource, reason });
    }
    // The alert policies of every workload no longer declared (exact owner record), unless the workload stays.
    const declaredNames = new Set(declared.workloads.map((t) => t.name));
    const kept = new Set(undeclared.filter((w) => blocked.has(w.resource)).map((w) => shortName(w.resource)));
    for (const policy of listed.alertPolicies ?? []) {
        const workload = policyWorkload(policy);
        if (workload === undefined || declaredNames.has(workload) || kept.has(workload))
            continue;
        deletions.push(...policyDeletions([policy], { ...owner, workload }, `watches ${workload}, ${reason}`));
    }
    return { deletions: planDeletions(deletions), notices };
}

;// CONCATENATED MODULE: ./src/fleet/read-fleet.ts




const read_fleet_settle = (p) => p.then((value) => ({ value }), (error) => ({ error }));
const read_fleet_schedulesOf = (c) => [c.schedule, ...(c.moreSchedules ?? [])].filter((s) => s !== undefined);
/** Fills in `run.current` of every run (or `run.failure` when what it needs could not be read). */
async function readFleet(api, clients, projectId, runs, index) {
    const regions = [...new Set(runs.map((r) => r.config.region))];
    // A workload with state: absent has no schedule, but its Scheduler job is to be deleted: read that region too.
    const schedulerRegionsUsed = [...new Set(runs.flatMap((r) => [...read_fleet_schedulesOf(r.config).map((s) => s.region), ...(r.config.teardown ? [r.config.teardown.schedulerRegion] : [])]))];
    const byName = (items) => new Map(items.flatMap((i) => (i.name ? [[i.name, i]] : [])));
    const listRun = (region, collection) => {
        const parent = `projects/${projectId}/locations/${region}`;
        return read_fleet_settle(api.call(`listing the Cloud Run ${collection}`, parent, () => clients.run.list(parent, collection)).then(byName));
    };
    const [offered, runLists, schedulerLists] = await Promise.all([
        schedulerRegionsUsed.length ? read_fleet_settle(index.offered()) : undefined,
        Promise.all(regions.map(async (region) => [region, await listRun(region, 'jobs'), await listRun(region, 'services')])),
        Promise.all(
        // The same lists prune and state: absent read (each location once per run).
        schedulerRegionsUsed.map(async (region) => [region, await read_fleet_settle(index.jobsIn([region]).then(byName))])),
    ]);
    const jobsIn = new Map(runLists.map(([region, jobs]) => [region, jobs]));
    const servicesIn = new Map(runLists.map(([region, , services]) => [region, services]));
    const schedulerIn = new Map(schedulerLists);
    const value = (s) => {
        if (!s)
            throw new Error('not read');
        if ('error' in s)
            throw s.error;
        return s.value;
    };
    await Promise.all(runs.map(async (run) => {
        const { config, names } = run;
        try {
            const jobs = value(jobsIn.get(config.region));
            const services = value(servicesIn.get(config.region));
            const [own, other] = config.kind === 'job' ? [jobs, services] : [services, jobs];
            const schedules = read_fleet_schedulesOf(config);
            if (schedules.length && offered) {
                const where = value(offered);
                const missing = schedules.find((s) => !where.includes(s.region));
                if (missing)
                    throw schedulerNotOffered(config, missing.region, where);
            }
            const schedulerJob = (name, region) => name && region ? value(schedulerIn.get(region)).get(name) : undefined;
            const workload = own.get(names.resource);
            const otherName = otherKindName(config, projectId);
            const policy = workload ? await readPolicy(api, clients, config.kind, names.resource) : undefined;
            const state = {
                workload,
                otherKind: other.get(otherName),
                policy,
                schedulerJob: schedulerJob(names.schedulerJob, config.schedule?.region ?? config.teardown?.schedulerRegion),
            };
            if (config.moreSchedules?.length) {
                state.moreSchedulerJobs = config.moreSchedules.map((s) => schedulerJob(withSchedule(config, names, s).names.schedulerJob, s.region));
            }
            run.current = state;
        }
        catch (err) {
            run.failure = err instanceof Error ? err.message : String(err);
        }
    }));
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/report/pr-comment.ts
// The plan and the summary as one pull-request comment (comment_on_pr), updated in place on
// every later run: the comment starts with a hidden marker naming the target, and the run looks
// among the pull request's comments for one of its own identity that starts with it. It talks to GITHUB_API_URL through
// @actions/github (Octokit), so GitHub Enterprise Server works too. Commenting is part of the report, never the step's failure: a
// token that may not write (a fork's pull request gets a read-only one) is a warning.


const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
/** Whether this run comments: `auto` on pull-request events of a dry run, `true` on any event with a pull request. */
function commentWanted(config, env) {
    if (config.comment.mode === 'auto')
        return config.dryRun && PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? '');
    return config.comment.mode === 'true';
}
const obj = (v) => (v && typeof v === 'object' ? v : {});
/** The pull request of this run's event (the payload at GITHUB_EVENT_PATH), if it has one. */
async function pullRequestOf(env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!env.GITHUB_EVENT_PATH || !owner || !repo)
        return undefined;
    let payload;
    try {
        payload = obj(JSON.parse(await (0,promises_.readFile)(env.GITHUB_EVENT_PATH, 'utf8')));
    }
    catch {
        return undefined;
    }
    const pr = obj(payload.pull_request);
    const issue = obj(payload.issue);
    // An issue_comment event on a pull request carries the pull request as an issue with a pull_request key.
    const number = typeof pr.number === 'number' ? pr.number : issue.pull_request && typeof issue.number === 'number' ? issue.number : undefined;
    if (number === undefined)
        return undefined;
    const head = obj(obj(pr.head).repo).full_name;
    const base = obj(payload.repository).full_name;
    return { owner, repo, number, fromFork: typeof head === 'string' && typeof base === 'string' && head !== base };
}
/** The hidden marker that finds this target's comment again: the same for every run of it. */
function commentMarker(target) {
    const parts = Object.entries(target).map(([k, v]) => `${k}=${v}`);
    return `<!-- cloud-run-cron:plan ${parts.join(' ')} -->`;
}
/** The comment: the marker, the summary (plan per resource, next runs, warnings), and a link to the run. */
function commentBody(marker, summary, env, now = new Date()) {
    const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    const run = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    const sha = env.GITHUB_SHA ? ` for ${env.GITHUB_SHA.slice(0, 7)}` : '';
    const footer = `${run ? `[Workflow run](${run})` : 'Workflow run'}${sha} · updated ${now.toISOString().replace(/\.\d+Z$/, 'Z')}`;
    return `${marker}\n${summary.trimEnd()}\n\n---\n<sub>${footer}</sub>\n`;
}
/**
 * The login the token posts as. A user's token (a PAT) names its user at GET /user; an installation
 * token, the workflow's GITHUB_TOKEN among them, gets 403 there ("Resource not accessible by
 * integration") and posts as the GitHub Actions app's bot.
 */
const GITHUB_ACTIONS_BOT = 'github-actions[bot]';
const API_VERSION = { 'x-github-api-version': '2022-11-28' };
async function postsAs(octokit, request) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated({ headers: API_VERSION, request: request() });
        return data.login;
    }
    catch (err) {
        if (err.status === 403)
            return GITHUB_ACTIONS_BOT;
        throw err;
    }
}
/**
 * The action's own comment: written by the identity the token posts as, and starting with the
 * marker. A comment of anyone else is never edited, whatever it holds: whoever can comment on the
 * pull request could otherwise post the marker and have the plan written into their comment.
 */
function isOwnComment(c, marker, author) {
    return c.user?.login === author && (c.body ?? '').startsWith(marker);
}
/** Finds this target's own comment on the pull request (every page) and updates it, or creates one. */
async function upsertComment(token, pr, marker, body, env) {
    // Octokit (and its HTTP client) load only when a run comments.
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const octokit = getOctokit(token, { baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '') });
    const request = () => ({ signal: AbortSignal.timeout(google_clients/* REQUEST_TIMEOUT_MS */.j2) });
    // The REST API version these calls were written against (every page of the list sends it too).
    const where = { owner: pr.owner, repo: pr.repo, headers: API_VERSION };
    const author = postsAs(octokit, request);
    author.catch(() => undefined); // awaited below
    // Every page (Link: rel="next"), stopping at the page that holds the comment.
    let mine;
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...where, issue_number: pr.number, per_page: 100, request: request() })) {
        const login = await author;
        mine = page.data.find((c) => isOwnComment(c, marker, login));
        if (mine)
            break;
    }
    if (mine) {
        const { data } = await octokit.rest.issues.updateComment({ ...where, comment_id: mine.id, body, request: request() });
        return { action: 'updated', url: data.html_url };
    }
    await author;
    const { data } = await octokit.rest.issues.createComment({ ...where, issue_number: pr.number, body, request: request() });
    return { action: 'created', url: data.html_url };
}
/** What a failed comment most likely means, for the warning. */
function explainCommentError(err, pr) {
    const status = err.status;
    const message = err instanceof Error ? err.message : String(err);
    const head = `Could not comment on pull request #${pr.number}: ${typeof status === 'number' ? `GitHub answered ${status}: ` : ''}${message}.`;
    if (status === 403) {
        const why = pr.fromFork
            ? 'This pull request comes from a fork, and GitHub gives such runs a read-only token.'
            : 'The token may not write to pull requests: give the job `permissions: pull-requests: write` (or pass a github_token that may).';
        return `${head} ${why} The plan is in the job summary.`;
    }
    if (status === 401)
        return `${head} The github_token is not valid. The plan is in the job summary.`;
    if (status === 404)
        return `${head} The token cannot see this repository or pull request. The plan is in the job summary.`;
    return `${head} The plan is in the job summary.`;
}
/**
 * Posts or updates the comment when this run should; every problem is a warning. `summary` is the
 * job summary's Markdown, `target` what the marker names.
 */
async function commentOnPullRequest(config, target, summary, env, log) {
    if (!commentWanted(config, env))
        return undefined;
    const pr = await pullRequestOf(env);
    if (!pr) {
        if (config.comment.mode === 'true')
            log.warning(`comment_on_pr is true, but this ${env.GITHUB_EVENT_NAME ?? ''} event has no pull request: no comment was written.`);
        return undefined;
    }
    const token = config.comment.token;
    if (!token) {
        log.warning(`Input 'github_token' is empty: no comment was written on pull request #${pr.number}. The plan is in the job summary.`);
        return undefined;
    }
    log.setSecret(token);
    try {
        const marker = commentMarker(target);
        const result = await upsertComment(token, pr, marker, commentBody(marker, summary, env), env);
        log.info(`Pull request #${pr.number}: plan comment ${result.action}${result.url ? ` (${result.url})` : ''}`);
        return result;
    }
    catch (err) {
        log.warning(explainCommentError(err, pr));
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/fleet/run-fleet.ts
// The fleet layer above the one-workload pipeline: one authentication, then read all, plan
// all, apply with at most max_parallel workloads in flight, prune, report all. The
// single-workload mode is a fleet of one: the same path, with today's outputs and summary.























async function runFleet(fleet, authenticating, env, deployDeadlineMs) {
    const single = fleet.id === undefined;
    const tag = (config, text) => (single ? text : `${config.name}: ${text}`);
    for (const config of fleet.configs) {
        for (const notice of config.notices)
            runner.notice(tag(config, notice));
        for (const warning of config.warnings)
            runner.warning(tag(config, warning));
    }
    const overridden = (0,endpoints/* overrideWarning */.$q)(env);
    if (overridden)
        runner.warning(overridden);
    // Values never leave the run: main registered every workload's env values and secret references
    // with the one scrubbing function (configureTrace) before anything was sent.
    const first = fleet.configs[0];
    if (!first) {
        // A manifest with no workloads: nothing is deployed, and nothing is ever pruned.
        runner.info(`Fleet ${fleet.id}: the manifest has no workloads: nothing to deploy, and nothing is pruned.`);
        runner.setOutput('changed', 'false');
        runner.setOutput('plan', '[]');
        runner.setOutput('results', '[]');
        return;
    }
    const errorContext = {
        projectId: first.projectId,
        deployer: first.auth.serviceAccount,
        provider: first.auth.workloadIdentityProvider,
        repository: env.GITHUB_REPOSITORY,
        audience: first.auth.audience,
        readOnly: first.readOnly,
    };
    const authPhase = {};
    let runs = [];
    let deletions = [];
    const failures = [];
    const leftAlone = [];
    let skipped;
    try {
        const credentials = await phase('auth', async () => {
            try {
                const c = await authenticating;
                errorContext.subject = c.subject;
                runner.info(`Authenticated as ${c.identity}${c.subject ? ` (GitHub OIDC subject ${c.subject})` : ''}`);
                return c;
            }
            catch (err) {
                if (err instanceof auth_credentials.AuthError)
                    throw explainAuthError(err.stage, err.cause, { ...errorContext, subject: err.subject, action: 'authenticating' }, env);
                throw err;
            }
        }, { into: authPhase });
        const projectId = first.projectId ?? credentials.adcProjectId;
        if (!projectId) {
            throw new Error("Input 'project_id': no project is known: set project_id, or a service_account whose email names its project.");
        }
        // A project from Application Default Credentials meets the same rule as the input.
        if (!rules/* RULES */.y0.projectId.pattern.test(projectId)) {
            throw new types/* InputError */.d('project_id', `the project of Application Default Credentials, ${JSON.stringify(projectId)}, is not allowed: ${rules/* RULES */.y0.projectId.allowed}. Set project_id.`);
        }
        const api = createApi({ ...errorContext, projectId }, Date.now() + deployDeadlineMs, (err, delay) => runner.info((0,scrub/* scrubSecrets */.Zg)(`Retrying in ${delay}ms: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`)));
        const clients = (0,google_clients/* makeClients */.nv)(credentials.authClient, env);
        const ctx = {
            api,
            clients,
            projectId,
            errorContext,
            deployId: `${env.GITHUB_RUN_ID ?? Date.now()}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
            // One reader of the attempt log for every workload: Cloud Logging's read quota is per project.
            attemptLog: new AttemptLog(clients, { ...errorContext, projectId }),
        };
        const ctxOf = (config) => (single ? ctx : { ...ctx, label: config.name });
        runs = fleet.configs.map((config) => startWorkload(ctxOf(config), config));
        for (const run of runs)
            Object.assign(run.phases, authPhase);
        // Read all (and, to prune, what the fleet owns), then plan all. Each Scheduler location is listed once.
        const index = schedulerIndex(api, ctx.clients, projectId);
        const owner = fleet.prune && fleet.id !== undefined ? { fleet: fleet.id, repositoryId: first.repositoryId } : undefined;
        const scheduleRegions = [...new Set(fleet.configs.flatMap((c) => [c.schedule, ...(c.moreSchedules ?? [])].flatMap((s) => (s ? [s.region] : []))))];
        const listed = owner ? readForPrune(api, ctx.clients, projectId, owner, [...new Set(fleet.configs.map((c) => c.region))], scheduleRegions, index) : undefined;
        listed?.catch(() => undefined);
        if (single) {
            await Promise.all(runs.map((run) => run_pipeline_readWorkload(ctxOf(run.config), run)));
        }
        else {
            // A fleet reads with list calls: two round trips whatever its size.
            await phase('read', async () => {
                await Promise.all([readFleet(api, ctx.clients, projectId, runs, index), ...runs.map((run) => readAlerting(ctxOf(run.config), run))]);
                const exist = runs.filter((r) => r.current?.workload).length;
                runner.info(`Fleet ${fleet.id}: ${runs.length} workload(s) declared, ${exist} exist${runs.some((r) => r.failure) ? `, ${runs.filter((r) => r.failure).length} could not be read` : ''}`);
            });
        }
        // state: absent: a workload's triggers are wherever its owner record says.
        await Promise.all(runs
            .filter((r) => r.config.teardown && r.current && !r.failure)
            .map((r) => readTeardownTriggers(index, r).catch((err) => (r.failure = (0,scrub/* scrubSecrets */.Zg)(err instanceof Error ? err.message : String(err))))));
        for (const run of runs) {
            // A workload that cannot be planned (e.g. a new one without runtime_service_account) fails alone.
            try {
                planWorkloadRun(ctxOf(run.config), run);
            }
            catch (err) {
                run.failure = (0,scrub/* scrubSecrets */.Zg)(err instanceof Error ? err.message : String(err));
            }
        }
        if (listed && owner) {
            const declared = {
                resources: new Set(runs.map((r) => r.names.resource)),
                schedulerJobs: new Set(runs.flatMap((r) => [
                    ...(r.names.schedulerJob ? [r.names.schedulerJob] : []),
                    ...(r.config.moreSchedules ?? []).map((s) => withSchedule(r.config, r.names, s).names.schedulerJob),
                ])),
                workloads: runs.map((r) => ({ kind: r.config.kind, name: r.config.name, region: r.config.region, projects: [projectId] })),
            };
            // What prune could not read is a failure of prune alone: the workloads still deploy, nothing is pruned.
            const read = await listed.catch((err) => void failures.push((0,scrub/* scrubSecrets */.Zg)(`prune: ${err instanceof Error ? err.message : String(err)}`)));
            if (read) {
                const pruned = planPrune(owner, [projectId], read, declared);
                deletions = pruned.deletions;
                leftAlone.push(...pruned.notices);
                for (const notice of pruned.notices)
                    runner.notice(notice);
                runner.info(`Prune plan of fleet ${fleet.id}:\n${deletions.length ? formatPlan(deletions) : 'nothing carries its owner record that the manifest no longer declares.'}`);
            }
        }
        // Apply with at most max_parallel workloads in flight. Deleting comes last, and only after a
        // clean run: a workload that failed (e.g. a renamed one whose create was refused) may be
        // what the deletions would leave without a replacement.
        const removals = [...runs.filter((r) => r.config.teardown && r.report?.plan.length), ...deletions];
        const failedNames = () => runs.filter((r) => r.failure).map((r) => r.config.name);
        if (!first.dryRun) {
            if (first.readOnly)
                refuseWrites(runs, deletions, credentials.identity, projectId, single);
            await inParallel(runs.filter((r) => !r.config.teardown), fleet.maxParallel, (run) => applyWorkloadRun(ctxOf(run.config), run));
            const failed = failedNames();
            if (failed.length > 0 && removals.length > 0) {
                skipped = `Prune and state: absent were skipped: ${failed.join(', ')} failed, so nothing was deleted in this run (a failed workload may be the replacement of what would go). Fix the failure and run again.`;
                runner.warning(skipped);
                for (const c of [...runs.filter((r) => r.config.teardown).flatMap((r) => r.report?.plan ?? []), ...deletions])
                    c.status = 'not reached';
                for (const r of runs.filter((x) => x.config.teardown && x.report && !x.failure))
                    r.report.error = skipped;
            }
            else {
                await inParallel(runs.filter((r) => r.config.teardown), fleet.maxParallel, (run) => applyWorkloadRun(ctxOf(run.config), run));
                if (deletions.length > 0) {
                    await phase('prune', () => applyDeletions(api, ctx.clients, deletions, fleet.maxParallel, { progress: (c, starting) => runner.info(changeLine(c, starting)) })).catch((err) => failures.push((0,scrub/* scrubSecrets */.Zg)(`prune: ${err instanceof Error ? err.message : String(err)}`)));
                }
            }
        }
        else {
            const failed = failedNames();
            if (failed.length > 0 && removals.length > 0) {
                skipped = `Prune and state: absent would be skipped: ${failed.join(', ')} failed, and nothing is deleted after a failure in the same run.`;
                runner.warning(skipped);
            }
            if (deletions.length > 0)
                runner.info('Dry run: the deletions above were not applied.');
        }
    }
    catch (err) {
        failures.push((0,scrub/* scrubSecrets */.Zg)(err instanceof Error ? err.message : String(err)));
    }
    for (const run of runs)
        if (run.failure)
            failures.unshift(single ? run.failure : `${run.config.name}: ${run.failure}`);
    await report(fleet, runs, deletions, failures, env, { skipped, leftAlone });
    if (failures.length === 1)
        runner.setFailed(failures[0]);
    else if (failures.length > 1)
        runner.setFailed(`${failures.length} failures:\n${failures.map((f) => `- ${f}`).join('\n')}`);
}
/** read_only: a run that would write anything stops here, before its first write. */
function refuseWrites(runs, deletions, account, projectId, single) {
    const planned = runs.filter((run) => !run.failure && run.report);
    const writes = plannedWrites(planned.map((run) => {
        const plan = run.report?.plan ?? [];
        const smoke = run.config.smoke;
        return { label: single ? undefined : run.config.name, plan, smokeTestRuns: !run.config.teardown && smoke.enabled && (!smoke.onlyWhenChanged || planChangesAnything(plan)) };
    }), deletions);
    if (writes.length === 0)
        return;
    const refusal = readOnlyRefusal(account, projectId, writes);
    // The summary of each workload says why nothing was applied.
    for (const run of planned)
        run.report.error = refusal;
    throw new ActionError(refusal);
}
async function report(fleet, runs, deletions, failures, env, notes) {
    runner.setOutput('deletions_skipped', notes.skipped ?? '');
    const results = fleet.configs.map((config, i) => resultOf(config.name, config.kind, runs[i]?.report));
    const single = fleet.id === undefined ? runs[0] : undefined;
    if (fleet.id === undefined) {
        const config = fleet.configs[0];
        const report = single?.report;
        if (report) {
            setOutputs(report);
            runner.setOutput('results', JSON.stringify(results));
            // Without a summary file (run by hand, outside GitHub Actions) the summary goes to the log.
            const summary = renderSummary(report);
            if (!(await writeSummary(summary)))
                runner.info(renderSummaryText(report));
            await commentOnPullRequest(config, { project: report.projectId, region: config.region, kind: config.kind, name: config.name }, summary, env, runner);
            return;
        }
        // Stopped before anything was read (auth, the project, the Scheduler region): no plan.
        runner.setOutput('kind', config.kind);
        runner.setOutput('changed', 'false');
        runner.setOutput('execution_status', 'skipped');
        runner.setOutput('results', JSON.stringify(results));
        const message = failures[0] ?? 'unknown error';
        await writeSummary(`## ❌ cloud-run-cron: ${config.kind} ${config.name} was not deployed\n\nNothing was written.\n\n\`\`\`\n${message}\n\`\`\`\n`).catch(() => undefined);
        return;
    }
    const plan = [...runs.flatMap((r) => r.report?.plan ?? []), ...deletions];
    runner.setOutput('changed', String(runs.some((r) => r.report?.changed) || deletions.some((c) => c.written)));
    runner.setOutput('plan', planToJson(plan));
    runner.setOutput('results', JSON.stringify(results));
    runner.setOutput('alert_policies', JSON.stringify(runs.flatMap((r) => alertPoliciesOf(r.report))));
    const entries = fleet.configs.map((config, i) => ({ name: config.name, kind: config.kind, report: runs[i]?.report, failure: runs[i]?.failure ?? (runs[i] ? undefined : failures[0]) }));
    const { markdown, text } = renderFleetSummary(fleet.id, fleet.configs[0]?.dryRun ?? false, entries, deletions, new Date(), notes);
    if (!(await writeSummary(markdown)))
        runner.info(text);
    const first = fleet.configs[0];
    if (first)
        await commentOnPullRequest(first, { fleet: fleet.id }, markdown, env, runner);
}


/***/ }),

/***/ 1774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j2: () => (/* binding */ REQUEST_TIMEOUT_MS),
  nv: () => (/* binding */ makeClients)
});

// UNUSED EXPORTS: restClient

// EXTERNAL MODULE: ./src/google/endpoints.ts
var endpoints = __webpack_require__(8157);
// EXTERNAL MODULE: ./src/google/retry.ts
var retry = __webpack_require__(8673);
;// CONCATENATED MODULE: ./src/google/pacer.ts
// Keeps a run's requests to one API under that API's per-project, per-minute quota, so a large
// fleet is not turned away with 429s (which the retries would then have to wait out). A token
// bucket: a burst for the first requests, then an even pace; in any 60 s at most burst + rate.

class Pacer {
    perMinute;
    burst;
    tokens;
    at = Date.now();
    queue = Promise.resolve();
    constructor(perMinute, burst) {
        this.perMinute = perMinute;
        this.burst = burst;
        this.tokens = burst;
    }
    /** Resolves when the next request may go (callers are served in order). */
    take() {
        const turn = this.queue.then(async () => {
            this.refill();
            if (this.tokens < 1) {
                await (0,retry/* sleep */.yy)(Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute));
                this.refill();
            }
            this.tokens -= 1;
        });
        this.queue = turn;
        return turn;
    }
    refill() {
        const now = Date.now();
        this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 60_000) * this.perMinute);
        this.at = now;
    }
}

;// CONCATENATED MODULE: ./src/google/clients.ts


/** No single request may hang the step: a stalled one fails (and is retried where safe). */
const REQUEST_TIMEOUT_MS = 60_000;
function restClient(authClient, env = process.env) {
    const bases = new Map();
    const url = (api, path, query) => {
        if (!bases.has(api))
            bases.set(api, (0,endpoints/* endpointFor */.Lo)(api, env));
        const params = Object.entries(query ?? {}).filter((e) => e[1] !== undefined);
        const search = params.length ? `?${new URLSearchParams(params).toString()}` : '';
        // Resource names keep their '/' and ':'; nothing else in them needs escaping.
        return `${bases.get(api)}${path}${search}`;
    };
    // Cloud Scheduler allows 1,250 reads and 500 writes a minute per project
    // (https://cloud.google.com/scheduler/quotas): a run keeps to 1,100 and 450 in any minute.
    const schedulerPace = { read: new Pacer(1000, 100), write: new Pacer(400, 50) };
    const request = async (api, method, target, body) => {
        if (api === 'cloudscheduler')
            await schedulerPace[method === 'GET' ? 'read' : 'write'].take();
        const res = await authClient.request({ url: target, method, data: body, responseType: 'json', retry: false, timeout: REQUEST_TIMEOUT_MS });
        return res.data;
    };
    return {
        get: (api, path, query) => request(api, 'GET', url(api, path, query)),
        send: (api, method, path, body, query) => request(api, method, url(api, path, query), body ?? {}),
        delete: (api, path) => request(api, 'DELETE', url(api, path)),
    };
}
/** Every item of a paged list: follows nextPageToken to the end. */
async function allPages(key, read) {
    const items = [];
    let pageToken;
    do {
        const page = await read(pageToken);
        items.push(...(page[key] ?? []));
        pageToken = page.nextPageToken || undefined;
    } while (pageToken);
    return items;
}
function makeClients(authClient, env = process.env) {
    const rest = restClient(authClient, env);
    const run = {
        get: (name) => rest.get('run', `v2/${name}`),
        create: (parent, collection, id, body) => rest.send('run', 'POST', `v2/${parent}/${collection}`, body, { [collection === 'jobs' ? 'jobId' : 'serviceId']: id }),
        replace: (name, body) => rest.send('run', 'PATCH', `v2/${name}`, body),
        run: (name) => rest.send('run', 'POST', `v2/${name}:run`, {}),
        getIamPolicy: (name) => rest.get('run', `v2/${name}:getIamPolicy`, { 'options.requestedPolicyVersion': '3' }),
        setIamPolicy: (name, policy) => rest.send('run', 'POST', `v2/${name}:setIamPolicy`, { policy }),
        list: (parent, collection) => allPages(collection, (pageToken) => rest.get('run', `v2/${parent}/${collection}`, { pageSize: '100', pageToken })),
        delete: (name) => rest.delete('run', `v2/${name}`),
    };
    const scheduler = {
        get: (name) => rest.get('cloudscheduler', `v1/${name}`),
        create: (parent, job) => rest.send('cloudscheduler', 'POST', `v1/${parent}/jobs`, job),
        update: (name, job, mask) => rest.send('cloudscheduler', 'PATCH', `v1/${name}`, job, { updateMask: mask.join(',') }),
        call: (name, verb) => rest.send('cloudscheduler', 'POST', `v1/${name}:${verb}`, {}),
        delete: (name) => rest.delete('cloudscheduler', `v1/${name}`),
        async locations(projectId) {
            const locations = await allPages('locations', (pageToken) => rest.get('cloudscheduler', `v1/projects/${projectId}/locations`, { pageToken }));
            return locations.flatMap((l) => (l.locationId ? [l.locationId] : [])).sort();
        },
        list: (parent) => allPages('jobs', (pageToken) => rest.get('cloudscheduler', `v1/${parent}/jobs`, { pageSize: '500', pageToken })),
    };
    const logging = {
        list: (request) => rest.send('logging', 'POST', 'v2/entries:list', request),
    };
    const monitoring = {
        list: (projectId, collection, filter) => allPages(collection, (pageToken) => rest.get('monitoring', `v3/projects/${projectId}/${collection}`, { pageSize: '1000', pageToken, filter })),
        create: (projectId, collection, body) => rest.send('monitoring', 'POST', `v3/projects/${projectId}/${collection}`, body),
        update: (name, body, mask) => rest.send('monitoring', 'PATCH', `v3/${name}`, body, { updateMask: mask.join(',') }),
        delete: (name) => rest.delete('monitoring', `v3/${name}`),
    };
    return { run, scheduler, logging, monitoring };
}


/***/ })

};
