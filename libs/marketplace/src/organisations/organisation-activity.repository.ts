import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AttachmentEntity, ChallengeEntity, NeedEntity, ProposalEntity } from '@app/database';
import type { DataSource } from 'typeorm';

/** At most this many challenges or needs per organisation on its page (newest first). */
export const ORGANISATION_ACTIVITY_LIMIT = 100;

/**
 * What organisations did on the platform, for many organisations at once (one statement per
 * kind of row, so a page of organisations never loads them one by one). No visibility rules here:
 * the service filters for the caller.
 */
@Injectable()
export class OrganisationActivityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Challenges owned by the organisations, newest first, at most ORGANISATION_ACTIVITY_LIMIT each. */
  challengesOf(organisationIds: readonly string[]): Promise<ChallengeEntity[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ChallengeEntity).createQueryBuilder('c')
      .where(`c.id IN (SELECT ranked.id FROM (
                 SELECT id, row_number() OVER (PARTITION BY owner_organisation_id ORDER BY created_at DESC, id DESC) AS n
                   FROM challenge WHERE owner_organisation_id IN (:...ids)) ranked
               WHERE ranked.n <= :limit)`, { ids: organisationIds, limit: ORGANISATION_ACTIVITY_LIMIT })
      .orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC')
      .getMany();
  }

  /** Needs of the organisations, newest first, at most ORGANISATION_ACTIVITY_LIMIT each. */
  needsOf(organisationIds: readonly string[]): Promise<NeedEntity[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(NeedEntity).createQueryBuilder('n')
      .where(`n.id IN (SELECT ranked.id FROM (
                 SELECT id, row_number() OVER (PARTITION BY owner_organisation_id ORDER BY created_at DESC, id DESC) AS n
                   FROM need WHERE owner_organisation_id IN (:...ids)) ranked
               WHERE ranked.n <= :limit)`, { ids: organisationIds, limit: ORGANISATION_ACTIVITY_LIMIT })
      .orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC')
      .getMany();
  }

  /** Awarded (submitted) proposals of the given challenges, highest award first. */
  async awardedProposalsOf(challengeIds: readonly string[]): Promise<ProposalEntity[]> {
    if (challengeIds.length === 0) return [];
    return this.dataSource.getRepository(ProposalEntity).createQueryBuilder('p')
      .where(`p.challenge_id IN (:...ids) AND p.status = 'SUBMITTED' AND p.outcome = 'AWARDED'`, { ids: challengeIds })
      .orderBy('p.award_eur', 'DESC', 'NULLS LAST').addOrderBy('p.id')
      .getMany();
  }

  /** The logo of each organisation that has one. */
  logosOf(organisationIds: readonly string[]): Promise<AttachmentEntity[]> {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AttachmentEntity).createQueryBuilder('a')
      .where(`a.owner_type = 'organisation_logo' AND a.owner_id IN (:...ids)`, { ids: organisationIds })
      .getMany();
  }
}
