// RS256 JWTs: signed by fake keys (one for GitHub, one for Google) and verified the way STS
// and Cloud Run's front end verify them: signature against the issuer's key, then claims.
import { createPublicKey, createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

export interface SigningKey { kid: string; privateKey: KeyObject; publicKey: KeyObject }

function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomBytes(8).toString('hex'), privateKey, publicKey };
}

const issuerKeys = new Map<string, SigningKey>();

/**
 * The signing key of one issuer (GitHub, Google), the same for every fake this process starts:
 * a 2048-bit RSA key takes ~75 ms of CPU to generate, and a test run starts over a hundred
 * fakes. The issuers' keys still differ from each other, so a token signed by the wrong one is
 * still refused; nothing checks that two fakes in one process have different keys.
 */
export function issuerKey(issuer: 'github' | 'google'): SigningKey {
  let key = issuerKeys.get(issuer);
  if (!key) issuerKeys.set(issuer, (key = newKey()));
  return key;
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
