import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountEntity, AccountTokenEntity, type MembershipEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';

export type TokenPurpose = 'verify-email' | 'reset-password';

/** The first key of the two-key advisory lock on (purpose, address) while a mailed token is counted and created. */
const TOKEN_LOCK_SPACE = 7243103;

/** All SQL on accounts and their mailed tokens. */
@Injectable()
export class AccountRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<AccountEntity | null> {
    return this.m(manager).findOneBy(AccountEntity, { id });
  }

  findByEmail(email: string, manager?: EntityManager): Promise<AccountEntity | null> {
    return this.m(manager).findOneBy(AccountEntity, { email });
  }

  async lock(manager: EntityManager, id: string): Promise<AccountEntity | null> {
    return manager.findOne(AccountEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The new account's id; null when the email is taken (unique index), so a race cannot create two accounts. */
  async insert(manager: EntityManager, values: Pick<AccountEntity, 'email' | 'passwordHash' | 'displayName' | 'locale'> & Partial<AccountEntity>): Promise<string | null> {
    const rows = (await manager.query(
      `INSERT INTO account (email, password_hash, display_name, locale, platform_roles, is_demo, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [values.email, values.passwordHash, values.displayName, values.locale, values.platformRoles ?? [], values.isDemo ?? false, values.emailVerifiedAt ?? null],
    )) as { id: string }[];
    return rows.length ? rows[0].id : null;
  }

  save(manager: EntityManager, account: AccountEntity): Promise<AccountEntity> {
    return manager.save(AccountEntity, account);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.delete(AccountEntity, { id });
  }

  /**
   * A new token for the account of `email` unless it already had `limit` tokens of this purpose
   * within `withinMs`: one statement with the same plan whether or not the address has an account,
   * so the time taken does not tell. The token id, or null (no such account, or over the cap).
   */
  async createTokenByEmail(manager: EntityManager, email: string, purpose: TokenPurpose, ttlMs: number, limit: number, withinMs: number): Promise<string | null> {
    // The count below sees only committed tokens: parallel requests for one address queue here
    // first, so they cannot all pass the cap. Taken whether or not the address has an account.
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [TOKEN_LOCK_SPACE, `${purpose}:${email}`]);
    const rows = (await manager.query(
      `INSERT INTO account_token (account_id, purpose, expires_at)
       SELECT a.id, $2, now() + make_interval(secs => $3::double precision / 1000)
         FROM account a
        WHERE a.email = $1
          AND (SELECT count(*) FROM account_token t
                WHERE t.account_id = a.id AND t.purpose = $2 AND t.created_at > now() - make_interval(secs => $5::double precision / 1000)) < $4
       RETURNING id`,
      [email, purpose, ttlMs, limit, withinMs],
    )) as { id: string }[];
    return rows.length ? rows[0].id : null;
  }

  findToken(id: string, manager?: EntityManager): Promise<AccountTokenEntity | null> {
    return this.m(manager).findOneBy(AccountTokenEntity, { id });
  }

  lockToken(manager: EntityManager, id: string): Promise<AccountTokenEntity | null> {
    return manager.findOne(AccountTokenEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Marks this token and every other open token of the same purpose used: only the newest link counts once used. */
  async useTokens(manager: EntityManager, accountId: string, purpose: TokenPurpose): Promise<void> {
    await manager.query(`UPDATE account_token SET used_at = now() WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL`, [accountId, purpose]);
  }

  /** What the actor needs besides the account: memberships and the owned creative profile, in one statement. */
  async actorFacts(accountId: string): Promise<{ memberships: Pick<MembershipEntity, 'organisationId' | 'role'>[]; creativeProfileId: string | null; challengeGrants: string[] }> {
    const [row] = (await this.dataSource.query(
      `SELECT coalesce((SELECT json_agg(json_build_object('organisationId', organisation_id, 'role', role)) FROM membership WHERE account_id = $1), '[]') AS memberships,
              (SELECT id FROM creative_profile WHERE account_id = $1) AS creative_profile_id,
              ARRAY(SELECT ci.challenge_id FROM challenge_invitee ci JOIN creative_profile cp ON cp.id = ci.creative_profile_id WHERE cp.account_id = $1
                    UNION SELECT challenge_id FROM jury_member WHERE account_id = $1) AS challenge_grants`,
      [accountId],
    )) as { memberships: Pick<MembershipEntity, 'organisationId' | 'role'>[]; creative_profile_id: string | null; challenge_grants: string[] }[];
    return { memberships: row.memberships, creativeProfileId: row.creative_profile_id, challengeGrants: row.challenge_grants };
  }
}
