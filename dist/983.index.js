export const id = 983;
export const ids = [983,168];
export const modules = {

/***/ 8168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AuthError: () => (/* binding */ AuthError),
/* harmony export */   CLOUD_PLATFORM_SCOPE: () => (/* binding */ CLOUD_PLATFORM_SCOPE),
/* harmony export */   authenticate: () => (/* binding */ authenticate)
/* harmony export */ });
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(492);
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(google_auth_library__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fetch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(816);
/* harmony import */ var _google_clients_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2188);
/* harmony import */ var _google_endpoints_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8157);
/* harmony import */ var _github_token_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1139);
/* harmony import */ var _mask_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8080);
// Workload Identity Federation: GitHub OIDC token -> STS federated token -> (optionally)
// an access token of the deployer service account. Without a provider, Application
// Default Credentials. Every token that passes through is masked.






const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
/** An authentication failure, tagged with the link of the chain that broke. */
class AuthError extends Error {
    stage;
    constructor(stage, cause) {
        super(cause instanceof Error ? cause.message : String(cause), { cause });
        this.name = 'AuthError';
        this.stage = stage;
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
            (0,_mask_js__WEBPACK_IMPORTED_MODULE_4__/* .maskSecret */ .$)(value);
    }
}
function federatedClient(auth, githubToken, env) {
    const provider = auth.workloadIdentityProvider;
    const sts = (0,_google_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .endpointFor */ .L)('sts', env);
    const iamcredentials = (0,_google_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .endpointFor */ .L)('iamcredentials', env);
    const client = new google_auth_library__WEBPACK_IMPORTED_MODULE_0__.IdentityPoolClient({
        type: 'external_account',
        audience: `//iam.googleapis.com/${provider}`,
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: `${sts}v1/token`,
        service_account_impersonation_url: auth.serviceAccount
            ? `${iamcredentials}v1/projects/-/serviceAccounts/${auth.serviceAccount}:generateAccessToken`
            : undefined,
        subject_token_supplier: { getSubjectToken: () => githubToken },
        scopes: [CLOUD_PLATFORM_SCOPE],
    });
    // The STS exchange has a Gaxios of its own; mask what either one receives.
    const exchange = client.stsCredential;
    for (const transporter of new Set([client.transporter, exchange?.transporter])) {
        // The fetch gaxios would load on its first request anyway (node-fetch, which honours
        // proxy agents), loaded here instead: while the GitHub token is in flight (start-up).
        if (transporter)
            transporter.defaults.fetchImplementation ??= node_fetch__WEBPACK_IMPORTED_MODULE_5__["default"];
        if (transporter)
            transporter.defaults.timeout ??= _google_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .REQUEST_TIMEOUT_MS */ .j2;
        transporter?.interceptors.response.add({
            resolved: async (response) => {
                maskTokensIn(response.data);
                return response;
            },
        });
    }
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
    if (!auth.workloadIdentityProvider)
        return applicationDefault(auth.serviceAccount, env, projectId);
    if (!githubToken)
        throw new Error('internal: a GitHub token request is needed with a workload identity provider');
    const client = federatedClient(auth, githubToken, env);
    try {
        await client.getAccessToken(); // masked by the interceptor
    }
    catch (err) {
        if (err instanceof _github_token_js__WEBPACK_IMPORTED_MODULE_3__/* .GithubTokenError */ .t)
            throw new AuthError('github-token', err);
        // The supplier's promise may have failed inside the library; look at it directly.
        const tokenFailure = await githubToken.then(() => undefined, (e) => e);
        if (tokenFailure)
            throw new AuthError('github-token', tokenFailure);
        throw new AuthError(isImpersonationFailure(err) ? 'impersonation' : 'sts', err);
    }
    return {
        authClient: client,
        identity: auth.serviceAccount ?? `the federated principal of ${auth.workloadIdentityProvider}`,
    };
}
async function applicationDefault(serviceAccount, env, projectId) {
    let stage = 'adc';
    try {
        // A known project spares the library finding one (for a federated credential file that
        // is a Cloud Resource Manager request, which needs resourcemanager.projects.get).
        const googleAuth = new google_auth_library__WEBPACK_IMPORTED_MODULE_0__.GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE], ...(projectId ? { projectId } : {}) });
        const source = await googleAuth.getClient();
        const adcProjectId = projectId ?? ((await googleAuth.getProjectId().catch(() => undefined)) ?? undefined);
        let authClient = source;
        if (serviceAccount) {
            // ADC (e.g. from an earlier auth step) acting as the deployer account.
            stage = 'impersonation';
            authClient = new google_auth_library__WEBPACK_IMPORTED_MODULE_0__.Impersonated({
                sourceClient: source,
                targetPrincipal: serviceAccount,
                targetScopes: [CLOUD_PLATFORM_SCOPE],
                lifetime: 3600,
                delegates: [],
                endpoint: (0,_google_endpoints_js__WEBPACK_IMPORTED_MODULE_2__/* .endpointFor */ .L)('iamcredentials', env).replace(/\/$/, ''),
            });
        }
        const { token } = await authClient.getAccessToken();
        if (token)
            (0,_mask_js__WEBPACK_IMPORTED_MODULE_4__/* .maskSecret */ .$)(token);
        const email = serviceAccount ?? source.email;
        return { authClient, identity: email ?? 'Application Default Credentials', adcProjectId };
    }
    catch (err) {
        throw new AuthError(stage, err);
    }
}


/***/ }),

/***/ 2188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j2: () => (/* binding */ REQUEST_TIMEOUT_MS),
/* harmony export */   nv: () => (/* binding */ makeClients)
/* harmony export */ });
/* unused harmony export restClient */
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8157);

/** No single request may hang the step: a stalled one fails (and is retried where safe). */
const REQUEST_TIMEOUT_MS = 60_000;
function restClient(authClient, env = process.env) {
    const bases = new Map();
    const url = (api, path, query) => {
        if (!bases.has(api))
            bases.set(api, (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_0__/* .endpointFor */ .L)(api, env));
        const params = Object.entries(query ?? {}).filter((e) => e[1] !== undefined);
        const search = params.length ? `?${new URLSearchParams(params).toString()}` : '';
        // Resource names keep their '/' and ':'; nothing else in them needs escaping.
        return `${bases.get(api)}${path}${search}`;
    };
    const request = async (method, target, body) => {
        const res = await authClient.request({ url: target, method, data: body, responseType: 'json', retry: false, timeout: REQUEST_TIMEOUT_MS });
        return res.data;
    };
    return {
        get: (api, path, query) => request('GET', url(api, path, query)),
        send: (api, method, path, body, query) => request(method, url(api, path, query), body ?? {}),
    };
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
    };
    const scheduler = {
        get: (name) => rest.get('cloudscheduler', `v1/${name}`),
        create: (parent, job) => rest.send('cloudscheduler', 'POST', `v1/${parent}/jobs`, job),
        update: (name, job, mask) => rest.send('cloudscheduler', 'PATCH', `v1/${name}`, job, { updateMask: mask.join(',') }),
        call: (name, verb) => rest.send('cloudscheduler', 'POST', `v1/${name}:${verb}`, {}),
        async locations(projectId) {
            const ids = [];
            let pageToken;
            do {
                const page = await rest.get('cloudscheduler', `v1/projects/${projectId}/locations`, { pageToken });
                for (const l of page.locations ?? [])
                    if (l.locationId)
                        ids.push(l.locationId);
                pageToken = page.nextPageToken || undefined;
            } while (pageToken);
            return ids.sort();
        },
    };
    return { run, scheduler };
}


/***/ }),

/***/ 8157:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ endpointFor)
/* harmony export */ });
// Where the action's own requests go. gcloud's CLOUDSDK_API_ENDPOINT_OVERRIDES_* properties,
// read as env vars, move them (a proxy, a private endpoint, the local Google Cloud); what the
// action stores in Google Cloud (Scheduler URIs, OIDC audiences) always stays canonical.
const PUBLIC_HOSTS = {
    run: 'run.googleapis.com',
    cloudscheduler: 'cloudscheduler.googleapis.com',
    sts: 'sts.googleapis.com',
    iamcredentials: 'iamcredentials.googleapis.com',
};
/** The base URL of an API, ending in '/': https://run.googleapis.com/ or its override. */
function endpointFor(api, env = process.env) {
    const name = `CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`;
    const override = env[name]?.trim();
    if (!override)
        return `https://${PUBLIC_HOSTS[api]}/`;
    let url;
    try {
        url = new URL(override);
    }
    catch {
        throw new Error(`${name} is not a URL: use a base URL such as https://${PUBLIC_HOSTS[api]}/`);
    }
    // A path in the override is kept (a proxy may serve the API under one).
    return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
}


/***/ }),

/***/ 9983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPipeline: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/auth/credentials.ts
var auth_credentials = __webpack_require__(8168);
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
function stsDiagnosis(error, description, ctx) {
    const provider = ctx.provider ?? 'PROVIDER';
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
            `${ctx.provider ? ` for provider ${ctx.provider}` : ''}: ${error ? `${error}: ` : ''}${(0,scrub/* scrubSecrets */.Z)(description)}`,
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

// EXTERNAL MODULE: ./src/google/clients.ts
var google_clients = __webpack_require__(2188);
;// CONCATENATED MODULE: ./src/google/values.ts
// Values as Google's APIs hand them back. REST JSON gives enum names, int64 and durations
// as strings ("600s") and bytes as base64; the generated clients give enum numbers, Longs
// and {seconds, nanos}. These read any of those forms; the action writes REST JSON.
function toNumber(value) {
    if (value === null || value === undefined || value === '')
        return undefined;
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string')
        return Number(value);
    if (typeof value.toNumber === 'function')
        return value.toNumber();
    return undefined;
}
/** Seconds of a google.protobuf.Duration in any of its shapes. */
function durationSeconds(value) {
    if (value === null || value === undefined)
        return undefined;
    if (typeof value === 'string') {
        const m = /^(-?\d+(?:\.\d+)?)s$/.exec(value);
        return m ? Number(m[1]) : undefined;
    }
    if (typeof value === 'object') {
        const d = value;
        return (toNumber(d.seconds) ?? 0) + (toNumber(d.nanos) ?? 0) / 1e9;
    }
    return toNumber(value);
}
/** A google.protobuf.Duration in REST JSON: "600s". */
function duration(seconds) {
    return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(9).replace(/0+$/, '')}s`;
}
/** Milliseconds since the epoch of a google.protobuf.Timestamp in any of its shapes. */
function timestampMs(value) {
    if (value === null || value === undefined || value === '')
        return undefined;
    if (typeof value === 'string') {
        const t = Date.parse(value);
        return Number.isNaN(t) ? undefined : t;
    }
    if (value instanceof Date)
        return value.getTime();
    if (typeof value === 'object') {
        const t = value;
        if (t.seconds === undefined && t.nanos === undefined)
            return undefined;
        return (toNumber(t.seconds) ?? 0) * 1000 + Math.floor((toNumber(t.nanos) ?? 0) / 1e6);
    }
    return undefined;
}
/** An enum's name, whether the client gave the name or the number. */
function enumName(value, names) {
    if (value === null || value === undefined)
        return undefined;
    if (typeof value === 'number')
        return names[value];
    return String(value);
}
/** Bytes fields come back as Buffer/Uint8Array or base64 text; this gives base64. */
function bytesBase64(value) {
    if (value === null || value === undefined)
        return undefined;
    if (typeof value === 'string')
        return value;
    if (value instanceof Uint8Array)
        return Buffer.from(value).toString('base64');
    return undefined;
}
const CONDITION_STATES = [
    'STATE_UNSPECIFIED',
    'CONDITION_PENDING',
    'CONDITION_RECONCILING',
    'CONDITION_FAILED',
    'CONDITION_SUCCEEDED',
];

;// CONCATENATED MODULE: ./src/run/workload.ts

const MANAGED_LABEL = { key: 'managed-by', value: 'cloud-run-cron' };
/** Template annotation that makes Cloud Run resolve a tag again (see planner). */
const DEPLOY_ANNOTATION = 'cloud-run-cron/deploy-id';
const INGRESS_NAMES = [
    'INGRESS_TRAFFIC_UNSPECIFIED',
    'INGRESS_TRAFFIC_ALL',
    'INGRESS_TRAFFIC_INTERNAL_ONLY',
    'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
    'INGRESS_TRAFFIC_NONE',
];
const INGRESS_BY_INPUT = {
    all: 'INGRESS_TRAFFIC_ALL',
    internal: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
    'internal-and-cloud-load-balancing': 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
};
/** Millicores: '1' and '1000m' are the same CPU. */
function cpuMillis(cpu) {
    return cpu.endsWith('m') ? Number(cpu.slice(0, -1)) : Math.round(Number(cpu) * 1000);
}
const MEMORY_UNITS = {
    '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40,
};
/** Bytes: '512Mi' and '0.5Gi' are the same memory. */
function memoryBytes(memory) {
    const m = /^(\d+(?:\.\d+)?)([kMGT]i?)?$/.exec(memory);
    if (!m)
        return Number.NaN;
    return Math.round(Number(m[1]) * MEMORY_UNITS[m[2] ?? '']);
}
/** One spelling per CPU amount: '1' and '1000m' both become '1000m'. */
function canonicalCpu(cpu) {
    return `${cpuMillis(cpu)}m`;
}
/** One spelling per memory amount: '0.5Gi' and '512Mi' both become '512Mi'. */
function canonicalMemory(memory) {
    const bytes = memoryBytes(memory);
    const mi = bytes / 2 ** 20;
    return Number.isInteger(mi) ? `${mi}Mi` : String(bytes);
}
const DEFAULT_CPU = '1000m';
function defaultConcurrency(cpu) {
    return cpuMillis(cpu) < 1000 ? 1 : 80;
}
const DEFAULT_MEMORY = '512Mi';
/** The parts of a resource the table reaches into. */
function revisionTemplate(r, kind) {
    if (kind === 'job') {
        const job = r;
        job.template ??= {};
        job.template.template ??= {};
        return job.template.template;
    }
    const service = r;
    service.template ??= {};
    return service.template;
}
/**
 * Which container the action manages: with sidecars, the one that serves (it has ports),
 * which need not be the first; otherwise the first.
 */
function managedIndex(containers) {
    const serving = (containers ?? []).findIndex((c) => (c.ports ?? []).length > 0);
    return serving >= 0 && (containers ?? []).length > 1 ? serving : 0;
}
function container(r, kind) {
    const t = revisionTemplate(r, kind);
    t.containers ??= [];
    const i = managedIndex(t.containers);
    t.containers[i] ??= {};
    return t.containers[i];
}
/** The revision/task template, read without changing the resource. */
function readTemplate(r, kind) {
    const t = kind === 'job' ? r?.template?.template : r?.template;
    return (t ?? {});
}
function readContainer(r, kind) {
    const containers = readTemplate(r, kind).containers;
    return containers?.[managedIndex(containers)] ?? {};
}
function plainEnv(entries) {
    return (entries ?? []).filter((e) => !e.valueSource).map((e) => ({ name: e.name ?? '', value: e.value ?? '' }));
}
function secretEnv(entries) {
    return (entries ?? [])
        .filter((e) => e.valueSource?.secretKeyRef)
        .map((e) => ({
        name: e.name ?? '',
        secret: e.valueSource.secretKeyRef.secret ?? '',
        version: e.valueSource.secretKeyRef.version ?? 'latest',
    }));
}
/** merge: keep what exists and is not named (in place), replace named, append new. */
function mergeByName(current, wanted, strategy, namedElsewhere) {
    if (strategy === 'overwrite')
        return wanted;
    const byName = new Map(wanted.map((w) => [w.name, w]));
    const kept = current
        .filter((c) => !namedElsewhere.has(c.name))
        .map((c) => byName.get(c.name) ?? c);
    const have = new Set(kept.map((c) => c.name));
    return [...kept, ...wanted.filter((w) => !have.has(w.name))];
}
const both = ['job', 'service'];
/** Fields of the revision/task template: one definition, a default per kind. */
function templateNumber(field, key, kinds, defaults, fromConfig, isDuration = false) {
    const get = (v) => (isDuration ? durationSeconds(v) : toNumber(v));
    return {
        field,
        kinds,
        read: (r, kind) => (r ? (get(readTemplate(r, kind)[key]) ?? defaults[kind]) : undefined),
        desired: (c) => fromConfig(c) ?? defaults[c.kind],
        write: (r, kind, v) => {
            if (v === undefined)
                return;
            revisionTemplate(r, kind)[key] = isDuration ? duration(v) : v;
        },
    };
}
/** A container resource limit, compared in one canonical spelling ('1' == '1000m'). */
function resourceLimit(field, key, fallback, canonical, fromConfig) {
    return {
        field,
        kinds: both,
        read: (r, kind) => (r ? canonical(readContainer(r, kind).resources?.limits?.[key] ?? fallback) : undefined),
        desired: (c) => canonical(fromConfig(c) ?? fallback),
        write: (r, kind, v) => {
            const ctr = container(r, kind);
            ctr.resources = { ...ctr.resources, limits: { ...ctr.resources?.limits, [key]: v } };
        },
    };
}
const WORKLOAD_FIELDS = [
    {
        field: 'image',
        kinds: both,
        read: (r, kind) => readContainer(r, kind).image ?? undefined,
        desired: (c) => c.image,
        write: (r, kind, v) => {
            container(r, kind).image = v;
        },
    },
    {
        field: 'command',
        kinds: both,
        read: (r, kind) => (r ? [...(readContainer(r, kind).command ?? [])] : undefined),
        desired: (c) => c.command ?? [],
        write: (r, kind, v) => {
            container(r, kind).command = v;
        },
    },
    {
        field: 'args',
        kinds: both,
        read: (r, kind) => (r ? [...(readContainer(r, kind).args ?? [])] : undefined),
        desired: (c) => c.args ?? [],
        write: (r, kind, v) => {
            container(r, kind).args = v;
        },
    },
    {
        field: 'env_vars',
        kinds: both,
        read: (r, kind) => (r ? plainEnv(readContainer(r, kind).env) : undefined),
        desired: (c, cur) => mergeByName(plainEnv(readContainer(cur, c.kind).env), c.envVars, c.envVarsUpdateStrategy, new Set(c.secrets.map((s) => s.name))),
        write: (r, kind, v) => {
            const ctr = container(r, kind);
            const secrets = (ctr.env ?? []).filter((e) => e.valueSource);
            ctr.env = [...v.map((e) => ({ name: e.name, value: e.value })), ...secrets];
        },
    },
    {
        field: 'secrets',
        kinds: both,
        read: (r, kind) => (r ? secretEnv(readContainer(r, kind).env) : undefined),
        desired: (c, cur) => mergeByName(secretEnv(readContainer(cur, c.kind).env), c.secrets, c.secretsUpdateStrategy, new Set(c.envVars.map((e) => e.name))),
        write: (r, kind, v) => {
            const ctr = container(r, kind);
            const plain = (ctr.env ?? []).filter((e) => !e.valueSource);
            ctr.env = [
                ...plain,
                ...v.map((s) => ({ name: s.name, valueSource: { secretKeyRef: { secret: s.secret, version: s.version } } })),
            ];
        },
    },
    resourceLimit('cpu', 'cpu', DEFAULT_CPU, canonicalCpu, (c) => c.cpu),
    resourceLimit('memory', 'memory', DEFAULT_MEMORY, canonicalMemory, (c) => c.memory),
    {
        field: 'runtime_service_account',
        kinds: both,
        // An empty runtime account means the default compute account, which the server fills in.
        read: (r, kind) => {
            if (!r)
                return undefined;
            const sa = readTemplate(r, kind).serviceAccount;
            return !sa || sa.endsWith('-compute@developer.gserviceaccount.com') ? '(default compute account)' : sa;
        },
        // A default compute account named in the input is the same account the server fills in.
        desired: (c) => !c.runtimeServiceAccount || c.runtimeServiceAccount.endsWith('-compute@developer.gserviceaccount.com')
            ? '(default compute account)'
            : c.runtimeServiceAccount,
        write: (r, kind, v) => {
            const t = revisionTemplate(r, kind);
            if (v === '(default compute account)') {
                if (!String(t.serviceAccount ?? '').endsWith('-compute@developer.gserviceaccount.com'))
                    delete t.serviceAccount;
            }
            else
                t.serviceAccount = v;
        },
    },
    templateNumber('task_timeout', 'timeout', ['job'], { job: 600 }, (c) => c.job.taskTimeoutSeconds, true),
    templateNumber('max_retries', 'maxRetries', ['job'], { job: 3 }, (c) => c.job.maxRetries),
    {
        field: 'tasks',
        kinds: ['job'],
        // 0 is proto3's unset (a plain REST read fills it in): the server default, 1.
        read: (r) => (r ? (toNumber(r.template?.taskCount) || 1) : undefined),
        desired: (c) => c.job.tasks ?? 1,
        write: (r, _k, v) => {
            const job = r;
            job.template = { ...job.template, taskCount: v };
        },
    },
    {
        field: 'parallelism',
        kinds: ['job'],
        // 0 or unset: as many as possible.
        read: (r) => (r ? (toNumber(r.template?.parallelism) ?? 0) : undefined),
        desired: (c) => c.job.parallelism ?? 0,
        write: (r, _k, v) => {
            const job = r;
            job.template = { ...job.template, parallelism: v };
        },
    },
    templateNumber('timeout', 'timeout', ['service'], { service: 300 }, (c) => c.service.timeoutSeconds, true),
    {
        field: 'concurrency',
        kinds: ['service'],
        // Unset or 0: 80 when the CPU is at least 1, else 1 (Cloud Run rejects concurrency > 1 with CPU < 1).
        read: (r) => {
            if (!r)
                return undefined;
            const t = readTemplate(r, 'service');
            return toNumber(t.maxInstanceRequestConcurrency) || defaultConcurrency(readContainer(r, 'service').resources?.limits?.cpu ?? DEFAULT_CPU);
        },
        desired: (c) => c.service.concurrency ?? defaultConcurrency(c.cpu ?? DEFAULT_CPU),
        write: (r, kind, v) => {
            revisionTemplate(r, kind).maxInstanceRequestConcurrency = v;
        },
    },
    {
        field: 'min_instances',
        kinds: ['service'],
        read: (r) => (r ? (toNumber(r.template?.scaling?.minInstanceCount) ?? 0) : undefined),
        desired: (c) => c.service.minInstances ?? 0,
        write: (r, _k, v) => {
            const t = revisionTemplate(r, 'service');
            t.scaling = { ...t.scaling, minInstanceCount: v };
        },
    },
    {
        field: 'max_instances',
        kinds: ['service'],
        read: (r) => (r ? toNumber(r.template?.scaling?.maxInstanceCount) : undefined),
        // Left empty: Cloud Run's own default, whatever it is now; not managed.
        desired: (c, cur) => c.service.maxInstances ?? (cur ? toNumber(cur.template?.scaling?.maxInstanceCount) : undefined),
        write: (r, _k, v) => {
            if (v === undefined)
                return;
            const t = revisionTemplate(r, 'service');
            t.scaling = { ...t.scaling, maxInstanceCount: v };
        },
    },
    {
        field: 'ingress',
        kinds: ['service'],
        read: (r) => (r ? (enumName(r.ingress, INGRESS_NAMES) ?? 'INGRESS_TRAFFIC_ALL').replace('INGRESS_TRAFFIC_UNSPECIFIED', 'INGRESS_TRAFFIC_ALL') : undefined),
        desired: (c) => INGRESS_BY_INPUT[c.service.ingress ?? 'all'],
        write: (r, _k, v) => {
            r.ingress = v;
        },
    },
    {
        field: 'labels',
        kinds: both,
        read: (r) => (r ? sortedRecord(r.labels ?? {}) : undefined),
        // Labels set elsewhere are kept; the ones given here win.
        desired: (c, cur) => sortedRecord({ ...(cur?.labels ?? {}), ...c.labels }),
        write: (r, _k, v) => {
            r.labels = v;
        },
    },
];
function sortedRecord(record) {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
function fieldsFor(kind) {
    return WORKLOAD_FIELDS.filter((f) => f.kinds.includes(kind));
}
/** Sets the template annotation that makes Cloud Run resolve a tag again. */
function stampDeploy(r, kind, deployId) {
    if (kind === 'job') {
        const job = r;
        job.template = { ...job.template, annotations: { ...(job.template?.annotations ?? {}), [DEPLOY_ANNOTATION]: deployId } };
    }
    else {
        const service = r;
        service.template = { ...service.template, annotations: { ...(service.template?.annotations ?? {}), [DEPLOY_ANNOTATION]: deployId } };
    }
}
/** Cloud Run's own readiness rule for a service. */
function serviceReadiness(service) {
    const terminal = service.terminalCondition;
    const state = enumName(terminal?.state, CONDITION_STATES);
    if (state === 'CONDITION_FAILED')
        return { ready: false, failed: terminal?.message ?? 'the service is not Ready' };
    const ready = !service.reconciling &&
        toNumber(service.observedGeneration) === toNumber(service.generation) &&
        Boolean(service.latestReadyRevision) &&
        service.latestReadyRevision === service.latestCreatedRevision &&
        state === 'CONDITION_SUCCEEDED';
    return { ready };
}
const TRAFFIC_TYPES = ['TRAFFIC_TARGET_ALLOCATION_TYPE_UNSPECIFIED', 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION'];
/**
 * The share of traffic (percent) the latest ready revision serves. Traffic pinned to a named
 * revision (set elsewhere, kept by the update) leaves a new revision without requests.
 */
function latestRevisionTraffic(service) {
    const latest = service.latestReadyRevision?.split('/').pop();
    const targets = service.trafficStatuses?.length ? service.trafficStatuses : (service.traffic ?? []);
    if (targets.length === 0)
        return 100; // no split configured: all to the latest
    return targets
        .filter((t) => enumName(t.type, TRAFFIC_TYPES) === 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST' || (latest && t.revision?.split('/').pop() === latest))
        .reduce((sum, t) => sum + (toNumber(t.percent) ?? 0), 0);
}

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
function desiredSchedulerJob(config, names, serviceUri) {
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
        description: `Runs the Cloud Run ${config.kind} ${config.name} (managed by cloud-run-cron)`,
        schedule: s.cron,
        timeZone: s.timeZone,
        httpTarget,
        attemptDeadline: duration(s.attemptDeadlineSeconds ?? DEFAULT_ATTEMPT_DEADLINE),
        retryConfig: { retryCount: s.retryCount ?? 0 },
    };
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
    const method = enumName(t.httpMethod, HTTP_METHODS);
    const contentType = Object.entries(t.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    return {
        uri: t.uri ?? '',
        method: !method || method === 'HTTP_METHOD_UNSPECIFIED' ? 'POST' : method,
        body: bytesBase64(t.body) || undefined,
        // With a body and no Content-Type, Scheduler stores application/octet-stream.
        contentType: bytesBase64(t.body) ? (contentType ?? 'application/octet-stream') : undefined,
        token,
    };
}
const SCHEDULER_FIELDS = [
    { field: 'schedule', mask: 'schedule', read: (j) => j.schedule ?? '' },
    // Scheduler stores an empty zone as UTC.
    { field: 'time_zone', mask: 'time_zone', read: (j) => (!j.timeZone || j.timeZone === 'UTC' ? 'Etc/UTC' : j.timeZone) },
    { field: 'target', mask: 'http_target', read: normalizedTarget },
    { field: 'attempt_deadline', mask: 'attempt_deadline', read: (j) => durationSeconds(j.attemptDeadline) ?? DEFAULT_ATTEMPT_DEADLINE },
    { field: 'retry_count', mask: 'retry_config.retry_count', read: (j) => toNumber(j.retryConfig?.retryCount) ?? 0 },
    { field: 'description', mask: 'description', read: (j) => j.description ?? '' },
];

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

;// CONCATENATED MODULE: ./src/plan/planner.ts




const INVOKER_ROLE = 'roles/run.invoker';
const OVERRIDES_ROLE = 'roles/run.jobsExecutorWithOverrides';
function isDigestPinned(image) {
    return /@sha256:[a-f0-9]{64}$/.test(image);
}
function planWorkload(config, names, current, deployId) {
    const type = config.kind === 'job' ? 'run-job' : 'run-service';
    const defs = fieldsFor(config.kind);
    const compared = defs.map((d) => ({
        field: d.field,
        before: d.read(current, config.kind),
        after: d.desired(config, current),
    }));
    const fields = differences(compared, current !== undefined);
    const byTag = !isDigestPinned(config.image);
    // A service whose latest revision failed is deployed again (a new revision), not left as is.
    const failed = config.kind === 'service' && current ? serviceReadiness(current).failed : undefined;
    if (current && fields.length === 0 && !byTag && !failed) {
        return { change: { type, resource: names.resource, action: 'unchanged', fields } };
    }
    const body = current ? structuredCloneResource(current) : {};
    if (current)
        dropOneTimeFields(body, config.kind);
    for (const d of defs)
        d.write(body, config.kind, compared.find((c) => c.field === d.field).after);
    if (byTag || failed)
        stampDeploy(body, config.kind, deployId);
    const change = { type, resource: names.resource, action: current ? 'update' : 'create', fields };
    if (current && failed) {
        change.reason = `the service's latest revision is not Ready (${failed}): deployed again`;
    }
    else if (current && byTag) {
        change.reason = fields.length
            ? 'image is named by a tag: Cloud Run resolves it to a digest again'
            : 'image is named by a tag, which may point at a new digest now: redeployed (pin the image by @sha256: digest to skip this)';
    }
    return { change, body };
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
        const withOverrides = config.kind === 'job' && config.schedule.bodyHasOverrides;
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
function planBindings(config, names, policy) {
    return desiredBindings(config).map(({ role, member, reason }) => {
        const exists = hasBinding(policy, role, member);
        return {
            role,
            member,
            change: {
                type: 'iam-binding',
                resource: names.resource,
                action: exists ? 'unchanged' : 'create',
                fields: exists ? [] : [{ field: 'binding', after: `${role} ${member}` }],
                ...(reason ? { reason } : {}),
            },
        };
    });
}
/** serviceUri: the service's URL; undefined while the service is still to be created. */
function planScheduler(config, names, current, serviceUri) {
    if (!config.schedule || !names.schedulerJob)
        return undefined;
    const desired = desiredSchedulerJob(config, names, serviceUri);
    const compared = SCHEDULER_FIELDS.map((f) => ({ field: f.field, before: current ? f.read(current) : undefined, after: f.read(desired) }));
    const fields = differences(compared, current !== undefined);
    const state = current ? enumName(current.state, SCHEDULER_STATES) : undefined;
    // A job left UPDATE_FAILED by an interrupted update is not run until a PATCH succeeds:
    // write every managed field again, whether or not they look the same.
    const repair = state === 'UPDATE_FAILED';
    if (repair)
        fields.push({ field: 'state', before: 'UPDATE_FAILED', after: 'ENABLED' });
    const updateMask = !current
        ? []
        : SCHEDULER_FIELDS.filter((f) => repair || fields.some((c) => c.field === f.field)).map((f) => f.mask);
    const paused = config.schedule.paused;
    const currentlyPaused = state === 'PAUSED';
    // DISABLED (by the system, after errors) is resumed like a paused job unless paused is asked for.
    const setPaused = current
        ? paused !== currentlyPaused || (state === 'DISABLED' && !paused)
            ? paused
            : undefined
        : paused
            ? true
            : undefined;
    if (current && setPaused !== undefined)
        fields.push({ field: 'paused', before: state === 'DISABLED' ? 'DISABLED' : currentlyPaused, after: paused });
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
function targetKind(job) {
    return job.httpTarget?.oidcToken ? 'service' : 'job';
}
function planRun({ config, names, current, deployId }) {
    const workload = planWorkload(config, names, current.workload, deployId);
    const bindings = planBindings(config, names, current.policy);
    const serviceUri = config.kind === 'service' ? current.workload?.uri ?? undefined : undefined;
    const scheduler = planScheduler(config, names, current.schedulerJob, serviceUri);
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
    const plan = [workload.change, ...bindings.map((b) => b.change), ...(scheduler ? [scheduler.change] : [])];
    return { plan, workload, bindings, scheduler, warnings };
}
function planChangesAnything(plan) {
    return plan.some((c) => c.action !== 'unchanged');
}

// EXTERNAL MODULE: ./src/config/duration.ts
var config_duration = __webpack_require__(7840);
;// CONCATENATED MODULE: ./src/report/format.ts
// Small text formatters shared by the log, the plan and the summary.

/** `text` cut to `max` characters, marking the cut. */
function truncate(text, max = 80) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
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

;// CONCATENATED MODULE: ./src/report/plan-text.ts

const SYMBOL = { create: '+', update: '~', unchanged: '=' };
const MAX_VALUE = 80;
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
/** A value for the log: quoted strings, compact JSON, long values cut. */
function formatValue(value) {
    if (value === undefined)
        return '(none)';
    if (typeof value === 'string')
        return JSON.stringify(truncate(value, MAX_VALUE));
    return truncate(JSON.stringify(value) ?? String(value), MAX_VALUE);
}
function fieldLine(action, f) {
    const after = formatValue(displayValue(f.field, f.after));
    if (action === 'create')
        return `    ${f.field}: ${after}`;
    return `    ${f.field}: ${formatValue(displayValue(f.field, f.before))} -> ${after}`;
}
function changeLines(c) {
    return [
        `${SYMBOL[c.action]} ${c.action} ${c.type} ${c.resource}`,
        ...(c.reason ? [`  # ${c.reason}`] : []),
        ...(c.action === 'unchanged' ? [] : c.fields.map((f) => fieldLine(c.action, f))),
    ];
}
/** 'Plan: 1 to create, 1 to update, 2 unchanged.' */
function planTotals(plan) {
    const count = (a) => plan.filter((c) => c.action === a).length;
    return `Plan: ${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged.`;
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
    })));
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
 * Cloud Logging for a job, one execution of it, or a service: the same Logs Viewer form
 * Cloud Run puts in Execution.logUri.
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
    return `${CONSOLE}/logs/viewer${q(r.project)}&advancedFilter=${encodeURIComponent(filter.join('\n'))}`;
}
/** The Console page of a planned resource; for an IAM binding, the permissions of the resource it is on. */
function consoleUrl(type, resource) {
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
/** Logs of a full job, execution or service name. */
function logsUrlOf(resource) {
    const r = parseResourceName(resource);
    return r ? logsUrl(r) : undefined;
}
/** Details page of a full execution name (projects/P/locations/L/jobs/J/executions/E). */
function executionUrlOf(name) {
    const r = parseResourceName(name);
    return r?.execution ? executionUrl({ ...r, execution: r.execution }) : undefined;
}

;// CONCATENATED MODULE: ./src/report/outputs.ts



/** The step's outputs, as action.yml declares them. */
function outputsOf(report) {
    return {
        kind: report.config.kind,
        resource: report.resource,
        url: report.url ?? '',
        revision: report.revision ?? '',
        scheduler_job: report.schedulerJob ?? '',
        execution: report.smoke.execution ?? '',
        execution_status: report.smoke.status,
        logs_url: report.smoke.logUri ?? (report.dryRun ? '' : (logsUrlOf(report.resource) ?? '')),
        changed: String(report.changed),
        plan: planToJson(report.plan),
    };
}
function setOutputs(report) {
    for (const [name, value] of Object.entries(outputsOf(report)))
        core.setOutput(name, value);
}

;// CONCATENATED MODULE: ./src/report/log.ts
// The step's log: one collapsible group per phase, and polling progress that says something only when there is something to say.


/** Wall time per phase of this run, ms (what RunReport.phases carries). */
const phaseTimes = {};
/** Runs `fn` inside a log group and records its wall time under `name`, failed or not. */
async function log_phase(name, fn, options = {}) {
    const { title = name, into = phaseTimes, clock = Date.now } = options;
    const start = clock();
    try {
        return await core.group(title, fn);
    }
    finally {
        into[name] = (into[name] ?? 0) + (clock() - start);
    }
}
/**
 * A progress reporter for a polling loop: prints when the status, task counts or detail
 * change, otherwise at most once per interval (so a 1 s poll does not flood the log).
 */
function createProgress(label, options = {}) {
    const { intervalMs = 10_000, clock = Date.now, print = core.info } = options;
    const start = clock();
    let lastKey;
    let lastPrint = -Infinity;
    return {
        update(state) {
            const now = clock();
            const what = [state.status, state.tasks && formatTasks(state.tasks), state.detail].filter(Boolean).join(' · ');
            if (what === lastKey && now - lastPrint < intervalMs)
                return false;
            print(`${label}: ${what} (${formatElapsed(now - start)})`);
            lastKey = what;
            lastPrint = now;
            return true;
        },
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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
};
const DONE = { create: 'created', update: 'updated', unchanged: 'unchanged' };
const PLANNED = { create: 'to create', update: 'to update', unchanged: 'unchanged' };
const STATUS_ICON = { succeeded: '✅', failed: '❌', skipped: '⏭️' };
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
            return `❌ ${subject}: ${report.error !== undefined ? 'the run failed' : 'the smoke test failed'}`;
        case 'succeeded':
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
    const texts = [...c.fields.flatMap((f) => [f.after, f.field]), ...c.fields.map((f) => f.before), c.reason];
    for (const t of texts) {
        const m = typeof t === 'string' ? /roles\/[A-Za-z.]+/.exec(t) : null;
        if (m)
            return m[0];
    }
    return undefined;
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
        const role = c.type === 'iam-binding' ? roleOf(c) : undefined;
        const name = parseResourceName(c.resource)?.id ?? c.resource;
        const row = [
            [role ? `${TYPE_LABEL[c.type]} (${role})` : TYPE_LABEL[c.type]],
            [code(name, consoleUrl(c.type, c.resource))],
            [verbs[c.action]],
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
    if (!s)
        return [{ kind: 'section', title: 'Schedule' }, { kind: 'para', line: ['None: deployed only; no Scheduler job was touched.'] }];
    const items = [[code(s.cron), ` — ${describeSafely(s.cron)} (${s.timeZone})`]];
    if (s.paused) {
        items.push(['Paused: the Scheduler job does not fire until it is resumed.']);
    }
    else {
        const runs = (0,cron_core/* nextRuns */.Oz)(s.cron, s.timeZone, NEXT_RUNS, now).map((d) => formatRunTime(d, s.timeZone));
        items.push([`Next runs: ${runs.join(' · ')}`]);
    }
    items.push(['Triggered by Scheduler job ', code(s.jobId), ' as ', code(s.invokerServiceAccount)]);
    return [{ kind: 'section', title: 'Schedule' }, { kind: 'list', items }];
}
function smokeBlocks(report) {
    const smoke = report.smoke;
    const items = [[`${STATUS_ICON[smoke.status]} ${smoke.status}${smoke.message ? ` — ${smoke.message}` : ''}`]];
    if (smoke.durationMs !== undefined)
        items.push([`Duration: ${formatElapsed(smoke.durationMs)}`]);
    if (smoke.execution) {
        const id = parseResourceName(smoke.execution)?.execution ?? smoke.execution;
        const line = ['Execution: ', code(id, executionUrlOf(smoke.execution))];
        if (smoke.logUri)
            line.push(' · ', summary_link('logs', smoke.logUri));
        items.push(line);
    }
    else if (smoke.logUri) {
        items.push([summary_link('Logs', smoke.logUri)]);
    }
    if (smoke.tasks)
        items.push([`Tasks: ${formatTasks(smoke.tasks)}`]);
    if (smoke.attemptStatus) {
        const a = smoke.attemptStatus;
        items.push([`Scheduler attempt: ${a.name} (${a.code})${a.message ? `: ${a.message}` : ''}`]);
    }
    return [{ kind: 'section', title: 'Smoke test' }, { kind: 'list', items }];
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
    if (report.error !== undefined)
        blocks.push({ kind: 'alert', level: 'CAUTION', lines: ['The run stopped with this error:'], code: report.error });
    if (report.dryRun)
        blocks.push({ kind: 'alert', level: 'NOTE', lines: ['Dry run: nothing was written. The plan below is what a run would do.'] });
    if (report.warnings.length > 0) {
        blocks.push({ kind: 'alert', level: 'WARNING', lines: report.warnings.map((w) => (report.warnings.length > 1 ? `- ${w}` : w)) });
    }
    if (report.plan.length > 0)
        blocks.push(resourceTable(report));
    blocks.push(...scheduleBlocks(report, now), ...smokeBlocks(report));
    if (report.dryRun)
        blocks.push({ kind: 'section', title: 'Plan' }, { kind: 'code', lang: 'diff', text: formatPlan(report.plan) });
    const timings = timingsLine(report.phases);
    if (timings)
        blocks.push({ kind: 'para', line: timings });
    return blocks;
}
// ---------------------------------------------------------------------------------------
// Markdown.
const mdSpan = (s) => {
    if (typeof s === 'string')
        return s;
    const text = s.code ? `\`${s.text.replace(/`/g, "'")}\`` : s.text;
    return s.href ? `[${text}](${s.href})` : text;
};
const mdLine = (line) => line.map(mdSpan).join('');
const mdCell = (line) => mdLine(line).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
function mdBlock(b) {
    switch (b.kind) {
        case 'heading':
            return `## ${b.text}`;
        case 'section':
            return `### ${b.title}`;
        case 'para':
            return mdLine(b.line);
        case 'list':
            return b.items.map((i) => `- ${mdLine(i)}`).join('\n');
        case 'table':
            return [
                `| ${b.head.join(' | ')} |`,
                `| ${b.head.map(() => '---').join(' | ')} |`,
                ...b.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
            ].join('\n');
        case 'code': {
            const fence = b.text.includes('```') ? '~~~' : '```';
            return `${fence}${b.lang}\n${b.text}\n${fence}`;
        }
        case 'alert': {
            // A code block keeps the error's line breaks and its indented command intact.
            const body = b.code === undefined ? b.lines : [...b.lines, mdBlock({ kind: 'code', lang: '', text: b.code })];
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
            const body = b.code === undefined ? b.lines : [...b.lines, ...b.code.split('\n').map((l) => `  ${l}`)];
            return body.map((l, i) => (i === 0 ? `${b.level}: ${l}` : `  ${l}`)).join('\n');
        }
    }
}
/** The same summary as plain text for a terminal. */
function renderSummaryText(report, now = new Date()) {
    return `${buildSummary(report, now).map(textBlock).join('\n\n')}\n`;
}
// ---------------------------------------------------------------------------------------
// Writing.
/**
 * Appends `markdown` to the step summary file. Outside Actions (no GITHUB_STEP_SUMMARY)
 * it does nothing; a failed write is a warning, never the step's failure.
 */
async function writeSummary(markdown, env = process.env) {
    const file = env.GITHUB_STEP_SUMMARY;
    if (!file) {
        core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
        return false;
    }
    try {
        await (0,promises_.appendFile)(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
        return true;
    }
    catch (e) {
        core.warning(`Could not write the job summary to ${file}: ${e.message}`);
        return false;
    }
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

;// CONCATENATED MODULE: ./src/smoke/smoke.ts






/** How far the runner's clock may be off Google's when telling our execution from older ones. */
const CLOCK_SKEW_MS = 30_000;
/** How long a fresh grant may take to be seen by the invoker's token checks. */
const IAM_PROPAGATION_MS = 120_000;
function taskCounts(e) {
    return {
        total: toNumber(e.taskCount) ?? 0,
        succeeded: toNumber(e.succeededCount) ?? 0,
        failed: toNumber(e.failedCount) ?? 0,
        cancelled: toNumber(e.cancelledCount) ?? 0,
        retried: toNumber(e.retriedCount) ?? 0,
        running: toNumber(e.runningCount) ?? 0,
    };
}
/** The outcome of a finished execution. */
function executionOutcome(e) {
    const completed = (e.conditions ?? []).find((c) => c.type === 'Completed');
    const state = enumName(completed?.state, CONDITION_STATES);
    if (state === 'CONDITION_SUCCEEDED')
        return { succeeded: true };
    const reason = completed?.message || (completed?.executionReason ? String(completed.executionReason) : undefined);
    // executionReason CANCELLED (3 as an enum number) or tasks counted as cancelled.
    const cancelled = completed?.executionReason === 'CANCELLED' || completed?.executionReason === 3 || (toNumber(e.cancelledCount) ?? 0) > 0;
    return { succeeded: false, cancelled, reason: reason ?? (cancelled ? 'cancelled' : undefined) };
}
async function followExecution(ctx, name, started) {
    const { api, clients } = ctx;
    const progress = createProgress(`Execution ${name.split('/').pop()}`, { print: ctx.onProgress });
    const execution = await pollUntil({
        read: () => api.call('reading the execution', name, () => clients.run.get(name)),
        finished: (e) => timestampMs(e.completionTime) !== undefined,
        onRead: (e) => progress.update({ status: timestampMs(e.completionTime) ? 'finished' : 'running', tasks: taskCounts(e) }),
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
/** The job's newest execution if it is new and not older than our run (a schedule or a person may have started another). */
function ourExecution(job, previous, runAt) {
    const newest = job.latestCreatedExecution;
    if (!newest?.name || newest.name === previous)
        return undefined;
    return (timestampMs(newest.createTime) ?? runAt) >= runAt - CLOCK_SKEW_MS ? newest.name : undefined;
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
    const grantedAt = Date.now();
    let known = ctx.known;
    for (;;) {
        const before = known ? known.schedulerJob : await api.call('reading the Cloud Scheduler job', name, () => clients.scheduler.get(name));
        known = undefined; // a retry after a denial reads afresh
        const previousAttempt = timestampMs(before?.lastAttemptTime) ?? 0;
        const runAt = Date.now();
        // Not sent again after an unclear failure: a second attempt would run the workload twice.
        await api.call('running the Cloud Scheduler job once', name, () => clients.scheduler.call(name, 'run'), { retryOn: api_error/* isTurnedAway */.n7 });
        ctx.onProgress?.(`Cloud Scheduler job ${name.split('/').pop()} triggered; waiting for its attempt`);
        const seen = await pollUntil({
            read: async () => {
                const [job, workload] = await Promise.all([
                    api.call('reading the Cloud Scheduler job', name, () => clients.scheduler.get(name)),
                    watchJob ? api.call('reading the Cloud Run job', resource, () => clients.run.get(resource)) : undefined,
                ]);
                return { job, execution: workload && ourExecution(workload, previousExecution, runAt) };
            },
            finished: (x) => x.execution !== undefined || (timestampMs(x.job.lastAttemptTime) ?? 0) > previousAttempt,
            deadline: ctx.deadline,
            onTimeout: () => new Error(`The smoke test timed out (smoke_timeout) waiting for Cloud Scheduler's attempt of ${name}.`),
        });
        if (seen.execution)
            return { code: 0, execution: seen.execution, runAt };
        const code = toNumber(seen.job.status?.code) ?? 0;
        const propagating = code === 7 && ctx.justGranted && Date.now() - grantedAt < IAM_PROPAGATION_MS && Date.now() + 5000 < ctx.deadline;
        if (!propagating)
            return { code, message: seen.job.status?.message ?? undefined, runAt };
        ctx.onProgress?.('PERMISSION_DENIED right after granting the invoker role: IAM may still be propagating, trying again in 5s');
        await (0,google_retry/* sleep */.yy)(5000);
    }
}
function failedAttempt(ctx, code, message, started) {
    const name = api_error/* GRPC_CODE_NAMES */.gH[code] ?? String(code);
    return {
        status: 'failed',
        durationMs: Date.now() - started,
        attemptStatus: { code, name, message },
        message: `The Cloud Scheduler attempt failed with ${name}${message ? ` (${message})` : ''}: most likely ${attemptHint(code, ctx.config.kind)}.`,
    };
}
/** The execution the trigger started: the job's newest execution, once it is a new one. */
async function newExecution(ctx, previous, runAt) {
    const { api, clients, resource } = ctx;
    const job = await pollUntil({
        read: () => api.call('reading the Cloud Run job', resource, () => clients.run.get(resource)),
        finished: (j) => ourExecution(j, previous, runAt) !== undefined,
        deadline: ctx.deadline,
        onTimeout: () => new Error(`The smoke test timed out (smoke_timeout): the trigger ran but no new execution of ${resource} appeared.`),
    });
    return ourExecution(job, previous, runAt);
}
async function smokeTest(ctx) {
    const started = Date.now();
    const { api, clients, config, resource } = ctx;
    if (config.kind === 'service' && !ctx.schedulerJob) {
        return { status: 'skipped', message: 'No schedule: the service is Ready, and nothing triggers it.' };
    }
    if (config.kind === 'job' && !ctx.schedulerJob) {
        const op = await api.call('running the Cloud Run job', resource, () => clients.run.run(resource), { retryOn: api_error/* isTurnedAway */.n7 });
        const name = op.metadata?.name;
        if (!name)
            throw new Error(`Running ${resource} gave no execution name.`);
        ctx.onProgress?.(`Execution ${name.split('/').pop()} started`);
        return followExecution(ctx, name, started);
    }
    const trigger = { ...ctx, schedulerJob: ctx.schedulerJob };
    if (config.kind === 'service') {
        const attempt = await triggerThroughScheduler(trigger);
        if (attempt.code !== 0)
            return failedAttempt(ctx, attempt.code, attempt.message, started);
        return {
            status: 'succeeded',
            durationMs: Date.now() - started,
            attemptStatus: { code: 0, name: 'OK' },
            message: 'Cloud Scheduler called the service with its OIDC token, and the service answered with success.',
        };
    }
    const before = ctx.known
        ? ctx.known.workload
        : await api.call('reading the Cloud Run job', resource, () => clients.run.get(resource));
    const previous = before?.latestCreatedExecution?.name ?? undefined;
    const attempt = await triggerThroughScheduler(trigger, previous);
    if (attempt.code !== 0)
        return failedAttempt(ctx, attempt.code, attempt.message, started);
    const execution = attempt.execution ?? (await newExecution(ctx, previous, attempt.runAt));
    ctx.onProgress?.(`Execution ${execution.split('/').pop()} started by Cloud Scheduler`);
    return followExecution(ctx, execution, started);
}

;// CONCATENATED MODULE: ./src/iam/binding.ts


async function readPolicy(api, clients, kind, resource) {
    return api.call(`reading the IAM policy of the Cloud Run ${kind}`, resource, async () => {
        return clients.run.getIamPolicy(resource);
    });
}
/** The policy with the bindings added (a member joins an existing binding of the role). */
function withBindings(policy, wanted) {
    const bindings = (policy.bindings ?? []).map((b) => ({ ...b, members: [...(b.members ?? [])] }));
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
/** Adds the missing bindings; returns true if it wrote. */
async function applyBindings(api, clients, kind, resource, steps, policy) {
    const wanted = steps.filter((s) => s.change.action !== 'unchanged');
    if (wanted.length === 0)
        return false;
    let current = policy ?? (await readPolicy(api, clients, kind, resource));
    for (let attempt = 1;; attempt++) {
        // Present after a write of ours was tried: that write (its answer lost) may be what made it so.
        if (wanted.every((w) => hasBinding(current, w.role, w.member)))
            return attempt > 1;
        const next = withBindings(current, wanted);
        try {
            await api.call(`granting ${wanted.map((w) => w.role).join(', ')} on the Cloud Run ${kind}`, resource, async () => {
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

;// CONCATENATED MODULE: ./src/run/deploy.ts



const label = (kind) => (kind === 'job' ? 'Cloud Run job' : 'Cloud Run service');
/** The job or service, or undefined when it does not exist. */
async function readWorkload(api, clients, kind, name) {
    return api.call(`reading the ${label(kind)}`, name, async () => {
        try {
            return await clients.run.get(name);
        }
        catch (err) {
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
        latest = await pollUntil({
            read: () => api.call(`waiting for the ${label(kind)} operation`, resource, () => clients.run.get(op.name)),
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
async function waitForReady(api, clients, name) {
    const service = await pollUntil({
        read: () => api.call('waiting for the Cloud Run service to be Ready', name, () => clients.run.get(name)),
        finished: (s) => serviceReadiness(s).ready || serviceReadiness(s).failed !== undefined,
        deadline: api.deadline,
        onTimeout: (s) => new Error(`The Cloud Run service ${name} did not become Ready in time${s?.terminalCondition?.message ? `: ${s.terminalCondition.message}` : ''}.`),
    });
    const failed = serviceReadiness(service).failed;
    if (failed)
        throw new Error(`The Cloud Run service ${name} did not become Ready: ${failed}`);
    return service;
}
/** The service when it is Ready; waits while it is getting there; fails when it will not be. */
async function ensureReady(api, clients, name, service) {
    const { ready, failed } = serviceReadiness(service);
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
    return api.call('reading the Cloud Scheduler job', name, async () => {
        try {
            return await clients.scheduler.get(name);
        }
        catch (err) {
            if ((0,api_error/* isNotFound */.c4)(err))
                return undefined;
            throw err;
        }
    });
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
    if (current.setPaused !== undefined) {
        const pause = current.setPaused;
        result = await api.call(`${pause ? 'pausing' : 'resuming'} the Cloud Scheduler job`, name, async () => {
            try {
                return await clients.scheduler.call(name, pause ? 'pause' : 'resume');
            }
            catch (err) {
                // FAILED_PRECONDITION: already in that state (e.g. an earlier try that did go through).
                if ((0,api_error/* readApiError */.tR)(err).grpcCode !== 9)
                    throw err;
                const job = await clients.scheduler.get(name);
                if (enumName(job.state, SCHEDULER_STATES) === (pause ? 'PAUSED' : 'ENABLED'))
                    return job;
                throw err;
            }
        });
    }
    return result;
}

;// CONCATENATED MODULE: ./src/pipeline/apply.ts




async function applyPlan(api, clients, config, names, runPlan, current, deployId, hooks) {
    const workloadChanged = runPlan.workload.change.action !== 'unchanged';
    const workload = await hooks.phase('deploy', () => applyWorkload(api, clients, config.kind, names.resource, runPlan.workload, (fresh) => planWorkload(config, names, fresh, deployId), current.workload));
    if (workloadChanged)
        hooks.wrote();
    // A new service's URL is known only now: plan the trigger again with it.
    const serviceUri = config.kind === 'service' ? (workload.uri ?? undefined) : undefined;
    const scheduler = runPlan.scheduler && planScheduler(config, names, current.schedulerJob, serviceUri);
    // Independent of each other: side by side, in one log group.
    const [granted, scheduled] = await hooks.phase('iam + schedule', () => Promise.all([
        applyBindings(api, clients, config.kind, names.resource, runPlan.bindings, current.policy).then((wrote) => {
            if (wrote)
                hooks.wrote();
            return wrote;
        }),
        scheduler && scheduler.change.action !== 'unchanged'
            ? applySchedulerJob(api, clients, scheduler, (fresh) => planScheduler(config, names, fresh, serviceUri)).then(() => {
                hooks.wrote();
                return true;
            })
            : Promise.resolve(false),
    ]));
    const plan = [runPlan.workload.change, ...runPlan.bindings.map((b) => b.change), ...(scheduler ? [scheduler.change] : [])];
    return { workload, plan, changed: workloadChanged || granted || scheduled, granted };
}

;// CONCATENATED MODULE: ./src/pipeline/names.ts
function resourceNames(config, projectId) {
    const collection = config.kind === 'job' ? 'jobs' : 'services';
    return {
        projectId,
        resource: `projects/${projectId}/locations/${config.region}/${collection}/${config.name}`,
        schedulerJob: config.schedule
            ? `projects/${projectId}/locations/${config.schedule.region}/jobs/${config.schedule.jobId}`
            : undefined,
    };
}
/** The same name as the other kind: a job named x and a service named x. */
function otherKindName(config, projectId) {
    const collection = config.kind === 'job' ? 'services' : 'jobs';
    return `projects/${projectId}/locations/${config.region}/${collection}/${config.name}`;
}

;// CONCATENATED MODULE: ./src/pipeline/read-current.ts





async function readCurrentState(api, clients, config, names) {
    const other = config.kind === 'job' ? 'service' : 'job';
    const [workload, otherKind, policy, schedulerJob, regions] = await Promise.all([
        readWorkload(api, clients, config.kind, names.resource),
        readWorkload(api, clients, other, otherKindName(config, names.projectId)),
        // The policy read fails with NOT_FOUND when the workload does not exist yet.
        readPolicy(api, clients, config.kind, names.resource).catch((err) => {
            if ((0,api_error/* isNotFound */.c4)(err))
                return undefined;
            throw err;
        }),
        names.schedulerJob ? readSchedulerJob(api, clients, names.schedulerJob) : undefined,
        config.schedule ? schedulerRegions(api, clients, names.projectId) : undefined,
    ]);
    if (config.schedule && regions && !regions.includes(config.schedule.region)) {
        throw new Error(`Input 'scheduler_region': Cloud Scheduler is not offered in ${config.schedule.region}. ` +
            `It is offered in: ${regions.join(', ')}. Set scheduler_region to one of them (the Cloud Run ${config.kind} may stay in ${config.region}).`);
    }
    return { workload, otherKind, policy: workload ? policy : undefined, schedulerJob };
}

;// CONCATENATED MODULE: ./src/pipeline/run-pipeline.ts
// The run after the inputs are valid: auth -> read -> plan -> apply -> smoke -> report.















async function runPipeline(config, 
/** Started by main as early as it could be (see main.ts). */
authenticating, env, deployDeadlineMs) {
    const phases = {};
    const phase = (name, fn) => log_phase(name, fn, { into: phases });
    for (const warning of config.warnings)
        core.warning(warning);
    const errorContext = {
        projectId: config.projectId,
        deployer: config.auth.serviceAccount,
        provider: config.auth.workloadIdentityProvider,
        repository: env.GITHUB_REPOSITORY,
        audience: config.auth.audience,
    };
    let report;
    let failure;
    try {
        const credentials = await phase('auth', async () => {
            try {
                const c = await authenticating;
                core.info(`Authenticated as ${c.identity}`);
                return c;
            }
            catch (err) {
                if (err instanceof auth_credentials.AuthError)
                    throw explainAuthError(err.stage, err.cause, { ...errorContext, action: 'authenticating' }, env);
                throw err;
            }
        });
        const projectId = config.projectId ?? credentials.adcProjectId;
        if (!projectId) {
            throw new Error("Input 'project_id': no project is known: set project_id, or a service_account whose email names its project.");
        }
        const api = createApi({ ...errorContext, projectId }, Date.now() + deployDeadlineMs, (err, delay) => core.info(`Retrying in ${delay}ms: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`));
        const clients = (0,google_clients/* makeClients */.nv)(credentials.authClient, env);
        const names = resourceNames(config, projectId);
        const deployId = `${env.GITHUB_RUN_ID ?? Date.now()}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
        const current = await phase('read', () => readCurrentState(api, clients, config, names));
        const runPlan = planRun({ config, names, current, deployId });
        for (const warning of runPlan.warnings)
            core.warning(warning);
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
            url: current.workload?.uri ?? undefined,
            smoke: { status: 'skipped', message: 'The run stopped before the smoke test.' },
        };
        if (config.dryRun) {
            report.smoke.message = 'Dry run: nothing was written and the smoke test was skipped.';
            core.info(planChangesAnything(runPlan.plan) ? 'Dry run: the plan above was not applied.' : 'Dry run: everything is up to date.');
            return;
        }
        const applied = await applyPlan(api, clients, config, names, runPlan, current, deployId, {
            phase,
            wrote: () => {
                if (report)
                    report.changed = true;
            },
        });
        const service = config.kind === 'service' ? applied.workload : undefined;
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
        if (config.smoke.enabled) {
            const smokeApi = createApi({ ...errorContext, projectId }, Date.now() + config.smoke.timeoutSeconds * 1000);
            const smoke = await phase('smoke', () => smokeTest({
                api: smokeApi,
                clients,
                config,
                resource: names.resource,
                schedulerJob: names.schedulerJob,
                deadline: smokeApi.deadline,
                justGranted: applied.granted,
                onProgress: (line) => core.info(line),
                known: { workload: current.workload, schedulerJob: current.schedulerJob },
            }));
            report.smoke = smoke;
            if (smoke.status === 'failed')
                throw new ActionError(smoke.message);
            core.info(smoke.message);
        }
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        failure = message;
        if (report && report.smoke.status !== 'failed')
            report.error = message;
        core.setFailed(message);
    }
    finally {
        if (report) {
            setOutputs(report);
            // Without a summary file (run by hand, outside GitHub Actions) the summary goes to the log.
            if (!(await writeSummary(renderSummary(report), env)))
                core.info(renderSummaryText(report));
        }
        else {
            // Stopped before anything was read (auth, the project, the Scheduler region): no plan.
            core.setOutput('kind', config.kind);
            core.setOutput('changed', 'false');
            core.setOutput('execution_status', 'skipped');
            const message = failure ?? 'unknown error';
            await writeSummary(`## ❌ cloud-run-cron: ${config.kind} ${config.name} was not deployed\n\nNothing was written.\n\n\`\`\`\n${message}\n\`\`\`\n`, env).catch(() => undefined);
        }
    }
}


/***/ })

};
