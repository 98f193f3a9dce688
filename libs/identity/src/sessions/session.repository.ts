import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountEntity, AccountSessionEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';

/** All SQL on sessions (password attempts: PasswordAttemptRepository). */
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
}
