import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ChallengesService } from '@app/marketplace';
import { SignedIn, Public } from '../auth/access.decorators.js';
import { type Actor, CurrentActor, type GraphQLContext } from '../auth/actor.js';
import { text, toChallenge, toConnection, toOrganisation } from './catalogue.mappers.js';
import { CancelChallengeArgs, ChallengesArgs, CreateChallengeInput, IdArgs, MyOrganisationChallengesArgs, UpdateChallengeArgs } from './catalogue.inputs.js';
import { Attachment, Challenge, ChallengeConnection, ChallengePartner, ChallengeReward, EvaluationCriterion, Organisation } from './catalogue.types.js';
import type { RewardKind } from '@app/marketplace';

@Resolver(() => Challenge)
export class ChallengesResolver {
  constructor(private readonly challengeService: ChallengesService) {}

  @Public()
  @Query(() => Challenge, { description: 'A challenge; drafts exist only for members of the owner organisation.' })
  async challenge(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Challenge> {
    return toChallenge(await this.challengeService.get(actor, id));
  }

  @Public()
  @Query(() => ChallengeConnection)
  async challenges(@Args() { status, ...page }: ChallengesArgs, @CurrentActor() actor: Actor) {
    return toConnection(await this.challengeService.list(actor, page, status), toChallenge);
  }

  @SignedIn()
  @Query(() => ChallengeConnection, { description: "Challenges of the organisations you belong to (any role), drafts included, oldest first: your organisations' work list." })
  async myOrganisationChallenges(@Args() { status, ...page }: MyOrganisationChallengesArgs, @CurrentActor() actor: Actor) {
    return toConnection(await this.challengeService.listMine(actor, page, status), toChallenge);
  }

  @Public()
  @ResolveField(() => Organisation)
  async owner(@Parent() challenge: Challenge, @Context() context: GraphQLContext): Promise<Organisation> {
    const owner = await context.loaders.organisation.load(challenge.ownerOrganisationId);
    if (!owner) throw new Error(`challenge ${challenge.id} has no owner row`);
    return toOrganisation(owner);
  }

  @Public()
  @ResolveField(() => [ChallengePartner])
  async partners(@Parent() challenge: Challenge, @Context() context: GraphQLContext): Promise<ChallengePartner[]> {
    return (await context.loaders.challengePartners.load(challenge.id)).map((p) => ({ organisation: toOrganisation(p.organisation), role: text(p.roleSl, p.roleEn) }));
  }

  @Public()
  @ResolveField(() => [ChallengeReward])
  async rewards(@Parent() challenge: Challenge, @Context() context: GraphQLContext): Promise<ChallengeReward[]> {
    return (await context.loaders.challengeRewards.load(challenge.id)).map((r) => ({ kind: r.kind as RewardKind, amountEur: r.amountEur, description: text(r.descriptionSl, r.descriptionEn) }));
  }

  @Public()
  @ResolveField(() => [EvaluationCriterion])
  async evaluationCriteria(@Parent() challenge: Challenge, @Context() context: GraphQLContext): Promise<EvaluationCriterion[]> {
    return (await context.loaders.challengeCriteria.load(challenge.id)).map((c) => ({ id: c.id, name: text(c.nameSl, c.nameEn), weight: c.weight }));
  }

  @Public()
  @ResolveField(() => [Attachment], { description: 'Upload with POST /challenges/{id}/attachments (multipart field "file"; owners and editors).' })
  async attachments(@Parent() challenge: Challenge, @Context() context: GraphQLContext): Promise<Attachment[]> {
    return (await context.loaders.challengeAttachments.load(challenge.id)).map((a) => ({
      id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, sha256: a.sha256, url: `/attachments/${a.id}`, createdAt: a.createdAt,
    }));
  }

  @SignedIn()
  @Mutation(() => Challenge, { description: 'Creates a draft.' })
  async createChallenge(@Args('input') input: CreateChallengeInput, @CurrentActor() actor: Actor): Promise<Challenge> {
    return toChallenge(await this.challengeService.create(actor, input));
  }

  @SignedIn()
  @Mutation(() => Challenge)
  async updateChallenge(@Args() { id, input }: UpdateChallengeArgs, @CurrentActor() actor: Actor): Promise<Challenge> {
    return toChallenge(await this.challengeService.update(actor, id, input));
  }

  @SignedIn()
  @Mutation(() => Challenge, { description: 'DRAFT -> PUBLISHED; the challenge becomes searchable.' })
  async publishChallenge(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Challenge> {
    return toChallenge(await this.challengeService.publish(actor, id));
  }

  @SignedIn()
  @Mutation(() => Challenge, { description: 'SUBMISSIONS_CLOSED -> IN_REVIEW (submissions close by themselves at the deadline).' })
  async startChallengeReview(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Challenge> {
    return toChallenge(await this.challengeService.startReview(actor, id));
  }

  @SignedIn()
  @Mutation(() => Challenge, { description: 'IN_REVIEW -> CLOSED_WITHOUT_AWARD.' })
  async closeChallengeWithoutAward(@Args() { id }: IdArgs, @CurrentActor() actor: Actor): Promise<Challenge> {
    return toChallenge(await this.challengeService.closeWithoutAward(actor, id));
  }

  @SignedIn()
  @Mutation(() => Challenge, { description: 'Cancels a challenge before a decision; the reason is public.' })
  async cancelChallenge(@Args() { id, reason }: CancelChallengeArgs, @CurrentActor() actor: Actor): Promise<Challenge> {
    return toChallenge(await this.challengeService.cancel(actor, id, reason));
  }
}
