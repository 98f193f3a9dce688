import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChallengeEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogueRepository } from '../common/catalogue.repository.js';

@Injectable()
export class ChallengeRepository extends CatalogueRepository<ChallengeEntity> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, ChallengeEntity);
  }

  /** The challenge with its owner organisation, or null. */
  findWithOwner(id: string): Promise<ChallengeEntity | null> {
    return this.repo().findOne({ where: { id }, relations: { owner: true } });
  }

  /** PUBLISHED with a deadline not after `now` → SUBMISSIONS_CLOSED, in one statement; returns the ids. */
  async closeDue(manager: EntityManager, now: Date): Promise<string[]> {
    const result = (await manager.query(
      `UPDATE challenge SET status = 'SUBMISSIONS_CLOSED', submissions_closed_at = $1, updated_at = now()
        WHERE status = 'PUBLISHED' AND deadline <= $1
        RETURNING id`,
      [now],
    )) as [{ id: string }[], number];
    return result[0].map((r) => r.id);
  }

  /** Published public challenges in their first stage: what creatives can still enter. */
  openPublic(): Promise<ChallengeEntity[]> {
    return this.repo().find({ where: { status: 'PUBLISHED', visibility: 'PUBLIC', stage: 1 } });
  }

  async idsByOwner(manager: EntityManager, ownerId: string): Promise<string[]> {
    const rows = await this.repo(manager).find({ select: { id: true }, where: { ownerOrganisationId: ownerId } });
    return rows.map((r) => r.id);
  }

  /** Adds invitees (existing ones stay); reports ids with no profile and the accounts newly invited. */
  async addInvitees(manager: EntityManager, challengeId: string, creativeProfileIds: readonly string[]): Promise<{ missing: string[]; accounts: string[] }> {
    const found = (await manager.query(`SELECT id FROM creative_profile WHERE id = ANY($1::uuid[])`, [creativeProfileIds])) as { id: string }[];
    const known = new Set(found.map((r) => r.id));
    const missing = creativeProfileIds.filter((id) => !known.has(id));
    if (missing.length > 0) return { missing, accounts: [] };
    const added = (await manager.query(
      `WITH added AS (
         INSERT INTO challenge_invitee (challenge_id, creative_profile_id) SELECT $1, c FROM unnest($2::uuid[]) AS c
         ON CONFLICT DO NOTHING RETURNING creative_profile_id)
       SELECT cp.account_id FROM added JOIN creative_profile cp ON cp.id = added.creative_profile_id WHERE cp.account_id IS NOT NULL`,
      [challengeId, creativeProfileIds],
    )) as { account_id: string }[];
    return { missing, accounts: added.map((r) => r.account_id) };
  }

  /** Of these profile ids, those that cannot be asked to apply: unknown, erased, without an account or without matching consent. */
  async withoutMatchingConsent(manager: EntityManager, creativeProfileIds: readonly string[]): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT id FROM creative_profile WHERE id = ANY($1::uuid[]) AND matching_consent_at IS NOT NULL AND account_id IS NOT NULL AND erased_at IS NULL`,
      [creativeProfileIds],
    )) as { id: string }[];
    const ok = new Set(rows.map((r) => r.id));
    return creativeProfileIds.filter((id) => !ok.has(id));
  }

  async removeInvitee(manager: EntityManager, challengeId: string, creativeProfileId: string): Promise<boolean> {
    const result = (await manager.query(`DELETE FROM challenge_invitee WHERE challenge_id = $1 AND creative_profile_id = $2 RETURNING 1`, [challengeId, creativeProfileId])) as [unknown[], number];
    return result[1] > 0;
  }

  async invitees(manager: EntityManager | undefined, challengeId: string): Promise<string[]> {
    const rows = (await (manager ?? this.dataSource.manager).query(`SELECT creative_profile_id FROM challenge_invitee WHERE challenge_id = $1 ORDER BY invited_at, creative_profile_id`, [challengeId])) as { creative_profile_id: string }[];
    return rows.map((r) => r.creative_profile_id);
  }

  /** Accounts owning the invited profiles. */
  async inviteeAccounts(manager: EntityManager, challengeId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT cp.account_id FROM challenge_invitee ci JOIN creative_profile cp ON cp.id = ci.creative_profile_id WHERE ci.challenge_id = $1 AND cp.account_id IS NOT NULL`,
      [challengeId],
    )) as { account_id: string }[];
    return rows.map((r) => r.account_id);
  }
}
