// Defence in depth: API and STS messages can echo request material back, so anything
// that looks like a credential is cut out before a message reaches the log.

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

/** `text` with anything token-like replaced by [REDACTED]. */
export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce(
    (out, pattern) => out.replace(pattern, (_match, keep: unknown) => `${typeof keep === 'string' ? keep : ''}[REDACTED]`),
    text,
  );
}
