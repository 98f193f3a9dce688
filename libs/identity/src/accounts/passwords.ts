import * as argon2 from 'argon2';
import { IdentityException } from '../identity.errors.js';

/** OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** A few of the most common passwords of at least PASSWORD_MIN characters (NCSC / HIBP top lists). */
const COMMON = new Set(['1234567890', 'qwertyuiop', 'password123', 'password1234', '0123456789', '1q2w3e4r5t', 'iloveyou123', 'qwerty1234', 'geslo12345', 'modrotisk1', 'modrotisk123']);

/** NIST SP 800-63B style: length over composition rules; refuse the obvious ones. */
export function checkPasswordPolicy(password: string, email: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN) throw IdentityException.invalid(field, `the password needs at least ${PASSWORD_MIN} characters`);
  if (password.length > PASSWORD_MAX) throw IdentityException.invalid(field, `the password may have at most ${PASSWORD_MAX} characters`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size < 4) throw IdentityException.invalid(field, 'this password is too easy to guess; choose a longer phrase');
  if (lower.includes(email.split('@')[0]) && email.split('@')[0].length >= 4) throw IdentityException.invalid(field, 'the password must not contain your email name');
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** An erased account has no hash (null): nothing verifies against it. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Verified against when the account does not exist, so the answer takes as long either way. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('no-such-account-placeholder');
  return dummyHash;
}

/** Emails are compared trimmed and lower-cased. */
export function normaliseEmail(email: string, field = 'email'): string {
  const value = email.trim().toLowerCase();
  if (value.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw IdentityException.invalid(field, 'this is not an email address');
  return value;
}
