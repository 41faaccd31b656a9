export const id = 950;
export const ids = [950];
export const modules = {

/***/ 9950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadSpec: () => (/* binding */ loadSpec)
/* harmony export */ });
/* harmony import */ var _ownership_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8132);
/* harmony import */ var _config_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2143);
/* harmony import */ var _config_lists_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5979);
/* harmony import */ var _spec_merge_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4999);
/* harmony import */ var _workload_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9124);
// The `spec` input: YAML or JSON, a partial Cloud Run v2 Job or Service in the REST field names,
// checked before any request against the Run v2 schema (src/run/run-schema.ts, generated from
// the googleapis protos): unknown fields (with the nearest valid name), values of the wrong type,
// output-only fields, and fields an input also sets. Loaded only when spec is set: main imports
// this module dynamically, and it imports the YAML parser and the schema the same way.





const INT = /^-?\d+$/;
const DURATION = /^-?\d+(\.\d{1,9})?s$/;
/** Edit distance, for "did you mean". */
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}
function nearest(name, known) {
    const camel = name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
    if (camel !== name && known.includes(camel))
        return camel;
    const ranked = known.map((k) => ({ k, d: distance(name, k) })).sort((x, y) => x.d - y.d);
    const best = ranked[0];
    return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.k : undefined;
}
class Checker {
    problems = [];
    schema;
    constructor(schema) {
        this.schema = schema;
    }
    message(type, value, path) {
        const fields = this.schema.MESSAGES[type];
        if (!fields)
            return; // a well-known type (Struct, Any): anything goes
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            this.problems.push(`${path || '(top level)'}: must be a mapping of ${type} fields`);
            return;
        }
        for (const [key, v] of Object.entries(value)) {
            const at = path ? `${path}.${key}` : key;
            const field = fields[key];
            if (!field) {
                const guess = nearest(key, Object.keys(fields).filter((k) => fields[k][1] !== 'o'));
                this.problems.push(`${at}: unknown field; ${guess ? `did you mean ${guess}?` : `the fields of ${type} are ${Object.keys(fields).filter((k) => !fields[k][1].includes('o')).join(', ')}`}`);
                continue;
            }
            const [t, flags] = field;
            if (flags.includes('o')) {
                this.problems.push(`${at}: output only (Cloud Run sets it); remove it`);
            }
            else if (flags.includes('m')) {
                if (typeof v !== 'object' || v === null || Array.isArray(v))
                    this.problems.push(`${at}: must be a mapping`);
                else
                    for (const [k, x] of Object.entries(v))
                        this.value(t, x, `${at}.${k}`);
            }
            else if (flags.includes('r')) {
                if (!Array.isArray(v))
                    this.problems.push(`${at}: must be a list`);
                else
                    v.forEach((x, i) => this.value(t, x, `${at}[${i}]`));
            }
            else {
                this.value(t, v, at);
            }
        }
    }
    value(type, v, path) {
        const wrong = (what) => this.problems.push(`${path}: must be ${what}, not ${(0,_config_lists_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(JSON.stringify(v) ?? String(v))}`);
        switch (type) {
            case 'string':
                if (typeof v !== 'string')
                    wrong('a string');
                return;
            case 'bool':
                if (typeof v !== 'boolean')
                    wrong('true or false');
                return;
            case 'int32':
            case 'uint32':
            case 'sint32':
            case 'fixed32':
            case 'sfixed32':
                if (!Number.isInteger(v))
                    wrong('a whole number');
                return;
            case 'int64':
            case 'uint64':
            case 'sint64':
            case 'fixed64':
            case 'sfixed64':
                if (!Number.isInteger(v) && !(typeof v === 'string' && INT.test(v)))
                    wrong('a whole number');
                return;
            case 'double':
            case 'float':
                if (typeof v !== 'number')
                    wrong('a number');
                return;
            case 'bytes':
                if (typeof v !== 'string')
                    wrong('base64 text');
                return;
            case 'google.protobuf.Duration':
                if (typeof v !== 'string' || !DURATION.test(v))
                    wrong('a duration in seconds such as "600s"');
                return;
            case 'google.protobuf.Timestamp':
                if (typeof v !== 'string' || Number.isNaN(Date.parse(v)))
                    wrong('an RFC 3339 timestamp');
                return;
        }
        const values = this.schema.ENUMS[type];
        if (values) {
            if (typeof v !== 'string' || !values.includes(v) || v === values[0]) {
                const guess = typeof v === 'string' ? nearest(v, values.slice(1)) : undefined;
                this.problems.push(`${path}: ${(0,_config_lists_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(String(v))} is not allowed; ${guess ? `did you mean ${guess}? ` : ''}use ${values.slice(1).join(', ')}`);
            }
            return;
        }
        this.message(type, v, path);
    }
}
/** The fields that an input of this config sets and spec sets too. */
function conflicts(config, spec, isSet) {
    const leaves = (0,_spec_merge_js__WEBPACK_IMPORTED_MODULE_2__/* .specLeaves */ .WT)(spec);
    const out = [];
    for (const f of _workload_js__WEBPACK_IMPORTED_MODULE_3__/* .FIELD_PATHS */ .Q7.filter((f) => !f.kinds || f.kinds.includes(config.kind))) {
        const given = f.given ? f.given(config) : f.inputs.some(isSet);
        if (!given)
            continue;
        for (const l of leaves.filter((l) => f.paths.some((p) => (0,_spec_merge_js__WEBPACK_IMPORTED_MODULE_2__/* .overlaps */ .$f)(l.path, (0,_workload_js__WEBPACK_IMPORTED_MODULE_3__/* .resourcePath */ .oU)(p, config.kind))))) {
            const inputs = f.inputs.filter((i) => f.given || isSet(i)).join("', '");
            out.push(`${l.path}: also set by the input '${inputs}'; set it in one place (remove it from spec, or leave the input empty)`);
        }
    }
    for (const l of leaves.filter((l) => l.segments[0] === 'labels' && l.segments.length === 2 && (0,_ownership_record_js__WEBPACK_IMPORTED_MODULE_4__/* .reservedLabel */ .nt)(String(l.segments[1])))) {
        out.push(`${l.path}: ${(0,_ownership_record_js__WEBPACK_IMPORTED_MODULE_4__/* .reservedLabel */ .nt)(String(l.segments[1]))}`);
    }
    for (const l of leaves.filter((l) => l.segments[0] === 'labels' && l.segments.length === 2 && String(l.segments[1]) in config.labels)) {
        const source = isSet('labels') && (config.labels[String(l.segments[1])] !== undefined) ? "the input 'labels' or a default label" : 'a default label';
        out.push(`${l.path}: also set by ${source}; set it in one place (skip_default_labels: true drops the default ones)`);
    }
    return [...new Set(out)];
}
/**
 * Combinations Cloud Run refuses, caught here rather than by the API: a VPC access with a connector
 * and a network interface ("one and only one of connector and network_interfaces must be set").
 */
function combinations(kind, spec) {
    const at = kind === 'job' ? 'template.template' : 'template';
    let t = spec;
    for (const k of at.split('.'))
        t = t?.[k];
    const vpc = t?.vpcAccess;
    if (vpc?.connector && Array.isArray(vpc.networkInterfaces) && vpc.networkInterfaces.length) {
        return [`${at}.vpcAccess: connector and networkInterfaces together; a job or service uses a connector or Direct VPC egress, not both`];
    }
    return [];
}
async function parseText(text) {
    const { parse } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
    try {
        return parse(text);
    }
    catch (e) {
        throw new _config_types_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('spec', `is not valid YAML or JSON: ${e.message.split('\n')[0]}`);
    }
}
/**
 * Parses and checks config.spec; on success sets config.spec.resource. Throws InputErrors (every
 * problem, each with its path) before any request is sent. `isSet`: whether an input is not empty.
 */
async function loadSpec(config, isSet) {
    if (!config.spec)
        return;
    const parsed = await parseText(config.spec.text);
    const kind = config.kind === 'job' ? 'Job' : 'Service';
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new _config_types_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('spec', `must be a mapping: a partial Cloud Run v2 ${kind} such as ${config.kind === 'job' ? '{template: {template: {gpuZonalRedundancyDisabled: true}}}' : '{template: {sessionAffinity: true}}'}`);
    }
    const checker = new Checker(await __webpack_require__.e(/* import() */ 862).then(__webpack_require__.bind(__webpack_require__, 1862)));
    checker.message(kind, parsed, '');
    const problems = checker.problems.length ? checker.problems : [...combinations(config.kind, parsed), ...conflicts(config, parsed, isSet)];
    if (problems.length)
        throw new _config_types_js__WEBPACK_IMPORTED_MODULE_0__/* .InputErrors */ .G(problems.map((p) => new _config_types_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('spec', p)));
    config.spec.resource = parsed;
    // Env var values given in spec are scrubbed like those of env_vars (the plan never shows them).
    config.spec.envValues = (0,_spec_merge_js__WEBPACK_IMPORTED_MODULE_2__/* .specEnvValues */ .LG)(parsed);
}


/***/ })

};
