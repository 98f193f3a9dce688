import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProposalAuthorEntity, ProposalEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogueRepository } from '../common/catalogue.repository.js';

export interface ProposalAuthorRow {
  proposalId: string;
  creativeProfileId: string;
  role: 'LEAD' | 'CO_AUTHOR';
  displayName: string;
  accountId: string | null;
}

export interface ProposalStatusCounts {
  submitted: number;
  withdrawn: number;
  shortlisted: number;
  awarded: number;
}

@Injectable()
export class ProposalRepository extends CatalogueRepository<ProposalEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, ProposalEntity);
  }

  async blindCodeTaken(manager: EntityManager, challengeId: string, code: string): Promise<boolean> {
    return (await manager.countBy(ProposalEntity, { challengeId, blindCode: code })) > 0;
  }

  async hasLiveProposal(manager: EntityManager, challengeId: string, leadId: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM proposal WHERE challenge_id = $1 AND lead_creative_profile_id = $2 AND status <> 'WITHDRAWN'`, [challengeId, leadId])) as unknown[];
    return rows.length > 0;
  }

  async replaceAuthors(manager: EntityManager, proposalId: string, leadId: string, coAuthorIds: readonly string[]): Promise<void> {
    await manager.delete(ProposalAuthorEntity, { proposalId });
    await manager.insert(ProposalAuthorEntity, [
      { proposalId, creativeProfileId: leadId, role: 'LEAD' },
      ...coAuthorIds.map((id) => ({ proposalId, creativeProfileId: id, role: 'CO_AUTHOR' })),
    ]);
  }

  /** Authors of many proposals with their public names and (for notifications) accounts. */
  async authors(proposalIds: readonly string[]): Promise<ProposalAuthorRow[]> {
    if (proposalIds.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT pa.proposal_id, pa.creative_profile_id, pa.role, cp.display_name, cp.account_id
         FROM proposal_author pa JOIN creative_profile cp ON cp.id = pa.creative_profile_id
        WHERE pa.proposal_id = ANY($1::uuid[]) ORDER BY pa.role DESC, cp.display_name`,
      [proposalIds],
    )) as { proposal_id: string; creative_profile_id: string; role: 'LEAD' | 'CO_AUTHOR'; display_name: string; account_id: string | null }[];
    return rows.map((r) => ({ proposalId: r.proposal_id, creativeProfileId: r.creative_profile_id, role: r.role, displayName: r.display_name, accountId: r.account_id }));
  }

  async isAuthor(proposalId: string, creativeProfileId: string): Promise<boolean> {
    return (await this.dataSource.manager.countBy(ProposalAuthorEntity, { proposalId, creativeProfileId })) > 0;
  }

  /** Proposals a creative (co-)authors, newest first. */
  async ofCreative(creativeProfileId: string): Promise<ProposalEntity[]> {
    return this.repo().createQueryBuilder('row')
      .innerJoin(ProposalAuthorEntity, 'pa', 'pa.proposal_id = row.id AND pa.creative_profile_id = :creativeProfileId', { creativeProfileId })
      .orderBy('row.created_at', 'DESC').getMany();
  }

  ofChallenge(challengeId: string, statuses: readonly string[]): Promise<ProposalEntity[]> {
    return this.repo().createQueryBuilder('row')
      .where('row.challenge_id = :challengeId AND row.status IN (:...statuses)', { challengeId, statuses })
      .orderBy('row.blind_code').getMany();
  }

  /** Locks a challenge's proposals in id order (lock the challenge row first: see AwardsService). */
  lockOfChallenge(manager: EntityManager, challengeId: string): Promise<ProposalEntity[]> {
    return this.repo(manager).createQueryBuilder('row').setLock('pessimistic_write').where('row.challenge_id = :challengeId', { challengeId }).orderBy('row.id').getMany();
  }

  /** Submitted proposals per challenge, for many challenges (one statement). */
  async submittedCounts(challengeIds: readonly string[]): Promise<Map<string, number>> {
    if (challengeIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT challenge_id, count(*)::int AS n FROM proposal WHERE challenge_id = ANY($1::uuid[]) AND status = 'SUBMITTED' GROUP BY challenge_id`,
      [challengeIds],
    )) as { challenge_id: string; n: number }[];
    return new Map(rows.map((r) => [r.challenge_id, r.n]));
  }

  /** Proposals per challenge by state (drafts and never-submitted withdrawals not counted), for many challenges (one statement). */
  async statusCounts(challengeIds: readonly string[]): Promise<Map<string, ProposalStatusCounts>> {
    if (challengeIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT challenge_id,
              (count(*) FILTER (WHERE status = 'SUBMITTED'))::int AS submitted,
              (count(*) FILTER (WHERE status = 'WITHDRAWN'))::int AS withdrawn,
              (count(*) FILTER (WHERE status = 'SUBMITTED' AND shortlisted_at IS NOT NULL))::int AS shortlisted,
              (count(*) FILTER (WHERE status = 'SUBMITTED' AND outcome = 'AWARDED'))::int AS awarded
         FROM proposal WHERE challenge_id = ANY($1::uuid[]) AND submitted_at IS NOT NULL GROUP BY challenge_id`,
      [challengeIds],
    )) as ({ challenge_id: string } & ProposalStatusCounts)[];
    return new Map(rows.map(({ challenge_id, ...counts }) => [challenge_id, counts]));
  }
}
