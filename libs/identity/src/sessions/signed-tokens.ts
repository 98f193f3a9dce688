import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Access tokens: `v1.<payload>.<mac>`, HMAC-SHA256 with one fixed algorithm (no header to negotiate). */
export interface AccessTokenClaims {
  /** account id */
  sub: string;
  /** session id: revoking the session ends its access tokens at once */
  sid: string;
  /** expiry, seconds since the epoch */
  exp: number;
}

export function signAccessToken(secret: string, claims: AccessTokenClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `v1.${payload}.${mac(secret, `access.${payload}`)}`;
}

/** The claims if the token is well-formed, correctly signed and not expired; otherwise null. */
export function verifyAccessToken(secret: string, token: string, nowMs = Date.now()): AccessTokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') return null;
  if (!equal(parts[2], mac(secret, `access.${parts[1]}`))) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Partial<AccessTokenClaims>;
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') return null;
    if (claims.exp * 1000 <= nowMs) return null;
    return { sub: claims.sub, sid: claims.sid, exp: claims.exp };
  } catch {
    return null;
  }
}

/**
 * The secret part of a mailed link for one row: recomputed when mailing (so a retried mail job
 * sends the same link) and when checking, so no token is stored anywhere.
 */
export function linkToken(secret: string, purpose: string, rowId: string, createdAt: Date): string {
  return `${rowId}.${mac(secret, `link.${purpose}.${rowId}.${createdAt.toISOString()}`)}`;
}

/** The purpose an imported creative's invitation link is bound to (mailed here, checked in the marketplace). */
export const CREATIVE_INVITATION_LINK = 'creative-invitation';

export function splitLinkToken(token: string): { rowId: string; mac: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token.trim());
  return match ? { rowId: match[1], mac: match[2] } : null;
}

export function linkTokenMatches(secret: string, purpose: string, rowId: string, createdAt: Date, token: string): boolean {
  return equal(token.trim(), linkToken(secret, purpose, rowId, createdAt));
}

/** Refresh tokens: `<session id>.<32 random bytes>`; only a SHA-256 of it is stored. */
export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Keys for the login throttle: an HMAC, so the table holds no readable email or IP. */
export function throttleKey(secret: string, kind: 'email' | 'ip', value: string): string {
  return mac(secret, `throttle.${kind}.${value}`);
}

/**
 * A UUID that stands for an address without revealing it (an HMAC, shaped as a version-4 UUID):
 * the outbox aggregate id of a mail request that found no token to send, the same for every
 * request about that address, so repeated requests collapse into one job that the worker skips.
 */
export function keyedUuid(secret: string, kind: string, value: string): string {
  const hex = createHmac('sha256', secret).update(`uuid.${kind}.${value}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function mac(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
