import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictDeclarationEntity, JuryMemberEntity, ReviewScoreEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';

export interface JurorRow {
  accountId: string;
  displayName: string;
  since: Date;
}

/** All SQL on juries, conflict declarations and rubric scores. */
@Injectable()
export class JuryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isJuror(challengeId: string, accountId: string | null): Promise<boolean> {
    if (!accountId) return false;
    return (await this.dataSource.manager.countBy(JuryMemberEntity, { challengeId, accountId })) > 0;
  }

  async add(manager: EntityManager, challengeId: string, accountId: string): Promise<void> {
    await manager.query(`INSERT INTO jury_member (challenge_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [challengeId, accountId]);
  }

  async remove(challengeId: string, accountId: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(JuryMemberEntity, { challengeId, accountId });
    return (result.affected ?? 0) > 0;
  }

  async jurors(challengeId: string): Promise<JurorRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT j.account_id, a.display_name, j.created_at FROM jury_member j JOIN account a ON a.id = j.account_id WHERE j.challenge_id = $1 ORDER BY j.created_at`,
      [challengeId],
    )) as { account_id: string; display_name: string; created_at: Date }[];
    return rows.map((r) => ({ accountId: r.account_id, displayName: r.display_name, since: r.created_at }));
  }

  async challengesOf(accountId: string): Promise<string[]> {
    return (await this.dataSource.manager.findBy(JuryMemberEntity, { accountId })).map((j) => j.challengeId);
  }

  async declare(proposalId: string, accountId: string, hasConflict: boolean, reason: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO conflict_declaration (proposal_id, account_id, has_conflict, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT (proposal_id, account_id) DO UPDATE SET has_conflict = EXCLUDED.has_conflict, reason = EXCLUDED.reason, declared_at = now()`,
        [proposalId, accountId, hasConflict, reason],
      );
      // A juror who declares a conflict has no say on that proposal: earlier scores go.
      if (hasConflict) await manager.delete(ReviewScoreEntity, { proposalId, accountId });
    });
  }

  declaration(proposalId: string, accountId: string): Promise<ConflictDeclarationEntity | null> {
    return this.dataSource.manager.findOneBy(ConflictDeclarationEntity, { proposalId, accountId });
  }

  async replaceScores(proposalId: string, accountId: string, scores: readonly { criterionId: string; score: number; comment: string | null }[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(ReviewScoreEntity, { proposalId, accountId });
      await manager.insert(ReviewScoreEntity, scores.map((s) => ({ proposalId, accountId, criterionId: s.criterionId, score: s.score, comment: s.comment, updatedAt: new Date() })));
    });
  }

  /** Every score on a challenge's submitted proposals, without declared conflicts. */
  async scoresOfChallenge(challengeId: string): Promise<ReviewScoreEntity[]> {
    return this.dataSource.manager.createQueryBuilder(ReviewScoreEntity, 's')
      .innerJoin('proposal', 'p', "p.id = s.proposal_id AND p.challenge_id = :challengeId AND p.status = 'SUBMITTED'", { challengeId })
      .leftJoin('conflict_declaration', 'c', 'c.proposal_id = s.proposal_id AND c.account_id = s.account_id')
      .where('c.has_conflict IS NOT TRUE')
      .getMany();
  }

  scoresBy(accountId: string, proposalId: string): Promise<ReviewScoreEntity[]> {
    return this.dataSource.manager.findBy(ReviewScoreEntity, { accountId, proposalId });
  }

  /** One juror's conflict declarations on a challenge's proposals: proposal id -> has a conflict. */
  async declarationsOn(challengeId: string, accountId: string): Promise<Map<string, boolean>> {
    const rows = (await this.dataSource.query(
      `SELECT c.proposal_id, c.has_conflict FROM conflict_declaration c JOIN proposal p ON p.id = c.proposal_id WHERE p.challenge_id = $1 AND c.account_id = $2`,
      [challengeId, accountId],
    )) as { proposal_id: string; has_conflict: boolean }[];
    return new Map(rows.map((r) => [r.proposal_id, r.has_conflict]));
  }

  /** One juror's scores on a challenge's proposals. */
  scoresOn(challengeId: string, accountId: string): Promise<ReviewScoreEntity[]> {
    return this.dataSource.manager.createQueryBuilder(ReviewScoreEntity, 's')
      .innerJoin('proposal', 'p', 'p.id = s.proposal_id AND p.challenge_id = :challengeId', { challengeId })
      .where('s.account_id = :accountId', { accountId })
      .getMany();
  }
}
