import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountEntity } from '@app/database';
import type { DataSource } from 'typeorm';
import { IdentityErrorCode, IdentityException } from '../identity.errors.js';
import { throttleKey } from '../sessions/signed-tokens.js';
import { TOKEN_SECRET } from '../token-secret.js';
import { PasswordAttemptRepository } from './password-attempt.repository.js';
import { verifyPassword } from './passwords.js';

/**
 * Wrong passwords allowed per account and per client address within the window, for every check
 * of a password together: sign-in, changePassword and the confirmation before deleteMyAccount.
 */
export const PASSWORD_LIMITS = { windowMs: 15 * 60_000, perAccount: 5, perIp: 30 } as const;

/**
 * The one place a password is checked against an account (issue 11). Failures count per account
 * (HMAC of its normalised email) and per client address (HMAC of the IP); over either limit the
 * answer is RATE_LIMITED with a retry hint, and the password is not checked at all.
 *
 * - One budget for all: sign-in and the password re-checks of a signed-in session share the
 *   per-account and per-address counters, so holding a session buys no fresh guesses.
 * - The attempt is recorded as a failure *before* the password is checked (under advisory locks
 *   on the account and the address, held only for the count and that insert) and turned into a
 *   success afterwards, so parallel requests cannot run more checks than the limit allows, and
 *   no transaction stays open during the deliberately slow hash.
 * - A correct password clears that account's own earlier failures (the owner proved it is them; a
 *   typo streak should not lock them out later). It never lowers the per-address count, which is
 *   shared with everyone else behind the address, nor any other account's count.
 */
@Injectable()
export class PasswordCheck {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attempts: PasswordAttemptRepository,
    @Inject(TOKEN_SECRET) private readonly secret: string,
  ) {}

  /** A signed-in account re-enters its password: true if it is right. */
  async verify(account: AccountEntity, password: string, ip: string): Promise<boolean> {
    const ok = await this.attempt(account.email, ip, async () => ((await verifyPassword(account.passwordHash, password)) ? true : null));
    return ok !== null;
  }

  /**
   * Runs `check` (which verifies a password for the normalised `email` and answers null when it is
   * wrong) within the limits and records its outcome. Over a limit: RATE_LIMITED, `check` not run.
   */
  async attempt<T>(email: string, ip: string, check: () => Promise<T | null>): Promise<T | null> {
    const accountKey = throttleKey(this.secret, 'email', email);
    const ipKey = throttleKey(this.secret, 'ip', ip);
    const reserved = await this.dataSource.transaction(async (manager): Promise<{ id: string } | { limitedSeconds: number }> => {
      await this.attempts.lock(manager, accountKey, ipKey);
      const failures = await this.attempts.recentFailures(manager, accountKey, ipKey, PASSWORD_LIMITS.windowMs);
      const waits: number[] = [];
      if (failures.byAccount >= PASSWORD_LIMITS.perAccount) waits.push(PASSWORD_LIMITS.windowMs - (failures.oldestByAccountMs ?? 0));
      if (failures.byIp >= PASSWORD_LIMITS.perIp) waits.push(PASSWORD_LIMITS.windowMs - (failures.oldestByIpMs ?? 0));
      if (waits.length > 0) return { limitedSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
      return { id: await this.attempts.reserve(manager, accountKey, ipKey) };
    });
    if ('limitedSeconds' in reserved) {
      const seconds = reserved.limitedSeconds;
      throw new IdentityException(IdentityErrorCode.RateLimited, `too many wrong passwords; try again in ${Math.ceil(seconds / 60)} min`, undefined, seconds);
    }
    const result = await check();
    if (result !== null) await this.dataSource.transaction((manager) => this.attempts.succeeded(manager, reserved.id));
    return result;
  }
}
