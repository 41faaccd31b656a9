// Proto3-JSON decoding of request bodies against the real message schemas (generated from the
// googleapis protos into schema-data.ts). Unknown fields and wrongly typed values are the same
// 400 INVALID_ARGUMENT Google's front end answers; output-only fields are accepted and dropped;
// enums arrive as numbers (`enum-encoding=int`) or names and are stored as names; int64 as strings.
import { badRequest } from './http.ts';
import { ENUMS, MESSAGES } from './schema-data.ts';

export type Json = Record<string, unknown>;

const snake = (s: string): string => s.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`);
const camel = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function invalid(path: string, type: string, value: unknown, extra = ''): never {
  const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  const msg = `Invalid value at '${path}' (${type.includes('.') ? `type.googleapis.com/${type}` : type}), ${shown}${extra}`;
  throw badRequest(msg, [{ field: path, description: msg }]);
}

/**
 * Decodes `value` as message `type`. `path` is the request field the body binds to
 * (`job`, `service`, `policy`...), or '' when the body is the whole request.
 */
export function decode(type: string, value: unknown, path: string): Json {
  if (value === undefined || value === null) return {};
  const fields = MESSAGES[type];
  if (!fields) throw new Error(`no schema for ${type}`);
  if (typeof value !== 'object' || Array.isArray(value)) invalid(path || type, type, value);
  const out: Json = {};
  for (const [rawKey, v] of Object.entries(value as Json)) {
    const key = fields[rawKey] ? rawKey : camel(rawKey);
    const spec = fields[key];
    if (!spec) {
      const msg = `Invalid JSON payload received. Unknown name "${rawKey}"${path ? ` at '${path}'` : ''}: Cannot find field.`;
      throw badRequest(msg, [{ field: path, description: msg }]);
    }
    const [t, flags = ''] = spec;
    if (flags.includes('o')) continue;
    if (v === null || v === undefined) continue;
    const sub = path ? `${path}.${snake(key)}` : snake(key);
    if (flags.includes('m')) {
      if (typeof v !== 'object' || Array.isArray(v)) invalid(sub, 'map', v);
      out[key] = Object.fromEntries(Object.entries(v as Json).map(([k, x]) => [k, decodeValue(t, x, `${sub}[${k}]`)]));
    } else if (flags.includes('r')) {
      if (!Array.isArray(v)) invalid(sub, t, v, ': Proto field is not repeating, cannot start list.');
      out[key] = v.map((x, i) => decodeValue(t, x, `${sub}[${i}]`));
    } else {
      const d = decodeValue(t, v, sub);
      if (d !== undefined) out[key] = d;
    }
  }
  return out;
}

function decodeValue(t: string, v: unknown, path: string): unknown {
  switch (t) {
    case 'string':
      if (typeof v !== 'string') invalid(path, 'TYPE_STRING', v);
      return v;
    case 'bool':
      if (typeof v !== 'boolean') invalid(path, 'TYPE_BOOL', v);
      return v;
    case 'int32': case 'uint32': case 'sint32': case 'fixed32': case 'sfixed32': {
      const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isInteger(n)) invalid(path, 'TYPE_INT32', v);
      return n;
    }
    case 'int64': case 'uint64': case 'sint64': case 'fixed64': case 'sfixed64':
      if (!(typeof v === 'string' && /^-?\d+$/.test(v)) && !(typeof v === 'number' && Number.isInteger(v))) invalid(path, 'TYPE_INT64', v);
      return String(v);
    case 'double': case 'float':
      if (typeof v !== 'number') invalid(path, 'TYPE_DOUBLE', v);
      return v;
    case 'bytes':
      if (typeof v !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(v)) invalid(path, 'TYPE_BYTES', v);
      return v;
    case 'google.protobuf.Duration':
      if (typeof v !== 'string' || !/^-?\d+(\.\d{1,9})?s$/.test(v)) invalid(path, t, v, `, Field '${path.split('.').pop()}', Illegal duration format; duration must end with 's'`);
      return v;
    case 'google.protobuf.Timestamp':
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) invalid(path, t, v);
      return v;
    case 'google.protobuf.BoolValue':
      // A wrapper's JSON form is the bare value.
      if (typeof v !== 'boolean') invalid(path, t, v);
      return v;
    case 'google.protobuf.FieldMask':
      if (typeof v !== 'string') invalid(path, t, v);
      return v;
    case 'google.protobuf.Any': case 'google.protobuf.Struct': case 'google.protobuf.Value':
      return v;
  }
  const values = ENUMS[t];
  if (values) {
    let name: string | undefined;
    if (typeof v === 'number') name = values[v];
    else if (typeof v === 'string') name = Object.values(values).includes(v) ? v : undefined;
    if (name === undefined) invalid(path, t, v);
    // The zero value means "unset" in proto3: store nothing, so server defaults apply.
    return values[0] === name ? undefined : name;
  }
  return decode(t, v, path);
}

/**
 * A field mask applied as AIP-134 says: a copy of `current` in which each masked path (snake_case
 * or camelCase) takes the request's value, or is cleared when the request leaves it out.
 * `check` may reject a path (e.g. one that is not mutable).
 */
export function applyUpdateMask(current: Json, body: Json, mask: string, check?: (path: string[], raw: string) => void): Json {
  const next = structuredClone(current);
  for (const raw of mask.split(',').map((s) => s.trim()).filter(Boolean)) {
    const path = raw.split('.').map((p) => p.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()));
    check?.(path, raw);
    let dst: Json = next;
    let src: Json | undefined = body;
    for (let i = 0; i < path.length - 1; i++) {
      dst[path[i]] ??= {};
      dst = dst[path[i]] as Json;
      src = src?.[path[i]] as Json | undefined;
    }
    const last = path[path.length - 1];
    if (src?.[last] === undefined) delete dst[last];
    else dst[last] = structuredClone(src[last]);
  }
  return next;
}
