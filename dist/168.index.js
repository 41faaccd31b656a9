export const id = 168;
export const ids = [168];
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
