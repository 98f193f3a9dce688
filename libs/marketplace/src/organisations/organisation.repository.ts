import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrganisationEntity } from '@app/database';
import type { DataSource } from 'typeorm';
import { CatalogueRepository } from '../common/catalogue.repository.js';

@Injectable()
export class OrganisationRepository extends CatalogueRepository<OrganisationEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, OrganisationEntity);
  }
}
