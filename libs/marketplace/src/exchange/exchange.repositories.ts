import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NeedEntity, OfferEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogueRepository } from '../common/catalogue.repository.js';

@Injectable()
export class NeedRepository extends CatalogueRepository<NeedEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, NeedEntity);
  }

  async idsByOwner(manager: EntityManager, ownerId: string): Promise<string[]> {
    return (await this.repo(manager).find({ select: { id: true }, where: { ownerOrganisationId: ownerId } })).map((r) => r.id);
  }
}

@Injectable()
export class OfferRepository extends CatalogueRepository<OfferEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, OfferEntity);
  }

  async idsByCreative(manager: EntityManager, creativeId: string): Promise<string[]> {
    return (await this.repo(manager).find({ select: { id: true }, where: { creativeProfileId: creativeId } })).map((r) => r.id);
  }
}
