import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChallengeEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogueRepository } from '../common/catalogue.repository.js';

@Injectable()
export class ChallengeRepository extends CatalogueRepository<ChallengeEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, ChallengeEntity);
  }

  /** The challenge with its owner organisation, or null. */
  findWithOwner(id: string): Promise<ChallengeEntity | null> {
    return this.repo().findOne({ where: { id }, relations: { owner: true } });
  }

  /** PUBLISHED with a deadline not after `now` → SUBMISSIONS_CLOSED, in one statement; returns the ids. */
  async closeDue(manager: EntityManager, now: Date): Promise<string[]> {
    const result = (await manager.query(
      `UPDATE challenge SET status = 'SUBMISSIONS_CLOSED', submissions_closed_at = $1, updated_at = now()
        WHERE status = 'PUBLISHED' AND deadline <= $1
        RETURNING id`,
      [now],
    )) as [{ id: string }[], number];
    return result[0].map((r) => r.id);
  }

  async idsByOwner(manager: EntityManager, ownerId: string): Promise<string[]> {
    const rows = await this.repo(manager).find({ select: { id: true }, where: { ownerOrganisationId: ownerId } });
    return rows.map((r) => r.id);
  }
}
