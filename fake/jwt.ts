// RS256 JWTs: signed by fake keys (one for GitHub, one for Google) and verified the way STS
// and Cloud Run's front end verify them: signature against the issuer's key, then claims.
import { createHash, createPrivateKey, createPublicKey, createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SigningKey { kid: string; privateKey: KeyObject; publicKey: KeyObject }

/** A signing key with a key ID derived from its public key (so a key read back keeps its ID). */
function signingKey(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  return { kid, privateKey, publicKey };
}

const issuerKeys = new Map<string, SigningKey>();
/** Where the issuers' keys are kept between processes (the fake's own keys: they sign only fake tokens). */
const KEY_DIR = fileURLToPath(new URL('../node_modules/.cache/fake-gcp-keys/', import.meta.url));

/**
 * The signing key of one issuer (GitHub, Google), the same for every fake: a 2048-bit RSA key
 * takes ~75 ms of CPU to generate, and a test run starts well over a hundred fakes in some fifty
 * test files (jest evaluates this module again for each file, so a cache in memory alone is
 * per file). It is generated once and kept as PKCS#8 PEM under node_modules/.cache; where that
 * cannot be written, it lives in memory only. The issuers' keys differ from each other, so a
 * token signed by the wrong one is still refused; nothing checks that two fakes have different keys.
 */
export function issuerKey(issuer: 'github' | 'google'): SigningKey {
  let key = issuerKeys.get(issuer);
  if (!key) issuerKeys.set(issuer, (key = readKey(issuer) ?? keepKey(issuer, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)));
  return key;
}

function readKey(issuer: string): SigningKey | undefined {
  try {
    return signingKey(createPrivateKey(readFileSync(join(KEY_DIR, `${issuer}.pem`), 'utf8')));
  } catch {
    return undefined;
  }
}

function keepKey(issuer: string, privateKey: KeyObject): SigningKey {
  try {
    mkdirSync(KEY_DIR, { recursive: true });
    // Written whole under another name, then renamed: a reader never sees half a key.
    const tmp = join(KEY_DIR, `${issuer}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    renameSync(tmp, join(KEY_DIR, `${issuer}.pem`));
  } catch {
    // A read-only checkout: the key stays in memory.
  }
  return signingKey(privateKey);
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: key.kid };
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const sig = createSign('RSA-SHA256').update(input).sign(key.privateKey);
  return `${input}.${b64url(sig)}`;
}

export type JwtResult =
  | { ok: true; header: Record<string, unknown>; claims: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'signature' };

/** Checks the shape and the signature only; the caller checks iss/aud/exp with its own wording. */
export function verifyJwt(token: string, key: SigningKey): JwtResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as Record<string, unknown>;
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (header.alg !== 'RS256') return { ok: false, reason: 'signature' };
  const ok = createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`).verify(key.publicKey, Buffer.from(parts[2], 'base64url'));
  return ok ? { ok: true, header, claims } : { ok: false, reason: 'signature' };
}

export function jwks(...keys: SigningKey[]): { keys: object[] } {
  return {
    keys: keys.map(k => ({ ...createPublicKey(k.publicKey).export({ format: 'jwk' }), kid: k.kid, alg: 'RS256', use: 'sig' })),
  };
}

export function decodeClaims(token: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
