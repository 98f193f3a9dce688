import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AttachmentEntity, PortfolioItemEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';

/** Portfolio items and their images (attachments of owner type 'portfolio_item'). */
@Injectable()
export class PortfolioRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private items(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(PortfolioItemEntity);
  }

  /** Items of many profiles, in their order. */
  forProfiles(profileIds: readonly string[]): Promise<PortfolioItemEntity[]> {
    if (profileIds.length === 0) return Promise.resolve([]);
    return this.items().createQueryBuilder('i').where('i.creative_profile_id IN (:...ids)', { ids: profileIds })
      .orderBy('i.position').addOrderBy('i.created_at').getMany();
  }

  /** The items of one profile, locked (for a consistent order while changing it). */
  lockedOfProfile(manager: EntityManager, profileId: string): Promise<PortfolioItemEntity[]> {
    return this.items(manager).createQueryBuilder('i').setLock('pessimistic_write').where('i.creative_profile_id = :profileId', { profileId })
      .orderBy('i.position').addOrderBy('i.created_at').getMany();
  }

  findForUpdate(manager: EntityManager, id: string): Promise<PortfolioItemEntity | null> {
    return this.items(manager).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  findById(id: string): Promise<PortfolioItemEntity | null> {
    return this.items().findOneBy({ id });
  }

  save(manager: EntityManager, item: PortfolioItemEntity | Partial<PortfolioItemEntity>): Promise<PortfolioItemEntity> {
    const repo = this.items(manager);
    return repo.save(repo.create(item));
  }

  async saveOrder(manager: EntityManager, ordered: readonly string[]): Promise<void> {
    for (const [position, id] of ordered.entries()) await this.items(manager).update({ id }, { position });
  }

  /** Deletes the item's image rows; answers their ids (the files go after commit). */
  async deleteImages(manager: EntityManager, itemIds: readonly string[]): Promise<string[]> {
    if (itemIds.length === 0) return [];
    const deleted = (await manager.query(`DELETE FROM attachment WHERE owner_type = 'portfolio_item' AND owner_id = ANY($1::uuid[]) RETURNING id`, [itemIds])) as [{ id: string }[], number];
    return deleted[0].map((r) => r.id);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await this.items(manager).delete({ id });
  }

  /** The image of each item (at most one each). */
  imagesOf(itemIds: readonly string[]): Promise<AttachmentEntity[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AttachmentEntity).createQueryBuilder('a')
      .where(`a.owner_type = 'portfolio_item' AND a.owner_id IN (:...ids)`, { ids: itemIds }).orderBy('a.created_at').getMany();
  }
}
