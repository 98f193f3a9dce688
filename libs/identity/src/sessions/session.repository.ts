import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountEntity, AccountSessionEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';

/** All SQL on sessions and the login throttle. */
@Injectable()
export class SessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(manager: EntityManager, accountId: string, refreshHash: string, ttlMs: number): Promise<AccountSessionEntity> {
    return manager.save(AccountSessionEntity, manager.create(AccountSessionEntity, {
      accountId, refreshHash, previousRefreshHash: null, expiresAt: new Date(Date.now() + ttlMs), revokedAt: null, lastUsedAt: new Date(),
    }));
  }

  lock(manager: EntityManager, id: string): Promise<AccountSessionEntity | null> {
    return manager.findOne(AccountSessionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, session: AccountSessionEntity): Promise<AccountSessionEntity> {
    return manager.save(AccountSessionEntity, session);
  }

  /** The session and its account if the session is live: one statement per authenticated request. */
  async findLive(sessionId: string, accountId: string): Promise<AccountEntity | null> {
    return this.dataSource.manager
      .createQueryBuilder(AccountEntity, 'a')
      .innerJoin(AccountSessionEntity, 's', 's.account_id = a.id')
      .where('s.id = :sessionId AND a.id = :accountId AND s.revoked_at IS NULL AND s.expires_at > now()', { sessionId, accountId })
      .getOne();
  }

  async revokeAll(manager: EntityManager, accountId: string, exceptSessionId?: string): Promise<number> {
    const result = (await manager.query(
      `UPDATE account_session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [accountId, exceptSessionId ?? null],
    )) as [unknown, number];
    return result[1];
  }

  /** Failed logins in the window for this email key and this IP key. */
  async recentFailures(manager: EntityManager, emailKey: string, ipKey: string, windowMs: number): Promise<{ byEmail: number; byIp: number; oldestMs: number | null }> {
    const [row] = (await manager.query(
      `SELECT count(*) FILTER (WHERE email_key = $1)::int AS by_email, count(*) FILTER (WHERE ip_key = $2)::int AS by_ip,
              (extract(epoch FROM now() - min(created_at)) * 1000)::bigint AS oldest
         FROM login_attempt
        WHERE (email_key = $1 OR ip_key = $2) AND NOT succeeded
          AND created_at > now() - make_interval(secs => $3::double precision / 1000)`,
      [emailKey, ipKey, windowMs],
    )) as { by_email: number; by_ip: number; oldest: string | null }[];
    return { byEmail: row.by_email, byIp: row.by_ip, oldestMs: row.oldest === null ? null : Number(row.oldest) };
  }

  async recordAttempt(manager: EntityManager, emailKey: string, ipKey: string, succeeded: boolean): Promise<void> {
    await manager.query(`INSERT INTO login_attempt (email_key, ip_key, succeeded) VALUES ($1, $2, $3)`, [emailKey, ipKey, succeeded]);
    if (succeeded) {
      // A success clears that account's failures; old rows go (the window is all that matters).
      await manager.query(`DELETE FROM login_attempt WHERE (email_key = $1 AND NOT succeeded) OR created_at < now() - interval '1 day'`, [emailKey]);
    }
  }
}
