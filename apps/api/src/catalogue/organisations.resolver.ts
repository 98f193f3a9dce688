import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ChallengeStatus, OrganisationsService } from '@app/marketplace';
import { SignedIn, Public } from '../auth/access.decorators.js';
import { type Actor, CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { text, toChallenge, toConnection, toNeed, toOrganisation } from './catalogue.mappers.js';
import { CreateOrganisationInput, IdArgs, OrganisationChallengesArgs, OrganisationNeedsArgs, PageArgs, UpdateOrganisationArgs } from './catalogue.inputs.js';
import { Challenge, Need, Organisation, OrganisationAward, OrganisationConnection, OrganisationLogo } from './catalogue.types.js';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly organisationService: OrganisationsService) {}

  @Public()
  @Query(() => Organisation)
  async organisation(@Args() { id }: IdArgs): Promise<Organisation> {
    return toOrganisation(await this.organisationService.get(id));
  }

  @Public()
  @Query(() => OrganisationConnection)
  async organisations(@Args() page: PageArgs) {
    return toConnection(await this.organisationService.list(page), toOrganisation);
  }

  @SignedIn()
  @Mutation(() => Organisation)
  async createOrganisation(@Args('input') input: CreateOrganisationInput, @CurrentActor() actor: Actor): Promise<Organisation> {
    return toOrganisation(await this.organisationService.create(actor, input));
  }

  @SignedIn()
  @Mutation(() => Organisation)
  async updateOrganisation(@Args() { id, input }: UpdateOrganisationArgs, @CurrentActor() actor: Actor): Promise<Organisation> {
    return toOrganisation(await this.organisationService.update(actor, id, input));
  }

  @SignedIn()
  @Mutation(() => Organisation, { description: 'Removes the logo (owners and editors). Upload one with POST /organisations/{id}/logo (multipart field "file").' })
  async removeOrganisationLogo(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Organisation> {
    return toOrganisation(await this.organisationService.removeLogo(actor, id));
  }

  @Public()
  @ResolveField(() => OrganisationLogo, { nullable: true, description: 'Upload with POST /organisations/{id}/logo (multipart field "file"; owners and editors).' })
  async logo(@Parent() organisation: Organisation, @Context() context: GraphQLContext): Promise<OrganisationLogo | null> {
    const logo = await context.loaders.organisationLogo.load(organisation.id);
    return logo ? { id: logo.id, contentType: logo.contentType, sizeBytes: logo.sizeBytes, url: `/attachments/${logo.id}` } : null;
  }

  @Public()
  @ResolveField(() => [Challenge], {
    description: 'Its challenges, newest first (at most 100): published public ones for everyone, invite-only ones you were let into, drafts for its members.',
  })
  async challenges(
    @Parent() organisation: Organisation, @Args() { status }: OrganisationChallengesArgs, @CurrentActor() actor: Actor, @Context() context: GraphQLContext,
  ): Promise<Challenge[]> {
    const visible = this.organisationService.visibleChallenges(actor, await context.loaders.organisationChallenges.load(organisation.id));
    return visible.filter((c) => !status || status.includes(c.status as ChallengeStatus)).map(toChallenge);
  }

  @Public()
  @ResolveField(() => [Need], { description: 'Its needs, newest first (at most 100): published and closed ones for everyone, drafts for its members.' })
  async needs(
    @Parent() organisation: Organisation, @Args() { status }: OrganisationNeedsArgs, @CurrentActor() actor: Actor, @Context() context: GraphQLContext,
  ): Promise<Need[]> {
    const visible = this.organisationService.visibleNeeds(actor, await context.loaders.organisationNeeds.load(organisation.id));
    return visible.filter((n) => !status || (status as string[]).includes(n.status)).map(toNeed);
  }

  @Public()
  @ResolveField(() => [OrganisationAward], { description: 'Published awards of its decided (AWARDED) challenges that you may see, newest decision first.' })
  async awards(@Parent() organisation: Organisation, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<OrganisationAward[]> {
    const decided = this.organisationService.visibleChallenges(actor, await context.loaders.organisationChallenges.load(organisation.id))
      .filter((c) => c.status === ChallengeStatus.Awarded)
      .sort((a, b) => (b.awardedAt?.getTime() ?? 0) - (a.awardedAt?.getTime() ?? 0));
    const proposals = await Promise.all(decided.map((c) => context.loaders.challengeAwardedProposals.load(c.id)));
    const awarded = decided.flatMap((challenge, i) => proposals[i].map((proposal) => ({ challenge, proposal })));
    const authors = await Promise.all(awarded.map(({ proposal }) => context.loaders.proposalAuthors.load(proposal.id)));
    return awarded.map(({ challenge, proposal }, i) => ({
      challengeId: challenge.id, challengeTitle: text(challenge.titleSl, challenge.titleEn), awardedAt: challenge.awardedAt,
      proposalTitle: text(proposal.titleSl, proposal.titleEn), authors: authors[i].map((a) => a.displayName), amountEur: proposal.awardEur,
      reason: proposal.awardReasonSl || proposal.awardReasonEn ? text(proposal.awardReasonSl, proposal.awardReasonEn) : null,
    }));
  }
}
