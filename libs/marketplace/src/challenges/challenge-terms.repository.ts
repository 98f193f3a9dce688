import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChallengeCriterionEntity, ChallengePartnerEntity, ChallengeRewardEntity, OrganisationEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import type { CriterionRow, PartnerRow, RewardRow } from './challenge-terms.js';

export interface PartnerWithOrganisation {
  challengeId: string;
  organisation: OrganisationEntity;
  roleSl: string | null;
  roleEn: string | null;
}

/** Partners, rewards and criteria of challenges: replaced as whole lists, read in batches. */
@Injectable()
export class ChallengeTermsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async replacePartners(manager: EntityManager, challengeId: string, rows: PartnerRow[]): Promise<void> {
    await manager.delete(ChallengePartnerEntity, { challengeId });
    if (rows.length > 0) await manager.insert(ChallengePartnerEntity, rows.map((r, position) => ({ ...r, challengeId, position })));
  }

  async replaceRewards(manager: EntityManager, challengeId: string, rows: RewardRow[]): Promise<void> {
    await manager.delete(ChallengeRewardEntity, { challengeId });
    if (rows.length > 0) await manager.insert(ChallengeRewardEntity, rows.map((r, position) => ({ ...r, challengeId, position })));
  }

  async replaceCriteria(manager: EntityManager, challengeId: string, rows: CriterionRow[]): Promise<void> {
    await manager.delete(ChallengeCriterionEntity, { challengeId });
    if (rows.length > 0) await manager.insert(ChallengeCriterionEntity, rows.map((r, position) => ({ ...r, challengeId, position })));
  }

  /** Partners of many challenges with their organisations, in one statement. */
  async partners(challengeIds: readonly string[]): Promise<PartnerWithOrganisation[]> {
    if (challengeIds.length === 0) return [];
    const rows = await this.dataSource.getRepository(ChallengePartnerEntity).createQueryBuilder('p')
      .innerJoinAndMapOne('p.organisation', OrganisationEntity, 'o', 'o.id = p.organisation_id')
      .where('p.challenge_id IN (:...ids)', { ids: challengeIds })
      .orderBy('p.challenge_id').addOrderBy('p.position')
      .getMany() as (ChallengePartnerEntity & { organisation: OrganisationEntity })[];
    return rows.map((r) => ({ challengeId: r.challengeId, organisation: r.organisation, roleSl: r.roleSl, roleEn: r.roleEn }));
  }

  /** Inside a transaction, pass its manager (no second pooled connection while the transaction holds locks). */
  rewards(challengeIds: readonly string[], manager?: EntityManager): Promise<ChallengeRewardEntity[]> {
    if (challengeIds.length === 0) return Promise.resolve([]);
    return (manager ?? this.dataSource.manager).getRepository(ChallengeRewardEntity).createQueryBuilder('r')
      .where('r.challenge_id IN (:...ids)', { ids: challengeIds }).orderBy('r.challenge_id').addOrderBy('r.position').getMany();
  }

  criteria(challengeIds: readonly string[]): Promise<ChallengeCriterionEntity[]> {
    if (challengeIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ChallengeCriterionEntity).createQueryBuilder('c')
      .where('c.challenge_id IN (:...ids)', { ids: challengeIds }).orderBy('c.challenge_id').addOrderBy('c.position').getMany();
  }
}
