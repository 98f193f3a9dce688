import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreativeInvitationsService } from '@app/marketplace';
import { OrganiserOnly, Public } from '../auth/access.decorators.js';
import { type Actor, CurrentActor } from '../auth/actor.js';
import {
  AcceptCreativeInvitationArgs, AcceptedCreativeInvitation, CreativeInvitation, CreativeInvitationTokenArgs, ImportCreativeProfilesInput, invitationStatusName, ProfileImportReport,
} from './creative-invitations.types.js';

/** Onboarding real people at scale: imported profiles wait as invitations until the person accepts by the mailed link. */
@Resolver()
export class CreativeInvitationsResolver {
  constructor(private readonly invitations: CreativeInvitationsService) {}

  @OrganiserOnly()
  @Mutation(() => ProfileImportReport, {
    description: 'Imports creatives (CSV or JSON) as pending invitations, each mailed a link to accept or decline; nobody is searchable, matched or notified before accepting. '
      + 'Answers every row: created, duplicate (already invited or already has an account) or invalid (with the field and why). Bad rows never block good ones; '
      + 'the good ones are invited in one transaction; a dry run changes nothing. Organisers and platform admins.',
  })
  importCreativeProfiles(@Args('input') input: ImportCreativeProfilesInput, @CurrentActor() actor: Actor): Promise<ProfileImportReport> {
    return this.invitations.import(actor, { format: input.format, content: input.content, dryRun: input.dryRun ?? false, note: input.note });
  }

  @Public()
  @Query(() => CreativeInvitation, { description: 'What accepting the invitation of this link creates, and the consent explanation. Needs the mailed token only.' })
  async creativeInvitation(@Args() { token }: CreativeInvitationTokenArgs): Promise<CreativeInvitation> {
    const view = await this.invitations.view(token);
    return {
      status: invitationStatusName(view.status), email: view.email, profile: view.data, note: view.note, importedBy: view.importedBy, expiresAt: view.expiresAt,
      accountExists: view.accountExists, consentExplanationVersion: view.consentExplanationVersion, consentExplanation: view.consentExplanation,
    };
  }

  @Public()
  @Mutation(() => AcceptedCreativeInvitation, {
    description: 'Accepts with the mailed token: creates a verified account with this password and the profile as imported (if the address already has an account: '
      + 'sign in as it first, no password), and records matching consent only when given.',
  })
  acceptCreativeInvitation(@Args() args: AcceptCreativeInvitationArgs, @CurrentActor() actor: Actor): Promise<AcceptedCreativeInvitation> {
    return this.invitations.accept(actor, args);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Declines with the mailed token: the imported data is erased at once and the link stops working.' })
  async declineCreativeInvitation(@Args() { token }: CreativeInvitationTokenArgs): Promise<boolean> {
    await this.invitations.decline(token);
    return true;
  }
}
