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

  async idsByOwner(manager: EntityManager, ownerId: string): Promise<string[]> {
    const rows = await this.repo(manager).find({ select: { id: true }, where: { ownerOrganisationId: ownerId } });
    return rows.map((r) => r.id);
  }
}
