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
/* harmony import */ var node_fetch__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(816);
/* harmony import */ var _google_clients_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9807);
/* harmony import */ var _google_endpoints_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8157);
/* harmony import */ var _google_trace_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5126);
/* harmony import */ var _github_token_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1139);
/* harmony import */ var _report_workflow_commands_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6514);
// The two clients of Workload Identity Federation, from their own modules: the package's index
// loads every kind of credential (service account keys, AWS, metadata server, ...) on every run.








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
            (0,_report_workflow_commands_js__WEBPACK_IMPORTED_MODULE_6__.setSecret)(value);
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
        transporter.defaults.fetchImplementation = (0,_google_trace_js__WEBPACK_IMPORTED_MODULE_4__/* .tracedFetch */ .Wb)(transporter.defaults.fetchImplementation ?? node_fetch__WEBPACK_IMPORTED_MODULE_7__["default"]);
        transporter.defaults.timeout ??= _google_clients_js__WEBPACK_IMPORTED_MODULE_2__/* .REQUEST_TIMEOUT_MS */ .j2;
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
        const token = first ?? (0,_github_token_js__WEBPACK_IMPORTED_MODULE_5__/* .requestGithubToken */ .eH)((0,_github_token_js__WEBPACK_IMPORTED_MODULE_5__/* .githubAudience */ ._g)(auth), env);
        first = undefined;
        return token;
    };
    const sts = (0,_google_endpoints_js__WEBPACK_IMPORTED_MODULE_3__/* .endpointFor */ .Lo)('sts', env);
    const iamcredentials = (0,_google_endpoints_js__WEBPACK_IMPORTED_MODULE_3__/* .endpointFor */ .Lo)('iamcredentials', env);
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
    if (!auth.workloadIdentityProvider)
        return applicationDefault(auth.serviceAccount, env, projectId);
    if (!githubToken)
        throw new Error('internal: a GitHub token request is needed with a workload identity provider');
    const client = federatedClient(auth, githubToken, env);
    try {
        await client.getAccessToken(); // masked by the interceptor
    }
    catch (err) {
        if (err instanceof _github_token_js__WEBPACK_IMPORTED_MODULE_5__/* .GithubTokenError */ .tB)
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
        const { GoogleAuth } = await __webpack_require__.e(/* import() */ 492).then(__webpack_require__.t.bind(__webpack_require__, 492, 23));
        const googleAuth = new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE], ...(projectId ? { projectId } : {}) });
        const source = await googleAuth.getClient();
        prepareTransport(source);
        const adcProjectId = projectId ?? ((await googleAuth.getProjectId().catch(() => undefined)) ?? undefined);
        let authClient = source;
        if (serviceAccount) {
            // ADC (e.g. from an earlier auth step) acting as the deployer account.
            stage = 'impersonation';
            authClient = new google_auth_library_build_src_auth_impersonated_js__WEBPACK_IMPORTED_MODULE_1__.Impersonated({
                sourceClient: source,
                targetPrincipal: serviceAccount,
                targetScopes: [CLOUD_PLATFORM_SCOPE],
                lifetime: 3600,
                delegates: [],
                endpoint: (0,_google_endpoints_js__WEBPACK_IMPORTED_MODULE_3__/* .endpointFor */ .Lo)('iamcredentials', env).replace(/\/$/, ''),
            });
            prepareTransport(authClient);
        }
        const { token } = await authClient.getAccessToken();
        if (token)
            (0,_report_workflow_commands_js__WEBPACK_IMPORTED_MODULE_6__.setSecret)(token);
        const email = serviceAccount ?? source.email;
        return { authClient, identity: email ?? 'Application Default Credentials', adcProjectId };
    }
    catch (err) {
        throw new AuthError(stage, err);
    }
}


/***/ }),

/***/ 9807:
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
            bases.set(api, (0,_endpoints_js__WEBPACK_IMPORTED_MODULE_0__/* .endpointFor */ .Lo)(api, env));
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
        delete: (api, path) => request('DELETE', url(api, path)),
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
