import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvitationEntity, MembershipEntity } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import type { OrganisationRole } from '../actor.js';

export interface MemberRow {
  accountId: string;
  displayName: string;
  email: string;
  role: OrganisationRole;
  since: Date;
}

/** The first key of the two-key advisory lock on an inviter (its own key space). */
const INVITER_LOCK_SPACE = 7243102;

/** All SQL on memberships and invitations. */
@Injectable()
export class MembershipRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsert(manager: EntityManager, organisationId: string, accountId: string, role: OrganisationRole): Promise<void> {
    await manager.query(
      `INSERT INTO membership (organisation_id, account_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id, account_id) DO UPDATE SET role = EXCLUDED.role`,
      [organisationId, accountId, role],
    );
  }

  async remove(manager: EntityManager, organisationId: string, accountId: string): Promise<void> {
    await manager.delete(MembershipEntity, { organisationId, accountId });
  }

  /** Locks the organisation's memberships (owner-count checks happen under it). */
  async lockMembers(manager: EntityManager, organisationId: string): Promise<MembershipEntity[]> {
    return manager.find(MembershipEntity, { where: { organisationId }, lock: { mode: 'pessimistic_write' } });
  }

  async members(organisationId: string, manager?: EntityManager): Promise<MemberRow[]> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      `SELECT m.account_id, a.display_name, a.email, m.role, m.created_at
         FROM membership m JOIN account a ON a.id = m.account_id
        WHERE m.organisation_id = $1 ORDER BY m.created_at, a.display_name`,
      [organisationId],
    )) as { account_id: string; display_name: string; email: string; role: OrganisationRole; created_at: Date }[];
    return rows.map((r) => ({ accountId: r.account_id, displayName: r.display_name, email: r.email, role: r.role, since: r.created_at }));
  }

  createInvitation(manager: EntityManager, values: Omit<InvitationEntity, 'id' | 'createdAt' | 'acceptedAt' | 'acceptedBy' | 'revokedAt'>): Promise<InvitationEntity> {
    return manager.save(InvitationEntity, manager.create(InvitationEntity, { ...values, acceptedAt: null, acceptedBy: null, revokedAt: null }));
  }

  findInvitation(id: string, manager?: EntityManager): Promise<InvitationEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(InvitationEntity, { id });
  }

  lockInvitation(manager: EntityManager, id: string): Promise<InvitationEntity | null> {
    return manager.findOne(InvitationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  saveInvitation(manager: EntityManager, invitation: InvitationEntity): Promise<InvitationEntity> {
    return manager.save(InvitationEntity, invitation);
  }

  /** Open invitations of an organisation or a challenge's jury. */
  openInvitations(where: { organisationId: string } | { challengeId: string }, manager?: EntityManager): Promise<InvitationEntity[]> {
    const [column, value] = 'organisationId' in where ? ['organisation_id', where.organisationId] : ['challenge_id', where.challengeId];
    return (manager ?? this.dataSource.manager)
      .createQueryBuilder(InvitationEntity, 'i')
      .where(`i.${column} = :value AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()`, { value })
      .orderBy('i.created_at')
      .getMany();
  }

  /** Serialises one inviter's invitations until the caller's transaction ends (the daily cap is counted under it). */
  async lockInviter(manager: EntityManager, invitedBy: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [INVITER_LOCK_SPACE, invitedBy]);
  }

  async countRecentInvitations(invitedBy: string, withinMs: number, manager?: EntityManager): Promise<number> {
    const [row] = (await (manager ?? this.dataSource.manager).query(
      `SELECT count(*)::int AS n FROM invitation WHERE invited_by = $1 AND created_at > now() - make_interval(secs => $2::double precision / 1000)`,
      [invitedBy, withinMs],
    )) as { n: number }[];
    return row.n;
  }
}
