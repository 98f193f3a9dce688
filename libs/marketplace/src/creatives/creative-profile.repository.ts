import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreativeProfileEntity, MatchingConsentEventEntity } from '@app/database';
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

  /**
   * Creatives who agreed to be matched, have an account to tell, and share a domain or a
   * technique, material or craft with what is asked: the audience of a fan-out (array overlap
   * in PostgreSQL, so it reaches every one of them, not only an engine's first page).
   */
  matchableSharing(domains: readonly string[], making: readonly string[]): Promise<CreativeProfileEntity[]> {
    return this.repo().createQueryBuilder('row')
      .where('row.matching_consent_at IS NOT NULL AND row.account_id IS NOT NULL AND row.erased_at IS NULL')
      .andWhere('(row.domains && :domains OR row.techniques && :making OR row.materials && :making OR row.crafts && :making)', { domains, making })
      .getMany();
  }

  /** Matchable creatives changed since `since` (for the batched note to challenge owners). */
  matchableChangedSince(since: Date, until: Date): Promise<CreativeProfileEntity[]> {
    return this.repo().createQueryBuilder('row')
      .where('row.matching_consent_at IS NOT NULL AND row.erased_at IS NULL AND row.updated_at > :since AND row.updated_at <= :until', { since, until })
      .getMany();
  }

  /** One matching-consent change, in the transaction that makes it. */
  async recordConsent(manager: EntityManager, profileId: string, given: boolean, explanationVersion: string, at: Date): Promise<void> {
    const repo = manager.getRepository(MatchingConsentEventEntity);
    await repo.save(repo.create({ creativeProfileId: profileId, given, explanationVersion, occurredAt: at }));
  }

  consentHistory(profileIds: readonly string[]): Promise<MatchingConsentEventEntity[]> {
    if (profileIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(MatchingConsentEventEntity).createQueryBuilder('e')
      .where('e.creative_profile_id IN (:...ids)', { ids: profileIds }).orderBy('e.occurred_at').addOrderBy('e.id').getMany();
  }
}
