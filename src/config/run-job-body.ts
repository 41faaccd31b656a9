// The Scheduler body for a job: a Cloud Run Admin API v1 RunJobRequest, since the trigger
// calls .../v1/namespaces/PROJECT/jobs/NAME:run. Checked strictly, as the API rejects
// unknown fields.

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: Json): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isIntIn = (v: Json, min: number, max: number): boolean => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

function unknownKeys(obj: Record<string, Json>, allowed: readonly string[], where: string): string[] {
  return Object.keys(obj)
    .filter((k) => !allowed.includes(k))
    .map((k) => `${where} has an unknown field "${k}" (allowed: ${allowed.join(', ')})`);
}

function envProblems(env: Json, where: string): string[] {
  if (!Array.isArray(env)) return [`${where}.env must be an array of {"name", "value"}`];
  return env.flatMap((e, i) =>
    isObject(e) && typeof e.name === 'string' && (e.value === undefined || typeof e.value === 'string')
      ? unknownKeys(e, ['name', 'value'], `${where}.env[${i}]`)
      : [`${where}.env[${i}] must be {"name": string, "value": string}`],
  );
}

function containerOverrideProblems(c: Json, i: number): string[] {
  const where = `overrides.containerOverrides[${i}]`;
  if (!isObject(c)) return [`${where} must be an object`];
  return [
    ...unknownKeys(c, ['name', 'args', 'env', 'clearArgs'], where),
    ...(c.name !== undefined && typeof c.name !== 'string' ? [`${where}.name must be a string`] : []),
    ...(c.args !== undefined && !isStringArray(c.args) ? [`${where}.args must be an array of strings`] : []),
    ...(c.clearArgs !== undefined && typeof c.clearArgs !== 'boolean' ? [`${where}.clearArgs must be true or false`] : []),
    ...(c.env !== undefined ? envProblems(c.env, where) : []),
  ];
}

function overridesProblems(o: Json): string[] {
  if (!isObject(o)) return ['overrides must be an object'];
  const { containerOverrides: co, taskCount, timeoutSeconds } = o;
  return [
    ...unknownKeys(o, ['containerOverrides', 'taskCount', 'timeoutSeconds'], 'overrides'),
    ...(co !== undefined && !Array.isArray(co) ? ['overrides.containerOverrides must be an array'] : []),
    ...(Array.isArray(co) ? co.flatMap(containerOverrideProblems) : []),
    ...(taskCount !== undefined && !isIntIn(taskCount, 1, 10000) ? ['overrides.taskCount must be a whole number from 1 to 10000'] : []),
    ...(timeoutSeconds !== undefined && !isIntIn(timeoutSeconds, 1, 168 * 3600)
      ? ['overrides.timeoutSeconds must be a whole number of seconds from 1 to 604800 (168h)']
      : []),
  ];
}

export interface RunJobBody {
  hasOverrides: boolean;
  problems: string[];
}

/** Checks `text` as a RunJobRequest; `hasOverrides` when it carries `overrides`. */
export function checkRunJobBody(text: string): RunJobBody {
  let body: Json;
  try {
    body = JSON.parse(text);
  } catch {
    return { hasOverrides: false, problems: ['it is not JSON'] };
  }
  if (!isObject(body)) return { hasOverrides: false, problems: ['it must be a JSON object'] };
  const problems = [
    ...unknownKeys(body, ['overrides'], 'the request'),
    ...(body.overrides !== undefined ? overridesProblems(body.overrides) : []),
  ];
  return { hasOverrides: body.overrides !== undefined, problems };
}

/** The RunJobRequest's containerOverrides env entries, wherever `text` is one (otherwise none). */
function overrideEnv(body: Json): Record<string, Json>[] {
  if (!isObject(body) || !isObject(body.overrides) || !Array.isArray(body.overrides.containerOverrides)) return [];
  return body.overrides.containerOverrides.flatMap((c) => (isObject(c) && Array.isArray(c.env) ? c.env.filter(isObject) : []));
}

/** Env var values that a trigger body's overrides carry: secrets like any env var value. */
export function overrideEnvValues(text: string): string[] {
  try {
    return overrideEnv(JSON.parse(text)).flatMap((e) => (typeof e.value === 'string' ? [e.value] : []));
  } catch {
    return [];
  }
}

/** What a hidden override value reads as, in the plan and wherever it is shown. */
export const HIDDEN_VALUE = '(hidden)';

/**
 * A trigger body as it may be shown: the JSON with every override env value replaced by
 * HIDDEN_VALUE; undefined when it carries none (then it is shown as it is).
 */
export function bodyWithoutValues(text: string): Json | undefined {
  let body: Json;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const env = overrideEnv(body);
  if (!env.some((e) => e.value !== undefined)) return undefined;
  for (const e of env) if (e.value !== undefined) e.value = HIDDEN_VALUE;
  return body;
}
