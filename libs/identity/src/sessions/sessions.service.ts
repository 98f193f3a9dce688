import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountEntity } from '@app/database';
import type { DataSource } from 'typeorm';
import { type Actor, ANONYMOUS, type OrganisationRole, type PlatformRole } from '../actor.js';
import { AccountRepository } from '../accounts/account.repository.js';
import { PASSWORD_LIMITS, PasswordCheck } from '../accounts/password-check.js';
import { dummyPasswordHash, normaliseEmail, verifyPassword } from '../accounts/passwords.js';
import { IdentityException } from '../identity.errors.js';
import { TOKEN_SECRET } from '../token-secret.js';
import { SessionRepository } from './session.repository.js';
import { newRefreshSecret, sha256, signAccessToken, verifyAccessToken } from './signed-tokens.js';

export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 30 * 24 * 3600_000;
/** Failed logins allowed per account and per IP address within the window (shared with every other password check). */
export const LOGIN_LIMITS = PASSWORD_LIMITS;

/** How long the refresh token just replaced still buys an access token (browser refreshes only). */
export const REFRESH_GRACE_MS = 10_000;

export interface IssuedSession {
  account: AccountEntity;
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/** A browser refresh: `refreshToken` is null when the token presented was just replaced (keep the newer one). */
export interface RefreshedSession extends Omit<IssuedSession, 'refreshToken'> {
  refreshToken: string | null;
}

/** The resolved caller plus the session behind it. */
export interface AuthenticatedActor {
  actor: Actor;
  sessionId: string | null;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly passwords: PasswordCheck,
    @Inject(TOKEN_SECRET) private readonly secret: string,
  ) {}

  /**
   * Email and password to a session. The check goes through PasswordCheck: failures count per
   * account and per IP address (keyed by HMACs, one budget shared with every other password check);
   * over the limit the answer is RATE_LIMITED without checking the password.
   */
  async login(emailInput: string, password: string, ip: string): Promise<IssuedSession> {
    let email: string;
    try {
      email = normaliseEmail(emailInput);
    } catch {
      throw IdentityException.unauthenticated();
    }
    const account = await this.passwords.attempt(email, ip, async () => {
      const found = await this.accounts.findByEmail(email);
      // Only a missing account is checked against the dummy hash; an erased one (no hash) never verifies.
      const ok = await verifyPassword(found ? found.passwordHash : await dummyPasswordHash(), password);
      return ok ? found : null;
    });
    if (!account) throw IdentityException.unauthenticated();
    return this.open(account);
  }

  /** Opens a session for an account (after login; tests and demo tooling use it directly). */
  async open(account: AccountEntity): Promise<IssuedSession> {
    const secret = newRefreshSecret();
    const session = await this.dataSource.transaction(async (manager) => {
      const created = await this.sessions.create(manager, account.id, 'pending', SESSION_TTL_MS);
      created.refreshHash = sha256(`${created.id}.${secret}`);
      return this.sessions.save(manager, created);
    });
    return this.issue(account, session.id, `${session.id}.${secret}`, session.expiresAt);
  }

  /**
   * Rotates the refresh token. Presenting an already rotated token means it was copied: the whole
   * session is revoked (OAuth 2.0 Security BCP, refresh token reuse detection).
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const result = await this.rotate(refreshToken, 0);
    if (result.refreshToken === null) throw IdentityException.unauthenticated();
    return { ...result, refreshToken: result.refreshToken };
  }

  /**
   * The browser's refresh (the token travels in a cookie). Like `refresh`, except that the token
   * replaced less than `graceMs` ago still buys an access token, without a new refresh token and
   * without ending the session: a second tab or a retried request that raced the rotation sent
   * it, and the browser already holds the new one. Older replays still end the session.
   */
  refreshWithGrace(refreshToken: string, graceMs: number = REFRESH_GRACE_MS): Promise<RefreshedSession> {
    return this.rotate(refreshToken, graceMs);
  }

  /** Ends the session a refresh token (current or just replaced) belongs to; false if there is none. */
  async endByRefreshToken(refreshToken: string): Promise<boolean> {
    const sessionId = /^([0-9a-f-]{36})\./.exec(refreshToken.trim())?.[1];
    if (!sessionId) return false;
    const presented = sha256(refreshToken.trim());
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lock(manager, sessionId);
      if (!session || session.revokedAt || (session.refreshHash !== presented && session.previousRefreshHash !== presented)) return false;
      session.revokedAt = new Date();
      await this.sessions.save(manager, session);
      return true;
    });
  }

  private async rotate(refreshToken: string, graceMs: number): Promise<RefreshedSession> {
    const sessionId = /^([0-9a-f-]{36})\./.exec(refreshToken.trim())?.[1];
    if (!sessionId) throw IdentityException.unauthenticated();
    const presented = sha256(refreshToken.trim());
    const result = await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lock(manager, sessionId);
      if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return null;
      if (session.previousRefreshHash === presented) {
        // lastUsedAt is when the presented token was replaced (it changes only on rotation).
        if (graceMs > 0 && Date.now() - session.lastUsedAt.getTime() < graceMs) {
          const account = await this.accounts.findById(session.accountId, manager);
          return account ? { account, session, next: null } : null;
        }
        session.revokedAt = new Date();
        await this.sessions.save(manager, session);
        return 'reused' as const;
      }
      if (session.refreshHash !== presented) return null;
      const next = `${session.id}.${newRefreshSecret()}`;
      session.previousRefreshHash = session.refreshHash;
      session.refreshHash = sha256(next);
      session.lastUsedAt = new Date();
      await this.sessions.save(manager, session);
      const account = await this.accounts.findById(session.accountId, manager);
      return account ? { account, session, next } : null;
    });
    if (result === 'reused') throw IdentityException.unauthenticated('this refresh token was already used; the session has been ended, sign in again');
    if (!result) throw IdentityException.unauthenticated();
    const issued = this.issue(result.account, result.session.id, result.next ?? '', result.session.expiresAt);
    return { ...issued, refreshToken: result.next };
  }

  async logout(actor: Actor, sessionId: string | null, everywhere: boolean): Promise<number> {
    if (!actor.accountId) throw IdentityException.unauthenticated('sign in first');
    const accountId = actor.accountId;
    return this.dataSource.transaction(async (manager) => {
      if (everywhere) return this.sessions.revokeAll(manager, accountId);
      const session = sessionId ? await this.sessions.lock(manager, sessionId) : null;
      if (!session || session.revokedAt) return 0;
      session.revokedAt = new Date();
      await this.sessions.save(manager, session);
      return 1;
    });
  }

  /** Bearer access token to actor: signature and expiry, then the session must still be live. */
  async authenticate(accessToken: string): Promise<AuthenticatedActor> {
    const claims = verifyAccessToken(this.secret, accessToken);
    if (!claims) throw IdentityException.unauthenticated('the access token is invalid or has expired; refresh it');
    const account = await this.sessions.findLive(claims.sid, claims.sub);
    if (!account) throw IdentityException.unauthenticated('the session has ended; sign in again');
    return { actor: await this.actorFor(account), sessionId: claims.sid };
  }

  async actorFor(account: AccountEntity): Promise<Actor> {
    const facts = await this.accounts.actorFacts(account.id);
    return Object.freeze({
      ...ANONYMOUS,
      kind: 'account',
      accountId: account.id,
      emailVerified: account.emailVerifiedAt !== null,
      platformRoles: account.platformRoles as PlatformRole[],
      memberships: new Map(facts.memberships.map((m) => [m.organisationId, m.role as OrganisationRole])),
      creativeProfileId: facts.creativeProfileId,
      challengeGrants: new Set(facts.challengeGrants),
    });
  }

  private issue(account: AccountEntity, sessionId: string, refreshToken: string, refreshExpiresAt: Date): IssuedSession {
    const exp = Math.floor((Date.now() + ACCESS_TOKEN_TTL_MS) / 1000);
    return {
      account,
      sessionId,
      accessToken: signAccessToken(this.secret, { sub: account.id, sid: sessionId, exp }),
      accessTokenExpiresAt: new Date(exp * 1000),
      refreshToken,
      refreshTokenExpiresAt: refreshExpiresAt,
    };
  }
}
