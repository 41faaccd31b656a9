export const id = 590;
export const ids = [590];
export const modules = {

/***/ 222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FLEET_WIDE_INPUTS: () => (/* binding */ FLEET_WIDE_INPUTS),
  ManifestError: () => (/* binding */ ManifestError),
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
// EXTERNAL MODULE: ./src/config/parse-config.ts + 4 modules
var parse_config = __webpack_require__(2286);
// EXTERNAL MODULE: ./src/config/inputs.ts
var inputs = __webpack_require__(4389);
// EXTERNAL MODULE: ./src/config/duration.ts
var duration = __webpack_require__(7840);
// EXTERNAL MODULE: ./src/config/lists.ts
var lists = __webpack_require__(5979);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/fleet/prune.ts
var prune = __webpack_require__(144);
;// CONCATENATED MODULE: ./schema/manifest.schema.json
const manifest_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/cloud-run-cron/cloud-run-cron/schema/manifest.schema.json","title":"cloud-run-cron fleet manifest","type":"object","additionalProperties":false,"required":["version","fleet","workloads"],"properties":{"version":{"const":1,"description":"Manifest format version: 1."},"fleet":{"type":"string","description":"Owner id of the fleet: what it deploys is labelled with it, and prune deletes only what carries it.","pattern":"^[a-z][a-z0-9-]{0,62}$"},"defaults":{"type":"object","additionalProperties":false,"description":"Any workload key; a workload\'s own value wins.","properties":{"kind":{"type":"string","description":"job (default) or service.","enum":["job","service"]},"region":{"type":"string","description":"Cloud Run region; default the region input."},"image":{"type":"string","description":"Container image."},"runtime_service_account":{"type":"string","description":"Service account the container runs as."},"env_vars":{"type":"object","description":"Environment variables, NAME: value.","additionalProperties":{"type":["string","number","boolean"]}},"env_vars_update_strategy":{"type":"string","description":"merge or overwrite.","enum":["merge","overwrite"]},"secrets":{"type":"object","description":"Secret Manager secrets as variables, NAME: SECRET:VERSION.","additionalProperties":{"type":["string","number","boolean"]}},"secrets_update_strategy":{"type":"string","description":"merge or overwrite.","enum":["merge","overwrite"]},"labels":{"type":"object","description":"Labels, key: value.","additionalProperties":{"type":["string","number","boolean"]}},"skip_default_labels":{"type":"boolean","description":"Leave out managed-by=cloud-run-cron (fleet mode still adds its ownership labels)."},"command":{"type":"array","items":{"type":"string"},"description":"Container entrypoint."},"args":{"type":"array","items":{"type":"string"},"description":"Container arguments."},"cpu":{"type":["string","number"],"description":"CPU, such as 1 or 1000m."},"memory":{"type":"string","description":"Memory, such as 512Mi."},"vpc_network":{"type":"string","description":"Direct VPC egress: a network name, or projects/PROJECT/global/networks/NAME."},"vpc_subnetwork":{"type":"string","description":"Direct VPC egress: a subnetwork name, or projects/PROJECT/regions/REGION/subnetworks/NAME."},"vpc_egress":{"type":"string","description":"Which traffic goes through the VPC.","enum":["all-traffic","private-ranges-only"]},"vpc_connector":{"type":"string","description":"Serverless VPC Access connector: a name, or projects/PROJECT/locations/REGION/connectors/NAME."},"cloudsql_instances":{"type":["array","string"],"items":{"type":"string"},"description":"Cloud SQL instance connection names, PROJECT:REGION:INSTANCE."},"execution_environment":{"type":"string","description":"gen1 or gen2.","enum":["gen1","gen2"]},"gpu":{"type":"integer","description":"GPUs per instance: 1, or 0 to remove the GPU.","minimum":0},"gpu_type":{"type":"string","description":"GPU type, with gpu: 1.","enum":["nvidia-l4"]},"spec":{"type":["object","string"],"description":"A partial Cloud Run v2 Job or Service in REST field names (a mapping, or YAML/JSON text), merged over what the inputs set."},"cpu_throttling":{"type":"boolean","description":"Service: CPU only during requests (true) or always allocated (false)."},"startup_cpu_boost":{"type":"boolean","description":"Service: more CPU while an instance starts."},"tasks":{"type":"integer","description":"Job: tasks per execution, 1-10000.","minimum":1,"maximum":10000},"parallelism":{"type":"integer","description":"Job: tasks at once.","minimum":0},"max_retries":{"type":"integer","description":"Job: retries per task, 0-10.","minimum":0,"maximum":10},"task_timeout":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"timeout":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"concurrency":{"type":"integer","description":"Service: requests per instance.","minimum":1,"maximum":1000},"min_instances":{"type":"integer","description":"Service: minimum instances.","minimum":0},"max_instances":{"type":"integer","description":"Service: maximum instances.","minimum":0},"ingress":{"type":"string","description":"Service ingress.","enum":["all","internal","internal-and-cloud-load-balancing"]},"allow_unauthenticated":{"type":"boolean","description":"Service: grant allUsers the invoker role."},"scheduler_region":{"type":"string","description":"Scheduler region; default the workload\'s region."},"invoker_service_account":{"type":"string","description":"Account Cloud Scheduler calls the workload as."},"time_zone":{"type":"string","description":"IANA time zone, default Etc/UTC."},"state":{"type":"string","description":"present (default) or absent: absent removes the workload (its Scheduler job first), even without prune.","enum":["present","absent"]},"force":{"type":"boolean","description":"With state: absent, also remove what does not carry managed-by=cloud-run-cron."},"paused":{"type":"boolean","description":"true creates or keeps the Scheduler job paused."},"retry_count":{"type":"integer","description":"Scheduler retries, 0-5.","minimum":0,"maximum":5},"attempt_deadline":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"path":{"type":"string","description":"Service only: path the Scheduler job calls, default /."},"http_method":{"type":"string","description":"HTTP method of the trigger (a job: POST only).","enum":["POST","GET","PUT","PATCH","DELETE","HEAD","OPTIONS","post","get","put","patch","delete","head","options"]},"body":{"type":["string","object"],"description":"Request body the trigger sends (an object is sent as JSON)."}}},"workloads":{"type":["array","null"],"items":{"$ref":"#/definitions/workload"}}},"definitions":{"workload":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","description":"Cloud Run job or service name.","pattern":"^[a-z]([a-z0-9-]{0,47}[a-z0-9])?$"},"kind":{"type":"string","description":"job (default) or service.","enum":["job","service"]},"region":{"type":"string","description":"Cloud Run region; default the region input."},"image":{"type":"string","description":"Container image."},"runtime_service_account":{"type":"string","description":"Service account the container runs as."},"env_vars":{"type":"object","description":"Environment variables, NAME: value.","additionalProperties":{"type":["string","number","boolean"]}},"env_vars_update_strategy":{"type":"string","description":"merge or overwrite.","enum":["merge","overwrite"]},"secrets":{"type":"object","description":"Secret Manager secrets as variables, NAME: SECRET:VERSION.","additionalProperties":{"type":["string","number","boolean"]}},"secrets_update_strategy":{"type":"string","description":"merge or overwrite.","enum":["merge","overwrite"]},"labels":{"type":"object","description":"Labels, key: value.","additionalProperties":{"type":["string","number","boolean"]}},"skip_default_labels":{"type":"boolean","description":"Leave out managed-by=cloud-run-cron (fleet mode still adds its ownership labels)."},"command":{"type":"array","items":{"type":"string"},"description":"Container entrypoint."},"args":{"type":"array","items":{"type":"string"},"description":"Container arguments."},"cpu":{"type":["string","number"],"description":"CPU, such as 1 or 1000m."},"memory":{"type":"string","description":"Memory, such as 512Mi."},"vpc_network":{"type":"string","description":"Direct VPC egress: a network name, or projects/PROJECT/global/networks/NAME."},"vpc_subnetwork":{"type":"string","description":"Direct VPC egress: a subnetwork name, or projects/PROJECT/regions/REGION/subnetworks/NAME."},"vpc_egress":{"type":"string","description":"Which traffic goes through the VPC.","enum":["all-traffic","private-ranges-only"]},"vpc_connector":{"type":"string","description":"Serverless VPC Access connector: a name, or projects/PROJECT/locations/REGION/connectors/NAME."},"cloudsql_instances":{"type":["array","string"],"items":{"type":"string"},"description":"Cloud SQL instance connection names, PROJECT:REGION:INSTANCE."},"execution_environment":{"type":"string","description":"gen1 or gen2.","enum":["gen1","gen2"]},"gpu":{"type":"integer","description":"GPUs per instance: 1, or 0 to remove the GPU.","minimum":0},"gpu_type":{"type":"string","description":"GPU type, with gpu: 1.","enum":["nvidia-l4"]},"spec":{"type":["object","string"],"description":"A partial Cloud Run v2 Job or Service in REST field names (a mapping, or YAML/JSON text), merged over what the inputs set."},"cpu_throttling":{"type":"boolean","description":"Service: CPU only during requests (true) or always allocated (false)."},"startup_cpu_boost":{"type":"boolean","description":"Service: more CPU while an instance starts."},"tasks":{"type":"integer","description":"Job: tasks per execution, 1-10000.","minimum":1,"maximum":10000},"parallelism":{"type":"integer","description":"Job: tasks at once.","minimum":0},"max_retries":{"type":"integer","description":"Job: retries per task, 0-10.","minimum":0,"maximum":10},"task_timeout":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"timeout":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"concurrency":{"type":"integer","description":"Service: requests per instance.","minimum":1,"maximum":1000},"min_instances":{"type":"integer","description":"Service: minimum instances.","minimum":0},"max_instances":{"type":"integer","description":"Service: maximum instances.","minimum":0},"ingress":{"type":"string","description":"Service ingress.","enum":["all","internal","internal-and-cloud-load-balancing"]},"allow_unauthenticated":{"type":"boolean","description":"Service: grant allUsers the invoker role."},"scheduler_job":{"type":"string","description":"Scheduler job ID; default NAME-schedule."},"scheduler_region":{"type":"string","description":"Scheduler region; default the workload\'s region."},"invoker_service_account":{"type":"string","description":"Account Cloud Scheduler calls the workload as."},"schedule":{"type":"string","description":"unix-cron, 5 fields, such as \'0 3 * * *\'."},"time_zone":{"type":"string","description":"IANA time zone, default Etc/UTC."},"state":{"type":"string","description":"present (default) or absent: absent removes the workload (its Scheduler job first), even without prune.","enum":["present","absent"]},"force":{"type":"boolean","description":"With state: absent, also remove what does not carry managed-by=cloud-run-cron."},"paused":{"type":"boolean","description":"true creates or keeps the Scheduler job paused."},"retry_count":{"type":"integer","description":"Scheduler retries, 0-5.","minimum":0,"maximum":5},"attempt_deadline":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"path":{"type":"string","description":"Service only: path the Scheduler job calls, default /."},"http_method":{"type":"string","description":"HTTP method of the trigger (a job: POST only).","enum":["POST","GET","PUT","PATCH","DELETE","HEAD","OPTIONS","post","get","put","patch","delete","head","options"]},"body":{"type":["string","object"],"description":"Request body the trigger sends (an object is sent as JSON)."},"schedules":{"type":"array","minItems":1,"description":"Several schedules: Scheduler job NAME-ID each.","items":{"$ref":"#/definitions/schedule"}}}},"schedule":{"type":"object","additionalProperties":false,"required":["id","schedule"],"properties":{"id":{"type":"string","description":"Schedule ID: the Scheduler job is NAME-ID.","pattern":"^[a-z0-9-]{1,40}$"},"schedule":{"type":"string","description":"unix-cron, 5 fields, such as \'0 3 * * *\'."},"time_zone":{"type":"string","description":"IANA time zone, default Etc/UTC."},"paused":{"type":"boolean","description":"true creates or keeps the Scheduler job paused."},"retry_count":{"type":"integer","description":"Scheduler retries, 0-5.","minimum":0,"maximum":5},"attempt_deadline":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."},"path":{"type":"string","description":"Service only: path the Scheduler job calls, default /."},"http_method":{"type":"string","description":"HTTP method of the trigger (a job: POST only).","enum":["POST","GET","PUT","PATCH","DELETE","HEAD","OPTIONS","post","get","put","patch","delete","head","options"]},"body":{"type":["string","object"],"description":"Request body the trigger sends (an object is sent as JSON)."},"args":{"type":"array","items":{"type":"string"},"description":"Job override: container arguments for this schedule."},"env_vars":{"type":"object","description":"Job override: environment variables for this schedule.","additionalProperties":{"type":["string","number","boolean"]}},"task_count":{"type":"integer","description":"Job override: tasks for this schedule.","minimum":1,"maximum":10000},"task_timeout":{"type":["string","integer"],"description":"A duration: 90s, 10m, 2h, 1h30m, or a number of seconds."}}}}}');
;// CONCATENATED MODULE: ./src/fleet/manifest.ts
// Fleet mode's manifest: a YAML file of every workload -> one validated Config per workload.
// The file is checked against schema/manifest.schema.json (the same file editors use), then
// each workload is read by the single-workload input parser, so a workload key means exactly
// what the input of that name means. Every problem of the file is reported at once, each with
// its path, before any request. Loaded only in fleet mode (the YAML parser and the JSON Schema
// validator are not on the single-workload start-up path).









/** Inputs that stay inputs in fleet mode and apply to every workload. */
const FLEET_WIDE_INPUTS = [
    'workload_identity_provider', 'service_account', 'audience', 'project_id', 'region',
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
    const data = await parseYaml(path, text);
    const expanded = expandVariables(data, env, problems);
    problems.push(...(await validateAgainstSchema(expanded)));
    const manifest = expanded;
    const workloads = manifest.workloads ?? [];
    // Duplicates are found in any file whose workloads are objects, with the schema's problems.
    const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (Array.isArray(workloads) && workloads.every(isObject)) {
        problems.push(...duplicates(workloads, isObject(manifest.defaults) ? manifest.defaults : {}));
    }
    if (problems.length > 0)
        throw new ManifestError(path, problems);
    if (settings.only) {
        const names = new Set(workloads.map((w) => w.name));
        for (const name of settings.only.filter((n) => !names.has(n)))
            problems.push(`Input 'only': ${(0,lists/* quote */.hD)(name)} is not a workload of the manifest.`);
    }
    const configs = [];
    const keys = new Map();
    workloads.forEach((workload, index) => {
        if (settings.only && !settings.only.includes(String(workload.name)))
            return;
        const own = { ...(manifest.defaults ?? {}), ...workload };
        const config = workloadConfig(manifest.fleet, own, index, get, problems, env.GITHUB_SHA);
        if (!config)
            return;
        configs.push(config);
        keys.set(config, new Set(Object.keys(own).filter((k) => own[k] !== null)));
    });
    if (problems.length > 0)
        throw new ManifestError(path, problems);
    const isSet = (config, input) => keys.get(config)?.has(input) === true || (FLEET_WIDE_INPUTS.includes(input) && get(input) !== '');
    return { ...settings, id: manifest.fleet, configs, isSet };
}
async function parseYaml(path, text) {
    const { parseDocument } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
        throw new ManifestError(path, doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`));
    }
    return doc.toJS();
}
/** `${VAR}` in any string, from the step's environment; an unset one is named with its workload. */
function expandVariables(data, env, problems) {
    const walk = (value, path, workload) => {
        if (typeof value === 'string') {
            return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => {
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
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k, own)]));
        }
        return value;
    };
    return walk(data, '', undefined);
}
/** Every problem the JSON Schema finds, each with its path; unknown keys with the nearest valid name. */
async function validateAgainstSchema(data) {
    const { default: Ajv } = await __webpack_require__.e(/* import() */ 160).then(__webpack_require__.t.bind(__webpack_require__, 1160, 23));
    const ajv = new Ajv({ allErrors: true, verbose: true, jsonPointers: false });
    const validate = ajv.compile(manifest_schema_namespaceObject);
    if (validate(data))
        return [];
    const seen = new Set();
    const problems = [];
    for (const e of (validate.errors ?? [])) {
        const at = e.dataPath.replace(/^\./, '').replace(/\['([^']+)'\]/g, '.$1') || '(top level)';
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
        return key === 'cloudsql_instances' ? value.map(String).join('\n') : JSON.stringify(value);
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
function workloadConfig(fleet, workload, index, get, problems, commitSha) {
    const at = `workloads[${index}]`;
    if (!Array.isArray(workload.schedules))
        return parseWorkload(fleet, workload, get, problems, (input) => `${at}.${input}`, commitSha);
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
        return parseWorkload(fleet, own, get, problems, (input) => (SCHEDULE_KEYS.includes(input) ? `${where}.${input}` : input === 'body' ? where : `${at}.${input}`), commitSha);
    });
    const [first, ...more] = configs;
    if (!first || more.some((c) => c === undefined))
        return undefined;
    first.moreSchedules = more.map((c) => c.schedule);
    return first;
}
function parseWorkload(fleet, workload, get, problems, pathOf, commitSha) {
    const input = (name) => {
        if (FLEET_ONLY.includes(name))
            return '';
        if (FLEET_WIDE_INPUTS.includes(name) && !(name === 'region' && workload.region !== undefined)) {
            return get(name);
        }
        return name in workload ? asInput(name, workload[name]) : '';
    };
    try {
        // The commit-sha label as in single mode (issue 13): a workload of a fleet is labelled the same way.
        const config = (0,parse_config/* parseConfig */.o)(input, { deferWarnings: true, commitSha });
        config.fleet = fleet;
        config.labels = { ...config.labels, 'managed-by': 'cloud-run-cron', [prune/* FLEET_LABEL */._5]: fleet };
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


/***/ }),

/***/ 4937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $U: () => (/* binding */ enumName),
/* harmony export */   DI: () => (/* binding */ bytesBase64),
/* harmony export */   R5: () => (/* binding */ timestampMs),
/* harmony export */   Ro: () => (/* binding */ toNumber),
/* harmony export */   o8: () => (/* binding */ durationSeconds),
/* harmony export */   p0: () => (/* binding */ duration),
/* harmony export */   xm: () => (/* binding */ CONDITION_STATES)
/* harmony export */ });
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


/***/ })

};
