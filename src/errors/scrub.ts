// Redaction, in one place: no token and no env var value leaves the run through the
// log, the `plan` output, the job summary, an error message or a retry line.
// - The plan never holds a value: env var changes are described by name and what happened to
//   the value (envValueChanges), so whatever prints a plan cannot print a value.
// - Text from elsewhere (API errors echoing a request body, retry lines, the final failure)
//   goes through scrubSecrets: anything token-like, and every env var value this run knows
//   (registered from the inputs and from the live job or service), becomes [REDACTED].

const SECRET_PATTERNS: RegExp[] = [
  // JWTs (GitHub OIDC tokens, Google ID tokens): header.payload[.signature]
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)?/g,
  // Google OAuth access tokens
  /\bya29\.[A-Za-z0-9_.-]+/g,
  // Any bearer credential in an echoed header
  /\b(Bearer\s+)[A-Za-z0-9_.~+/=-]+/gi,
  // Token fields echoed in form or JSON bodies
  /\b((?:access_token|id_token|refresh_token|subject_token|accessToken|idToken)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/g,
];

/**
 * Values shorter than this are not cut out of text: a value such as `1` or `on` would blank
 * every digit or word of a message. They never appear in the plan either way.
 */
export const MIN_SCRUBBED_LENGTH = 4;

/** Env var values known to this run, longest first (a value that contains another goes first). */
let knownValues: string[] = [];

/** Adds values (plain env var values) that scrubSecrets cuts out of every text from now on. */
export function registerSecretValues(values: Iterable<string>): void {
  const all = new Set(knownValues);
  for (const v of values) if (v.length >= MIN_SCRUBBED_LENGTH) all.add(v);
  knownValues = [...all].sort((a, b) => b.length - a.length);
}

/** `text` with anything token-like and every registered value replaced by [REDACTED]. */
export function scrubSecrets(text: string): string {
  const scrubbed = SECRET_PATTERNS.reduce(
    (out, pattern) => out.replace(pattern, (_match, keep: unknown) => `${typeof keep === 'string' ? keep : ''}[REDACTED]`),
    text,
  );
  // Also as JSON escapes them (a request body echoed as JSON text).
  return knownValues.reduce((out, v) => {
    const json = JSON.stringify(v).slice(1, -1);
    return out.split(v).join('[REDACTED]').split(json).join('[REDACTED]');
  }, scrubbed);
}

export type ValueChange = '(added)' | '(changed)' | '(unchanged)' | '(removed)';

/**
 * What happens to each variable's value, by name, without the value: `DB_PASSWORD: (changed),
 * MODE: (unchanged)`. Variables that exist before and not after are `(removed)`.
 */
export function envValueChanges(before: readonly { name: string; value: string }[], after: readonly { name: string; value: string }[]): string {
  const old = new Map(before.map((e) => [e.name, e.value]));
  const now = new Set(after.map((e) => e.name));
  const lines = after.map(({ name, value }): [string, ValueChange] => [
    name,
    !old.has(name) ? '(added)' : old.get(name) === value ? '(unchanged)' : '(changed)',
  ]);
  for (const { name } of before) if (!now.has(name)) lines.push([name, '(removed)']);
  return lines.map(([name, change]) => `${name}: ${change}`).join(', ');
}
