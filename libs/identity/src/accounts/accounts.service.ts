import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountEntity } from '@app/database';
import { AccountEmailKind, OutboxStore, OutboxTopic } from '@app/jobs';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, PlatformRole } from '../actor.js';
import { IdentityErrorCode, IdentityException } from '../identity.errors.js';
import { keyedUuid, linkTokenMatches, splitLinkToken } from '../sessions/signed-tokens.js';
import { SessionRepository } from '../sessions/session.repository.js';
import { TOKEN_SECRET } from '../token-secret.js';
import { AccountRepository, type TokenPurpose } from './account.repository.js';
import { PasswordCheck } from './password-check.js';
import { checkPasswordPolicy, hashPassword, normaliseEmail } from './passwords.js';

export type Locale = 'sl' | 'en';

export interface SignUpCommand {
  email: string;
  password: string;
  displayName: string;
  locale?: Locale;
}

const VERIFY_TTL_MS = 48 * 3600_000;
const RESET_TTL_MS = 3600_000;
/** At most this many verification or reset mails per account and hour. */
const MAILS_PER_HOUR = 3;

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly outbox: OutboxStore,
    private readonly passwordCheck: PasswordCheck,
    @Inject(TOKEN_SECRET) private readonly secret: string,
  ) {}

  /**
   * Creates an unverified account and mails a verification link. The answer is the same whether
   * or not the email was taken (no account enumeration): a taken address gets a reset link instead.
   * Both paths do the same work in the same order (hash, insert-or-nothing, one token statement,
   * one outbox event), so the response time does not tell either (issue 11).
   */
  async signUp(command: SignUpCommand): Promise<void> {
    const email = normaliseEmail(command.email);
    const displayName = command.displayName.trim();
    if (displayName.length < 1 || displayName.length > 120) throw IdentityException.invalid('displayName', 'the name needs 1-120 characters');
    checkPasswordPolicy(command.password, email);
    const passwordHash = await hashPassword(command.password);
    await this.dataSource.transaction(async (manager) => {
      const created = await this.accounts.insert(manager, { email, passwordHash, displayName, locale: command.locale ?? 'sl' });
      await this.mailTokenByEmail(manager, email, created ? 'verify-email' : 'reset-password');
    });
  }

  /** Marks the email verified. The link works once. */
  async verifyEmail(token: string): Promise<AccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.useToken(manager, token, 'verify-email');
      const account = await this.accounts.lock(manager, row.accountId);
      if (!account) throw invalidLink();
      account.emailVerifiedAt ??= new Date();
      return this.accounts.save(manager, account);
    });
  }

  async resendVerification(actor: Actor): Promise<void> {
    const account = await this.requireAccount(actor);
    if (account.emailVerifiedAt) throw new IdentityException(IdentityErrorCode.InvalidState, 'this email address is already verified');
    // Counted and created in one statement under the per-address lock, so parallel calls cannot pass the cap.
    const tokenId = await this.dataSource.transaction(async (manager) => {
      const id = await this.accounts.createTokenByEmail(manager, account.email, 'verify-email', VERIFY_TTL_MS, MAILS_PER_HOUR, 3600_000);
      if (id) await this.outbox.record(manager, [{ topic: OutboxTopic.AccountEmail, aggregateType: AccountEmailKind.VerifyEmail, aggregateId: id }]);
      return id;
    });
    if (!tokenId) throw new IdentityException(IdentityErrorCode.RateLimited, `at most ${MAILS_PER_HOUR} verification mails per hour`, undefined, 3600);
  }

  /**
   * Always answers the same; mails a reset link only to an existing account (and at most 3 an hour).
   * Existing or not, the request runs the same two statements (a token insert that finds its
   * account or nothing, and one outbox event), so the response time does not tell whether the
   * address has an account (issue 11); the worker skips events that name no token.
   */
  async requestPasswordReset(emailInput: string): Promise<void> {
    const email = normaliseEmail(emailInput);
    await this.dataSource.transaction((manager) => this.mailTokenByEmail(manager, email, 'reset-password'));
  }

  /** Sets a new password, ends every session, and counts as email verification (the link proved the mailbox). */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const parsed = splitLinkToken(token);
    const existing = parsed ? await this.accounts.findToken(parsed.rowId) : null;
    const account = existing ? await this.accounts.findById(existing.accountId) : null;
    if (account) checkPasswordPolicy(newPassword, account.email, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.useToken(manager, token, 'reset-password');
      const locked = await this.accounts.lock(manager, row.accountId);
      if (!locked) throw invalidLink();
      locked.passwordHash = passwordHash;
      locked.passwordChangedAt = new Date();
      locked.emailVerifiedAt ??= new Date();
      await this.accounts.save(manager, locked);
      await this.sessions.revokeAll(manager, locked.id);
    });
  }

  /**
   * Needs the current password, checked through PasswordCheck (the sign-in limits, per account and
   * per client address `ip`); ends every other session.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, ip: string, currentSessionId?: string): Promise<void> {
    const account = await this.requireAccount(actor);
    if (!(await this.passwordCheck.verify(account, currentPassword, ip))) throw IdentityException.invalid('currentPassword', 'the current password is wrong');
    checkPasswordPolicy(newPassword, account.email, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.accounts.lock(manager, account.id);
      if (!locked) throw IdentityException.unauthenticated();
      locked.passwordHash = passwordHash;
      locked.passwordChangedAt = new Date();
      await this.accounts.save(manager, locked);
      await this.sessions.revokeAll(manager, locked.id, currentSessionId);
    });
  }

  /** A field left out or sent as null (GraphQL allows it for optional fields) stays as it is. */
  async updateProfile(actor: Actor, changes: { displayName?: string | null; locale?: Locale | null }): Promise<AccountEntity> {
    const account = await this.requireAccount(actor);
    if (changes.displayName !== undefined && changes.displayName !== null) {
      const name = changes.displayName.trim();
      if (name.length < 1 || name.length > 120) throw IdentityException.invalid('input.displayName', 'the name needs 1-120 characters');
      account.displayName = name;
    }
    if (changes.locale !== undefined && changes.locale !== null) account.locale = changes.locale;
    return this.accounts.save(this.dataSource.manager, account);
  }

  /** Platform admins grant or take away platform roles. */
  async setPlatformRoles(actor: Actor, accountId: string, roles: PlatformRole[]): Promise<AccountEntity> {
    const account = await this.accounts.findById(accountId);
    if (!account) throw new IdentityException(IdentityErrorCode.NotFound, `account ${accountId} was not found`);
    if (actor.accountId === accountId && !roles.includes(PlatformRole.Admin)) {
      throw new IdentityException(IdentityErrorCode.InvalidState, 'you cannot take away your own admin role');
    }
    account.platformRoles = [...new Set(roles)].sort();
    return this.accounts.save(this.dataSource.manager, account);
  }

  async requireAccount(actor: Actor): Promise<AccountEntity> {
    const account = actor.accountId ? await this.accounts.findById(actor.accountId) : null;
    if (!account) throw IdentityException.unauthenticated('sign in first');
    return account;
  }

  /** Checks a password again before a destructive step (account deletion), within the sign-in limits (PasswordCheck). */
  async confirmPassword(actor: Actor, password: string, ip: string): Promise<AccountEntity> {
    const account = await this.requireAccount(actor);
    if (!(await this.passwordCheck.verify(account, password, ip))) throw IdentityException.invalid('password', 'the password is wrong');
    return account;
  }

  /**
   * In the caller's transaction: a token for the account of `email` (unless over the hourly cap)
   * and, either way, one outbox event. Without a token the event names a UUID keyed by the address
   * (no token has it: the worker skips it, and repeated requests collapse into one job).
   */
  private async mailTokenByEmail(manager: EntityManager, email: string, purpose: TokenPurpose): Promise<void> {
    const tokenId = await this.accounts.createTokenByEmail(manager, email, purpose, purpose === 'verify-email' ? VERIFY_TTL_MS : RESET_TTL_MS, MAILS_PER_HOUR, 3600_000);
    const kind = purpose === 'verify-email' ? AccountEmailKind.VerifyEmail : AccountEmailKind.ResetPassword;
    await this.outbox.record(manager, [{ topic: OutboxTopic.AccountEmail, aggregateType: kind, aggregateId: tokenId ?? keyedUuid(this.secret, `mail.${purpose}`, email) }]);
  }

  private async useToken(manager: EntityManager, token: string, purpose: TokenPurpose) {
    const parsed = splitLinkToken(token);
    if (!parsed) throw invalidLink();
    const row = await this.accounts.lockToken(manager, parsed.rowId);
    if (!row || row.purpose !== purpose || !linkTokenMatches(this.secret, purpose, row.id, row.createdAt, token)) throw invalidLink();
    if (row.usedAt || row.expiresAt.getTime() <= Date.now()) {
      throw new IdentityException(IdentityErrorCode.InvalidState, 'this link was already used or has expired; ask for a new one', 'token');
    }
    await this.accounts.useTokens(manager, row.accountId, purpose);
    return row;
  }
}

function invalidLink(): IdentityException {
  return IdentityException.invalid('token', 'this link is not valid');
}
