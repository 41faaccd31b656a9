// Behaviours of Google Cloud that are not settled by a primary source (see fake/FACTS.md).
// The fake can be switched to each plausible one; the action must work under all of them.
// Set them with startFakeGcp({variants}), the FAKE_GCP_VARIANTS env var
// ("attemptTime=start,runRegion=400"), `fake/cli.ts --variants ...` or POST /__fake/variants.

export const VARIANT_VALUES = {
  /** getIamPolicy on a Cloud Run job/service that does not exist */
  iamMissing: ['404', '403'],
  /** a manual `:run` of a PAUSED Scheduler job */
  pausedRun: ['runs', 'refused'],
  /** when Scheduler writes lastAttemptTime: with the status at the end, or at dispatch (status later) */
  attemptTime: ['end', 'start'],
  /** a Run v2 call in a region Cloud Run does not serve */
  runRegion: ['404-html', '404-json', '400'],
  /** a Scheduler call in a location where Scheduler is not offered */
  schedulerLocation: ['400', '403', '404'],
  /** a GPU without what it needs (CPU, memory, billing, node selector): refused at once, or a failed Ready condition */
  gpuRules: ['400', 'ready'],
  /** an execution's completionTime: written with the Completed condition, or seen one read before it */
  completionOrder: ['together', 'time-first'],
  /** an image on ghcr.io: refused like any registry other than Artifact Registry, Container Registry and Docker Hub, or pulled (public images) */
  ghcrImages: ['refused', 'public'],
  /** a Scheduler job whose OAuth/OIDC account is in another project: INVALID_ARGUMENT as documented, or the actAs denial observed */
  crossProjectInvoker: ['400', '403'],
  /** a failed attempt in the Scheduler job's `status`: the code only (as recorded), code and the target's message, or UNKNOWN only (as one recording shows) */
  jobStatus: ['code', 'message', 'unknown'],
  /** a PromQL condition next to other conditions in one alert policy: refused, or accepted */
  promqlMixed: ['refused', 'allowed'],
} as const;

export type Variants = { -readonly [K in keyof typeof VARIANT_VALUES]: (typeof VARIANT_VALUES)[K][number] };

export const DEFAULT_VARIANTS: Variants = {
  iamMissing: '404',
  pausedRun: 'runs',
  attemptTime: 'end',
  runRegion: '404-html',
  schedulerLocation: '400',
  gpuRules: '400',
  completionOrder: 'together',
  ghcrImages: 'refused',
  crossProjectInvoker: '400',
  jobStatus: 'code',
  promqlMixed: 'refused',
};

/** Checks and applies `partial` onto `into` (unknown names or values throw). */
export function setVariants(into: Variants, partial: Record<string, unknown>): Variants {
  for (const [k, v] of Object.entries(partial)) {
    const allowed = (VARIANT_VALUES as Record<string, readonly string[]>)[k];
    if (!allowed) throw new Error(`Unknown fake variant '${k}' (known: ${Object.keys(VARIANT_VALUES).join(', ')})`);
    if (!allowed.includes(String(v))) throw new Error(`Fake variant ${k} must be one of ${allowed.join(', ')}, not '${String(v)}'`);
    (into as Record<string, string>)[k] = String(v);
  }
  return into;
}

/** "a=b,c=d" -> {a: 'b', c: 'd'} */
export function parseVariants(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(',').map(s => s.trim()).filter(Boolean)) {
    const at = part.indexOf('=');
    if (at < 0) throw new Error(`Fake variant '${part}' must be NAME=VALUE`);
    out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
}

/**
 * A compact matrix for end-to-end tests: each value of every variant appears in at least one
 * combination (the first values, then the second, then the third where there is one).
 */
export function variantMatrix(): Variants[] {
  const width = Math.max(...Object.values(VARIANT_VALUES).map(v => v.length));
  return Array.from({ length: width }, (_, i) =>
    Object.fromEntries(Object.entries(VARIANT_VALUES).map(([k, values]) => [k, values[Math.min(i, values.length - 1)]])) as Variants);
}
