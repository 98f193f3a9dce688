import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreativeProfileEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogueRepository } from '../common/catalogue.repository.js';

@Injectable()
export class CreativeProfileRepository extends CatalogueRepository<CreativeProfileEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, CreativeProfileEntity);
  }

  async idOfAccount(manager: EntityManager, accountId: string): Promise<string | null> {
    const row = await this.repo(manager).createQueryBuilder('row').select('row.id', 'id').where('row.account_id = :accountId', { accountId }).getRawOne<{ id: string }>();
    return row?.id ?? null;
  }
}
