export const id = 999;
export const ids = [999];
export const modules = {

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


/***/ }),

/***/ 4999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ specChanges),
/* harmony export */   $f: () => (/* binding */ overlaps),
/* harmony export */   LG: () => (/* binding */ specEnvValues),
/* harmony export */   S_: () => (/* binding */ mergeSpec),
/* harmony export */   WT: () => (/* binding */ specLeaves),
/* harmony export */   gy: () => (/* binding */ fieldsSetBySpec)
/* harmony export */ });
/* harmony import */ var _errors_scrub_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(356);
/* harmony import */ var _workload_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9124);


const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Lists merged entry by entry (by position), not replaced. */
const MERGED_LISTS = new Set(['containers']);
/** The values spec sets: scalars, lists (replaced whole) and empty maps; containers entry by entry. */
function specLeaves(spec, segments = []) {
    return Object.entries(spec).flatMap(([key, value]) => {
        const here = [...segments, key];
        if (MERGED_LISTS.has(key) && Array.isArray(value)) {
            return value.flatMap((entry, i) => (isObject(entry) ? specLeaves(entry, [...here, i]) : [leaf([...here, i], entry)]));
        }
        if (isObject(value) && Object.keys(value).length > 0)
            return specLeaves(value, here);
        return [leaf(here, value)];
    });
}
function leaf(segments, value) {
    const path = segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
    return { path, segments, value };
}
/** Merges `spec` into `target` in place. */
function mergeSpec(target, spec) {
    for (const [key, value] of Object.entries(spec)) {
        const current = target[key];
        if (MERGED_LISTS.has(key) && Array.isArray(value) && Array.isArray(current)) {
            const merged = current.map((c) => structuredClone(c));
            value.forEach((entry, i) => {
                if (isObject(entry) && isObject(merged[i]))
                    mergeSpec(merged[i], entry);
                else
                    merged[i] = structuredClone(entry);
            });
            target[key] = merged;
        }
        else if (isObject(value) && isObject(current)) {
            mergeSpec(current, value);
        }
        else {
            target[key] = structuredClone(value);
        }
    }
}
function at(resource, segments) {
    let v = resource;
    for (const s of segments)
        v = v === null || typeof v !== 'object' ? undefined : v[s];
    return v;
}
/**
 * Whether the live value already is what spec asks for. Only what spec gives is compared (the
 * server fills in the rest); proto3 leaves zero values out of what it returns; int64 comes back
 * as a string.
 */
function covers(live, wanted) {
    if (Array.isArray(wanted))
        return Array.isArray(live) && live.length === wanted.length && wanted.every((w, i) => covers(live[i], w));
    if (isObject(wanted))
        return Object.entries(wanted).every(([k, w]) => covers(isObject(live) ? live[k] : undefined, w));
    if (live === undefined || live === null)
        return wanted === false || wanted === 0 || wanted === '' || wanted === null;
    return live === wanted || (typeof live !== 'object' && String(live) === String(wanted));
}
/** A container's env list as names and values (a secret reference stands for its value). */
function envPairs(list) {
    return (Array.isArray(list) ? list : []).filter(isObject).map((e) => ({
        name: String(e.name ?? ''),
        value: e.valueSource !== undefined ? JSON.stringify(e.valueSource) : String(e.value ?? ''),
    }));
}
const isEnvList = (l) => l.segments.at(-1) === 'env' && typeof l.segments.at(-2) === 'number';
/** Every env var value spec gives (for the scrubbing of messages and the trace). */
function specEnvValues(spec) {
    return specLeaves(spec)
        .filter(isEnvList)
        .flatMap((l) => (Array.isArray(l.value) ? l.value : []).filter(isObject).map((e) => e.value))
        .filter((v) => typeof v === 'string');
}
/**
 * The plan's lines for spec: each value it sets that the live resource does not have yet. An env
 * list is shown as what happens to each variable, never with its values.
 */
function specChanges(spec, current) {
    return specLeaves(spec)
        .filter((l) => current === undefined || !covers(at(current, l.segments), l.value))
        .map((l) => {
        const field = `spec.${l.path}`;
        if (isEnvList(l))
            return { field, after: (0,_errors_scrub_js__WEBPACK_IMPORTED_MODULE_1__/* .envValueChanges */ .mF)(envPairs(at(current, l.segments)), envPairs(l.value)) };
        return current === undefined ? { field, after: l.value } : { field, before: at(current, l.segments), after: l.value };
    });
}
/** Whether a spec path and a field path overlap (one is the other or inside it). */
function overlaps(specPath, fieldPath) {
    const inside = (a, b) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
    return inside(specPath, fieldPath) || inside(fieldPath, specPath);
}
/** The fields of the table that spec sets (their inputs are empty: run/spec.ts refused the rest). */
function fieldsSetBySpec(spec, kind) {
    const leaves = specLeaves(spec);
    return new Set(_workload_js__WEBPACK_IMPORTED_MODULE_0__/* .FIELD_PATHS */ .Q7.filter((f) => !f.kinds || f.kinds.includes(kind))
        .filter((f) => f.paths.some((p) => leaves.some((l) => overlaps(l.path, (0,_workload_js__WEBPACK_IMPORTED_MODULE_0__/* .resourcePath */ .oU)(p, kind)))))
        .map((f) => f.field));
}


/***/ }),

/***/ 9124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ stampDeploy),
/* harmony export */   Q7: () => (/* binding */ FIELD_PATHS),
/* harmony export */   VV: () => (/* binding */ fieldsFor),
/* harmony export */   WU: () => (/* binding */ latestRevisionTraffic),
/* harmony export */   d9: () => (/* binding */ envValuesOf),
/* harmony export */   my: () => (/* binding */ serviceReadiness),
/* harmony export */   oU: () => (/* binding */ resourcePath)
/* harmony export */ });
/* unused harmony exports DEPLOY_ANNOTATION, INGRESS_BY_INPUT, cpuMillis, memoryBytes, canonicalCpu, canonicalMemory, DEFAULT_CPU, DEFAULT_MEMORY, givenOrDefault, DEFAULT_COMPUTE_ACCOUNT, WORKLOAD_FIELDS, GPU_LIMIT, CLOUDSQL_MOUNT, RUNTIME_FIELDS */
/* harmony import */ var _config_lists_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5979);
/* harmony import */ var _ownership_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8132);
/* harmony import */ var _google_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4937);



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
/** Every plain env var value of every container of the resource (for scrubSecrets). */
function envValuesOf(r, kind) {
    const containers = (readTemplate(r, kind).containers ?? []);
    return containers.flatMap((c) => plainEnv(c.env).map((e) => e.value));
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
/**
 * Empty means "leave it as it is": the value given, else nothing to manage on an update (the
 * live value stays), else, on a create, the default. The one rule every input that maps to a
 * setting of the job or service follows (docs/safety.md).
 */
function givenOrDefault(given, current, createDefault) {
    if (given !== undefined)
        return given;
    return current ? undefined : createDefault;
}
/** runtime_service_account: default — the project's default compute account, chosen explicitly. */
const DEFAULT_COMPUTE_ACCOUNT = '(default compute account)';
const isComputeAccount = (sa) => sa.endsWith('-compute@developer.gserviceaccount.com');
const both = ['job', 'service'];
/** Fields of the revision/task template: one definition, a default per kind. */
function templateNumber(field, key, kinds, defaults, fromConfig, isDuration = false) {
    const get = (v) => (isDuration ? (0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .durationSeconds */ .o8)(v) : (0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .toNumber */ .Ro)(v));
    return {
        field,
        kinds,
        read: (r, kind) => (r ? (get(readTemplate(r, kind)[key]) ?? defaults[kind]) : undefined),
        desired: (c, cur) => givenOrDefault(fromConfig(c), cur, defaults[c.kind]),
        write: (r, kind, v) => {
            if (v === undefined)
                return;
            revisionTemplate(r, kind)[key] = isDuration ? (0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .duration */ .p0)(v) : v;
        },
    };
}
/** A container resource limit, compared in one canonical spelling ('1' == '1000m'). */
function resourceLimit(field, key, fallback, canonical, fromConfig) {
    return {
        field,
        kinds: both,
        read: (r, kind) => (r ? canonical(readContainer(r, kind).resources?.limits?.[key] ?? fallback) : undefined),
        desired: (c, cur) => {
            const value = givenOrDefault(fromConfig(c), cur, fallback);
            return value === undefined ? undefined : canonical(value);
        },
        write: (r, kind, v) => {
            if (v === undefined)
                return;
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
        desired: (c, cur) => givenOrDefault(c.command, cur, []),
        write: (r, kind, v) => {
            if (v !== undefined)
                container(r, kind).command = v;
        },
    },
    {
        field: 'args',
        kinds: both,
        read: (r, kind) => (r ? [...(readContainer(r, kind).args ?? [])] : undefined),
        desired: (c, cur) => givenOrDefault(c.args, cur, []),
        write: (r, kind, v) => {
            if (v !== undefined)
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
        // An empty runtime account on the resource means the default compute account, which the server fills in.
        read: (r, kind) => {
            if (!r)
                return undefined;
            const sa = readTemplate(r, kind).serviceAccount;
            return !sa || isComputeAccount(sa) ? DEFAULT_COMPUTE_ACCOUNT : sa;
        },
        // 'default', or a default compute account named in the input, is the account the server
        // fills in; empty keeps the live account (a create without one is refused by the planner).
        desired: (c) => {
            const sa = c.runtimeServiceAccount;
            if (sa === undefined)
                return undefined;
            return sa === 'default' || isComputeAccount(sa) ? DEFAULT_COMPUTE_ACCOUNT : sa;
        },
        write: (r, kind, v) => {
            if (v === undefined)
                return;
            const t = revisionTemplate(r, kind);
            if (v === DEFAULT_COMPUTE_ACCOUNT) {
                if (!isComputeAccount(String(t.serviceAccount ?? '')))
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
        read: (r) => (r ? ((0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .toNumber */ .Ro)(r.template?.taskCount) || 1) : undefined),
        desired: (c, cur) => givenOrDefault(c.job.tasks, cur, 1),
        write: (r, _k, v) => {
            if (v === undefined)
                return;
            const job = r;
            job.template = { ...job.template, taskCount: v };
        },
    },
    {
        field: 'parallelism',
        kinds: ['job'],
        // 0 or unset: as many as possible.
        read: (r) => (r ? ((0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .toNumber */ .Ro)(r.template?.parallelism) ?? 0) : undefined),
        desired: (c, cur) => givenOrDefault(c.job.parallelism, cur, 0),
        write: (r, _k, v) => {
            if (v === undefined)
                return;
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
            return (0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .toNumber */ .Ro)(t.maxInstanceRequestConcurrency) || defaultConcurrency(readContainer(r, 'service').resources?.limits?.cpu ?? DEFAULT_CPU);
        },
        desired: (c, cur) => givenOrDefault(c.service.concurrency, cur, defaultConcurrency(c.cpu ?? DEFAULT_CPU)),
        write: (r, kind, v) => {
            if (v !== undefined)
                revisionTemplate(r, kind).maxInstanceRequestConcurrency = v;
        },
    },
    {
        field: 'min_instances',
        kinds: ['service'],
        read: (r) => (r ? ((0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .toNumber */ .Ro)(r.template?.scaling?.minInstanceCount) ?? 0) : undefined),
        desired: (c, cur) => givenOrDefault(c.service.minInstances, cur, 0),
        write: (r, _k, v) => {
            if (v === undefined)
                return;
            const t = revisionTemplate(r, 'service');
            t.scaling = { ...t.scaling, minInstanceCount: v };
        },
    },
    {
        field: 'max_instances',
        kinds: ['service'],
        read: (r) => (r ? (0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .toNumber */ .Ro)(r.template?.scaling?.maxInstanceCount) : undefined),
        // Left empty: the live value on an update, Cloud Run's own default on a create.
        desired: (c) => c.service.maxInstances,
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
        read: (r) => (r ? ((0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .enumName */ .$U)(r.ingress, INGRESS_NAMES) ?? 'INGRESS_TRAFFIC_ALL').replace('INGRESS_TRAFFIC_UNSPECIFIED', 'INGRESS_TRAFFIC_ALL') : undefined),
        desired: (c, cur) => givenOrDefault(c.service.ingress && INGRESS_BY_INPUT[c.service.ingress], cur, INGRESS_BY_INPUT.all),
        write: (r, _k, v) => {
            if (v !== undefined)
                r.ingress = v;
        },
    },
    {
        field: 'labels',
        kinds: both,
        read: (r) => (r ? sortedRecord(r.labels ?? {}) : undefined),
        // Labels set elsewhere are kept; the ones given here win; the owner record replaces any earlier one.
        desired: (c, cur) => sortedRecord((0,_ownership_record_js__WEBPACK_IMPORTED_MODULE_2__/* .withRecordLabels */ .lt)({ ...(cur?.labels ?? {}), ...c.labels }, (0,_ownership_record_js__WEBPACK_IMPORTED_MODULE_2__/* .recordOf */ .zv)(c))),
        write: (r, _k, v) => {
            r.labels = v;
        },
    },
];
function sortedRecord(record) {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
const EGRESS_NAMES = ['VPC_EGRESS_UNSPECIFIED', 'ALL_TRAFFIC', 'PRIVATE_RANGES_ONLY'];
const EGRESS_BY_INPUT = { 'all-traffic': 'ALL_TRAFFIC', 'private-ranges-only': 'PRIVATE_RANGES_ONLY' };
const EXECUTION_ENVIRONMENTS = ['EXECUTION_ENVIRONMENT_UNSPECIFIED', 'EXECUTION_ENVIRONMENT_GEN1', 'EXECUTION_ENVIRONMENT_GEN2'];
const GPU_LIMIT = 'nvidia.com/gpu';
const CLOUDSQL_MOUNT = '/cloudsql';
function readVpc(r, kind) {
    const access = readTemplate(r, kind).vpcAccess;
    const nic = access?.networkInterfaces?.[0];
    if (!access?.connector && !nic)
        return undefined;
    // Unset egress is PRIVATE_RANGES_ONLY (google/cloud/run/v2/vendor_settings.proto, VpcAccess.egress).
    const egress = (0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .enumName */ .$U)(access.egress, EGRESS_NAMES) === 'ALL_TRAFFIC' ? 'all-traffic' : 'private-ranges-only';
    if (access.connector)
        return { mode: 'connector', connector: access.connector, egress };
    return { mode: 'direct', ...(nic?.network ? { network: nic.network } : {}), ...(nic?.subnetwork ? { subnetwork: nic.subnetwork } : {}), egress };
}
/** A name given short (`main`) is the live one when that is its full form (`projects/p/global/networks/main`). */
function sameOrGiven(given, live) {
    if (given === undefined)
        return undefined;
    return live !== undefined && !given.includes('/') && live.endsWith(`/${given}`) ? live : given;
}
function desiredVpc(c, cur) {
    const v = c.runtime.vpc;
    if (!v)
        return undefined;
    const live = readVpc(cur, c.kind);
    const mode = v.connector ? 'connector' : v.network || v.subnetwork ? 'direct' : live?.mode;
    if (!mode)
        return undefined;
    const same = live?.mode === mode ? live : undefined;
    const egress = v.egress ?? same?.egress ?? 'private-ranges-only';
    if (mode === 'connector')
        return { mode, connector: sameOrGiven(v.connector, same?.connector) ?? same?.connector, egress };
    // A part not given (a network without a subnetwork) is what the live interface has, unless the
    // part given changes (a subnetwork belongs to its network).
    const givenNetwork = sameOrGiven(v.network, same?.network);
    const givenSubnetwork = sameOrGiven(v.subnetwork, same?.subnetwork);
    const network = givenNetwork ?? (givenSubnetwork === undefined || givenSubnetwork === same?.subnetwork ? same?.network : undefined);
    const subnetwork = givenSubnetwork ?? (givenNetwork === undefined || givenNetwork === same?.network ? same?.subnetwork : undefined);
    return { mode, ...(network ? { network } : {}), ...(subnetwork ? { subnetwork } : {}), egress };
}
function writeVpc(r, kind, value) {
    const v = value;
    if (!v)
        return;
    const t = revisionTemplate(r, kind);
    const egress = EGRESS_BY_INPUT[v.egress];
    if (v.mode === 'connector') {
        t.vpcAccess = { connector: v.connector, egress };
        return;
    }
    // Network tags set elsewhere stay.
    const tags = t.vpcAccess?.networkInterfaces?.[0]?.tags;
    t.vpcAccess = {
        egress,
        networkInterfaces: [{ ...(v.network ? { network: v.network } : {}), ...(v.subnetwork ? { subnetwork: v.subnetwork } : {}), ...(tags?.length ? { tags } : {}) }],
    };
}
function volumesOf(r, kind) {
    return (readTemplate(r, kind).volumes ?? []);
}
function cloudSqlOf(r, kind) {
    return volumesOf(r, kind).flatMap((v) => v.cloudSqlInstance?.instances ?? []).sort();
}
/** Puts (or, with `volume` undefined, removes) the volume `name` and its mount on the managed container. */
function setVolume(r, kind, name, volume, mountPath) {
    const t = revisionTemplate(r, kind);
    const ctr = container(r, kind);
    const volumes = (t.volumes ?? []).filter((v) => v.name !== name);
    const mounts = (ctr.volumeMounts ?? []).filter((m) => m.name !== name);
    if (volume && mountPath) {
        volumes.push(volume);
        mounts.push({ name, mountPath });
    }
    t.volumes = volumes;
    ctr.volumeMounts = mounts;
    if (!volumes.length)
        delete t.volumes;
    if (!mounts.length)
        delete ctr.volumeMounts;
}
/** Secret files: each item of a Secret Manager volume mounted on the managed container. */
function secretFilesOf(r, kind) {
    const mounts = readContainer(r, kind).volumeMounts ?? [];
    return volumesOf(r, kind)
        .filter((v) => v.secret?.items?.length)
        .flatMap((v) => {
        const mount = mounts.find((m) => m.name === v.name);
        if (!mount?.mountPath)
            return [];
        return (v.secret.items ?? []).map((i) => ({ path: `${mount.mountPath}/${i.path ?? ''}`, secret: v.secret.secret ?? '', version: i.version ?? 'latest' }));
    })
        .sort((a, b) => a.path.localeCompare(b.path));
}
/** A volume name from its directory, the same on every run (`/secrets/api` -> `secret-secrets-api`). */
function secretVolumeName(dir) {
    return `secret${dir.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 63).replace(/-+$/, '');
}
function writeSecretFiles(r, kind, value) {
    if (value === undefined)
        return;
    const files = value;
    const mounts = readContainer(r, kind).volumeMounts ?? [];
    // The secret volumes with items that the managed container mounts are this field's: replaced.
    for (const v of volumesOf(r, kind).filter((v) => v.secret?.items?.length && mounts.some((m) => m.name === v.name))) {
        setVolume(r, kind, v.name ?? '', undefined, undefined);
    }
    const byDir = new Map();
    for (const f of files)
        byDir.set((0,_config_lists_js__WEBPACK_IMPORTED_MODULE_0__/* .mountDir */ .Z4)(f.path), [...(byDir.get((0,_config_lists_js__WEBPACK_IMPORTED_MODULE_0__/* .mountDir */ .Z4)(f.path)) ?? []), f]);
    for (const [dir, inDir] of byDir) {
        const name = secretVolumeName(dir);
        const items = inDir.map((f) => ({ path: f.path.slice(dir.length + 1), version: f.version }));
        setVolume(r, kind, name, { name, secret: { secret: inDir[0].secret, items } }, dir);
    }
}
function readGpu(r, kind) {
    const count = Number(readContainer(r, kind).resources?.limits?.[GPU_LIMIT] ?? 0) || 0;
    const type = readTemplate(r, kind).nodeSelector?.accelerator;
    return count ? { count, ...(type ? { type } : {}) } : { count };
}
function containerFlag(field, key, fromConfig) {
    return {
        field,
        kinds: ['service'],
        // Unset reads as false: with resources set (the action always sets limits), cpu_idle must be
        // set explicitly to be true (google/cloud/run/v2/k8s.min.proto, ResourceRequirements.cpu_idle).
        read: (r) => (r ? readContainer(r, 'service').resources?.[key] === true : undefined),
        desired: (c) => fromConfig(c),
        write: (r, kind, v) => {
            if (v === undefined)
                return;
            const ctr = container(r, kind);
            ctr.resources = { ...ctr.resources, [key]: v };
        },
    };
}
const RUNTIME_FIELDS = [
    {
        field: 'vpc',
        kinds: both,
        read: (r, kind) => (r ? readVpc(r, kind) ?? null : undefined),
        desired: desiredVpc,
        write: writeVpc,
    },
    {
        field: 'cloudsql_instances',
        kinds: both,
        read: (r, kind) => (r ? cloudSqlOf(r, kind) : undefined),
        desired: (c) => (c.runtime.cloudSqlInstances ? [...c.runtime.cloudSqlInstances].sort() : undefined),
        write: (r, kind, v) => {
            if (v === undefined)
                return;
            const instances = v;
            const existing = volumesOf(r, kind).find((x) => x.cloudSqlInstance);
            const name = existing?.name ?? 'cloudsql';
            const mountPath = (readContainer(r, kind).volumeMounts ?? []).find((m) => m.name === name)?.mountPath ?? CLOUDSQL_MOUNT;
            setVolume(r, kind, name, instances.length ? { name, cloudSqlInstance: { instances } } : undefined, mountPath);
        },
    },
    {
        field: 'secret_files',
        kinds: both,
        read: (r, kind) => (r ? secretFilesOf(r, kind) : undefined),
        // Like secrets: merge keeps the files not named (by path); overwrite replaces them all.
        // With the secrets input empty, the live files stay.
        desired: (c, cur) => {
            if (!c.secretFiles.length && !c.secrets.length)
                return undefined;
            const named = (fs) => fs.map((f) => ({ ...f, name: f.path }));
            const merged = mergeByName(named(secretFilesOf(cur, c.kind)), named(c.secretFiles), c.secretsUpdateStrategy, new Set());
            return merged.map(({ path, secret, version }) => ({ path, secret, version })).sort((a, b) => a.path.localeCompare(b.path));
        },
        write: writeSecretFiles,
    },
    {
        field: 'execution_environment',
        kinds: both,
        read: (r, kind) => {
            if (!r)
                return undefined;
            const name = (0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .enumName */ .$U)(readTemplate(r, kind).executionEnvironment, EXECUTION_ENVIRONMENTS);
            return name === 'EXECUTION_ENVIRONMENT_GEN1' ? 'gen1' : name === 'EXECUTION_ENVIRONMENT_GEN2' ? 'gen2' : '(Cloud Run default)';
        },
        desired: (c) => c.runtime.executionEnvironment,
        write: (r, kind, v) => {
            if (v !== undefined)
                revisionTemplate(r, kind).executionEnvironment = v === 'gen1' ? 'EXECUTION_ENVIRONMENT_GEN1' : 'EXECUTION_ENVIRONMENT_GEN2';
        },
    },
    {
        field: 'gpu',
        kinds: both,
        read: (r, kind) => (r ? readGpu(r, kind) : undefined),
        desired: (c) => c.runtime.gpu,
        write: (r, kind, v) => {
            const gpu = v;
            if (!gpu)
                return;
            const t = revisionTemplate(r, kind);
            const ctr = container(r, kind);
            const limits = { ...ctr.resources?.limits };
            delete limits[GPU_LIMIT];
            if (gpu.count) {
                limits[GPU_LIMIT] = String(gpu.count);
                t.nodeSelector = { accelerator: gpu.type };
            }
            else
                delete t.nodeSelector;
            ctr.resources = { ...ctr.resources, limits };
        },
    },
    containerFlag('cpu_throttling', 'cpuIdle', (c) => c.runtime.cpuThrottling),
    containerFlag('startup_cpu_boost', 'startupCpuBoost', (c) => c.runtime.startupCpuBoost),
];
function fieldsFor(kind) {
    return [...WORKLOAD_FIELDS, ...RUNTIME_FIELDS].filter((f) => f.kinds.includes(kind));
}
/**
 * The `spec` input may set a path only when the inputs that own it are empty (checked before any
 * request by run/spec.ts); where it does, the field is spec's, and the table leaves it alone.
 */
const FIELD_PATHS = [
    { field: 'name', inputs: ['name'], paths: ['name'] },
    { field: 'image', inputs: ['image'], paths: ['$C.image'] },
    { field: 'command', inputs: ['command'], paths: ['$C.command'] },
    { field: 'args', inputs: ['args'], paths: ['$C.args'] },
    { field: 'env_vars', inputs: ['env_vars'], paths: ['$C.env'] },
    { field: 'secrets', inputs: ['secrets'], paths: ['$C.env'], given: (c) => c.secrets.length > 0 },
    { field: 'secret_files', inputs: ['secrets'], paths: ['$T.volumes', '$C.volumeMounts'], given: (c) => c.secretFiles.length > 0 },
    { field: 'cpu', inputs: ['cpu'], paths: ['$C.resources.limits.cpu'] },
    { field: 'memory', inputs: ['memory'], paths: ['$C.resources.limits.memory'] },
    { field: 'runtime_service_account', inputs: ['runtime_service_account'], paths: ['$T.serviceAccount'] },
    { field: 'tasks', inputs: ['tasks'], kinds: ['job'], paths: ['template.taskCount'] },
    { field: 'parallelism', inputs: ['parallelism'], kinds: ['job'], paths: ['template.parallelism'] },
    { field: 'max_retries', inputs: ['max_retries'], kinds: ['job'], paths: ['$T.maxRetries'] },
    { field: 'task_timeout', inputs: ['task_timeout'], kinds: ['job'], paths: ['$T.timeout'] },
    { field: 'timeout', inputs: ['timeout'], kinds: ['service'], paths: ['$T.timeout'] },
    { field: 'concurrency', inputs: ['concurrency'], kinds: ['service'], paths: ['$T.maxInstanceRequestConcurrency'] },
    { field: 'min_instances', inputs: ['min_instances'], kinds: ['service'], paths: ['$T.scaling.minInstanceCount'] },
    { field: 'max_instances', inputs: ['max_instances'], kinds: ['service'], paths: ['$T.scaling.maxInstanceCount'] },
    { field: 'ingress', inputs: ['ingress'], kinds: ['service'], paths: ['ingress'] },
    { field: 'vpc', inputs: ['vpc_network', 'vpc_subnetwork', 'vpc_egress', 'vpc_connector'], paths: ['$T.vpcAccess'] },
    { field: 'cloudsql_instances', inputs: ['cloudsql_instances'], paths: ['$T.volumes', '$C.volumeMounts'] },
    { field: 'execution_environment', inputs: ['execution_environment'], paths: ['$T.executionEnvironment'] },
    { field: 'gpu', inputs: ['gpu', 'gpu_type'], paths: [`$C.resources.limits.${GPU_LIMIT}`, '$T.nodeSelector'] },
    { field: 'cpu_throttling', inputs: ['cpu_throttling'], kinds: ['service'], paths: ['$C.resources.cpuIdle'] },
    { field: 'startup_cpu_boost', inputs: ['startup_cpu_boost'], kinds: ['service'], paths: ['$C.resources.startupCpuBoost'] },
];
/**
 * A FIELD_PATHS path spelled for a kind. The inputs shape the first container (spec may set the
 * others, e.g. a sidecar, freely); with sidecars already on a service, the one that serves.
 */
function resourcePath(path, kind) {
    const template = kind === 'job' ? 'template.template' : 'template';
    return path.replace('$C', '$T.containers[0]').replace('$T', template);
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
    const state = (0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .enumName */ .$U)(terminal?.state, _google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .CONDITION_STATES */ .xm);
    if (state === 'CONDITION_FAILED')
        return { ready: false, failed: terminal?.message ?? 'the service is not Ready' };
    const ready = !service.reconciling &&
        (0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .toNumber */ .Ro)(service.observedGeneration) === (0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .toNumber */ .Ro)(service.generation) &&
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
        .filter((t) => (0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .enumName */ .$U)(t.type, TRAFFIC_TYPES) === 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST' || (latest && t.revision?.split('/').pop() === latest))
        .reduce((sum, t) => sum + ((0,_google_values_js__WEBPACK_IMPORTED_MODULE_1__/* .toNumber */ .Ro)(t.percent) ?? 0), 0);
}


/***/ })

};
