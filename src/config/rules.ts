// Formats of the text inputs: a pattern and, for the error message, what is allowed.

export interface TextRule {
  pattern: RegExp;
  allowed: string;
}

const SA_EXAMPLE = 'NAME@PROJECT.iam.gserviceaccount.com';

export const RULES = {
  name: {
    pattern: /^[a-z]([a-z0-9-]{0,47}[a-z0-9])?$/,
    allowed: 'use lowercase letters, digits and hyphens, start with a letter, do not end with a hyphen, at most 49 characters',
  },
  projectId: {
    pattern: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
    allowed: 'a project ID: 6 to 30 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen',
  },
  region: {
    pattern: /^[a-z]+(-[a-z]+)+\d+$/,
    allowed: 'a region such as europe-west1 or us-central1',
  },
  // User-managed (NAME@PROJECT.iam...) and Google-managed accounts (PROJECT_NUMBER-compute@developer...).
  serviceAccount: {
    pattern: /^[a-z0-9][a-z0-9-]{0,62}@[a-z0-9][a-z0-9.-]*\.gserviceaccount\.com$/,
    allowed: `a service account email such as ${SA_EXAMPLE}`,
  },
  schedulerJob: {
    pattern: /^[A-Za-z0-9_-]{1,500}$/,
    allowed: 'letters, digits, hyphens and underscores, at most 500 characters',
  },
  path: {
    pattern: /^\/\S*$/,
    allowed: "a URL path starting with '/', without spaces",
  },
  // registry[:port]/path[:tag][@sha256:digest], as Docker and Artifact Registry spell references.
  image: {
    pattern:
      /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/,
    allowed: 'an image reference such as REGION-docker.pkg.dev/PROJECT/REPO/IMAGE:TAG or ...@sha256:DIGEST, without spaces',
  },
  envName: {
    pattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
    allowed: 'letters, digits and underscores, not starting with a digit',
  },
  secretRef: {
    pattern: /^(?:projects\/[a-z0-9-]+\/secrets\/)?[A-Za-z0-9_-]{1,255}:(?:latest|[1-9]\d*)$/,
    allowed: 'SECRET:VERSION, where SECRET is a secret ID (or projects/PROJECT/secrets/SECRET) and VERSION is a number or latest',
  },
  labelKey: {
    pattern: /^[a-z][a-z0-9_-]{0,62}$/,
    allowed: 'lowercase letters, digits, underscores and hyphens, starting with a letter, at most 63 characters',
  },
  labelValue: {
    pattern: /^[a-z0-9_-]{0,63}$/,
    allowed: 'lowercase letters, digits, underscores and hyphens, at most 63 characters',
  },
  // CPU: fractions below 1 (0.08 at least), or 1, 2, 4, 6, 8; in cores or millicores.
  cpu: {
    pattern: /^(?:\d+(?:\.\d+)?|\d+m)$/,
    allowed: 'CPUs such as 1, 2, 4, 6 or 8, a fraction from 0.08 to below 1 (0.5), or millicores (500m, 1000m)',
  },
  memory: {
    pattern: /^\d+(?:Mi|Gi|M|G)$/,
    allowed: 'a size from 128Mi to 32Gi such as 512Mi or 2Gi',
  },
} as const satisfies Record<string, TextRule>;

/** Names set by Cloud Run itself (the container runtime contract) and not settable. */
export const RESERVED_ENV_NAMES = new Set([
  'PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION',
  'CLOUD_RUN_JOB', 'CLOUD_RUN_EXECUTION', 'CLOUD_RUN_TASK_INDEX', 'CLOUD_RUN_TASK_ATTEMPT', 'CLOUD_RUN_TASK_COUNT',
]);

export const RESERVED_LABEL_PREFIXES = ['run.googleapis.com/', 'cloud.googleapis.com/'];

/** CPU in cores, when it is a count Cloud Run accepts. */
export function cpuCores(text: string): number | undefined {
  const cores = text.endsWith('m') ? Number(text.slice(0, -1)) / 1000 : Number(text);
  const ok = (cores >= 0.08 && cores < 1) || [1, 2, 4, 6, 8].includes(cores);
  return ok ? cores : undefined;
}

const MEMORY_UNIT = { Mi: 2 ** 20, Gi: 2 ** 30, M: 1e6, G: 1e9 } as const;

/** Memory in bytes, when within Cloud Run's 128Mi..32Gi. */
export function memoryBytes(text: string): number | undefined {
  const m = /^(\d+)(Mi|Gi|M|G)$/.exec(text);
  if (!m) return undefined;
  const bytes = Number(m[1]) * MEMORY_UNIT[m[2] as keyof typeof MEMORY_UNIT];
  return bytes >= 128 * 2 ** 20 && bytes <= 32 * 2 ** 30 ? bytes : undefined;
}

/** Whether `zone` is an IANA time zone name, spelled as the tz database does. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone)) return false; // offsets such as +01:00 are not zones
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    // Intl ignores case (europe/berlin); Cloud Scheduler does not.
    return resolved === zone || resolved.toLowerCase() !== zone.toLowerCase();
  } catch {
    return false;
  }
}
