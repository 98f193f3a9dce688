import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InvitationEntity } from '@app/database';
import { AccountEmailKind, OutboxStore, OutboxTopic } from '@app/jobs';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, canReviewFor, isOwnerOf, OrganisationRole } from '../actor.js';
import { AccountRepository } from '../accounts/account.repository.js';
import { normaliseEmail } from '../accounts/passwords.js';
import { IdentityErrorCode, IdentityException } from '../identity.errors.js';
import { linkTokenMatches, splitLinkToken } from '../sessions/signed-tokens.js';
import { TOKEN_SECRET } from '../token-secret.js';
import { type MemberRow, MembershipRepository } from './membership.repository.js';

export const INVITATION_TTL_MS = 14 * 24 * 3600_000;
/** Per inviting account and day; invitations send mail to addresses we do not know yet. */
const INVITATIONS_PER_DAY = 50;

export type InvitationTarget = { kind: 'organisation'; organisationId: string; role: OrganisationRole } | { kind: 'jury'; challengeId: string };

@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipRepository,
    private readonly accounts: AccountRepository,
    private readonly outbox: OutboxStore,
    @Inject(TOKEN_SECRET) private readonly secret: string,
  ) {}

  /** Whoever creates an organisation owns it (in the caller's transaction). */
  async addOwner(manager: EntityManager, organisationId: string, accountId: string): Promise<void> {
    await this.memberships.upsert(manager, organisationId, accountId, OrganisationRole.Owner);
  }

  /** Members and admins see who else is in the organisation. */
  async members(actor: Actor, organisationId: string): Promise<MemberRow[]> {
    if (!canReviewFor(actor, organisationId)) throw notAllowed(organisationId);
    return this.memberships.members(organisationId);
  }

  /**
   * Mails an invitation link. Authorisation of the target (organisation owner, challenge owner)
   * is the caller's: `allowed` must already be checked.
   */
  async invite(actor: Actor, target: InvitationTarget, emailInput: string, locale: 'sl' | 'en'): Promise<InvitationEntity> {
    const email = normaliseEmail(emailInput, 'email');
    return this.dataSource.transaction((manager) => this.inviteIn(manager, actor, target, email, locale));
  }

  /**
   * Owners invite by email. Refused (INVALID_STATE) while the address has an open invitation to
   * the organisation (resend that one instead) or already belongs to a member. The members' rows
   * are locked first, so two owners inviting the same address at once cannot both succeed.
   */
  inviteMember(actor: Actor, organisationId: string, emailInput: string, role: OrganisationRole, locale: 'sl' | 'en'): Promise<InvitationEntity> {
    if (!isOwnerOf(actor, organisationId)) throw notAllowed(organisationId);
    const email = normaliseEmail(emailInput, 'email');
    return this.dataSource.transaction(async (manager) => {
      await this.memberships.lockMembers(manager, organisationId);
      if ((await this.memberships.members(organisationId, manager)).some((m) => m.email === email)) {
        throw new IdentityException(IdentityErrorCode.InvalidState, 'this address already belongs to a member of the organisation', 'email');
      }
      if ((await this.memberships.openInvitations({ organisationId }, manager)).some((i) => i.email === email)) {
        throw new IdentityException(IdentityErrorCode.InvalidState, 'this address already has an open invitation; resend it instead', 'email');
      }
      return this.inviteIn(manager, actor, { kind: 'organisation', organisationId, role }, email, locale);
    });
  }

  /**
   * Mails an open invitation again with a fresh link and a fresh expiry: the old invitation is
   * withdrawn (its link stops working) and a new one with the same address, role and language
   * replaces it, counted against the daily cap like any invitation.
   */
  async resendInvitation(actor: Actor, invitationId: string, mayManage: (invitation: InvitationEntity) => boolean): Promise<InvitationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.memberships.lockInvitation(manager, invitationId);
      if (!invitation || !mayManage(invitation)) throw new IdentityException(IdentityErrorCode.NotFound, `invitation ${invitationId} was not found`);
      if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
        throw new IdentityException(IdentityErrorCode.InvalidState, 'only an open invitation can be sent again; invite the address anew');
      }
      invitation.revokedAt = new Date();
      await this.memberships.saveInvitation(manager, invitation);
      const target: InvitationTarget = invitation.kind === 'organisation' && invitation.organisationId
        ? { kind: 'organisation', organisationId: invitation.organisationId, role: invitation.role as OrganisationRole }
        : { kind: 'jury', challengeId: invitation.challengeId ?? '' };
      return this.inviteIn(manager, actor, target, invitation.email, invitation.locale === 'en' ? 'en' : 'sl');
    });
  }

  /** Counted and inserted under the inviter's lock: parallel invitations cannot overrun the daily cap. */
  private async inviteIn(manager: EntityManager, actor: Actor, target: InvitationTarget, email: string, locale: 'sl' | 'en'): Promise<InvitationEntity> {
    if (actor.accountId) {
      await this.memberships.lockInviter(manager, actor.accountId);
      if ((await this.memberships.countRecentInvitations(actor.accountId, 24 * 3600_000, manager)) >= INVITATIONS_PER_DAY) {
        throw new IdentityException(IdentityErrorCode.RateLimited, `at most ${INVITATIONS_PER_DAY} invitations a day`, undefined, 3600);
      }
    }
    const invitation = await this.memberships.createInvitation(manager, {
      kind: target.kind,
      organisationId: target.kind === 'organisation' ? target.organisationId : null,
      challengeId: target.kind === 'jury' ? target.challengeId : null,
      role: target.kind === 'organisation' ? target.role : null,
      email,
      invitedBy: actor.accountId,
      locale,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    await this.outbox.record(manager, [{ topic: OutboxTopic.AccountEmail, aggregateType: AccountEmailKind.Invitation, aggregateId: invitation.id }]);
    return invitation;
  }

  /**
   * Accepts an invitation as the signed-in account, whose verified email must be the invited one.
   * Organisation invitations become a membership here; `onJury` turns a jury invitation into an
   * assignment in the same transaction.
   */
  async accept(actor: Actor, token: string, onJury: (manager: EntityManager, invitation: InvitationEntity, accountId: string) => Promise<void>): Promise<InvitationEntity> {
    const account = actor.accountId ? await this.accounts.findById(actor.accountId) : null;
    if (!account) throw IdentityException.unauthenticated('sign in (or sign up) with the invited email address first');
    if (!account.emailVerifiedAt) throw new IdentityException(IdentityErrorCode.Forbidden, 'verify your email address first');
    const parsed = splitLinkToken(token);
    if (!parsed) throw IdentityException.invalid('token', 'this invitation link is not valid');
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.memberships.lockInvitation(manager, parsed.rowId);
      if (!invitation || !linkTokenMatches(this.secret, 'invitation', invitation.id, invitation.createdAt, token)) {
        throw IdentityException.invalid('token', 'this invitation link is not valid');
      }
      if (invitation.email !== account.email) throw new IdentityException(IdentityErrorCode.Forbidden, 'this invitation was sent to another email address');
      if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
        throw new IdentityException(IdentityErrorCode.InvalidState, 'this invitation was already used, withdrawn or has expired', 'token');
      }
      if (invitation.kind === 'organisation' && invitation.organisationId && invitation.role) {
        const current = (await this.memberships.lockMembers(manager, invitation.organisationId)).find((m) => m.accountId === account.id);
        // Accepting never lowers a role someone already has.
        if (!current || rank(invitation.role as OrganisationRole) > rank(current.role as OrganisationRole)) {
          await this.memberships.upsert(manager, invitation.organisationId, account.id, invitation.role as OrganisationRole);
        }
      } else {
        await onJury(manager, invitation, account.id);
      }
      invitation.acceptedAt = new Date();
      invitation.acceptedBy = account.id;
      return this.memberships.saveInvitation(manager, invitation);
    });
  }

  async revokeInvitation(actor: Actor, invitationId: string, mayManage: (invitation: InvitationEntity) => boolean): Promise<InvitationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.memberships.lockInvitation(manager, invitationId);
      if (!invitation || !mayManage(invitation)) throw new IdentityException(IdentityErrorCode.NotFound, `invitation ${invitationId} was not found`);
      if (invitation.acceptedAt) throw new IdentityException(IdentityErrorCode.InvalidState, 'this invitation was already accepted');
      invitation.revokedAt ??= new Date();
      return this.memberships.saveInvitation(manager, invitation);
    });
  }

  openInvitations(actor: Actor, organisationId: string): Promise<InvitationEntity[]> {
    if (!isOwnerOf(actor, organisationId)) throw notAllowed(organisationId);
    return this.memberships.openInvitations({ organisationId });
  }

  /** Owners change roles; an organisation always keeps at least one owner. */
  async changeRole(actor: Actor, organisationId: string, accountId: string, role: OrganisationRole): Promise<void> {
    if (!isOwnerOf(actor, organisationId)) throw notAllowed(organisationId);
    await this.dataSource.transaction(async (manager) => {
      const members = await this.memberships.lockMembers(manager, organisationId);
      const member = members.find((m) => m.accountId === accountId);
      if (!member) throw new IdentityException(IdentityErrorCode.NotFound, `account ${accountId} is not a member`);
      if (member.role === OrganisationRole.Owner && role !== OrganisationRole.Owner && members.filter((m) => m.role === OrganisationRole.Owner).length === 1) {
        throw new IdentityException(IdentityErrorCode.InvalidState, 'an organisation needs at least one owner; make someone else owner first');
      }
      await this.memberships.upsert(manager, organisationId, accountId, role);
    });
  }

  /** Owners remove members; anyone may leave. The last owner cannot go. */
  async remove(actor: Actor, organisationId: string, accountId: string): Promise<void> {
    const self = actor.accountId === accountId && actor.memberships.has(organisationId);
    if (!self && !isOwnerOf(actor, organisationId)) throw notAllowed(organisationId);
    await this.dataSource.transaction(async (manager) => {
      const members = await this.memberships.lockMembers(manager, organisationId);
      const member = members.find((m) => m.accountId === accountId);
      if (!member) throw new IdentityException(IdentityErrorCode.NotFound, `account ${accountId} is not a member`);
      if (member.role === OrganisationRole.Owner && members.filter((m) => m.role === OrganisationRole.Owner).length === 1) {
        throw new IdentityException(IdentityErrorCode.InvalidState, 'the last owner cannot leave; make someone else owner first');
      }
      await this.memberships.remove(manager, organisationId, accountId);
    });
  }
}

function rank(role: OrganisationRole): number {
  return { [OrganisationRole.Reviewer]: 1, [OrganisationRole.Editor]: 2, [OrganisationRole.Owner]: 3 }[role];
}

/** Organisations are public, so refusing says so (no existence to hide). */
function notAllowed(organisationId: string): IdentityException {
  return new IdentityException(IdentityErrorCode.Forbidden, `only owners of organisation ${organisationId} may do this`);
}
