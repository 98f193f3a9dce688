import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreativeProfileEntity } from '@app/database';
import type { DataSource } from 'typeorm';
import { CatalogueRepository } from '../common/catalogue.repository.js';

@Injectable()
export class CreativeProfileRepository extends CatalogueRepository<CreativeProfileEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, CreativeProfileEntity);
  }
}
