export const id = 222;
export const ids = [222];
export const modules = {

/***/ 222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FLEET_WIDE_INPUTS: () => (/* binding */ FLEET_WIDE_INPUTS),
  GITHUB_VARIABLES_ALLOWED: () => (/* binding */ GITHUB_VARIABLES_ALLOWED),
  ManifestError: () => (/* binding */ ManifestError),
  deniedVariable: () => (/* binding */ deniedVariable),
  expandVariables: () => (/* binding */ expandVariables),
  loadManifest: () => (/* binding */ loadManifest),
  nearest: () => (/* binding */ nearest),
  readFleetInputs: () => (/* binding */ readFleetInputs),
  validateAgainstSchema: () => (/* binding */ validateAgainstSchema)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/parse-config.ts + 5 modules
var parse_config = __webpack_require__(1356);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/config/lists.ts
var lists = __webpack_require__(5979);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/ownership/record.ts
var record = __webpack_require__(8132);
;// CONCATENATED MODULE: ./schema/manifest.schema.json
const manifest_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/cloud-run-cron/cloud-run-cron/schema/manifest.schema.json","title":"cloud-run-cron fleet manifest","type":"object","additionalProperties":false,"required":["version","fleet","workloads"],"properties":{"version":{"const":1,"description":"Manifest format version: 1."},"fleet":{"type":"string","description":"Owner id of the fleet: what it deploys is labelled with it, and prune deletes only what carries it.","pattern":"^[a-z][a-z0-9-]{0,62}$"},"vars":{"type":"array","description":"The environment variables the manifest may read as ${NAME}; when given, no other. A manifest never reads the runner\'s credentials (ACTIONS_*, RUNNER_*, GITHUB_TOKEN), the step\'s inputs (INPUT_*) or what the action reads itself: see docs/security.md.","items":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$"},"uniqueItems":true},"defaults":{"type":"object","additionalProperties":false,"description":"Any workload key; a workload\'s own value wins.","properties":{"kind":{"type":"string","description":"job (default) or service.","enum":["job","service"]},"region":{"type":"string","description":"Cloud Run region; default the region input."},"image":{"type":"string","description":"Container image."},"runtime_service_account":{"type":"string","description":"Service account the container runs as."},"env_vars":{"type":"object","description":"Environment variables, NAME: value.","additionalProperties":{"type":["string","number","boolean"]}},"env_vars_update_strategy":{"type":"string","description":"merge or overwrite.","enum":["merge","overwrite"]},"secrets":{"type":"object","description":"Secret Manager secrets as variables, NAME: SECRET:VERSION.","additionalProperties":{"type":["string","number","boolean"]}},"secrets_update_strategy":{"type":"string","description":"merge or overwrite.","enum":["merge","overwrite"]},"labels":{"type":"object","description":"Labels, key: value.","additionalProperties":{"type":["string","number","boolean"]}},"skip_default_labels":{"type":"boolean","description":"Leave out managed-by=cloud-run-cron (fleet mode still adds its ownership labels)."},"command":{"type":"array","items":{"type":"string"},"description":"Container entrypoint."},"args":{"type":"array","items":{"type":"string"},"description":"Container arguments."},"cpu":{"type":["string","number"],"description":"CPU, such as 1 or 1000m."},"memory":{"type":"string","description":"Memory, such as 512Mi."},"vpc_network":{"type":"string","description":"Direct VPC egress: a network name, or projects/PROJECT/global/networks/NAME."},"vpc_subnetwork":{"type":"string","description":"Direct VPC egress: a subnetwork name, or projects/PROJECT/regions/REGION/subnetworks/NAME."},"vpc_egress":{"type":"string","description":"Which traffic goes through the VPC.","enum":["all-traffic","private-ranges-only"]},"vpc_connector":{"type":"string","description":"Serverless VPC Access connector: a name, or projects/PROJECT/locations/REGION/connectors/NAME."},"cloudsql_instances":{"type":["array","string"],"items":{"type":"string"},"description":"Cloud SQL instance connection names, PROJECT:REGION:INSTANCE."},"execution_environment":{"type":"string","description":"gen1 or gen2.","enum":["gen1","gen2"]},"gpu":{"type":"integer","description":"GPUs per instance: 1, or 0 to remove the GPU.","minimum":0},"gpu_type":{"type":"string","description":"GPU type, with gpu: 1.","enum":["nvidia-l4"]},"spec":{"type":["object","string"],"description":"A partial Cloud Run v2 Job or Service in REST field names (a mapping, or YAML/JSON text), merged over what the inputs set."},"cpu_throttling":{"type":"boolean","description":"Service: CPU only during requests (true) or always allocated (false)."},"startup_cpu_boost":{"type":"boolean","description":"Service: more CPU while an instance starts."},"tasks":{"type":"integer","description":"Job: tasks per execution, 1-10000.","minimum":1,"maximum":10000},"parallelism":{"type":"integer","description":"Job: tasks at once.","minimum":0},"max_retries":{"type":"integer","description":"Job: retries per task, 0-10.","minimum":0,"maximum":10},"task_timeout":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"timeout":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"concurrency":{"type":"integer","description":"Service: requests per instance.","minimum":1,"maximum":1000},"min_instances":{"type":"integer","description":"Service: minimum instances.","minimum":0},"max_instances":{"type":"integer","description":"Service: maximum instances.","minimum":0},"ingress":{"type":"string","description":"Service ingress.","enum":["all","internal","internal-and-cloud-load-balancing"]},"allow_unauthenticated":{"type":"boolean","description":"Service: grant allUsers the invoker role."},"scheduler_region":{"type":"string","description":"Scheduler region; default the workload\'s region."},"invoker_service_account":{"type":"string","description":"Account Cloud Scheduler calls the workload as."},"time_zone":{"type":"string","description":"IANA time zone, default Etc/UTC."},"state":{"type":"string","description":"present (default) or absent: absent removes the workload (its Scheduler job first), even without prune.","enum":["present","absent"]},"force":{"type":"boolean","description":"With state: absent, also remove what does not carry managed-by=cloud-run-cron."},"paused":{"type":"boolean","description":"true creates or keeps the Scheduler job paused."},"retry_count":{"type":"integer","description":"Scheduler retries, 0-5.","minimum":0,"maximum":5},"attempt_deadline":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"path":{"type":"string","description":"Service only: path the Scheduler job calls, default /."},"http_method":{"type":"string","description":"HTTP method of the trigger (a job: POST only).","enum":["POST","GET","PUT","PATCH","DELETE","HEAD","OPTIONS","post","get","put","patch","delete","head","options"]},"body":{"type":["string","object"],"description":"Request body the trigger sends (an object is sent as JSON)."},"alert_channels":{"type":["array","string"],"items":{"type":"string"},"description":"Cloud Monitoring notification channels to alert: projects/P/notificationChannels/ID or email:ADDRESS (see docs/alerts.md)."},"alerts":{"type":"string","description":"failure,missed (default with channels), failure, missed, or none (removes the workload\'s alert policies)."},"missed_grace":{"type":["string","integer"],"description":"How late a run may be before it counts as missed: 90s, 10m, 2h, 1h30m, or a number of seconds."}}},"workloads":{"type":["array","null"],"items":{"$ref":"#/definitions/workload"}}},"definitions":{"workload":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"Cloud Run job or service name.","pattern":"^[a-z]([a-z0-9-]{0,47}[a-z0-9])?$"},"kind":{"type":"string","description":"job (default) or service.","enum":["job","service"]},"region":{"type":"string","description":"Cloud Run region; default the region input."},"image":{"type":"string","description":"Container image."},"runtime_service_account":{"type":"string","description":"Service account the container runs as."},"env_vars":{"type":"object","description":"Environment variables, NAME: value.","additionalProperties":{"type":["string","number","boolean"]}},"env_vars_update_strategy":{"type":"string","description":"merge or overwrite.","enum":["merge","overwrite"]},"secrets":{"type":"object","description":"Secret Manager secrets as variables, NAME: SECRET:VERSION.","additionalProperties":{"type":["string","number","boolean"]}},"secrets_update_strategy":{"type":"string","description":"merge or overwrite.","enum":["merge","overwrite"]},"labels":{"type":"object","description":"Labels, key: value.","additionalProperties":{"type":["string","number","boolean"]}},"skip_default_labels":{"type":"boolean","description":"Leave out managed-by=cloud-run-cron (fleet mode still adds its ownership labels)."},"command":{"type":"array","items":{"type":"string"},"description":"Container entrypoint."},"args":{"type":"array","items":{"type":"string"},"description":"Container arguments."},"cpu":{"type":["string","number"],"description":"CPU, such as 1 or 1000m."},"memory":{"type":"string","description":"Memory, such as 512Mi."},"vpc_network":{"type":"string","description":"Direct VPC egress: a network name, or projects/PROJECT/global/networks/NAME."},"vpc_subnetwork":{"type":"string","description":"Direct VPC egress: a subnetwork name, or projects/PROJECT/regions/REGION/subnetworks/NAME."},"vpc_egress":{"type":"string","description":"Which traffic goes through the VPC.","enum":["all-traffic","private-ranges-only"]},"vpc_connector":{"type":"string","description":"Serverless VPC Access connector: a name, or projects/PROJECT/locations/REGION/connectors/NAME."},"cloudsql_instances":{"type":["array","string"],"items":{"type":"string"},"description":"Cloud SQL instance connection names, PROJECT:REGION:INSTANCE."},"execution_environment":{"type":"string","description":"gen1 or gen2.","enum":["gen1","gen2"]},"gpu":{"type":"integer","description":"GPUs per instance: 1, or 0 to remove the GPU.","minimum":0},"gpu_type":{"type":"string","description":"GPU type, with gpu: 1.","enum":["nvidia-l4"]},"spec":{"type":["object","string"],"description":"A partial Cloud Run v2 Job or Service in REST field names (a mapping, or YAML/JSON text), merged over what the inputs set."},"cpu_throttling":{"type":"boolean","description":"Service: CPU only during requests (true) or always allocated (false)."},"startup_cpu_boost":{"type":"boolean","description":"Service: more CPU while an instance starts."},"tasks":{"type":"integer","description":"Job: tasks per execution, 1-10000.","minimum":1,"maximum":10000},"parallelism":{"type":"integer","description":"Job: tasks at once.","minimum":0},"max_retries":{"type":"integer","description":"Job: retries per task, 0-10.","minimum":0,"maximum":10},"task_timeout":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"timeout":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"concurrency":{"type":"integer","description":"Service: requests per instance.","minimum":1,"maximum":1000},"min_instances":{"type":"integer","description":"Service: minimum instances.","minimum":0},"max_instances":{"type":"integer","description":"Service: maximum instances.","minimum":0},"ingress":{"type":"string","description":"Service ingress.","enum":["all","internal","internal-and-cloud-load-balancing"]},"allow_unauthenticated":{"type":"boolean","description":"Service: grant allUsers the invoker role."},"scheduler_job":{"type":"string","description":"Scheduler job ID; default NAME-schedule."},"scheduler_region":{"type":"string","description":"Scheduler region; default the workload\'s region."},"invoker_service_account":{"type":"string","description":"Account Cloud Scheduler calls the workload as."},"schedule":{"type":"string","description":"unix-cron, 5 fields, such as \'0 3 * * *\'."},"time_zone":{"type":"string","description":"IANA time zone, default Etc/UTC."},"state":{"type":"string","description":"present (default) or absent: absent removes the workload (its Scheduler job first), even without prune.","enum":["present","absent"]},"force":{"type":"boolean","description":"With state: absent, also remove what does not carry managed-by=cloud-run-cron."},"paused":{"type":"boolean","description":"true creates or keeps the Scheduler job paused."},"retry_count":{"type":"integer","description":"Scheduler retries, 0-5.","minimum":0,"maximum":5},"attempt_deadline":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"path":{"type":"string","description":"Service only: path the Scheduler job calls, default /."},"http_method":{"type":"string","description":"HTTP method of the trigger (a job: POST only).","enum":["POST","GET","PUT","PATCH","DELETE","HEAD","OPTIONS","post","get","put","patch","delete","head","options"]},"body":{"type":["string","object"],"description":"Request body the trigger sends (an object is sent as JSON)."},"schedules":{"type":"array","minItems":1,"description":"Several schedules: Scheduler job NAME-ID each.","items":{"$ref":"#/definitions/schedule"}},"alert_channels":{"type":["array","string"],"items":{"type":"string"},"description":"Cloud Monitoring notification channels to alert: projects/P/notificationChannels/ID or email:ADDRESS (see docs/alerts.md)."},"alerts":{"type":"string","description":"failure,missed (default with channels), failure, missed, or none (removes the workload\'s alert policies)."},"missed_grace":{"type":["string","integer"],"description":"How late a run may be before it counts as missed: 90s, 10m, 2h, 1h30m, or a number of seconds."}}},"schedule":{"type":"object","additionalProperties":false,"required":["id","schedule"],"properties":{"id":{"type":"string","description":"Schedule ID: the Scheduler job is NAME-ID.","pattern":"^[a-z0-9-]{1,40}$"},"schedule":{"type":"string","description":"unix-cron, 5 fields, such as \'0 3 * * *\'."},"time_zone":{"type":"string","description":"IANA time zone, default Etc/UTC."},"paused":{"type":"boolean","description":"true creates or keeps the Scheduler job paused."},"retry_count":{"type":"integer","description":"Scheduler retries, 0-5.","minimum":0,"maximum":5},"attempt_deadline":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"path":{"type":"string","description":"Service only: path the Scheduler job calls, default /."},"http_method":{"type":"string","description":"HTTP method of the trigger (a job: POST only).","enum":["POST","GET","PUT","PATCH","DELETE","HEAD","OPTIONS","post","get","put","patch","delete","head","options"]},"body":{"type":["string","object"],"description":"Request body the trigger sends (an object is sent as JSON)."},"args":{"type":"array","items":{"type":"string"},"description":"Job override: container arguments for this schedule."},"env_vars":{"type":"object","description":"Job override: environment variables for this schedule.","additionalProperties":{"type":["string","number","boolean"]}},"task_count":{"type":"integer","description":"Job override: tasks for this schedule.","minimum":1,"maximum":10000},"task_timeout":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."}}}}}');
;// CONCATENATED MODULE: ./src/fleet/manifest.ts
// Fleet mode's manifest: a YAML file of every workload -> one validated Config per workload.
// The file is checked against schema/manifest.schema.json (the same file editors use), then
// each workload is read by the single-workload input parser, so a workload key means exactly
// what the input of that name means. Every problem of the file is reported at once, each with
// its path, before any request. Loaded only in fleet mode (the YAML parser and the JSON Schema
// validator are not on the single-workload start-up path).









/** Inputs that stay inputs in fleet mode and apply to every workload. */
const FLEET_WIDE_INPUTS = [
    'workload_identity_provider', 'service_account', 'read_only', 'audience', 'project_id', 'region',
    'dry_run', 'smoke_test', 'smoke_timeout', 'manifest', 'prune', 'max_parallel', 'only',
    'fail_on_drift', 'comment_on_pr', 'github_token',
];
/** Inputs of fleet mode itself: not a workload's. */
const FLEET_ONLY = ['manifest', 'prune', 'max_parallel', 'only'];
/** A manifest that cannot be used: every problem, each one line starting with its path. */
class ManifestError extends types/* InputError */.d {
    problems;
    constructor(file, problems) {
        super('manifest', '');
        this.name = 'ManifestError';
        this.problems = problems;
        this.message =
            problems.length === 1
                ? `Manifest ${file}: ${problems[0]}`
                : `Manifest ${file}: ${problems.length} problems:\n${problems.map((p) => `- ${p}`).join('\n')}`;
    }
}
/** The fleet-wide inputs (prune, max_parallel, only), checked; problems go to `problems`. */
function readFleetInputs(get, problems) {
    const prune = get('prune').toLowerCase() || 'false';
    if (prune !== 'true' && prune !== 'false')
        problems.push(`Input 'prune': ${(0,lists/* quote */.hD)(get('prune'))} is not allowed: use true or false.`);
    const parallel = get('max_parallel') || '4';
    const maxParallel = /^\d+$/.test(parallel) ? Number(parallel) : NaN;
    if (!(maxParallel >= 1 && maxParallel <= 50))
        problems.push(`Input 'max_parallel': ${(0,lists/* quote */.hD)(parallel)} is not allowed: use a whole number from 1 to 50.`);
    const only = get('only') ? get('only').split(',').map((n) => n.trim()).filter(Boolean) : undefined;
    return { prune: prune === 'true' && only === undefined, maxParallel: maxParallel || 4, only };
}
/** Reads, expands, validates and converts the manifest named by the `manifest` input. */
async function loadManifest(get, env) {
    const path = get('manifest');
    const problems = [];
    // Single-workload inputs belong in the manifest now: say which, all at once.
    const misplaced = inputs/* INPUT_NAMES */.Qh.filter((n) => !FLEET_WIDE_INPUTS.includes(n) && get(n) !== '' && get(n) !== inputs/* INPUT_DEFAULTS */.WJ[n]);
    if (misplaced.length > 0) {
        problems.push(`Input${misplaced.length > 1 ? 's' : ''} ${misplaced.map((n) => `'${n}'`).join(', ')}: with manifest set, the single-workload inputs must be empty: move ${misplaced.length > 1 ? 'them' : 'it'} into the manifest (a workload's keys, or its defaults).`);
    }
    const settings = readFleetInputs(get, problems);
    if (problems.length > 0)
        throw new ManifestError(path, problems);
    const file = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE ?? process.cwd(), path);
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        throw new types/* InputError */.d('manifest', `cannot read ${file}: ${err.code ?? String(err)}. Give the path of the YAML manifest relative to the repository root (GITHUB_WORKSPACE).`);
    }
    const { data, withLines } = await parseYaml(path, text);
    const expanded = expandVariables(data, env, problems);
    const schemaProblems = await validateAgainstSchema(expanded);
    problems.push(...schemaProblems);
    const manifest = (isObject(expanded) ? expanded : {});
    const workloads = Array.isArray(manifest.workloads) ? manifest.workloads : [];
    const defaults = isObject(manifest.defaults) ? manifest.defaults : {};
    // Duplicates are found in any file whose workloads are objects, with the schema's problems.
    if (workloads.every(isObject))
        problems.push(...duplicates(workloads, defaults));
    if (settings.only) {
        const names = new Set(workloads.map((w) => (isObject(w) ? w.name : undefined)));
        for (const name of settings.only.filter((n) => !names.has(n)))
            problems.push(`Input 'only': ${(0,lists/* quote */.hD)(name)} is not a workload of the manifest.`);
    }
    // Each workload is read as the inputs are (its cron, sizes, durations...) even when the schema
    // found problems elsewhere, so the file's problems are all reported at once; a key the schema
    // already faulted is not reported twice.
    const faulted = new Set(schemaProblems.map(pathOfProblem));
    const semantic = [];
    const configs = [];
    const keys = new Map();
    workloads.forEach((workload, index) => {
        if (!isObject(workload))
            return;
        if (settings.only && !settings.only.includes(String(workload.name)))
            return;
        const own = { ...defaults, ...workload };
        const config = workloadConfig(manifest.fleet, own, index, get, semantic, { commitSha: env.GITHUB_SHA, repositoryId: (0,record/* repositoryIdOf */.Bu)(env) });
        if (!config)
            return;
        configs.push(config);
        keys.set(config, new Set(Object.keys(own).filter((k) => own[k] !== null)));
    });
    problems.push(...semantic.filter((p) => ![...faulted].some((f) => f !== undefined && (pathOfProblem(p) === f || pathOfProblem(p)?.startsWith(`${f}.`)))));
    const notices = regionCounts(configs, problems);
    if (problems.length > 0)
        throw new ManifestError(path, withLines(problems));
    if (configs[0])
        configs[0].notices.push(...notices);
    const isSet = (config, input) => keys.get(config)?.has(input) === true || (FLEET_WIDE_INPUTS.includes(input) && get(input) !== '');
    return { ...settings, id: manifest.fleet, configs, isSet };
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The manifest path a problem starts with (`workloads[0].schedule`), if it starts with one. */
function pathOfProblem(problem) {
    return /^([A-Za-z_][\w-]*(?:\[\d+\]|\.[A-Za-z_][\w-]*)*):/.exec(problem)?.[1];
}
/** The YAML file as data, and a function that adds each problem's line in the file. */
async function parseYaml(path, text) {
    const { parseDocument, LineCounter, isNode } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
    if (doc.errors.length > 0) {
        throw new ManifestError(path, doc.errors.map((e) => {
            const at = e.linePos?.[0];
            return `${at ? `line ${at.line}, column ${at.col}` : 'line ?'}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
        }));
    }
    const lineOf = (path) => {
        const keys = [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
        // The deepest node the path reaches (a missing key: its map).
        for (let n = keys.length; n > 0; n--) {
            const node = doc.getIn(keys.slice(0, n), true);
            if (isNode(node) && node.range)
                return lineCounter.linePos(node.range[0]).line;
        }
        return undefined;
    };
    const withLines = (problems) => problems.map((p) => {
        const at = pathOfProblem(p);
        const line = at === undefined ? undefined : lineOf(at);
        return line === undefined ? p : `${at} (line ${line})${p.slice(at.length)}`;
    });
    return { data: doc.toJS(), withLines };
}
/**
 * Variables a manifest may not read: the runner's credentials and settings (ACTIONS_*, RUNNER_*,
 * GITHUB_TOKEN), the step's inputs (INPUT_*, github_token among them), and what the action and
 * google-auth-library read themselves (endpoint overrides, credential files, debug switches, the
 * runner's files). A value expanded into a manifest is deployed into the container and shown in
 * the plan: the workload (or a pull request that edits the manifest) would get the credential.
 */
const DENIED_PREFIXES = ['ACTIONS_', 'INPUT_', 'RUNNER_', 'CLOUDSDK_', 'GOOGLE_', 'GCLOUD_', 'GCE_'];
const DENIED_NAMES = new Set(['GITHUB_TOKEN', 'GH_TOKEN', 'GH_ENTERPRISE_TOKEN', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']);
/** The runner's GITHUB_* variables a manifest may read: what describes the run, nothing that reaches a file, a token or the API. */
const GITHUB_VARIABLES_ALLOWED = [
    'GITHUB_SHA', 'GITHUB_REF', 'GITHUB_REF_NAME', 'GITHUB_REF_TYPE', 'GITHUB_HEAD_REF', 'GITHUB_BASE_REF',
    'GITHUB_REPOSITORY', 'GITHUB_REPOSITORY_OWNER', 'GITHUB_RUN_ID', 'GITHUB_RUN_NUMBER', 'GITHUB_RUN_ATTEMPT',
    'GITHUB_WORKFLOW', 'GITHUB_JOB', 'GITHUB_ACTOR', 'GITHUB_EVENT_NAME', 'GITHUB_SERVER_URL',
];
/** Why a manifest may not read `name`, or undefined when it may. */
function deniedVariable(name) {
    const upper = name.toUpperCase();
    if (DENIED_NAMES.has(name) || DENIED_NAMES.has(upper))
        return 'a credential or a setting of the runner';
    const prefix = DENIED_PREFIXES.find((p) => upper.startsWith(p));
    if (prefix === 'INPUT_')
        return "an input of this step (inputs such as github_token are the action's own)";
    if (prefix)
        return `a variable of the runner or of the action itself (${prefix}*)`;
    if (upper.startsWith('GITHUB_') && !GITHUB_VARIABLES_ALLOWED.includes(name))
        return "a variable of the runner (of GitHub's GITHUB_* variables a manifest may read only those that describe the run, such as GITHUB_SHA and GITHUB_REF_NAME)";
    return undefined;
}
/**
 * `${VAR}` in any string, from the step's environment; an unset one, and one a manifest may not
 * read (deniedVariable), are named with their workload. `vars`, when the manifest lists them, are
 * the only variables it may read.
 */
function expandVariables(data, env, problems) {
    const listed = data && typeof data === 'object' && !Array.isArray(data) && Array.isArray(data.vars) ? new Set(data.vars.map(String)) : undefined;
    if (listed) {
        for (const name of listed) {
            const why = deniedVariable(name);
            if (why)
                problems.push(`vars: ${name} is ${why}: a manifest may not read it.`);
        }
    }
    const walk = (value, path, workload) => {
        if (typeof value === 'string') {
            return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => {
                const where = `${path}: \${${name}}${workload ? ` (workload ${workload})` : ''}`;
                const why = deniedVariable(name);
                if (why) {
                    problems.push(`${where}: ${name} is ${why}: a manifest may not read it. Pass what the workload needs in a variable of your own (env: on the step), or as a Secret Manager secret (secrets).`);
                    return '';
                }
                if (listed && !listed.has(name)) {
                    problems.push(`${where}: ${name} is not in the manifest's vars: list it there to read it.`);
                    return '';
                }
                const v = env[name];
                if (v === undefined) {
                    problems.push(`${path}: \${${name}} is not set in the step's environment${workload ? ` (workload ${workload})` : ''}: set it with env: on the step.`);
                    return '';
                }
                return v;
            });
        }
        if (Array.isArray(value))
            return value.map((v, i) => walk(v, `${path}[${i}]`, workload));
        if (value && typeof value === 'object') {
            const own = path.match(/^workloads\[\d+\]$/) && typeof value.name === 'string' ? value.name : workload;
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, path === '' && k === 'vars' ? v : walk(v, path ? `${path}.${k}` : k, own)]));
        }
        return value;
    };
    return walk(data, '', undefined);
}
/**
 * ajv's class. ajv is CommonJS (`module.exports = Ajv`, with `.Ajv` and `.default` on it): Node's
 * ESM loader gives it as the namespace's `default`, the bundle (webpack's interop) as the namespace.
 */
async function ajvClass() {
    const ns = (await __webpack_require__.e(/* import() */ 463).then(__webpack_require__.t.bind(__webpack_require__, 2463, 23)));
    const found = [ns.Ajv, ns.default, ns.default?.Ajv].find((c) => typeof c === 'function');
    if (!found)
        throw new Error('ajv: no validator class in the module');
    return found;
}
/** Every problem the JSON Schema finds, each with its path; unknown keys with the nearest valid name. */
async function validateAgainstSchema(data) {
    const Ajv = await ajvClass();
    const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
    const validate = ajv.compile(manifest_schema_namespaceObject);
    if (validate(data))
        return [];
    const seen = new Set();
    const problems = [];
    for (const e of (validate.errors ?? [])) {
        // A JSON pointer (/workloads/0/name) as the manifest's paths read (workloads[0].name).
        const at = pathOfPointer(e.instancePath) || '(top level)';
        let line;
        if (e.keyword === 'additionalProperties' && e.params.additionalProperty) {
            const key = e.params.additionalProperty;
            const known = Object.keys(e.parentSchema?.properties ?? {});
            const near = nearest(key, known);
            line = `${at === '(top level)' ? key : `${at}.${key}`}: unknown key${near ? `; did you mean ${near}?` : `; allowed: ${known.join(', ')}`}`;
        }
        else if (e.keyword === 'enum') {
            line = `${at}: use one of ${(e.params.allowedValues ?? []).filter((v) => typeof v !== 'string' || v === v.toLowerCase() || !(e.params.allowedValues ?? []).includes(v.toLowerCase())).join(', ')}`;
        }
        else if (e.keyword === 'required') {
            line = `${at}: ${e.params.missingProperty?.replace(/^\./, '')} is required`;
        }
        else {
            line = `${at}: ${e.message ?? e.keyword}`;
        }
        if (!seen.has(line))
            problems.push(line);
        seen.add(line);
    }
    return problems;
}
/** `/workloads/0/env_vars/A~1B` -> `workloads[0].env_vars.A/B`. */
function pathOfPointer(pointer) {
    return pointer
        .split('/')
        .slice(1)
        .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((path, t) => (/^\d+$/.test(t) ? `${path}[${t}]` : path ? `${path}.${t}` : t), '');
}
/** The known name closest to `key` (edit distance at most a third of its length, at least 2). */
function nearest(key, known) {
    let best;
    let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
    for (const name of known) {
        const d = editDistance(key.toLowerCase(), name);
        if (d < bestDistance)
            [best, bestDistance] = [name, d];
    }
    return best;
}
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        prev = row;
    }
    return prev[b.length];
}
/**
 * What a region holds per project: Cloud Scheduler at most 5,000 jobs (1,000 by default,
 * https://cloud.google.com/scheduler/quotas); Cloud Run 1,000 jobs and 1,000 services by default
 * (https://cloud.google.com/run/quotas, which now says they can be raised). Over the Scheduler
 * maximum is a problem; over a default, a notice (the project's own quota is not known here).
 */
function regionCounts(configs, problems) {
    const count = new Map();
    const add = (key, n) => count.set(key, (count.get(key) ?? 0) + n);
    for (const c of configs) {
        add(`${c.kind === 'job' ? 'Cloud Run jobs' : 'Cloud Run services'}|${c.region}`, 1);
        for (const s of [c.schedule, ...(c.moreSchedules ?? [])])
            if (s)
                add(`Cloud Scheduler jobs|${s.region}`, 1);
    }
    const notices = [];
    for (const [key, n] of count) {
        const [what, region] = key.split('|');
        const scheduler = what === 'Cloud Scheduler jobs';
        const source = scheduler ? 'https://cloud.google.com/scheduler/quotas' : 'https://cloud.google.com/run/quotas';
        if (scheduler && n > 5000) {
            problems.push(`workloads: ${n} ${what} in ${region}: Cloud Scheduler holds at most 5,000 jobs per project and region (${source}). Split the fleet across regions (scheduler_region) or projects.`);
        }
        else if (n > 1000) {
            notices.push(`The fleet has ${n} ${what} in ${region}, more than the default 1,000 per project and region (${source}): the deploy fails past the project's quota unless it was raised.`);
        }
    }
    return notices;
}
/** Scheduler job IDs a workload uses (in its Scheduler region). */
function schedulerJobIds(w) {
    if (Array.isArray(w.schedules))
        return w.schedules.map((s) => `${String(w.name)}-${String(s.id)}`);
    if (w.schedule !== undefined)
        return [typeof w.scheduler_job === 'string' ? w.scheduler_job : `${String(w.name)}-schedule`];
    return [];
}
function duplicates(workloads, defaults) {
    const problems = [];
    const names = new Map();
    const jobs = new Map();
    workloads.forEach((w, i) => {
        const name = String(w.name);
        if (names.has(name))
            problems.push(`workloads[${i}].name: ${(0,lists/* quote */.hD)(name)} is also workloads[${names.get(name)}].name: each workload has its own name.`);
        else
            names.set(name, i);
        if (w.schedule !== undefined && w.schedules !== undefined) {
            problems.push(`workloads[${i}]: schedule and schedules are exclusive: use schedule for one, schedules for several.`);
        }
        const region = String(w.scheduler_region ?? w.region ?? defaults.scheduler_region ?? defaults.region ?? '');
        const ids = new Set();
        for (const id of schedulerJobIds(w)) {
            const key = `${region}/${id}`;
            const other = jobs.get(key);
            if (other !== undefined || ids.has(id)) {
                problems.push(`workloads[${i}]: Scheduler job ${(0,lists/* quote */.hD)(id)} is also that of ${other ?? `workloads[${i}]`}: give each schedule its own id (or scheduler_job).`);
            }
            ids.add(id);
            jobs.set(key, `workloads[${i}]`);
        }
    });
    return problems;
}
/** A YAML value as the action input of the same name spells it. */
function asInput(key, value) {
    if (value === null)
        return '';
    if (Array.isArray(value)) {
        // cloudsql_instances: one a line; command, args: a JSON array of strings.
        return key === 'cloudsql_instances' || key === 'alert_channels' ? value.map(String).join('\n') : JSON.stringify(value);
    }
    if (typeof value === 'object') {
        // body: sent as JSON; spec: a partial Cloud Run resource, which the spec reader takes as JSON (a YAML subset).
        if (key === 'body' || key === 'spec')
            return JSON.stringify(value);
        // env_vars, secrets, labels: one KEY="VALUE" a line, quotes in the value escaped.
        return Object.entries(value)
            .map(([k, v]) => `${k}="${String(v).replace(/"/g, '\\"')}"`)
            .join('\n');
    }
    return String(value);
}
/** Per-schedule keys that are the trigger's own inputs. */
const SCHEDULE_KEYS = ['schedule', 'time_zone', 'paused', 'retry_count', 'attempt_deadline', 'path', 'http_method', 'body'];
/** Per-schedule job overrides, sent in the v1 run body's `overrides`. */
const OVERRIDE_KEYS = ['args', 'env_vars', 'task_count', 'task_timeout'];
/**
 * The v1 RunJobRequest body of a schedule's overrides (containerOverrides, taskCount,
 * timeoutSeconds), or a problem. Undefined when the schedule has none.
 */
function overridesBody(schedule, kind, at, problems) {
    const keys = OVERRIDE_KEYS.filter((k) => schedule[k] !== undefined);
    if (keys.length === 0)
        return undefined;
    if (kind === 'service') {
        problems.push(`${at}: ${keys.join(', ')} ${keys.length > 1 ? 'are' : 'is a'} job override${keys.length > 1 ? 's' : ''}: a service's schedule takes path, http_method and body.`);
        return undefined;
    }
    if (schedule.body !== undefined) {
        problems.push(`${at}: body and the overrides (${keys.join(', ')}) are exclusive: the overrides are sent as the body.`);
        return undefined;
    }
    const container = {};
    if (schedule.args !== undefined)
        container.args = schedule.args;
    if (schedule.env_vars && typeof schedule.env_vars === 'object') {
        container.env = Object.entries(schedule.env_vars).map(([name, value]) => ({ name, value: String(value) }));
    }
    const overrides = {};
    if (Object.keys(container).length)
        overrides.containerOverrides = [container];
    if (schedule.task_count !== undefined)
        overrides.taskCount = schedule.task_count;
    if (schedule.task_timeout !== undefined) {
        const seconds = (0,duration/* parseDuration */.E)(String(schedule.task_timeout));
        if (seconds === undefined || seconds < 1 || seconds > 168 * 3600) {
            problems.push(`${at}.task_timeout: ${(0,lists/* quote */.hD)(String(schedule.task_timeout))} is not allowed: use a duration from 1s to 168h, such as 90s, 10m, 2h or 1h30m.`);
        }
        else {
            overrides.timeoutSeconds = seconds;
        }
    }
    return JSON.stringify({ overrides });
}
function workloadConfig(fleet, workload, index, get, problems, ids) {
    const at = `workloads[${index}]`;
    if (!Array.isArray(workload.schedules))
        return parseWorkload(fleet, workload, get, problems, (input) => `${at}.${input}`, ids);
    // Several schedules: the workload with each schedule's trigger inputs, read as the inputs are.
    const base = Object.fromEntries(Object.entries(workload).filter(([k]) => k !== 'schedules' && !SCHEDULE_KEYS.includes(k)));
    const configs = workload.schedules.map((item, k) => {
        const schedule = item;
        const where = `${at}.schedules[${k}]`;
        const body = overridesBody(schedule, workload.kind, where, problems);
        const own = {
            ...base,
            ...Object.fromEntries(SCHEDULE_KEYS.filter((key) => schedule[key] !== undefined).map((key) => [key, schedule[key]])),
            // A schedule without its own time zone takes the workload's (or the defaults').
            ...(schedule.time_zone === undefined && workload.time_zone !== undefined ? { time_zone: workload.time_zone } : {}),
            scheduler_job: `${String(workload.name)}-${String(schedule.id)}`,
            ...(body !== undefined ? { body } : {}),
        };
        return parseWorkload(fleet, own, get, problems, (input) => (SCHEDULE_KEYS.includes(input) ? `${where}.${input}` : input === 'body' ? where : `${at}.${input}`), ids);
    });
    const [first, ...more] = configs;
    if (!first || more.some((c) => c === undefined))
        return undefined;
    first.moreSchedules = more.map((c) => c.schedule);
    return first;
}
function parseWorkload(fleet, workload, get, problems, pathOf, ids) {
    const input = (name) => {
        if (FLEET_ONLY.includes(name))
            return '';
        if (FLEET_WIDE_INPUTS.includes(name) && !(name === 'region' && workload.region !== undefined)) {
            return get(name);
        }
        return name in workload ? asInput(name, workload[name]) : '';
    };
    try {
        // The commit-sha label as in single mode: a workload of a fleet is labelled the same way.
        const config = (0,parse_config/* parseConfig */.o)(input, { deferWarnings: true, ...ids });
        // The fleet id goes into the owner record (src/ownership/record.ts) of everything it deploys.
        config.fleet = fleet;
        return config;
    }
    catch (err) {
        const errors = err instanceof types/* InputError */.d ? ('errors' in err ? err.errors : [err]) : [];
        if (errors.length === 0)
            throw err;
        for (const e of errors) {
            const where = FLEET_WIDE_INPUTS.includes(e.input) && !(e.input === 'region' && workload.region !== undefined) ? `Input '${e.input}'` : pathOf(e.input);
            const line = `${where}: ${e.message.replace(/^Input '[^']+': /, '')}`;
            if (!problems.includes(line))
                problems.push(line);
        }
        return undefined;
    }
}


/***/ })

};
