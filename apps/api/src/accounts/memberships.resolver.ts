import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { InvitationEntity } from '@app/database';
import { type Actor, isOwnerOf, MembershipsService } from '@app/identity';
import { JuryService } from '@app/marketplace';
import { SignedIn } from '../auth/access.decorators.js';
import { CurrentActor } from '../auth/actor.js';
import { IdArgs } from '../catalogue/catalogue.inputs.js';
import { ChangeRoleArgs, Invitation, InviteMemberArgs, MemberArgs, OrganisationIdArgs, OrganisationMember, TokenArgs } from './accounts.types.js';

/** Organisation members, roles and invitations. */
@Resolver()
export class MembershipsResolver {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly jury: JuryService,
  ) {}

  @SignedIn()
  @Query(() => [OrganisationMember], { description: "The organisation's members (members and admins only)." })
  organisationMembers(@Args() { organisationId }: OrganisationIdArgs, @CurrentActor() actor: Actor): Promise<OrganisationMember[]> {
    return this.memberships.members(actor, organisationId);
  }

  @SignedIn()
  @Query(() => [Invitation], { description: 'Open invitations of the organisation (owners only).' })
  async organisationInvitations(@Args() { organisationId }: OrganisationIdArgs, @CurrentActor() actor: Actor): Promise<Invitation[]> {
    return (await this.memberships.openInvitations(actor, organisationId)).map(toInvitation);
  }

  @SignedIn()
  @Mutation(() => Invitation, { description: 'Mails an invitation to join with a role (owners only).' })
  async inviteOrganisationMember(@Args() { organisationId, email, role, locale }: InviteMemberArgs, @CurrentActor() actor: Actor): Promise<Invitation> {
    return toInvitation(await this.memberships.inviteMember(actor, organisationId, email, role, locale));
  }

  @SignedIn()
  @Mutation(() => Invitation, { description: 'Accepts an organisation or jury invitation with the token from the mail, as the invited address.' })
  async acceptInvitation(@Args() { token }: TokenArgs, @CurrentActor() actor: Actor): Promise<Invitation> {
    return toInvitation(await this.memberships.accept(actor, token, (manager, invitation, accountId) => this.jury.assignFromInvitation(manager, invitation, accountId)));
  }

  @SignedIn()
  @Mutation(() => Invitation, { description: 'Withdraws an open invitation (organisation owners; for juries the challenge owner).' })
  async revokeInvitation(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Invitation> {
    const juryOwners = await this.jury.ownerOfInvitationChallenge(id);
    return toInvitation(await this.memberships.revokeInvitation(actor, id, (invitation) =>
      invitation.organisationId ? isOwnerOf(actor, invitation.organisationId) : juryOwners !== null && isOwnerOf(actor, juryOwners)));
  }

  @SignedIn()
  @Mutation(() => Invitation, {
    description: 'Mails an open invitation again with a fresh link and expiry; the old link stops working (organisation owners; for juries the challenge owner).',
  })
  async resendInvitation(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Invitation> {
    const juryOwners = await this.jury.ownerOfInvitationChallenge(id);
    return toInvitation(await this.memberships.resendInvitation(actor, id, (invitation) =>
      invitation.organisationId ? isOwnerOf(actor, invitation.organisationId) : juryOwners !== null && isOwnerOf(actor, juryOwners)));
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Changes a member\'s role (owners only; one owner always stays).' })
  async changeMemberRole(@Args() { organisationId, accountId, role }: ChangeRoleArgs, @CurrentActor() actor: Actor): Promise<boolean> {
    await this.memberships.changeRole(actor, organisationId, accountId, role);
    return true;
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Removes a member (owners), or leaves (yourself).' })
  async removeMember(@Args() { organisationId, accountId }: MemberArgs, @CurrentActor() actor: Actor): Promise<boolean> {
    await this.memberships.remove(actor, organisationId, accountId);
    return true;
  }
}

export function toInvitation(i: InvitationEntity): Invitation {
  return {
    id: i.id, kind: i.kind, organisationId: i.organisationId, challengeId: i.challengeId, role: i.role as Invitation['role'], email: i.email,
    expiresAt: i.expiresAt, acceptedAt: i.acceptedAt, revokedAt: i.revokedAt,
  };
}
